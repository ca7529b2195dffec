import { useState, type FormEvent } from 'react';
import { gql, useQuery } from '@apollo/client';
import { Box, Button, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert, Empty } from '../shared/states';
import { DataTable, type Column } from '../shared/DataTable';
import { Pager } from '../shared/Pager';
import { PeriodPicker } from '../shared/PeriodPicker';
import { useEnumLabel } from '../shared/enums';
import { formatDateTime } from '../../format/date';
import { lastDays, periodRange } from '../shared/period';
import { AuditDiff } from './audit/AuditDiff';

const AUDIT_LOGS = gql`
  query AuditLogs($filter: AuditLogFilter, $sort: [AuditLogSort!], $page: PageInput) {
    auditLogs(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        actorType
        actorId
        actorName
        action
        entityType
        entityId
        before
        after
        createdAt
      }
      total
    }
  }
`;

interface AuditEntry {
  id: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

const PER_PAGE = 25;
const blankFilters = { entityType: '', entityId: '', action: '' };

/** The audit trail: who changed what and when, with a before/after diff of the chosen entry. */
export default function AuditLog() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [period, setPeriod] = useState(() => lastDays(7));
  const [form, setForm] = useState(blankFilters);
  const [filters, setFilters] = useState(blankFilters);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const range = periodRange(period);
  const { data, loading, error } = useQuery<{ auditLogs: { items: AuditEntry[]; total: number } }>(
    AUDIT_LOGS,
    {
      variables: {
        filter: {
          entityType: filters.entityType || undefined,
          entityId: filters.entityId || undefined,
          action: filters.action || undefined,
          createdFrom: range.from,
          createdTo: range.to,
        },
        sort: [{ field: 'CREATED_AT', order: 'DESC' }],
        page: { page, perPage: PER_PAGE },
      },
      fetchPolicy: 'cache-and-network',
    },
  );
  const t = (key: string) => translate(`screens.audit.${key}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters({
      entityType: form.entityType.trim(),
      entityId: form.entityId.trim(),
      action: form.action.trim(),
    });
    setPage(1);
  };

  const columns: Column<AuditEntry>[] = [
    { key: 'at', label: t('at'), render: (a) => formatDateTime(a.createdAt) },
    {
      key: 'actor',
      label: t('actor'),
      render: (a) => `${enumLabel('ActorType', a.actorType)}${a.actorName ? ` · ${a.actorName}` : ''}`,
    },
    { key: 'action', label: t('action'), render: (a) => <code>{a.action}</code> },
    {
      key: 'entity',
      label: t('entity'),
      render: (a) => `${a.entityType}${a.entityId ? ` #${a.entityId}` : ''}`,
    },
  ];

  return (
    <ScreenPage titleKey="screens.audit.title">
      <Stack
        component="form"
        direction="row"
        spacing={1}
        alignItems="center"
        flexWrap="wrap"
        useFlexGap
        onSubmit={submit}
        role="search"
      >
        <PeriodPicker
          value={period}
          onChange={(p) => {
            setPeriod(p);
            setPage(1);
          }}
        />
        <TextField
          size="small"
          label={t('entityType')}
          placeholder="Member"
          value={form.entityType}
          onChange={(e) => setForm({ ...form, entityType: e.target.value })}
        />
        <TextField
          size="small"
          label={t('entityId')}
          value={form.entityId}
          onChange={(e) => setForm({ ...form, entityId: e.target.value })}
        />
        <TextField
          size="small"
          label={t('action')}
          placeholder="updateMember"
          value={form.action}
          onChange={(e) => setForm({ ...form, action: e.target.value })}
        />
        <Button type="submit" variant="outlined">
          {translate('screens.common.search')}
        </Button>
      </Stack>
      <ErrorAlert error={error} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 6fr) minmax(0, 5fr)' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Section>
          <DataTable
            label={t('title')}
            columns={columns}
            rows={data?.auditLogs.items ?? []}
            rowKey={(a) => a.id}
            loading={loading}
            onRowClick={setSelected}
            selectedKey={selected?.id}
            emptyKey="screens.audit.none"
          />
          <Pager page={page} perPage={PER_PAGE} total={data?.auditLogs.total ?? 0} onPage={setPage} />
        </Section>
        <Box sx={{ position: 'sticky', top: 64 }}>
          <Section
            title={
              selected
                ? `${selected.action} · ${selected.entityType}${selected.entityId ? ` #${selected.entityId}` : ''}`
                : t('diff')
            }
          >
            {selected ? (
              <AuditDiff before={selected.before} after={selected.after} />
            ) : (
              <Empty messageKey="screens.audit.pick" />
            )}
          </Section>
        </Box>
      </Box>
    </ScreenPage>
  );
}
