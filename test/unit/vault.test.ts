// The vault keeps JustClick keys unreadable at rest and bound to the owner who linked them.
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Vault, VaultError, vaultKeyId } from '../../src/store/vault.js';

const key = randomBytes(32);
const vault = new Vault(key);
const secret = 'c9f1e0a7b3d24f5e8a6b1c0d9e8f7a6b';

/** A value in the format sealed before key ids (`v1.<iv>.<tag>.<ct>`), as records already in Redis hold it. */
function sealV1(plaintext: string, aad: string, withKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', withKey, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

function tamper(sealed: string, part: 2 | 3 | 4): string {
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
    expect(sealed).toMatch(/^v2\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed.split('.')[1]).toBe(vaultKeyId(key));
    expect(sealed).not.toContain(secret);
  });

  it('uses a fresh IV every time, so equal secrets do not look equal', () => {
    const a = vault.seal(secret, 'acct:1:key');
    const b = vault.seal(secret, 'acct:1:key');
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it("refuses a ciphertext copied to another owner's record", () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    expect(() => vault.open(sealed, 'acct:2:key')).toThrow(VaultError);
  });

  it('refuses tampered IV, tag or ciphertext', () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    for (const part of [2, 3, 4] as const) {
      expect(() => vault.open(tamper(sealed, part), 'acct:1:key')).toThrow(VaultError);
    }
  });

  it('refuses to open with another key', () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    expect(() => new Vault(randomBytes(32)).open(sealed, 'acct:1:key')).toThrow(/not in CREDENTIALS_KEYS/);
    expect(() => new Vault(randomBytes(32)).open(sealV1(secret, 'acct:1:key', key), 'acct:1:key')).toThrow(/wrong key, wrong owner, or tampered/);
  });

  it('refuses malformed input, unknown versions and a truncated tag', () => {
    const sealed = vault.seal(secret, 'a');
    const [, id, iv, tag, ct] = sealed.split('.') as [string, string, string, string, string];
    for (const bad of [
      '',
      'v1',
      'v1.a.b',
      `v3.${id}.${iv}.${tag}.${ct}`,
      `v2.${iv}.${tag}.${ct}`,
      `v2.${id}.${iv}.${tag.slice(0, 8)}.${ct}`,
      `v1.${iv}.${tag.slice(0, 8)}.${ct}`,
      `v2.${id}.${iv}.${tag}.${ct}.x`,
      `v2.${id}.${iv}.${tag}.@@`,
    ]) {
      expect(() => vault.open(bad, 'a'), bad).toThrow(VaultError);
    }
  });

  it('never puts the secret or the key into its errors', () => {
    const sealed = vault.seal(secret, 'acct:1:key');
    const messages: string[] = [];
    for (const attempt of [() => vault.open(sealed, 'acct:2:key'), () => vault.open(tamper(sealed, 4), 'acct:1:key')]) {
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

  it('opens records sealed before key ids, and says they should be sealed again', () => {
    const old = sealV1(secret, 'acct:1:key', key);
    expect(vault.open(old, 'acct:1:key')).toBe(secret);
    expect(vault.isStale(old)).toBe(true);
    expect(vault.isStale(vault.seal(secret, 'acct:1:key'))).toBe(false);
  });

  it('rotates: seals with the newest key of the ring and opens with any key in it', () => {
    const newer = randomBytes(32);
    const underOld = vault.seal(secret, 'acct:1:key');
    const ring = new Vault([newer, key]);
    expect(ring.open(underOld, 'acct:1:key')).toBe(secret);
    expect(ring.isStale(underOld)).toBe(true);
    const underNew = ring.seal(secret, 'acct:1:key');
    expect(underNew.split('.')[1]).toBe(vaultKeyId(newer));
    expect(ring.isStale(underNew)).toBe(false);
    // Once the old key is dropped, what was sealed again still opens; what was not, does not.
    expect(new Vault([newer]).open(underNew, 'acct:1:key')).toBe(secret);
    expect(() => new Vault([newer]).open(underOld, 'acct:1:key')).toThrow(VaultError);
    // A v1 record opens under a ring where its key is not the newest.
    expect(ring.open(sealV1(secret, 'acct:1:key', key), 'acct:1:key')).toBe(secret);
  });

  it('refuses an empty ring or the same key twice', () => {
    expect(() => new Vault([])).toThrow(VaultError);
    expect(() => new Vault([key, Buffer.from(key)])).toThrow(/twice/);
  });

  it('insists on a 32-byte key', () => {
    expect(() => new Vault(randomBytes(16))).toThrow(/32 bytes/);
  });
});
