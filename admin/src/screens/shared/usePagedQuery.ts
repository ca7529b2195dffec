import { useState } from 'react';
import { useQuery, type ApolloError, type DocumentNode } from '@apollo/client';

/** One page of a list query, with what the pager needs. */
export interface PagedList<T> {
  rows: T[];
  total: number;
  loading: boolean;
  error: ApolloError | undefined;
  page: number;
  perPage: number;
  setPage: (page: number) => void;
  /** A filter's setter that also goes back to the first page (the old page may not exist any more). */
  refilter: <V>(set: (value: V) => void) => (value: V) => void;
}

/**
 * A `xs(filter, sort, page) { items total }` list query of the conventional shape, paged here;
 * `field` names the list in the result (e.g. "notifications").
 */
export function usePagedQuery<T>(
  query: DocumentNode,
  field: string,
  {
    filter,
    sort,
    perPage,
  }: { filter: Record<string, unknown>; sort: { field: string; order: 'ASC' | 'DESC' }[]; perPage: number },
): PagedList<T> {
  const [page, setPage] = useState(1);
  const { data, loading, error } = useQuery<Record<string, { items: T[]; total: number }>>(query, {
    variables: { filter, sort, page: { page, perPage } },
    fetchPolicy: 'cache-and-network',
  });
  const list = data?.[field];
  return {
    rows: list?.items ?? [],
    total: list?.total ?? 0,
    loading,
    error,
    page,
    perPage,
    setPage,
    refilter: (set) => (value) => {
      set(value);
      setPage(1);
    },
  };
}
