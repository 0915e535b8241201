// What a seller types as their account (`shop`, `shop.justclick.io`, a pasted URL) → login and platform,
// and the API base URL for it.
import type { Credentials } from './types.js';
import { JustClickError } from './errors.js';

export const DEFAULT_API_URL = 'https://{login}.justclick.ru/api';

// A DNS label: the login is the account's third-level domain.
const LOGIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** `shop`, `shop.justclick.ru`, `SHOP.justclick.io`, `https://shop.justclick.ru/` → login and region; null for anything else. */
export function parseAccount(input: string): { login: string; region: 'ru' | 'io' } | null {
  let text = input.trim().toLowerCase();
  const pastedUrl = /^https?:\/\//.test(text);
  text = text.replace(/^https?:\/\//, '');
  // A pasted URL (or a justclick domain) may carry a path (`/api`, `/lk/`): the host is all we need.
  // A bare login followed by a slash is not an address but a typo: refuse it rather than guess.
  const slash = text.indexOf('/');
  if (slash !== -1) {
    const host = text.slice(0, slash);
    if (!pastedUrl && !/\.justclick\.(ru|io)$/.test(host)) return null;
    text = host;
  }
  const match = /^([^.]+)(?:\.justclick\.(ru|io))?$/.exec(text);
  if (!match) return null;
  const login = match[1]!;
  if (!LOGIN.test(login)) return null;
  return { login, region: match[2] === 'io' ? 'io' : 'ru' };
}

/**
 * The API base for an account: `{login}` replaced in the configured template. With the default
 * template an `io` account goes to justclick.io; a custom template (a proxy, a test server) is kept as is.
 */
export function apiBaseUrl(template: string, creds: Pick<Credentials, 'login' | 'region'>): string {
  // The login becomes part of a host name: anything else could point the request (and the signature) elsewhere.
  if (!LOGIN.test(creds.login)) {
    throw new JustClickError('unknown-login', 'JustClick login must be letters, digits and dashes', { login: creds.login.slice(0, 64) });
  }
  const base = template === DEFAULT_API_URL && creds.region === 'io' ? 'https://{login}.justclick.io/api' : template;
  return base.replaceAll('{login}', creds.login).replace(/\/+$/, '');
}

/**
 * A JustClick API key pasted where the login belongs: 20 or more characters of hex with a digit in them, or
 * of base64 with both cases and a digit. Logins are names people chose to read and type (`shop`,
 * `my-school-2024`); keys are random, and a key taken for a login would be echoed, kept, and sent as a host name.
 */
export function looksLikeKey(input: string): boolean {
  const word = input.trim();
  if (word.length < 20) return false;
  if (/^[0-9a-f]+$/i.test(word)) return /\d/.test(word);
  return /^[A-Za-z0-9+/=_-]+$/.test(word) && /\d/.test(word) && /[a-z]/.test(word) && /[A-Z]/.test(word);
}

/** True when the login part of an account input (a bare login or an address) is key-shaped. */
export function accountLooksLikeKey(input: string): boolean {
  if (looksLikeKey(input)) return true;
  const account = parseAccount(input);
  return account !== null && looksLikeKey(account.login);
}
