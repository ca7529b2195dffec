/** Per-resource adjustments of the generated views, one small file each, only where needed. */
import { auditLogs } from './auditLogs';
import { cards } from './cards';
import { complaints } from './complaints';
import { members } from './members';
import { staffUsers } from './staffUsers';
import { transactions } from './transactions';
import type { ResourceOverride } from './types';
import { vehicles } from './vehicles';

const overrides: Record<string, ResourceOverride> = {
  auditLogs,
  cards,
  complaints,
  members,
  staffUsers,
  transactions,
  vehicles,
};

export function overrideOf(resource: string): ResourceOverride | undefined {
  return overrides[resource];
}
