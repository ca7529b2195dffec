import type { ResourceOverride } from './types';

/** Who did what to which record; before/after are on the record page. */
export const auditLogs: ResourceOverride = {
  listFields: ['createdAt', 'actorName', 'actorType', 'action', 'entityType', 'entityId'],
  alwaysOnFilters: ['entityType', 'action'],
};
