import { useState } from 'react';
import { gql } from '@apollo/client';
import { Box, Button, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert, Empty } from '../shared/states';
import type { Column } from '../shared/DataTable';
import { PagedTable } from '../shared/PagedTable';
import { usePagedQuery } from '../shared/usePagedQuery';
import { SearchForm } from '../shared/FilterBar';
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
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const range = periodRange(period);
  const list = usePagedQuery<AuditEntry>(AUDIT_LOGS, 'auditLogs', {
    filter: {
      entityType: filters.entityType || undefined,
      entityId: filters.entityId || undefined,
      action: filters.action || undefined,
      createdFrom: range.from,
      createdTo: range.to,
    },
    sort: [{ field: 'CREATED_AT', order: 'DESC' }],
    perPage: PER_PAGE,
  });
  const t = (key: string) => translate(`screens.audit.${key}`);
  const search = () =>
    list.refilter(setFilters)({
      entityType: form.entityType.trim(),
      entityId: form.entityId.trim(),
      action: form.action.trim(),
    });

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
      <SearchForm onSearch={search}>
        <PeriodPicker value={period} onChange={list.refilter(setPeriod)} />
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
      </SearchForm>
      <ErrorAlert error={list.error} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 6fr) minmax(0, 5fr)' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Section>
          <PagedTable
            list={list}
            label={t('title')}
            columns={columns}
            rowKey={(a) => a.id}
            onRowClick={setSelected}
            selectedKey={selected?.id}
            emptyKey="screens.audit.none"
          />
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
