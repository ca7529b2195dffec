import { useState } from 'react';
import { gql } from '@apollo/client';
import { Chip, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert } from '../shared/states';
import type { Column } from '../shared/DataTable';
import { PagedTable } from '../shared/PagedTable';
import { usePagedQuery } from '../shared/usePagedQuery';
import { FilterBar } from '../shared/FilterBar';
import { EnumSelect } from '../shared/EnumSelect';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  NOTIFICATION_TEMPLATES,
  useEnumLabel,
} from '../shared/enums';
import { formatDateTime } from '../../format/date';

const NOTIFICATIONS = gql`
  query Notifications($filter: NotificationFilter, $sort: [NotificationSort!], $page: PageInput) {
    notifications(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        memberId
        channel
        template
        status
        dedupeKey
        body
        scheduledAt
        sentAt
        attempts
        error
        createdAt
      }
      total
    }
  }
`;

interface Notification {
  id: string;
  memberId: string | null;
  channel: string;
  template: string;
  status: string;
  dedupeKey: string;
  body: string;
  scheduledAt: string;
  sentAt: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
}

const STATUS_COLOR: Record<string, 'success' | 'error' | 'default' | 'warning'> = {
  SENT: 'success',
  FAILED: 'error',
  SKIPPED: 'default',
  PENDING: 'warning',
};
const PER_PAGE = 50;

/** The notification outbox: what was queued, sent, skipped or failed, newest first. */
export default function NotificationOutbox() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const [template, setTemplate] = useState('');
  const list = usePagedQuery<Notification>(NOTIFICATIONS, 'notifications', {
    filter: {
      status: status || undefined,
      channel: channel || undefined,
      template: template || undefined,
    },
    sort: [{ field: 'CREATED_AT', order: 'DESC' }],
    perPage: PER_PAGE,
  });
  const t = (key: string) => translate(`screens.outbox.${key}`);

  const columns: Column<Notification>[] = [
    { key: 'created', label: t('createdAt'), render: (n) => formatDateTime(n.createdAt) },
    { key: 'template', label: t('template'), render: (n) => enumLabel('NotificationTemplate', n.template) },
    { key: 'channel', label: t('channel'), render: (n) => enumLabel('NotificationChannel', n.channel) },
    {
      key: 'status',
      label: t('status'),
      render: (n) => (
        <Chip size="small" color={STATUS_COLOR[n.status]} label={enumLabel('NotificationStatus', n.status)} />
      ),
    },
    {
      key: 'body',
      label: t('body'),
      render: (n) => (
        <Tooltip title={n.body}>
          <span
            style={{
              display: 'inline-block',
              maxWidth: 320,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
              verticalAlign: 'bottom',
            }}
          >
            {n.body}
          </span>
        </Tooltip>
      ),
    },
    { key: 'scheduled', label: t('scheduledAt'), render: (n) => formatDateTime(n.scheduledAt) },
    { key: 'sent', label: t('sentAt'), render: (n) => formatDateTime(n.sentAt) },
    { key: 'attempts', label: t('attempts'), align: 'right', render: (n) => n.attempts },
    { key: 'error', wrap: true, label: t('error'), render: (n) => n.error ?? '' },
  ];

  return (
    <ScreenPage titleKey="screens.outbox.title">
      <FilterBar>
        <EnumSelect
          enumName="NotificationStatus"
          values={NOTIFICATION_STATUSES}
          emptyLabelKey="screens.common.all"
          label={t('status')}
          value={status}
          onChange={list.refilter(setStatus)}
          sx={{ minWidth: 130 }}
        />
        <EnumSelect
          enumName="NotificationChannel"
          values={NOTIFICATION_CHANNELS}
          emptyLabelKey="screens.common.all"
          label={t('channel')}
          value={channel}
          onChange={list.refilter(setChannel)}
          sx={{ minWidth: 130 }}
        />
        <EnumSelect
          enumName="NotificationTemplate"
          values={NOTIFICATION_TEMPLATES}
          emptyLabelKey="screens.common.all"
          label={t('template')}
          value={template}
          onChange={list.refilter(setTemplate)}
          sx={{ minWidth: 180 }}
        />
      </FilterBar>
      <ErrorAlert error={list.error} />
      <Section>
        <PagedTable
          list={list}
          label={t('title')}
          columns={columns}
          rowKey={(n) => n.id}
          emptyKey="screens.outbox.none"
        />
      </Section>
    </ScreenPage>
  );
}
