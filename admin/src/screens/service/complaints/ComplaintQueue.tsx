import { Fragment } from 'react';
import { Box, Chip, List, ListItemButton, ListItemText, ListSubheader, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../../shared/enums';
import { SlaCountdown } from './SlaCountdown';
import type { QueueItem } from './complaintQueries';

export type QueueGroups = Record<
  'overdue' | 'open' | 'acknowledged' | 'inProgress' | 'resolved',
  { items: QueueItem[]; total: number }
>;

const GROUP_ORDER: (keyof QueueGroups)[] = ['overdue', 'open', 'acknowledged', 'inProgress', 'resolved'];
const PRIORITY_COLOR: Record<string, 'error' | 'warning' | 'default' | 'info'> = {
  URGENT: 'error',
  HIGH: 'warning',
  NORMAL: 'default',
  LOW: 'info',
};

/** The workbench queue: overdue complaints first, then open work by status, each by resolution due time. */
export function ComplaintQueue({
  groups,
  selectedId,
  onSelect,
}: {
  groups: QueueGroups;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  return (
    <List
      dense
      disablePadding
      aria-label={translate('screens.complaints.queue')}
      sx={{ overflow: 'auto', maxHeight: 'calc(100vh - 230px)', minHeight: 200 }}
    >
      {GROUP_ORDER.map((group) => {
        const { items, total } = groups[group];
        return (
          <Fragment key={group}>
            <ListSubheader
              sx={{
                bgcolor: group === 'overdue' ? 'error.light' : 'grey.100',
                color: group === 'overdue' ? 'error.contrastText' : undefined,
                lineHeight: '32px',
              }}
            >
              {translate(`screens.complaints.groups.${group}`, { count: total })}
            </ListSubheader>
            {items.length === 0 && (
              <Box sx={{ px: 2, py: 1, color: 'text.secondary', fontSize: 13 }}>
                {translate('screens.complaints.groupEmpty')}
              </Box>
            )}
            {items.map((c) => (
              <ListItemButton
                key={`${group}-${c.id}`}
                selected={c.id === selectedId}
                onClick={() => onSelect(c.id)}
                divider
              >
                <ListItemText
                  primary={`${c.ticketNo} · ${c.subject}`}
                  slotProps={{
                    primary: { noWrap: true, fontWeight: c.overdue ? 600 : undefined },
                    secondary: { component: 'div' },
                  }}
                  secondary={
                    <Stack
                      direction="row"
                      spacing={0.5}
                      alignItems="center"
                      flexWrap="wrap"
                      useFlexGap
                      sx={{ mt: 0.5 }}
                    >
                      <Chip
                        size="small"
                        color={PRIORITY_COLOR[c.priority]}
                        label={enumLabel('ComplaintPriority', c.priority)}
                      />
                      <Chip size="small" variant="outlined" label={enumLabel('ComplaintStatus', c.status)} />
                      <SlaCountdown
                        status={c.status}
                        acknowledgeDueAt={c.acknowledgeDueAt}
                        resolveDueAt={c.resolveDueAt}
                      />
                      <Box component="span" sx={{ fontSize: 12 }}>
                        {[
                          c.member?.name,
                          c.assignee
                            ? translate('screens.complaints.assignedTo', { name: c.assignee.name })
                            : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Box>
                    </Stack>
                  }
                />
              </ListItemButton>
            ))}
          </Fragment>
        );
      })}
    </List>
  );
}
