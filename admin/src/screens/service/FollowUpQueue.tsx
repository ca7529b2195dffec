import { useState } from 'react';
import { gql } from '@apollo/client';
import { Button, Chip, Link, Stack } from '@mui/material';
import { useNavigate, useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import type { Column } from '../shared/DataTable';
import { PagedTable } from '../shared/PagedTable';
import { usePagedQuery } from '../shared/usePagedQuery';
import { FilterBar } from '../shared/FilterBar';
import { EnumSelect } from '../shared/EnumSelect';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, useEnumLabel } from '../shared/enums';
import { DealershipSelect } from '../shared/dealerships';
import { useStaff } from '../shared/staff';
import { formatDateTime } from '../../format/date';
import { useNow } from '../shared/time';
import { RecordCallDialog, type CallTarget } from './follow-ups/RecordCallDialog';

export const FOLLOW_UPS = gql`
  query FollowUps($filter: FollowUpFilter, $sort: [FollowUpSort!], $page: PageInput) {
    followUps(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        kind
        status
        memberId
        member {
          id
          name
          phone
        }
        dealershipId
        transactionId
        complaintId
        activityId
        dueAt
        attempts
        assigneeId
        outcome
        satisfaction
        notes
        completedAt
        createdAt
      }
      total
    }
  }
`;

interface FollowUp extends CallTarget {
  kind: string;
  status: string;
  dueAt: string;
  attempts: number;
  outcome: string | null;
  satisfaction: number | null;
  completedAt: string | null;
  member: { id: string; name: string; phone: string };
}

const PER_PAGE = 50;

/** The follow-up call queue (回访): due soonest first, a call recorded in a dialog. */
export default function FollowUpQueue() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const navigate = useNavigate();
  const now = useNow();
  const { dealershipId: ownStore } = useStaff();
  const [status, setStatus] = useState('PENDING');
  const [kind, setKind] = useState('');
  const [dealershipId, setDealershipId] = useState('');
  const [calling, setCalling] = useState<FollowUp | null>(null);
  const list = usePagedQuery<FollowUp>(FOLLOW_UPS, 'followUps', {
    filter: {
      status: status || undefined,
      kind: kind || undefined,
      dealershipId: dealershipId || undefined,
    },
    sort: [{ field: 'DUE_AT', order: 'ASC' }],
    perPage: PER_PAGE,
  });

  const columns: Column<FollowUp>[] = [
    {
      key: 'due',
      label: translate('screens.followUps.due'),
      render: (f) => (
        <Stack direction="row" spacing={1} alignItems="center">
          <span>{formatDateTime(f.dueAt)}</span>
          {f.status === 'PENDING' && new Date(f.dueAt).getTime() < now && (
            <Chip size="small" color="error" label={translate('screens.followUps.late')} />
          )}
        </Stack>
      ),
    },
    {
      key: 'kind',
      label: translate('screens.followUps.kind'),
      render: (f) => enumLabel('FollowUpKind', f.kind),
    },
    {
      key: 'member',
      label: translate('screens.followUps.member'),
      render: (f) => (
        <Link
          component="button"
          onClick={() => navigate(`/member-360?id=${encodeURIComponent(f.member.id)}`)}
        >
          {f.member.name}
        </Link>
      ),
    },
    {
      key: 'phone',
      label: translate('screens.fields.phone'),
      render: (f) => <Link href={`tel:${f.member.phone}`}>{f.member.phone}</Link>,
    },
    {
      key: 'attempts',
      label: translate('screens.followUps.attempts'),
      align: 'right',
      render: (f) => f.attempts,
    },
    {
      key: 'status',
      label: translate('screens.followUps.status'),
      render: (f) => enumLabel('FollowUpStatus', f.status),
    },
    {
      key: 'result',
      wrap: true,
      label: translate('screens.followUps.result'),
      render: (f) => [f.satisfaction ? `${f.satisfaction}/5` : null, f.outcome].filter(Boolean).join(' · '),
    },
    {
      key: 'action',
      label: translate('screens.common.actions'),
      render: (f) =>
        f.status === 'PENDING' ? (
          <Button
            size="small"
            variant="outlined"
            onClick={() => setCalling(f)}
            aria-label={translate('screens.followUps.recordFor', { name: f.member.name })}
          >
            {translate('screens.followUps.record')}
          </Button>
        ) : null,
    },
  ];

  return (
    <ScreenPage titleKey="screens.followUps.title">
      <FilterBar>
        <EnumSelect
          enumName="FollowUpStatus"
          values={FOLLOW_UP_STATUSES}
          emptyLabelKey="screens.common.all"
          label={translate('screens.followUps.status')}
          value={status}
          onChange={list.refilter(setStatus)}
          sx={{ minWidth: 140 }}
        />
        <EnumSelect
          enumName="FollowUpKind"
          values={FOLLOW_UP_KINDS}
          emptyLabelKey="screens.common.all"
          label={translate('screens.followUps.kind')}
          value={kind}
          onChange={list.refilter(setKind)}
          sx={{ minWidth: 140 }}
        />
        {!ownStore && <DealershipSelect allowAll value={dealershipId} onChange={list.refilter(setDealershipId)} />}
      </FilterBar>
      <ErrorAlert error={list.error} />
      <Section>
        <PagedTable
          list={list}
          label={translate('screens.followUps.title')}
          columns={columns}
          rowKey={(f) => f.id}
          emptyKey="screens.followUps.none"
        />
      </Section>
      {calling && <RecordCallDialog target={calling} onClose={() => setCalling(null)} />}
    </ScreenPage>
  );
}
