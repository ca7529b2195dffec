import type { CapturedStatement } from './statement-recorder';

/** The SQL of one `member(id)` request, by table, as captured from the app. */
export interface ReadStatements {
  staff: string;
  member: string;
  tier: string;
  /** Absent when the captured member had no home dealership (the app then sends no statement). */
  dealership?: string;
}

const TABLE = /\bFROM `(\w+)`/;

/**
 * Sorts the captured statements of one `member(id)` request by table, and refuses anything else:
 * if the app's SQL for this request changes shape, the baseline must be revisited, not silently
 * compared against different work.
 */
export function readStatementsFrom(captured: CapturedStatement[]): ReadStatements {
  const byTable = new Map<string, string>();
  for (const { sql } of captured) {
    const table = TABLE.exec(sql)?.[1];
    if (!table || byTable.has(table)) throw new Error(`Unexpected statement for member(id): ${sql.slice(0, 200)}`);
    byTable.set(table, sql);
  }
  const staff = byTable.get('staff_user');
  const member = byTable.get('member');
  const tier = byTable.get('tier');
  const known = new Set(['staff_user', 'member', 'tier', 'dealership']);
  const unknown = [...byTable.keys()].filter((t) => !known.has(t));
  if (!staff || !member || !tier || unknown.length) {
    throw new Error(`member(id) sent statements on ${[...byTable.keys()].join(', ')}; expected staff_user, member, tier[, dealership]`);
  }
  return { staff, member, tier, dealership: byTable.get('dealership') };
}
