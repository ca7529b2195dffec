import { Box, List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../../shared/enums';
import { formatDateTime } from '../../../format/date';
import type { ComplaintDetail } from './complaintQueries';

/** Every step of a complaint, oldest first, with who did it and the status change. */
export function ComplaintTimeline({ events }: { events: ComplaintDetail['events'] }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  return (
    <List
      dense
      disablePadding
      aria-label={translate('screens.complaints.timeline')}
      sx={{ borderLeft: 2, borderColor: 'divider', ml: 1 }}
    >
      {events.map((e) => (
        <ListItem key={e.id} sx={{ alignItems: 'flex-start' }}>
          <ListItemText
            primary={
              <Box component="span" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <strong>{enumLabel('ComplaintEventType', e.type)}</strong>
                {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                  <span>{`${enumLabel('ComplaintStatus', e.fromStatus)} → ${enumLabel('ComplaintStatus', e.toStatus)}`}</span>
                )}
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {formatDateTime(e.createdAt)} · {e.actorName ?? translate('enums.ActorType.SYSTEM')}
                </Box>
              </Box>
            }
            secondary={e.note}
            slotProps={{ secondary: { sx: { whiteSpace: 'pre-wrap' } } }}
          />
        </ListItem>
      ))}
    </List>
  );
}
