import type { ResourceOverride } from './types';

/** The desk reads a member by number, name, phone (masked for marketing and finance by the API), tier and store. */
export const members: ResourceOverride = {
  listFields: [
    'memberNo',
    'name',
    'phone',
    'tierId',
    'status',
    'pointsBalance',
    'totalSpend',
    'homeDealershipId',
    'createdAt',
  ],
  alwaysOnFilters: ['q', 'tierId', 'status', 'homeDealershipId'],
  recordRepresentation: (record) => `${record.name}（${record.memberNo}）`,
};
