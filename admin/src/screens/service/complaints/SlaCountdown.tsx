import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { splitDuration, useNow } from '../../shared/time';
import { formatDateTime } from '../../../format/date';

/** Time left to the SLA step due next (acknowledge while OPEN, then resolve), or how far past it. */
export function SlaCountdown({
  status,
  acknowledgeDueAt,
  resolveDueAt,
}: {
  status: string;
  acknowledgeDueAt: string;
  resolveDueAt: string;
}) {
  const translate = useTranslate();
  const now = useNow();
  if (status === 'RESOLVED' || status === 'CLOSED') return null;
  const step = status === 'OPEN' ? 'acknowledge' : 'resolve';
  const due = step === 'acknowledge' ? acknowledgeDueAt : resolveDueAt;
  const left = new Date(due).getTime() - now;
  const parts = splitDuration(left);
  const time = translate(`screens.duration.${parts.key}`, parts);
  const late = left < 0;
  const label = translate(late ? `screens.sla.${step}Late` : `screens.sla.${step}Left`, { time });
  return (
    <Chip
      size="small"
      variant={late ? 'filled' : 'outlined'}
      color={late ? 'error' : left < 60 * 60_000 ? 'warning' : 'default'}
      label={label}
      title={translate('screens.sla.due', { at: formatDateTime(due) })}
    />
  );
}
