import type { ResourceOverride } from './types';

export const staffUsers: ResourceOverride = {
  listFields: ['username', 'name', 'role', 'dealershipId', 'active', 'createdAt'],
  recordRepresentation: (record) => `${record.name}（${record.username}）`,
};
