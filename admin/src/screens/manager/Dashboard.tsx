import { useState } from 'react';
import { useQuery } from '@apollo/client';
import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage } from '../shared/ScreenPage';
import { ErrorAlert, Loading } from '../shared/states';
import { PeriodPicker } from '../shared/PeriodPicker';
import { DealershipSelect, useWorkingDealership } from '../shared/dealerships';
import { lastDays, periodRange } from '../shared/period';
import {
  COMPLAINT_STATS,
  DASHBOARD,
  type ComplaintStats,
  type Dashboard as DashboardData,
} from './dashboardQuery';
import { KpiCards } from './KpiCards';
import { DashboardCharts } from './DashboardCharts';

/** The managers' KPI dashboard (经营看板) over a period, for the group or one dealership. */
export default function Dashboard() {
  const translate = useTranslate();
  const [period, setPeriod] = useState(() => lastDays(30));
  const [dealershipId, setDealershipId] = useWorkingDealership();
  const range = periodRange(period);
  const store = dealershipId || undefined;
  const dashboard = useQuery<{ dashboard: DashboardData }>(DASHBOARD, {
    variables: { filter: { ...range, dealershipId: store } },
    fetchPolicy: 'cache-and-network',
  });
  const complaints = useQuery<{ complaintStats: ComplaintStats }>(COMPLAINT_STATS, {
    variables: { ...range, dealershipId: store },
    fetchPolicy: 'cache-and-network',
  });
  const d = dashboard.data?.dashboard;

  return (
    <ScreenPage titleKey="screens.dashboard.title">
      <Stack
        direction="row"
        spacing={1}
        flexWrap="wrap"
        useFlexGap
        aria-label={translate('screens.dashboard.filters')}
      >
        <PeriodPicker value={period} onChange={setPeriod} />
        <DealershipSelect allowAll value={dealershipId} onChange={setDealershipId} />
      </Stack>
      <ErrorAlert error={dashboard.error} />
      {!d && dashboard.loading && <Loading />}
      {d && (
        <>
          <KpiCards d={d} />
          <DashboardCharts d={d} complaints={complaints.data?.complaintStats} period={period} />
        </>
      )}
    </ScreenPage>
  );
}
