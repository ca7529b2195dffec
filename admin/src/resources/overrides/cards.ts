import type { ResourceOverride } from './types';

export const cards: ResourceOverride = {
  listFields: [
    'cardNo',
    'type',
    'status',
    'memberId',
    'balance',
    'remainingUses',
    'serviceName',
    'dealershipId',
    'expiresAt',
  ],
  alwaysOnFilters: ['q', 'type', 'status'],
  recordRepresentation: 'cardNo',
};
