import { useEffect, useState } from 'react';
import { gql, useQuery } from '@apollo/client';
import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useStaff } from './staff';

const DEALERSHIPS = gql`
  query Dealerships($filter: DealershipFilter, $sort: [DealershipSort!], $page: PageInput) {
    dealerships(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        code
        name
        city
      }
      total
    }
  }
`;

export interface DealershipOption {
  id: string;
  code: string;
  name: string;
  city: string | null;
}

/** The group's active dealerships (a group has tens, not thousands). */
export function useDealerships(): { dealerships: DealershipOption[]; loading: boolean } {
  const { data, loading } = useQuery<{ dealerships: { items: DealershipOption[] } }>(DEALERSHIPS, {
    variables: {
      filter: { active: true },
      sort: [{ field: 'CODE', order: 'ASC' }],
      page: { page: 1, perPage: 200 },
    },
  });
  return { dealerships: data?.dealerships.items ?? [], loading };
}

/**
 * The store a desk operation happens at: the staff user's own store when they have one (fixed),
 * otherwise the one they pick.
 */
export function useWorkingDealership(): [string, (id: string) => void, boolean] {
  const { dealershipId } = useStaff();
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    if (dealershipId) setChosen(dealershipId);
  }, [dealershipId]);
  return [chosen, setChosen, Boolean(dealershipId)];
}

type Props = Omit<TextFieldProps, 'onChange' | 'select' | 'value'> & {
  value: string;
  onChange: (id: string) => void;
  /** Offer "all dealerships" with the empty value (report filters). */
  allowAll?: boolean;
};

/** A dealership picker; locked when the staff user belongs to a store. */
export function DealershipSelect({ value, onChange, allowAll, label, ...field }: Props) {
  const translate = useTranslate();
  const { dealershipId } = useStaff();
  const { dealerships } = useDealerships();
  const known = dealerships.some((d) => d.id === value);
  const shown = known || value === '' ? value : '';
  return (
    <TextField
      select
      size="small"
      label={label ?? translate('screens.common.dealership')}
      value={shown}
      onChange={(e) => onChange(e.target.value)}
      disabled={Boolean(dealershipId)}
      sx={{ minWidth: 200 }}
      {...field}
      // A disabled select does not always move its label up once its value arrives (the label then
      // sits over the store's name): shrink it whenever a dealership is shown.
      slotProps={{ ...field.slotProps, inputLabel: { ...field.slotProps?.inputLabel, ...(shown ? { shrink: true } : {}) } }}
    >
      {allowAll && <MenuItem value="">{translate('screens.common.allDealerships')}</MenuItem>}
      {dealerships.map((d) => (
        <MenuItem key={d.id} value={d.id}>
          {d.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
