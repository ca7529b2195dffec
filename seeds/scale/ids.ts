const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function encode(value: number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = alphabet[value % alphabet.length] + out;
    value = Math.floor(value / alphabet.length);
  }
  return out;
}

const prefixes = new Map<string, string>();

/**
 * A ULID-shaped id (26 Crockford characters) that sorts by sequence number: the ULID time of
 * `baseMs`, a letter per table, then the sequence. Rows are generated member by member, so every
 * table grows at the end of its primary key and of its member-keyed indexes.
 */
export function scaleId(baseMs: number, kind: string, sequence: number): string {
  const key = `${baseMs}${kind}`;
  let prefix = prefixes.get(key);
  if (prefix === undefined) {
    prefix = encode(baseMs, CROCKFORD, 10) + kind;
    prefixes.set(key, prefix);
  }
  return prefix + encode(sequence, CROCKFORD, 15);
}
