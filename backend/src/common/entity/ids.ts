import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/**
 * A new opaque record id: a ULID, 26 characters, ordered by creation time so that tables grow at
 * the end of their primary key (good for InnoDB and for chunked jobs) and ids cannot be guessed.
 */
export function newId(): string {
  return ulid();
}
