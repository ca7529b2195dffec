import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from '../../../format/money';
import type { Column } from '../../shared/DataTable';
import { TableSection } from '../../shared/TableSection';
import { useEnumLabel } from '../../shared/enums';
import { formatDate, formatDateTime } from '../../../format/date';
import { formatCount } from '../../../format/number';
import type { Member360Data } from './member360Query';

type M = NonNullable<Member360Data['member']>;
type Row<K extends keyof M> = M[K] extends (infer R)[] ? R : never;

/** The member's vehicles, cards, benefits, points, sales, complaints and calls, each a small table. */
export function MemberHistory({ data }: { data: Member360Data & { member: M } }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const t = (key: string, options?: object) => translate(`screens.member360.${key}`, options);
  const { member } = data;

  const vehicles: Column<Row<'vehicles'>>[] = [
    {
      key: 'plate',
      label: translate('screens.fields.vehicle.plateNumber'),
      render: (v) => v.plateNumber ?? '',
    },
    {
      key: 'car',
      label: translate('screens.fields.vehicle.model'),
      render: (v) => [v.brand, v.model].filter(Boolean).join(' '),
    },
    { key: 'vin', label: translate('screens.fields.vehicle.vin'), render: (v) => <code>{v.vin}</code> },
    { key: 'service', label: t('nextService'), render: (v) => formatDate(v.nextServiceDueDate) },
  ];
  const cards: Column<Row<'cards'>>[] = [
    { key: 'no', label: translate('screens.cardDesk.cardNo'), render: (c) => <code>{c.cardNo}</code> },
    { key: 'type', label: translate('screens.cardDesk.type'), render: (c) => enumLabel('CardType', c.type) },
    {
      key: 'status',
      label: translate('screens.cardDesk.status'),
      render: (c) => enumLabel('CardStatus', c.status),
    },
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
  ];
  const benefits: Column<Row<'benefits'>>[] = [
    { key: 'name', label: translate('screens.redeemBenefit.benefit'), render: (b) => b.benefit.name },
    {
      key: 'usage',
      label: translate('screens.redeemBenefit.usage'),
      align: 'right',
      render: (b) => `${b.used} / ${b.quota}`,
    },
    {
      key: 'status',
      label: translate('screens.cardDesk.status'),
      render: (b) => enumLabel('MemberBenefitStatus', b.status),
    },
    {
      key: 'end',
      label: translate('screens.redeemBenefit.periodEnd'),
      render: (b) => formatDate(b.periodEnd),
    },
  ];
  const points: Column<M['pointsEntries']['items'][number]>[] = [
    { key: 'at', label: t('when'), render: (p) => formatDateTime(p.createdAt) },
    { key: 'type', label: t('pointsType'), render: (p) => enumLabel('PointsEntryType', p.type) },
    {
      key: 'points',
      label: t('pointsChange'),
      align: 'right',
      render: (p) => (p.points > 0 ? `+${formatCount(p.points)}` : formatCount(p.points)),
    },
    { key: 'after', label: t('balanceAfter'), align: 'right', render: (p) => formatCount(p.balanceAfter) },
    { key: 'reason', wrap: true, label: t('reason'), render: (p) => p.reason ?? '' },
  ];
  const sales: Column<Member360Data['transactions']['items'][number]>[] = [
    { key: 'at', label: t('when'), render: (s) => formatDateTime(s.occurredAt) },
    {
      key: 'type',
      label: translate('screens.fields.transactionType'),
      render: (s) => enumLabel('TransactionType', s.type),
    },
    { key: 'amount', label: t('amount'), align: 'right', render: (s) => formatFen(s.amount) },
    { key: 'points', label: t('pointsEarned'), align: 'right', render: (s) => formatCount(s.pointsEarned) },
  ];
  const complaints: Column<Member360Data['complaints']['items'][number]>[] = [
    { key: 'no', label: t('ticketNo'), render: (c) => c.ticketNo },
    {
      key: 'category',
      label: translate('screens.complaints.category'),
      render: (c) => enumLabel('ComplaintCategory', c.category),
    },
    {
      key: 'status',
      label: translate('screens.cardDesk.status'),
      render: (c) => enumLabel('ComplaintStatus', c.status),
    },
    { key: 'at', label: t('when'), render: (c) => formatDateTime(c.createdAt) },
  ];
  const calls: Column<Member360Data['followUps']['items'][number]>[] = [
    {
      key: 'kind',
      label: translate('screens.followUps.kind'),
      render: (f) => enumLabel('FollowUpKind', f.kind),
    },
    {
      key: 'status',
      label: translate('screens.followUps.status'),
      render: (f) => enumLabel('FollowUpStatus', f.status),
    },
    { key: 'due', label: translate('screens.followUps.due'), render: (f) => formatDateTime(f.dueAt) },
  ];

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
        gap: 2,
        alignItems: 'start',
      }}
    >
      <TableSection
        title={t('vehicles', { total: member.vehicles.length })}
        columns={vehicles}
        rows={member.vehicles}
        rowKey={(v) => v.id}
      />
      <TableSection
        title={t('cards', { total: member.cards.length })}
        columns={cards}
        rows={member.cards}
        rowKey={(c) => c.id}
      />
      <TableSection
        title={t('transactions', { total: data.transactions.total })}
        columns={sales}
        rows={data.transactions.items}
        rowKey={(s) => s.id}
        maxHeight={320}
      />
      <TableSection
        title={t('points', { total: member.pointsEntries.total })}
        columns={points}
        rows={member.pointsEntries.items}
        rowKey={(p) => p.id}
        maxHeight={320}
      />
      <TableSection
        title={t('benefits', { total: member.benefits.length })}
        columns={benefits}
        rows={member.benefits}
        rowKey={(b) => b.id}
        maxHeight={320}
      />
      <TableSection
        title={t('complaints', { total: data.complaints.total })}
        columns={complaints}
        rows={data.complaints.items}
        rowKey={(c) => c.id}
      />
      <TableSection
        title={t('followUps', { total: data.followUps.total })}
        columns={calls}
        rows={data.followUps.items}
        rowKey={(f) => f.id}
      />
    </Box>
  );
}
