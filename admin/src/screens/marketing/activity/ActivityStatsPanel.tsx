import { useQuery } from '@apollo/client';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatFen } from '../../../format/money';
import { Section } from '../../shared/ScreenPage';
import { StatCard, StatRow } from '../../shared/StatCard';
import { ErrorAlert, Loading } from '../../shared/states';
import { useEnumLabel } from '../../shared/enums';
import { formatDateTime } from '../../../format/date';
import { formatCount, formatPercent } from '../../../format/number';
import { ACTIVITY, type Activity, type ActivityStats } from './activityQueries';

type WithStats = Activity & { stats: ActivityStats };

/** One activity's stats: reach to participation as a funnel, points, revenue, cost and ROI. */
export function ActivityStatsPanel({ id, fallback }: { id: string; fallback?: WithStats }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const { data, loading, error } = useQuery<{ activity: WithStats | null }>(ACTIVITY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const a = data?.activity ?? fallback;
  const t = (key: string) => translate(`screens.activityStats.${key}`);
  if (!a) return loading ? <Loading /> : <ErrorAlert error={error} />;
  const s = a.stats;
  const event = a.type === 'EVENT';
  const funnel = [
    { step: t('eligibleMembers'), count: s.eligibleMembers },
    ...(event
      ? [
          { step: t('registered'), count: s.registered },
          { step: t('checkedIn'), count: s.checkedIn },
        ]
      : []),
    { step: t('participants'), count: s.participants },
  ];
  return (
    <Section
      title={`${a.name} · ${enumLabel('ActivityType', a.type)} · ${enumLabel('ActivityStatus', a.status)}`}
    >
      <Box
        sx={{ color: 'text.secondary', fontSize: 14, mb: 1.5 }}
      >{`${formatDateTime(a.startsAt)} ~ ${formatDateTime(a.endsAt)}`}</Box>
      <StatRow>
        <StatCard label={t('participationRate')} value={formatPercent(s.participationRate)} />
        <StatCard
          label={t('pointsIssued')}
          value={formatCount(s.pointsIssued)}
          hint={
            a.budgetPoints
              ? translate('screens.activityStats.budget', { points: formatCount(a.budgetPoints) })
              : undefined
          }
        />
        <StatCard label={t('revenue')} value={formatFen(s.revenue)} />
        <StatCard label={t('cost')} value={formatFen(s.cost)} />
        <StatCard
          label={t('roi')}
          value={
            s.roi === null ? '—' : translate('screens.activityStats.roiValue', { value: s.roi.toFixed(2) })
          }
          tone={s.roi !== null && s.roi < 1 ? 'error' : undefined}
        />
      </StatRow>
      <figure aria-label={t('funnel')} style={{ margin: '16px 0 0' }}>
        <ResponsiveContainer width="100%" height={60 + funnel.length * 40}>
          <BarChart data={funnel} layout="vertical" margin={{ left: 24, right: 48 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="step" width={110} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Bar dataKey="count" name={t('members')} fill="#1976d2">
              <LabelList dataKey="count" position="right" formatter={(v) => formatCount(Number(v))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </Section>
  );
}
