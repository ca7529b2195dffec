import { useState } from 'react';
import { useQuery } from '@apollo/client';
import { Box, Tab, Tabs } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from '../../../format/money';
import { Section } from '../../shared/ScreenPage';
import { StatCard, StatRow } from '../../shared/StatCard';
import { DataTable, type Column } from '../../shared/DataTable';
import { ErrorAlert, Loading } from '../../shared/states';
import { useEnumLabel } from '../../shared/enums';
import { formatDate, formatDateTime } from '../../../format/date';
import { CARD, type CardDetail, type CardEntry } from './cardQueries';
import { CardMoveForm } from './CardMoveForm';

/** One card: balances, top-up and spend, and its ledger (newest first). */
export function CardPanel({ cardId, dealershipId }: { cardId: string; dealershipId: string }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [tab, setTab] = useState<'topUp' | 'spend'>('topUp');
  const { data, loading, error, refetch } = useQuery<{ card: CardDetail | null }>(CARD, {
    variables: { id: cardId },
    fetchPolicy: 'cache-and-network',
  });
  const card = data?.card;
  if (!card) return loading ? <Loading /> : <ErrorAlert error={error} />;

  const counted = card.type === 'COUNT';
  const money = card.type === 'STORED_VALUE';
  const usable = card.status === 'ACTIVE' && (money || counted);
  const columns: Column<CardEntry>[] = [
    { key: 'at', label: translate('screens.cardDesk.entryAt'), render: (e) => formatDateTime(e.createdAt) },
    {
      key: 'type',
      label: translate('screens.cardDesk.entryType'),
      render: (e) => enumLabel('CardEntryType', e.type),
    },
    ...(counted
      ? [
          {
            key: 'uses',
            label: translate('screens.cardDesk.entryUses'),
            align: 'right' as const,
            render: (e: CardEntry) => ((e.uses ?? 0) > 0 ? `+${e.uses}` : String(e.uses ?? 0)),
          },
          {
            key: 'usesAfter',
            label: translate('screens.cardDesk.usesAfter'),
            align: 'right' as const,
            render: (e: CardEntry) => e.remainingUsesAfter ?? '',
          },
        ]
      : [
          {
            key: 'principal',
            label: translate('screens.cardDesk.principalChange'),
            align: 'right' as const,
            render: (e: CardEntry) => formatFen(e.principalAmount),
          },
          {
            key: 'bonus',
            label: translate('screens.cardDesk.bonusChange'),
            align: 'right' as const,
            render: (e: CardEntry) => formatFen(e.bonusAmount),
          },
          {
            key: 'after',
            label: translate('screens.cardDesk.balanceAfter'),
            align: 'right' as const,
            render: (e: CardEntry) => formatFen(e.balanceAfter),
          },
        ]),
    { key: 'where', label: translate('screens.common.dealership'), render: (e) => e.dealership?.name ?? '' },
    {
      key: 'pay',
      label: translate('screens.cardDesk.paymentMethod'),
      render: (e) => enumLabel('PaymentMethod', e.paymentMethod),
    },
    { key: 'note', wrap: true, label: translate('screens.fields.note'), render: (e) => e.note ?? '' },
  ];

  return (
    <Section title={translate('screens.cardDesk.cardTitle', { cardNo: card.cardNo })}>
      <StatRow>
        <StatCard
          label={translate('screens.cardDesk.member')}
          value={card.member.name}
          hint={card.member.memberNo}
        />
        <StatCard
          label={translate('screens.cardDesk.type')}
          value={enumLabel('CardType', card.type)}
          hint={card.serviceName ?? undefined}
        />
        <StatCard
          label={translate('screens.cardDesk.status')}
          value={enumLabel('CardStatus', card.status)}
          tone={card.status === 'ACTIVE' ? undefined : 'error'}
          hint={
            card.expiresAt
              ? translate('screens.cardDesk.expires', { date: formatDate(card.expiresAt) })
              : undefined
          }
        />
        {money && <StatCard label={translate('screens.cardDesk.balance')} value={formatFen(card.balance)} />}
        {money && (
          <StatCard
            label={translate('screens.cardDesk.principalBalance')}
            value={formatFen(card.principalBalance)}
          />
        )}
        {money && (
          <StatCard label={translate('screens.cardDesk.bonusBalance')} value={formatFen(card.bonusBalance)} />
        )}
        {counted && (
          <StatCard label={translate('screens.cardDesk.remainingUses')} value={card.remainingUses ?? 0} />
        )}
      </StatRow>
      {usable && (
        <Box sx={{ mt: 2, maxWidth: 420 }}>
          <Tabs
            value={tab}
            onChange={(_, v) => setTab(v)}
            aria-label={translate('screens.cardDesk.operations')}
          >
            <Tab value="topUp" label={translate('screens.cardDesk.topUp')} />
            <Tab value="spend" label={translate('screens.cardDesk.spend')} />
          </Tabs>
          <Box sx={{ pt: 2 }}>
            <CardMoveForm
              key={`${tab}-${card.id}`}
              mode={tab}
              card={card}
              dealershipId={dealershipId}
              onDone={() => void refetch()}
            />
          </Box>
        </Box>
      )}
      <Box sx={{ mt: 2 }}>
        <DataTable
          label={translate('screens.cardDesk.entries', { total: card.entries.total })}
          columns={columns}
          rows={card.entries.items}
          rowKey={(e) => e.id}
          loading={loading}
          emptyKey="screens.cardDesk.noEntries"
          maxHeight={320}
        />
      </Box>
    </Section>
  );
}
