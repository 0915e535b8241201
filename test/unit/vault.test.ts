// The vault keeps JustClick keys unreadable at rest and bound to the owner who linked them.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Vault, VaultError } from '../../src/store/vault.js';

const key = randomBytes(32);
const vault = new Vault(key);
const secret = 'c9f1e0a7b3d24f5e8a6b1c0d9e8f7a6b';

function tamper(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('Vault', () => {
  it('opens what it sealed, including non-ASCII text', () => {
    expect(vault.open(vault.seal(secret, 'acct:1:key'), 'acct:1:key')).toBe(secret);
    expect(vault.open(vault.seal('ключ 🔑', 'a'), 'a')).toBe('ключ 🔑');
    expect(vault.open(vault.seal('', 'a'), 'a')).toBe('');
  });

  it('writes a versioned format and never the plaintext', () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
  });

  it('uses a fresh IV every time, so equal secrets do not look equal', () => {
    const a = vault.seal(secret, 'acct:1:key');
    const b = vault.seal(secret, 'acct:1:key');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it("refuses a ciphertext copied to another owner's record", () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    expect(() => vault.open(sealed, 'acct:2:key')).toThrow(VaultError);
  });

  it('refuses tampered IV, tag or ciphertext', () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    for (const part of [1, 2, 3] as const) {
      expect(() => vault.open(tamper(sealed, part), 'acct:1:key')).toThrow(VaultError);
    }
  });

  it('refuses to open with another key', () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    expect(() => new Vault(randomBytes(32)).open(sealed, 'acct:1:key')).toThrow(/wrong key, wrong owner, or tampered/);
  });

  it('refuses malformed input, unknown versions and a truncated tag', () => {
    const sealed = vault.seal(secret, 'a');
    const [, iv, tag, ct] = sealed.split('.') as [string, string, string, string];
    for (const bad of ['', 'v1', 'v1.a.b', `v2.${iv}.${tag}.${ct}`, `v1.${iv}.${tag.slice(0, 8)}.${ct}`, `v1.${iv}.${tag}.${ct}.x`, `v1.${iv}.${tag}.@@`]) {
      expect(() => vault.open(bad, 'a'), bad).toThrow(VaultError);
    }
  });

  it('never puts the secret or the key into its errors', () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    const messages: string[] = [];
    for (const attempt of [() => vault.open(sealed, 'acct:2:key'), () => vault.open(tamper(sealed, 3), 'acct:1:key')]) {
      try {
        attempt();
      } catch (e) {
        messages.push(String((e as Error).message), String((e as Error).stack));
      }
    }
    expect(messages).toHaveLength(4);
    for (const m of messages) {
      expect(m).not.toContain(secret);
      expect(m).not.toContain(key.toString('base64'));
      expect(m).not.toContain(key.toString('hex'));
    }
  });

  it('insists on a 32-byte key', () => {
    expect(() => new Vault(randomBytes(16))).toThrow(/32 bytes/);
  });
});
