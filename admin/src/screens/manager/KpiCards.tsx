import { useTranslate } from 'react-admin';
import { formatFen } from '../../format/money';
import { StatCard, StatRow } from '../shared/StatCard';
import { formatCount, formatHours, formatPercent } from '../../format/number';
import type { Dashboard } from './dashboardQuery';

/** The headline KPIs of the period. */
export function KpiCards({ d }: { d: Dashboard }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`screens.dashboard.kpi.${key}`, options);
  return (
    <StatRow>
      <StatCard label={t('totalMembers')} value={formatCount(d.totalMembers)} />
      <StatCard
        label={t('newMembers')}
        value={formatCount(d.newMembers)}
        hint={t('growth', { rate: formatPercent(d.memberGrowthRate) })}
      />
      <StatCard
        label={t('activeMembers30d')}
        value={formatCount(d.activeMembers30d)}
        hint={t('activeRate', { rate: formatPercent(d.activeRate) })}
      />
      <StatCard label={t('highValueRatio')} value={formatPercent(d.highValueRatio)} />
      <StatCard
        label={t('pointsIssued')}
        value={formatCount(d.pointsIssued)}
        hint={t('pointsOut', {
          redeemed: formatCount(d.pointsRedeemed),
          expired: formatCount(d.pointsExpired),
        })}
      />
      <StatCard label={t('activityParticipationRate')} value={formatPercent(d.activityParticipationRate)} />
      <StatCard
        label={t('complaintResolutionRate')}
        value={formatPercent(d.complaintResolutionRate)}
        hint={t('complaints', {
          count: formatCount(d.complaintCount),
          hours: d.avgHoursToResolve === null ? '—' : formatHours(d.avgHoursToResolve),
        })}
      />
      <StatCard
        label={t('overdueComplaints')}
        value={formatCount(d.overdueComplaints)}
        tone={d.overdueComplaints > 0 ? 'error' : undefined}
      />
      <StatCard
        label={t('followUpCompletionRate')}
        value={formatPercent(d.followUpCompletionRate)}
        hint={t('satisfaction', { score: d.avgSatisfaction === null ? '—' : d.avgSatisfaction.toFixed(1) })}
      />
      <StatCard label={t('storedValueBalance')} value={formatFen(d.storedValueBalance)} />
    </StatRow>
  );
}
