import { randomFillSync } from 'node:crypto';
import { monotonicFactory, PRNG } from 'ulid';

/**
 * ulid's default generator asks the OS for one random byte per character (16 calls per id);
 * this one draws the same uniform bytes from a buffer refilled 4 KB at a time.
 */
function bufferedCryptoRandom(): PRNG {
  const bytes = Buffer.alloc(4096);
  let next = bytes.length;
  return () => {
    if (next === bytes.length) {
      randomFillSync(bytes);
      next = 0;
    }
    return bytes[next++] / 256;
  };
}

const ulid = monotonicFactory(bufferedCryptoRandom());

/**
 * A new opaque record id: a ULID, 26 characters, ordered by creation time so that tables grow at
 * the end of their primary key (good for InnoDB and for chunked jobs) and ids cannot be guessed.
 */
export function newId(): string {
  return ulid();
}
