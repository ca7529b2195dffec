import type { ReactElement } from 'react';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Section } from '../shared/ScreenPage';
import { Empty } from '../shared/states';
import { useEnumLabel } from '../shared/enums';
import { formatCount } from '../../format/number';
import { everyDay, type Period } from '../shared/period';
import type { ComplaintStats, Dashboard } from './dashboardQuery';

const COLORS = ['#90a4ae', '#42a5f5', '#ffb300', '#7e57c2', '#26a69a', '#ef5350', '#8d6e63'];

/** The dashboard charts: new members per day, tiers, segments and complaint resolution. */
export function DashboardCharts({
  d,
  complaints,
  period,
}: {
  d: Dashboard;
  complaints?: ComplaintStats;
  period: Period;
}) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const t = (key: string) => translate(`screens.dashboard.charts.${key}`);
  const count = (v: unknown) => formatCount(Number(v));
  const chart = (titleKey: string, empty: boolean, body: ReactElement, height = 240) => (
    <Section title={t(titleKey)}>
      {empty ? (
        <Empty />
      ) : (
        <figure aria-label={t(titleKey)} style={{ margin: 0 }}>
          <ResponsiveContainer width="100%" height={height}>
            {body}
          </ResponsiveContainer>
        </figure>
      )}
    </Section>
  );
  const resolution = complaints
    ? [
        { name: t('resolved'), value: complaints.resolved },
        { name: t('open'), value: Math.max(0, complaints.open - complaints.overdue) },
        { name: t('overdue'), value: complaints.overdue },
      ].filter((slice) => slice.value > 0)
    : [];

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
        gap: 2,
      }}
    >
      {chart(
        'newMembersByDay',
        d.newMembersByDay.length === 0,
        <AreaChart data={everyDay(period, d.newMembersByDay, { count: 0 })}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={(v: string) => v.slice(5)} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip formatter={count} />
          <Area type="linear" dataKey="count" name={t('members')} stroke="#1976d2" fill="#bbdefb" />
        </AreaChart>,
      )}
      {chart(
        'tierDistribution',
        d.tierDistribution.length === 0,
        <PieChart>
          <Pie
            data={d.tierDistribution.map((x) => ({
              name: `${x.tier.name} ${formatCount(x.count)}`,
              value: x.count,
            }))}
            dataKey="value"
            nameKey="name"
            outerRadius={80}
          >
            {d.tierDistribution.map((x, i) => (
              <Cell key={x.tierId} fill={COLORS[i % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip formatter={count} />
          <Legend />
        </PieChart>,
      )}
      {chart(
        'segments',
        d.segments.length === 0,
        <BarChart
          data={d.segments.map((s) => ({ name: enumLabel('MemberSegment', s.segment), count: s.count }))}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip formatter={count} />
          <Bar dataKey="count" name={t('members')} fill="#26a69a" />
        </BarChart>,
      )}
      {chart(
        'complaintResolution',
        resolution.length === 0,
        <PieChart>
          <Pie
            data={resolution}
            dataKey="value"
            nameKey="name"
            innerRadius={50}
            outerRadius={80}
            label={({ value }) => formatCount(Number(value))}
          >
            {resolution.map((slice, i) => (
              <Cell key={slice.name} fill={['#66bb6a', '#ffa726', '#ef5350'][i]} />
            ))}
          </Pie>
          <Tooltip formatter={count} />
          <Legend />
        </PieChart>,
      )}
      {complaints &&
        chart(
          'complaintCategories',
          complaints.byCategory.length === 0,
          <BarChart
            data={complaints.byCategory.map((c) => ({
              name: enumLabel('ComplaintCategory', c.category),
              count: c.count,
            }))}
            layout="vertical"
            margin={{ left: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            {/* Every category named: recharts' automatic interval may skip labels of bars this close together. */}
            <YAxis type="category" dataKey="name" width={100} interval={0} />
            <Tooltip formatter={count} />
            <Bar dataKey="count" name={t('complaints')} fill="#ef5350" />
          </BarChart>,
        )}
    </Box>
  );
}
