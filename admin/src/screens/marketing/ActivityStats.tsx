import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { useLocation, useNavigate, useTranslate } from 'react-admin';
import { formatFen } from '../../format/money';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import type { Column } from '../shared/DataTable';
import { PagedTable } from '../shared/PagedTable';
import { usePagedQuery } from '../shared/usePagedQuery';
import { FilterBar } from '../shared/FilterBar';
import { EnumSelect } from '../shared/EnumSelect';
import { ACTIVITY_STATUSES, useEnumLabel } from '../shared/enums';
import { formatDate } from '../../format/date';
import { formatCount, formatPercent } from '../../format/number';
import {
  ACTIVITIES_WITH_STATS,
  type Activity,
  type ActivityStats as Stats,
} from './activity/activityQueries';
import { ActivityStatsPanel } from './activity/ActivityStatsPanel';

type Row = Activity & { stats: Stats };
const PER_PAGE = 20;

/** Participation and ROI of the activities (stats computed for the whole page at once), one in detail. */
export default function ActivityStats() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const navigate = useNavigate();
  const selectedId = new URLSearchParams(useLocation().search).get('id');
  const [status, setStatus] = useState('');
  const list = usePagedQuery<Row>(ACTIVITIES_WITH_STATS, 'activities', {
    filter: { status: status || undefined },
    sort: [{ field: 'STARTS_AT', order: 'DESC' }],
    perPage: PER_PAGE,
  });
  const t = (key: string) => translate(`screens.activityStats.${key}`);

  const columns: Column<Row>[] = [
    { key: 'name', wrap: true, label: t('name'), render: (a) => a.name },
    { key: 'type', label: t('type'), render: (a) => enumLabel('ActivityType', a.type) },
    { key: 'status', label: t('status'), render: (a) => enumLabel('ActivityStatus', a.status) },
    { key: 'when', label: t('when'), render: (a) => `${formatDate(a.startsAt)} ~ ${formatDate(a.endsAt)}` },
    {
      key: 'participants',
      label: t('participants'),
      align: 'right',
      render: (a) => formatCount(a.stats.participants),
    },
    {
      key: 'rate',
      label: t('participationRate'),
      align: 'right',
      render: (a) => formatPercent(a.stats.participationRate),
    },
    {
      key: 'points',
      label: t('pointsIssued'),
      align: 'right',
      render: (a) => formatCount(a.stats.pointsIssued),
    },
    { key: 'revenue', label: t('revenue'), align: 'right', render: (a) => formatFen(a.stats.revenue) },
    { key: 'cost', label: t('cost'), align: 'right', render: (a) => formatFen(a.stats.cost) },
    {
      key: 'roi',
      label: t('roi'),
      align: 'right',
      render: (a) =>
        a.stats.roi === null
          ? '—'
          : translate('screens.activityStats.roiValue', { value: a.stats.roi.toFixed(2) }),
    },
  ];
  const selected = list.rows.find((a) => a.id === selectedId);

  return (
    <ScreenPage titleKey="screens.activityStats.title">
      <FilterBar>
        <EnumSelect
          enumName="ActivityStatus"
          values={ACTIVITY_STATUSES}
          emptyLabelKey="screens.common.all"
          label={t('status')}
          value={status}
          onChange={list.refilter(setStatus)}
          sx={{ minWidth: 140 }}
        />
      </FilterBar>
      <ErrorAlert error={list.error} />
      {selectedId && <ActivityStatsPanel id={selectedId} fallback={selected} />}
      <Section title={t('list')}>
        <PagedTable
          list={list}
          label={t('list')}
          columns={columns}
          rowKey={(a) => a.id}
          selectedKey={selectedId}
          onRowClick={(a) => navigate(`/activity-stats?id=${encodeURIComponent(a.id)}`)}
          emptyKey="screens.activityStats.none"
        />
      </Section>
      {selectedId && (
        <Stack direction="row">
          <Button onClick={() => navigate(`/activity-editor?id=${encodeURIComponent(selectedId)}`)}>
            {t('edit')}
          </Button>
        </Stack>
      )}
    </ScreenPage>
  );
}
