import { useState } from 'react';
import { useQuery } from '@apollo/client';
import { Button, Stack } from '@mui/material';
import { useLocation, useNavigate, useTranslate } from 'react-admin';
import { formatFen } from '../../format/money';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import { DataTable, type Column } from '../shared/DataTable';
import { Pager } from '../shared/Pager';
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
  const [page, setPage] = useState(1);
  const { data, loading, error } = useQuery<{ activities: { items: Row[]; total: number } }>(
    ACTIVITIES_WITH_STATS,
    {
      variables: {
        filter: { status: status || undefined },
        sort: [{ field: 'STARTS_AT', order: 'DESC' }],
        page: { page, perPage: PER_PAGE },
      },
      fetchPolicy: 'cache-and-network',
    },
  );
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
  const rows = data?.activities.items ?? [];
  const selected = rows.find((a) => a.id === selectedId);

  return (
    <ScreenPage titleKey="screens.activityStats.title">
      <Stack direction="row" spacing={1}>
        <EnumSelect
          enumName="ActivityStatus"
          values={ACTIVITY_STATUSES}
          emptyLabelKey="screens.common.all"
          label={t('status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          sx={{ minWidth: 140 }}
        />
      </Stack>
      <ErrorAlert error={error} />
      {selectedId && <ActivityStatsPanel id={selectedId} fallback={selected} />}
      <Section title={t('list')}>
        <DataTable
          label={t('list')}
          columns={columns}
          rows={rows}
          rowKey={(a) => a.id}
          loading={loading}
          selectedKey={selectedId}
          onRowClick={(a) => navigate(`/activity-stats?id=${encodeURIComponent(a.id)}`)}
          emptyKey="screens.activityStats.none"
        />
        <Pager page={page} perPage={PER_PAGE} total={data?.activities.total ?? 0} onPage={setPage} />
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
