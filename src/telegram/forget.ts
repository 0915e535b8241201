// Buyers' data only as long as needed: what /unlink takes back besides the account itself (link.ts clears the
// chats' settings and pages first). Its team and open invites, deliveries not yet sent, alert ledgers, pending
// choices (the words may hold a buyer's e-mail), and what is cached under the login (product titles, buyers'
// paid prices, sales history).
import type { UnlinkedAccount } from '../store/accounts.js';
import type { Services } from './context.js';

export async function forgetAccountData(s: Services, removed: UnlinkedAccount, fedChats: readonly number[]): Promise<void> {
  const accountId = removed.ownerId;
  const members = await s.team.forgetAccount(accountId);
  await s.engine.forgetDeliveries(accountId, fedChats);
  for (const userId of new Set([removed.linkedBy, ...members])) await s.choices.forgetUser(userId);
  // The region is not kept after unlink: both platforms' titles under this login go (a few stray deletes at worst).
  for (const region of ['ru', 'io'] as const) await s.catalog.forget({ login: removed.login, region });
  await s.engine.forgetAccountCaches(removed.login);
}
