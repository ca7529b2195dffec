import { randomBytes } from 'node:crypto';
import type { CapturedStatement } from './statement-recorder';

/** A ULID-shaped value: the ids the app generates. */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface ReplayPlan {
  statements: CapturedStatement[];
  /** Values that differ per request: the DMS reference, the member, and every id the app generated. */
  externalRef: string;
  memberId: string;
  generatedIds: string[];
}

/**
 * Works out which values of one captured `recordTransaction` change from request to request, so the
 * baseline can send the very same statements for new transactions: the externalRef, the member, and
 * every id that first appears in an INSERT (rows the app created). Everything else — the dealership,
 * the API client, the tier, timestamps, amounts — is sent as captured.
 */
export function replayPlan(statements: CapturedStatement[], externalRef: string, memberId: string): ReplayPlan {
  const seen = new Set<string>([memberId]);
  const generated: string[] = [];
  for (const { sql, parameters } of statements) {
    const inserting = /^\s*INSERT\b/i.test(sql);
    for (const value of parameters) {
      if (typeof value !== 'string' || !ULID.test(value) || seen.has(value)) continue;
      seen.add(value);
      if (inserting) generated.push(value);
    }
  }
  return { statements, externalRef, memberId, generatedIds: generated };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new ULID: 10 characters of time, 16 random. */
function freshUlid(): string {
  let id = '';
  for (let time = Date.now(), i = 0; i < 10; i++, time = Math.floor(time / 32)) id = CROCKFORD[time % 32] + id;
  for (const byte of randomBytes(16)) id += CROCKFORD[byte % 32];
  return id;
}

/** The statements of one new transaction: the captured ones with fresh values substituted (also inside strings, e.g. audit JSON). */
export function instantiate(plan: ReplayPlan, externalRef: string, memberId: string): CapturedStatement[] {
  const substitutions: Array<[string, string]> = [
    [plan.externalRef, externalRef],
    [plan.memberId, memberId],
    ...plan.generatedIds.map((id): [string, string] => [id, freshUlid()]),
  ];
  const substitute = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    let out = value;
    for (const [from, to] of substitutions) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  };
  return plan.statements.map(({ sql, parameters }) => ({ sql, parameters: parameters.map(substitute) }));
}
