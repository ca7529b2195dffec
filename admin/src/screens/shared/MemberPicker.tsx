import { useState, type FormEvent } from 'react';
import { gql, useLazyQuery } from '@apollo/client';
import { Box, Button, Chip, List, ListItemButton, ListItemText, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ErrorAlert, Loading } from './states';

const FIND_MEMBERS = gql`
  query Members($filter: MemberFilter, $sort: [MemberSort!], $page: PageInput) {
    members(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        memberNo
        name
        phone
        status
        pointsBalance
        tier {
          id
          code
          name
        }
        homeDealership {
          id
          name
        }
      }
      total
    }
  }
`;

export interface PickedMember {
  id: string;
  memberNo: string;
  name: string;
  phone: string;
  status: string;
  pointsBalance: number;
  tier: { id: string; code: string; name: string };
  homeDealership: { id: string; name: string } | null;
}

/**
 * Finds a member by phone, member number, plate or name (store staff reach another store's
 * member by an exact identifier only) and hands the chosen one up.
 */
export function MemberPicker({
  value,
  onChange,
}: {
  value: PickedMember | null;
  onChange: (m: PickedMember | null) => void;
}) {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const [find, { data, loading, error, called }] = useLazyQuery<{
    members: { items: PickedMember[]; total: number };
  }>(FIND_MEMBERS, {
    fetchPolicy: 'network-only',
  });

  if (value) {
    return (
      <Stack direction="row" alignItems="center" spacing={1} flexWrap="wrap">
        <Chip
          color="primary"
          label={`${value.name} · ${value.memberNo} · ${value.tier.name}`}
          aria-label={translate('screens.memberPicker.selected')}
        />
        <Button size="small" onClick={() => onChange(null)}>
          {translate('screens.memberPicker.change')}
        </Button>
      </Stack>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) void find({ variables: { filter: { q: q.trim() }, page: { page: 1, perPage: 10 } } });
  };
  const items = data?.members.items ?? [];
  return (
    <Box>
      <Stack component="form" direction="row" spacing={1} onSubmit={submit} role="search">
        <TextField
          size="small"
          label={translate('screens.memberPicker.query')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          sx={{ minWidth: 280 }}
        />
        <Button type="submit" variant="outlined">
          {translate('screens.memberPicker.search')}
        </Button>
      </Stack>
      {loading && <Loading />}
      <ErrorAlert error={error} />
      {called && !loading && !error && items.length === 0 && (
        <Box sx={{ p: 1, color: 'text.secondary' }}>{translate('screens.memberPicker.none')}</Box>
      )}
      {items.length > 0 && (
        <List
          dense
          aria-label={translate('screens.memberPicker.results')}
          sx={{ maxHeight: 240, overflow: 'auto' }}
        >
          {items.map((m) => (
            <ListItemButton key={m.id} onClick={() => onChange(m)}>
              <ListItemText
                primary={`${m.name} · ${m.memberNo}`}
                secondary={`${m.phone} · ${m.tier.name}${m.homeDealership ? ` · ${m.homeDealership.name}` : ''}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Box>
  );
}
