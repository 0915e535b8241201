// What the seller calls an account, wherever it is named: in the bot's answers and in alerts of a chat that
// several accounts feed.
import { isDemoAccount } from './demo/account.js';

/** What the seller calls the account: the name they gave it, else its domain. */
export function accountLabel(account: { name?: string; creds: { login: string; region: 'ru' | 'io' } }): string {
  return account.name ?? accountDomain(account.creds);
}

/** The account domain a seller recognises: shop.justclick.ru (for the demo shop, a name no domain can have). */
export function accountDomain(creds: { login: string; region: 'ru' | 'io' }): string {
  if (isDemoAccount(creds)) return '🧪 demo';
  return `${creds.login}.justclick.${creds.region}`;
}
