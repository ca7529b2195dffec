import { useEffect, useState, type FormEvent } from 'react';
import { useLazyQuery } from '@apollo/client';
import { Button, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from '../../../format/money';
import { DataTable, type Column } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/states';
import { useEnumLabel } from '../../shared/enums';
import { CARDS, type CardSummary } from './cardQueries';

interface Props {
  /** When a member is chosen, their cards are listed without a search. */
  memberId?: string;
  selectedId: string | null;
  onSelect: (card: CardSummary) => void;
  /** Changes after a card is issued so the member's list reloads. */
  refreshKey?: string;
}

/** Finds cards by number (full for another store's) or lists a member's cards. */
export function CardFinder({ memberId, selectedId, onSelect, refreshKey }: Props) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [cardNo, setCardNo] = useState('');
  const [find, { data, loading, error, called }] = useLazyQuery<{ cards: { items: CardSummary[] } }>(CARDS, {
    fetchPolicy: 'network-only',
  });

  useEffect(() => {
    if (memberId)
      void find({
        variables: {
          filter: { memberId },
          sort: [{ field: 'CREATED_AT', order: 'DESC' }],
          page: { page: 1, perPage: 50 },
        },
      });
  }, [memberId, refreshKey, find]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = cardNo.replace(/\s+/g, '');
    if (q) void find({ variables: { filter: { q }, page: { page: 1, perPage: 20 } } });
  };

  const columns: Column<CardSummary>[] = [
    { key: 'no', label: translate('screens.cardDesk.cardNo'), render: (c) => <code>{c.cardNo}</code> },
    { key: 'type', label: translate('screens.cardDesk.type'), render: (c) => enumLabel('CardType', c.type) },
    {
      key: 'status',
      label: translate('screens.cardDesk.status'),
      render: (c) => enumLabel('CardStatus', c.status),
    },
    { key: 'member', label: translate('screens.cardDesk.member'), render: (c) => c.member.name },
    {
      key: 'balance',
      label: translate('screens.cardDesk.balance'),
      align: 'right',
      render: (c) =>
        c.type === 'COUNT'
          ? translate('screens.cardDesk.uses', { uses: c.remainingUses ?? 0 })
          : c.type === 'STORED_VALUE'
            ? formatFen(c.balance)
            : '',
    },
    { key: 'dealership', label: translate('screens.cardDesk.issuedAt'), render: (c) => c.dealership.name },
  ];

  return (
    <Stack spacing={1}>
      {!memberId && (
        <Stack component="form" direction="row" spacing={1} onSubmit={submit} role="search">
          <TextField
            size="small"
            label={translate('screens.cardDesk.findByNo')}
            value={cardNo}
            onChange={(e) => setCardNo(e.target.value)}
            sx={{ minWidth: 260 }}
          />
          <Button type="submit" variant="outlined">
            {translate('screens.common.search')}
          </Button>
        </Stack>
      )}
      <ErrorAlert error={error} />
      {(called || memberId) && (
        <DataTable
          label={translate('screens.cardDesk.cards')}
          columns={columns}
          rows={data?.cards.items ?? []}
          rowKey={(c) => c.id}
          loading={loading}
          onRowClick={onSelect}
          selectedKey={selectedId}
          emptyKey="screens.cardDesk.noCards"
          maxHeight={240}
        />
      )}
    </Stack>
  );
}
