// The built-in demo account: credentials no real JustClick account can have, so that the demo is told apart
// by its login alone and can never be sent to the network.
import type { Credentials } from '../justclick/types.js';

/**
 * Not a DNS label (the underscore): parseAccount never reads a typed login as this, and apiBaseUrl refuses
 * to build a URL for it, so even a path that forgot the demo would fail before any request.
 */
const DEMO_LOGIN = '_demo';

export const DEMO_CREDENTIALS: Credentials = { login: DEMO_LOGIN, region: 'ru', key: 'demo-shop-no-key' };

/** True for the demo shop's credentials (or any login/region pair naming it). */
export function isDemoAccount(creds: { login: string }): boolean {
  return creds.login === DEMO_LOGIN;
}
