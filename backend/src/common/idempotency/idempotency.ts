import { createHash } from 'node:crypto';
import { ConflictError } from '../errors';

/** SHA-256 of a payload with its keys sorted, so the same request always hashes the same. */
export function payloadHash(payload: unknown): string {
  return createHash('sha256').update(stableJson(payload)).digest('hex');
}

function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A retryable write under an idempotency key (unique in the database): a replay with the same
 * payload returns the first result and writes nothing; the same key with another payload is a
 * CONFLICT. A concurrent duplicate that fails (on the unique index, or because the first one spent
 * the balance) returns the winner's result.
 */
export async function idempotentWrite<T>(options: {
  find: () => Promise<T | null>;
  hashOf: (record: T) => string | null;
  payloadHash: string;
  field: string;
  write: () => Promise<T>;
}): Promise<T> {
  const replay = (record: T): T => {
    if (options.hashOf(record) !== options.payloadHash) {
      throw new ConflictError('This idempotency key was already used with a different request', options.field);
    }
    return record;
  };
  const existing = await options.find();
  if (existing) return replay(existing);
  try {
    return await options.write();
  } catch (error) {
    // A concurrent request with the same key may have won: its unique key made this write fail, or
    // its effect (a spent balance) did. Either way the answer is the winner's result.
    const winner = await options.find();
    if (winner) return replay(winner);
    throw error;
  }
}
