// The one signer: JustClick's request signature, its response check and the notification hash.
// All three are plain MD5 hex (not HMAC); comparisons run in constant time.
import { hash, timingSafeEqual } from 'node:crypto';

// crypto.hash (Node 20.12+): one call, no Hash object; about half the CPU of createHash for these short texts (#14).
const md5 = (text: string): string => hash('md5', text, 'hex');

/**
 * `md5(http_build_query(params) . "::" . login . "::" . key)`, the `hash` field of every request, over the
 * query already built (the client sends exactly the string it signed).
 */
export function signQuery(query: string, login: string, key: string): string {
  return md5(`${query}::${login}::${key}`);
}

/** True when a hex digest received from outside equals ours; case-insensitive, constant time. */
function sameDigest(received: unknown, expected: string): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(received.toLowerCase(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Length is not secret (always 32 for MD5 hex); compare something anyway so both paths cost the same.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(b, b), false);
}

/** `md5(error_code . "::" . error_text . "::" . key)`; the text must be the literal one received. */
function responseHash(errorCode: number | string, errorText: string, key: string): string {
  return md5(`${errorCode}::${errorText}::${key}`);
}

/** Does the answer's `hash` prove it came from someone holding `key`? (It does not cover `result`.) */
export function verifyResponseHash(errorCode: number | string, errorText: string, hash: unknown, key: string): boolean {
  return sameDigest(hash, responseHash(errorCode, errorText, key));
}

/** `md5(id . email . paid . key)`: plain concatenation, no separators (help article 613). */
export function notificationHash(id: string, email: string, paid: string, key: string): string {
  return md5(`${id}${email}${paid}${key}`);
}

export function verifyNotificationHash(id: string, email: string, paid: string, key: string, hash: unknown): boolean {
  return sameDigest(hash, notificationHash(id, email, paid, key));
}
