import type { FormEvent, ReactNode } from 'react';
import { Stack } from '@mui/material';

/** The row of filters above a list; wraps on narrow screens. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
      {children}
    </Stack>
  );
}

/** A filter row that is a search form: typed criteria apply on submit. */
export function SearchForm({ onSearch, children }: { onSearch: () => void; children: ReactNode }) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch();
  };
  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      alignItems="center"
      flexWrap="wrap"
      useFlexGap
      onSubmit={submit}
      role="search"
    >
      {children}
    </Stack>
  );
}
