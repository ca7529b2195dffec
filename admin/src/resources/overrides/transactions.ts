import type { ResourceOverride } from './types';

/** Read by when it happened, not when it was keyed in. */
export const transactions: ResourceOverride = {
  listFields: [
    'occurredAt',
    'type',
    'amount',
    'memberId',
    'plateNumber',
    'pointsEarned',
    'status',
    'dealershipId',
    'externalRef',
  ],
  alwaysOnFilters: ['type', 'status', 'dealershipId'],
  defaultSort: { field: 'occurredAt', order: 'DESC' },
  recordRepresentation: 'externalRef',
};
