import { randomBytes } from 'node:crypto';
import { decryptField, encryptField, keyedHash } from './field-encryption';

describe('field encryption', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const stored = encryptField('11010519491231002X', key);
    expect(stored).not.toContain('11010519491231002X');
    expect(decryptField(stored, key)).toBe('11010519491231002X');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptField('same', key)).not.toBe(encryptField('same', key));
  });

  it('refuses a tampered value or another key', () => {
    const stored = encryptField('secret', key);
    const parts = stored.split('.');
    parts[3] = Buffer.from('SECRET').toString('base64url');
    expect(() => decryptField(parts.join('.'), key)).toThrow();
    expect(() => decryptField(stored, randomBytes(32))).toThrow();
  });

  it('hashes codes with a key', () => {
    expect(keyedHash('123456', 'a')).toBe(keyedHash('123456', 'a'));
    expect(keyedHash('123456', 'a')).not.toBe(keyedHash('123456', 'b'));
  });
});
