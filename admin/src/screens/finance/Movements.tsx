import { useState } from 'react';
import { gql, useQuery } from '@apollo/client';
import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatFen } from '../../format/money';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert, Loading, Empty } from '../shared/states';
import { StatCard, StatRow } from '../shared/StatCard';
import { PeriodPicker } from '../shared/PeriodPicker';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { everyDay, lastDays, periodRange } from '../shared/period';
import { useYuanAxis } from './chartFormat';
import { ExportCsvButton } from './ExportCsvButton';

const MOVEMENTS = gql`
  query StoredValueMovements($from: DateTime!, $to: DateTime!, $dealershipId: ID) {
    storedValueMovements(from: $from, to: $to, dealershipId: $dealershipId) {
      recharged
      bonusGranted
      consumedPrincipal
      consumedBonus
      refunded
      forfeitedBonus
      days {
        date
        recharged
        bonusGranted
        consumed
        refunded
      }
    }
  }
`;

interface Movements {
  recharged: number;
  bonusGranted: number;
  consumedPrincipal: number;
  consumedBonus: number;
  refunded: number;
  forfeitedBonus: number;
  days: { date: string; recharged: number; bonusGranted: number; consumed: number; refunded: number }[];
}

/** Stored-value movements (储值变动) over a period: totals and a chart per day. */
export default function Movements() {
  const translate = useTranslate();
  const yuanAxis = useYuanAxis();
  const [period, setPeriod] = useState(() => lastDays(30));
  const [dealershipId, setDealershipId] = useWorkingDealership();
  const range = periodRange(period);
  const { data, loading, error } = useQuery<{ storedValueMovements: Movements }>(MOVEMENTS, {
    variables: { ...range, dealershipId: dealershipId || undefined },
    fetchPolicy: 'cache-and-network',
  });
  const m = data?.storedValueMovements;
  const t = (key: string) => translate(`screens.movements.${key}`);

  return (
    <ScreenPage
      titleKey="screens.movements.title"
      actions={
        <ExportCsvButton
          input={{ kind: 'STORED_VALUE_MOVEMENTS', ...range, dealershipId: dealershipId || undefined }}
        />
      }
    >
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <PeriodPicker value={period} onChange={setPeriod} />
        <DealershipSelect allowAll value={dealershipId} onChange={setDealershipId} />
      </Stack>
      <ErrorAlert error={error} />
      {m && (
        <StatRow>
          <StatCard label={t('recharged')} value={formatFen(m.recharged)} />
          <StatCard label={t('bonusGranted')} value={formatFen(m.bonusGranted)} />
          <StatCard label={t('consumedPrincipal')} value={formatFen(m.consumedPrincipal)} />
          <StatCard label={t('consumedBonus')} value={formatFen(m.consumedBonus)} />
          <StatCard label={t('refunded')} value={formatFen(m.refunded)} />
          <StatCard label={t('forfeitedBonus')} value={formatFen(m.forfeitedBonus)} />
        </StatRow>
      )}
      <Section title={t('byDay')}>
        {!m ? (
          loading && <Loading />
        ) : m.days.length === 0 ? (
          <Empty />
        ) : (
          <figure aria-label={t('byDay')} style={{ margin: 0 }}>
            <ResponsiveContainer width="100%" height={320}>
              <ComposedChart
                data={everyDay(period, m.days, { recharged: 0, bonusGranted: 0, consumed: 0, refunded: 0 })}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} />
                <YAxis {...yuanAxis} />
                <Tooltip formatter={(v) => formatFen(Number(v))} labelFormatter={(d) => String(d)} />
                <Legend />
                <Bar dataKey="recharged" name={t('recharged')} fill="#1976d2" />
                <Bar dataKey="bonusGranted" name={t('bonusGranted')} fill="#ffa726" />
                <Line
                  type="linear"
                  dataKey="consumed"
                  name={t('consumed')}
                  stroke="#2e7d32"
                  strokeWidth={2}
                  dot={false}
                />
                <Line
                  type="linear"
                  dataKey="refunded"
                  name={t('refunded')}
                  stroke="#d32f2f"
                  strokeWidth={2}
                  dot={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </figure>
        )}
      </Section>
    </ScreenPage>
  );
}
