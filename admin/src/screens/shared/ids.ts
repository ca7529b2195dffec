/**
 * A fresh idempotency key per intended write: a retry of the same submission reuses it.
 * getRandomValues rather than randomUUID, which browsers offer only on HTTPS or localhost.
 */
export function newIdempotencyKey(prefix = 'admin', size = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
