import { useState } from 'react';
import { useQuery } from '@apollo/client';
import { Button, Chip, Stack } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import type { Column } from '../shared/DataTable';
import { PagedTable } from '../shared/PagedTable';
import { TableSection } from '../shared/TableSection';
import { usePagedQuery } from '../shared/usePagedQuery';
import { FilterBar } from '../shared/FilterBar';
import { EnumSelect } from '../shared/EnumSelect';
import { JOB_NAMES, JOB_RUN_STATUSES, useEnumLabel } from '../shared/enums';
import { formatDateTime } from '../../format/date';
import { formatCount } from '../../format/number';
import { JOBS, JOB_RUNS, type JobInfo, type JobRun } from './jobs/jobQueries';
import { RunJobDialog } from './jobs/RunJobDialog';

const STATUS_COLOR: Record<string, 'success' | 'error' | 'info' | 'warning'> = {
  SUCCEEDED: 'success',
  FAILED: 'error',
  SKIPPED: 'info',
  RUNNING: 'warning',
};
const PER_PAGE = 25;

/** Scheduled jobs with their last runs and a "run now", above the history of runs with counts. */
export default function JobRuns() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [running, setRunning] = useState<string | null>(null);
  const [job, setJob] = useState('');
  const [status, setStatus] = useState('');
  const jobs = useQuery<{ jobs: JobInfo[] }>(JOBS, { fetchPolicy: 'cache-and-network' });
  const runs = usePagedQuery<JobRun>(JOB_RUNS, 'jobRuns', {
    filter: { job: job || undefined, status: status || undefined },
    sort: [{ field: 'STARTED_AT', order: 'DESC' }],
    perPage: PER_PAGE,
  });
  const t = (key: string) => translate(`screens.jobs.${key}`);
  const statusChip = (s: string) => (
    <Chip size="small" color={STATUS_COLOR[s]} label={enumLabel('JobRunStatus', s)} />
  );

  const jobColumns: Column<JobInfo>[] = [
    { key: 'name', label: t('job'), render: (j) => enumLabel('JobName', j.name) },
    { key: 'schedule', label: t('schedule'), render: (j) => <code>{j.schedule}</code> },
    {
      key: 'enabled',
      label: t('enabled'),
      render: (j) => translate(j.enabled ? 'screens.common.yes' : 'screens.common.no'),
    },
    { key: 'next', label: t('nextRunAt'), render: (j) => formatDateTime(j.nextRunAt) },
    {
      key: 'last',
      label: t('lastRun'),
      render: (j) =>
        j.lastRun ? (
          <Stack direction="row" spacing={1} alignItems="center">
            {statusChip(j.lastRun.status)}
            <span>{formatDateTime(j.lastRun.startedAt)}</span>
          </Stack>
        ) : (
          '—'
        ),
    },
    {
      key: 'counts',
      label: t('counts'),
      align: 'right',
      render: (j) =>
        j.lastRun ? `${formatCount(j.lastRun.processed)} / ${formatCount(j.lastRun.affected)}` : '',
    },
    {
      key: 'run',
      label: translate('screens.common.actions'),
      render: (j) => (
        <Button
          size="small"
          variant="outlined"
          startIcon={<PlayArrowIcon />}
          onClick={() => setRunning(j.name)}
          aria-label={translate('screens.jobs.runOne', { job: enumLabel('JobName', j.name) })}
        >
          {t('runNow')}
        </Button>
      ),
    },
  ];
  const runColumns: Column<JobRun>[] = [
    { key: 'started', label: t('startedAt'), render: (r) => formatDateTime(r.startedAt) },
    { key: 'job', label: t('job'), render: (r) => enumLabel('JobName', r.job) },
    { key: 'status', label: t('status'), render: (r) => statusChip(r.status) },
    { key: 'asOf', label: t('asOf'), render: (r) => formatDateTime(r.asOf) },
    {
      key: 'duration',
      label: t('duration'),
      align: 'right',
      render: (r) =>
        r.finishedAt
          ? `${((new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime()) / 1000).toFixed(1)}s`
          : '',
    },
    { key: 'processed', label: t('processed'), align: 'right', render: (r) => formatCount(r.processed) },
    { key: 'affected', label: t('affected'), align: 'right', render: (r) => formatCount(r.affected) },
    { key: 'instance', label: t('instance'), render: (r) => r.instance ?? '' },
    { key: 'error', wrap: true, label: t('error'), render: (r) => r.error ?? '' },
  ];

  return (
    <ScreenPage titleKey="screens.jobs.title">
      <ErrorAlert error={jobs.error ?? runs.error} />
      <TableSection
        title={t('jobs')}
        columns={jobColumns}
        rows={jobs.data?.jobs ?? []}
        rowKey={(j) => j.name}
        loading={jobs.loading}
      />
      <Section
        title={t('runs')}
        actions={
          <FilterBar>
            <EnumSelect
              enumName="JobName"
              values={JOB_NAMES}
              emptyLabelKey="screens.common.all"
              label={t('job')}
              value={job}
              onChange={runs.refilter(setJob)}
              sx={{ minWidth: 160 }}
            />
            <EnumSelect
              enumName="JobRunStatus"
              values={JOB_RUN_STATUSES}
              emptyLabelKey="screens.common.all"
              label={t('status')}
              value={status}
              onChange={runs.refilter(setStatus)}
              sx={{ minWidth: 120 }}
            />
          </FilterBar>
        }
      >
        <PagedTable
          list={runs}
          label={t('runs')}
          columns={runColumns}
          rowKey={(r) => r.id}
          emptyKey="screens.jobs.noRuns"
        />
      </Section>
      {running && <RunJobDialog job={running} onClose={() => setRunning(null)} />}
    </ScreenPage>
  );
}
