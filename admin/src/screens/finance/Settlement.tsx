import { useState } from 'react';
import { gql, useQuery } from '@apollo/client';
import { useTranslate } from 'react-admin';
import { formatFen } from '../../format/money';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { StatCard, StatRow } from '../shared/StatCard';
import { DataTable, type Column } from '../shared/DataTable';
import { PeriodPicker } from '../shared/PeriodPicker';
import { formatCount } from '../../format/number';
import { lastDays, periodRange } from '../shared/period';
import { ExportCsvButton } from './ExportCsvButton';

const SETTLEMENT = gql`
  query InterStoreSettlement($from: DateTime!, $to: DateTime!) {
    interStoreSettlement(from: $from, to: $to) {
      issuingDealershipId
      issuingDealership {
        name
      }
      consumingDealershipId
      consumingDealership {
        name
      }
      principalAmount
      bonusAmount
      entryCount
    }
  }
`;

interface Line {
  issuingDealershipId: string;
  issuingDealership: { name: string };
  consumingDealershipId: string;
  consumingDealership: { name: string };
  principalAmount: number;
  bonusAmount: number;
  entryCount: number;
}

/** Inter-store settlement (跨店结算): stored value issued by one dealership and spent at another. */
export default function Settlement() {
  const translate = useTranslate();
  const [period, setPeriod] = useState(() => lastDays(30));
  const range = periodRange(period);
  const { data, loading, error } = useQuery<{ interStoreSettlement: Line[] }>(SETTLEMENT, {
    variables: range,
    fetchPolicy: 'cache-and-network',
  });
  const lines = data?.interStoreSettlement ?? [];
  const t = (key: string) => translate(`screens.settlement.${key}`);
  const sum = (pick: (l: Line) => number) => lines.reduce((total, l) => total + pick(l), 0);

  const columns: Column<Line>[] = [
    { key: 'issuing', label: t('issuing'), render: (l) => l.issuingDealership.name },
    { key: 'consuming', label: t('consuming'), render: (l) => l.consumingDealership.name },
    { key: 'principal', label: t('principal'), align: 'right', render: (l) => formatFen(l.principalAmount) },
    { key: 'bonus', label: t('bonus'), align: 'right', render: (l) => formatFen(l.bonusAmount) },
    {
      key: 'total',
      label: t('total'),
      align: 'right',
      render: (l) => formatFen(l.principalAmount + l.bonusAmount),
    },
    { key: 'count', label: t('entries'), align: 'right', render: (l) => formatCount(l.entryCount) },
  ];

  return (
    <ScreenPage
      titleKey="screens.settlement.title"
      actions={<ExportCsvButton input={{ kind: 'INTER_STORE_SETTLEMENT', ...range }} />}
    >
      <PeriodPicker value={period} onChange={setPeriod} />
      <ErrorAlert error={error} />
      <StatRow>
        <StatCard label={t('principal')} value={formatFen(sum((l) => l.principalAmount))} />
        <StatCard label={t('bonus')} value={formatFen(sum((l) => l.bonusAmount))} />
        <StatCard label={t('entries')} value={formatCount(sum((l) => l.entryCount))} />
      </StatRow>
      <Section title={t('lines')}>
        <DataTable
          label={t('lines')}
          columns={columns}
          rows={lines}
          rowKey={(l) => `${l.issuingDealershipId}>${l.consumingDealershipId}`}
          loading={loading}
          emptyKey="screens.settlement.none"
        />
      </Section>
    </ScreenPage>
  );
}
