import { useState } from 'react';
import { gql, useQuery } from '@apollo/client';
import { Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatFen } from '../../format/money';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { StatCard, StatRow } from '../shared/StatCard';
import { DataTable, type Column } from '../shared/DataTable';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { formatDateTime } from '../../format/date';
import { formatCount } from '../../format/number';
import { addDays, dayStart, today } from '../shared/period';
import { useYuanAxis } from './chartFormat';
import { ExportCsvButton } from './ExportCsvButton';

const LIABILITY = gql`
  query StoredValueLiability($asOf: DateTime, $dealershipId: ID) {
    storedValueLiability(asOf: $asOf, dealershipId: $dealershipId) {
      asOf
      totalBalance
      principalBalance
      bonusBalance
      cardCount
      expiredBalance
      byDealership {
        dealershipId
        dealership {
          name
        }
        balance
        principalBalance
        bonusBalance
        cardCount
        expiredBalance
      }
    }
  }
`;

interface Line {
  dealershipId: string;
  dealership: { name: string };
  balance: number;
  principalBalance: number;
  bonusBalance: number;
  cardCount: number;
  expiredBalance: number;
}

/** Stored value owed (储值余额) by issuing dealership at the end of a chosen day, from the card ledger. */
export default function Liability() {
  const translate = useTranslate();
  const [day, setDay] = useState(today);
  const [dealershipId, setDealershipId] = useWorkingDealership();
  // The end of the chosen day; today means "now".
  const asOf = day === today() ? undefined : dayStart(addDays(day, 1));
  const { data, loading, error } = useQuery<{
    storedValueLiability: Line & { asOf: string; totalBalance: number; byDealership: Line[] };
  }>(LIABILITY, {
    variables: { asOf, dealershipId: dealershipId || undefined },
    fetchPolicy: 'cache-and-network',
  });
  const yuanAxis = useYuanAxis();
  const report = data?.storedValueLiability;
  const t = (key: string) => translate(`screens.liability.${key}`);

  const columns: Column<Line>[] = [
    { key: 'name', label: translate('screens.liability.issuing'), render: (l) => l.dealership.name },
    { key: 'balance', label: t('balance'), align: 'right', render: (l) => formatFen(l.balance) },
    { key: 'principal', label: t('principal'), align: 'right', render: (l) => formatFen(l.principalBalance) },
    { key: 'bonus', label: t('bonus'), align: 'right', render: (l) => formatFen(l.bonusBalance) },
    { key: 'expired', label: t('expired'), align: 'right', render: (l) => formatFen(l.expiredBalance) },
    { key: 'cards', label: t('cards'), align: 'right', render: (l) => formatCount(l.cardCount) },
  ];

  return (
    <ScreenPage
      titleKey="screens.liability.title"
      actions={
        <ExportCsvButton
          input={{ kind: 'STORED_VALUE_LIABILITY', to: asOf, dealershipId: dealershipId || undefined }}
        />
      }
    >
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <TextField
          type="date"
          size="small"
          label={t('asOf')}
          value={day}
          onChange={(e) => e.target.value && setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today() } }}
        />
        <DealershipSelect allowAll value={dealershipId} onChange={setDealershipId} />
      </Stack>
      <ErrorAlert error={error} />
      {report && (
        <StatRow>
          <StatCard
            label={t('balance')}
            value={formatFen(report.totalBalance)}
            hint={translate('screens.liability.at', { at: formatDateTime(report.asOf) })}
          />
          <StatCard label={t('principal')} value={formatFen(report.principalBalance)} />
          <StatCard label={t('bonus')} value={formatFen(report.bonusBalance)} />
          <StatCard label={t('expired')} value={formatFen(report.expiredBalance)} />
          <StatCard label={t('cards')} value={formatCount(report.cardCount)} />
        </StatRow>
      )}
      <Section title={t('byDealership')}>
        {report && report.byDealership.length > 0 && (
          <ResponsiveContainer width="100%" height={220}>
            <BarChart
              data={report.byDealership.map((l) => ({
                name: l.dealership.name,
                principal: l.principalBalance,
                bonus: l.bonusBalance,
              }))}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis {...yuanAxis} />
              <Tooltip formatter={(v) => formatFen(Number(v))} />
              <Legend />
              <Bar dataKey="principal" name={t('principal')} stackId="a" fill="#1976d2" />
              <Bar dataKey="bonus" name={t('bonus')} stackId="a" fill="#ffa726" />
            </BarChart>
          </ResponsiveContainer>
        )}
        <DataTable
          label={t('byDealership')}
          columns={columns}
          rows={report?.byDealership ?? []}
          rowKey={(l) => l.dealershipId}
          loading={loading}
        />
      </Section>
    </ScreenPage>
  );
}
