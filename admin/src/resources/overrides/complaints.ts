import type { ResourceOverride } from './types';

/** The queue: what is urgent, whose it is, and when it is due. */
export const complaints: ResourceOverride = {
  listFields: [
    'ticketNo',
    'subject',
    'priority',
    'status',
    'category',
    'memberId',
    'assigneeId',
    'resolveDueAt',
    'overdue',
  ],
  alwaysOnFilters: ['q', 'status', 'priority', 'overdue'],
  recordRepresentation: (record) => `${record.ticketNo} ${record.subject}`,
};
