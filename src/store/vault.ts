// Seals secrets at rest (JustClick API keys) with AES-256-GCM. The AAD names the owner and field, so a
// ciphertext copied into another account's record does not open; the `v1.` prefix lets the format and key rotate.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

/** Opening failed. The message says why in general terms and never holds plaintext, key or ciphertext. */
export class VaultError extends Error {
  override name = 'VaultError';
}

export class Vault {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new VaultError(`the vault key must be 32 bytes, got ${key.length}`);
    // A private copy: the caller may wipe or reuse its buffer.
    this.#key = Buffer.from(key);
  }

  /** Encrypts with a fresh random IV; `aad` binds the result to its place (e.g. `acct:42:key`). */
  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
  }

  /** Decrypts what `seal` made with the same key and AAD; throws VaultError on anything else. */
  open(sealed: string, aad: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || !parts.slice(1).every((p) => B64URL.test(p))) {
      throw new VaultError('sealed value is malformed');
    }
    const [version, ivText, tagText, ctText] = parts as [string, string, string, string];
    if (version !== VERSION) throw new VaultError(`sealed value has unknown version "${version.slice(0, 8)}"`);
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    // Without these checks a truncated tag would be accepted by an older Node and weaken GCM.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new VaultError('sealed value is malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // Node's own message ("Unsupported state or unable to authenticate data") says nothing useful.
      throw new VaultError('sealed value does not authenticate: wrong key, wrong owner, or tampered');
    }
  }
}
