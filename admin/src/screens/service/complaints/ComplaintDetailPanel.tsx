import { useQuery } from '@apollo/client';
import { Box, Button, Chip, Divider, Stack, Typography } from '@mui/material';
import { useNavigate, useTranslate } from 'react-admin';
import { Section } from '../../shared/ScreenPage';
import { ErrorAlert, Loading } from '../../shared/states';
import { useEnumLabel } from '../../shared/enums';
import { formatDateTime } from '../../../format/date';
import { COMPLAINT, type ComplaintDetail } from './complaintQueries';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintTimeline } from './ComplaintTimeline';
import { SlaCountdown } from './SlaCountdown';

/** One complaint: what it is about, its SLA, the steps allowed now and its timeline. */
export function ComplaintDetailPanel({ id }: { id: string }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery<{ complaint: ComplaintDetail | null }>(COMPLAINT, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const c = data?.complaint;
  if (!c) return loading ? <Loading /> : <ErrorAlert error={error} />;

  const facts: [string, string][] = [
    [translate('screens.complaints.category'), enumLabel('ComplaintCategory', c.category)],
    [translate('screens.complaints.priority'), enumLabel('ComplaintPriority', c.priority)],
    [translate('screens.complaints.channel'), enumLabel('ComplaintChannel', c.channel)],
    [translate('screens.common.dealership'), c.dealership?.name ?? ''],
    [
      translate('screens.complaints.member'),
      c.member ? `${c.member.name}（${c.member.memberNo}）${c.member.phone}` : '',
    ],
    [
      translate('screens.complaints.assignee'),
      c.assignee?.name ?? translate('screens.complaints.unassigned'),
    ],
    [translate('screens.complaints.createdAt'), formatDateTime(c.createdAt)],
    [translate('screens.complaints.acknowledgeDue'), formatDateTime(c.acknowledgeDueAt)],
    [translate('screens.complaints.resolveDue'), formatDateTime(c.resolveDueAt)],
  ];
  if (c.outcome)
    facts.push([translate('screens.complaints.outcome'), enumLabel('ComplaintOutcome', c.outcome)]);
  if (c.resolution) facts.push([translate('screens.complaints.resolution'), c.resolution]);
  if (c.satisfaction) facts.push([translate('screens.complaints.satisfaction'), `${c.satisfaction} / 5`]);

  return (
    <Section title={`${c.ticketNo} · ${c.subject}`}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 1.5 }}>
        <Chip
          label={enumLabel('ComplaintStatus', c.status)}
          color={c.status === 'CLOSED' ? 'default' : 'primary'}
        />
        {c.overdue && <Chip color="error" label={translate('screens.complaints.overdue')} />}
        {c.escalationLevel > 0 && (
          <Chip
            color="warning"
            label={translate('screens.complaints.escalated', { level: c.escalationLevel })}
          />
        )}
        <SlaCountdown status={c.status} acknowledgeDueAt={c.acknowledgeDueAt} resolveDueAt={c.resolveDueAt} />
      </Stack>
      {c.description && <Typography sx={{ mb: 1.5, whiteSpace: 'pre-wrap' }}>{c.description}</Typography>}
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'max-content minmax(0, 1fr)',
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
          fontSize: 14,
        }}
      >
        {facts.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {label}
            </Box>
            <Box component="dd" sx={{ m: 0 }}>
              {value}
            </Box>
          </Box>
        ))}
      </Box>
      <Stack direction="row" spacing={1} sx={{ my: 2 }} flexWrap="wrap" useFlexGap>
        <ComplaintActions complaint={c} />
        {c.member && (
          <Button onClick={() => navigate(`/member-360?id=${encodeURIComponent(c.member?.id ?? '')}`)}>
            {translate('screens.complaints.open360')}
          </Button>
        )}
      </Stack>
      <Divider sx={{ mb: 1 }} />
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate('screens.complaints.timeline')}
      </Typography>
      <ComplaintTimeline events={c.events} />
    </Section>
  );
}
