// Seals secrets at rest (JustClick API keys) with AES-256-GCM under a ring of keys, newest first. The AAD
// names the owner and field, so a ciphertext copied into another account's record does not open; each
// sealed value names its key by id, so keys rotate without unlinking anyone (README "Rotating CREDENTIALS_KEYS").
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** `v1.<iv>.<tag>.<ct>`: sealed before key ids existed, by the one CREDENTIALS_KEY of that time. */
const V1 = 'v1';
/** `v2.<key id>.<iv>.<tag>.<ct>`. */
const V2 = 'v2';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

/** Opening failed. The message says why in general terms and never holds plaintext, key or ciphertext. */
export class VaultError extends Error {
  override name = 'VaultError';
}

/**
 * A key's public name: 8 base64url characters of a hash of the key, never the key. A hash that only names
 * (48 bits of SHA-256 of a 256-bit random key) tells nothing usable about the key.
 */
export function vaultKeyId(key: Buffer): string {
  return createHash('sha256').update('jcb vault key id\0').update(key).digest().subarray(0, 6).toString('base64url');
}

interface RingKey {
  id: string;
  key: Buffer;
}

export class Vault {
  /** Newest first: seal uses the first, open finds any by id. */
  readonly #ring: readonly RingKey[];

  /** One key, or a ring of keys newest first (CREDENTIALS_KEYS). */
  constructor(keys: Buffer | readonly Buffer[]) {
    const list = Buffer.isBuffer(keys) ? [keys] : [...keys];
    if (list.length === 0) throw new VaultError('the vault needs at least one key');
    for (const key of list) if (key.length !== 32) throw new VaultError(`the vault key must be 32 bytes, got ${key.length}`);
    // Private copies: the caller may wipe or reuse its buffers.
    const ring = list.map((key) => ({ id: vaultKeyId(key), key: Buffer.from(key) }));
    if (new Set(ring.map((k) => k.id)).size !== ring.length) throw new VaultError('the same vault key is in the ring twice');
    this.#ring = ring;
  }

  /** The id of the key new values are sealed with. */
  get newestKeyId(): string {
    return this.#ring[0]!.id;
  }

  /** Encrypts with the newest key and a fresh random IV; `aad` binds the result to its place (e.g. `acct:42:key`). */
  seal(plaintext: string, aad: string): string {
    const { id, key } = this.#ring[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [V2, id, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
  }

  /** Decrypts what `seal` made with a key of the ring and the same AAD; throws VaultError on anything else. */
  open(sealed: string, aad: string): string {
    const parts = sealed.split('.');
    if (!parts.every((p) => B64URL.test(p))) throw new VaultError('sealed value is malformed');
    if (parts[0] === V2 && parts.length === 5) {
      const [, id, ...rest] = parts as [string, string, string, string, string];
      const ringKey = this.#ring.find((k) => k.id === id);
      if (!ringKey) throw new VaultError(`sealed value is under key ${id.slice(0, 8)}, which is not in CREDENTIALS_KEYS`);
      return decrypt(ringKey.key, rest as [string, string, string], aad);
    }
    if (parts[0] === V1 && parts.length === 4) {
      // No key id: try each key of the ring, the oldest format being likeliest under the oldest key.
      const rest = parts.slice(1) as [string, string, string];
      for (const { key } of [...this.#ring].reverse()) {
        try {
          return decrypt(key, rest, aad);
        } catch (err) {
          if (!(err instanceof VaultError) || err.message.includes('malformed')) throw err;
        }
      }
      throw new VaultError('sealed value does not authenticate: wrong key, wrong owner, or tampered');
    }
    if (parts.length < 4) throw new VaultError('sealed value is malformed');
    throw new VaultError(`sealed value has unknown version "${(parts[0] ?? '').slice(0, 8)}"`);
  }

  /** True when `sealed` is not under the newest key (or predates key ids): it should be sealed again. */
  isStale(sealed: string): boolean {
    const [version, id] = sealed.split('.');
    return version !== V2 || id !== this.newestKeyId;
  }
}

function decrypt(key: Buffer, [ivText, tagText, ctText]: [string, string, string], aad: string): string {
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  // Without these checks a truncated tag would be accepted by an older Node and weaken GCM.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new VaultError('sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // Node's own message ("Unsupported state or unable to authenticate data") says nothing useful.
    throw new VaultError('sealed value does not authenticate: wrong key, wrong owner, or tampered');
  }
}
