// Which of a person's JustClick accounts a command acts on: the one "@login" names, else their current one; and
// whether a person may use an account (the rule itself is in store/bindings.ts).
import type { AccountPick } from '../domain/account-pick.js';
import { accountsText } from '../domain/i18n/accounts.js';
import type { AccountId, LinkedAccount } from '../store/accounts.js';
import { mayUseAccount as usableBy } from '../store/bindings.js';
import type { Html } from '../domain/format/html.js';
import { accountLabel, type BotContext, type Services } from './context.js';

/** May this Telegram user use (ask about, point alerts of) this account? The one rule is in store/bindings.ts. */
export async function mayUseAccount(s: Pick<Services, 'accounts'>, userId: number, accountId: AccountId): Promise<boolean> {
  return (await usableBy(s.accounts, userId, accountId)) !== null;
}

/**
 * The accounts a person may use, in the order they linked them (today their own; team roles add more here).
 * @public for /team (h-team), which lists the accounts a member was invited to
 */
export async function usableAccounts(s: Pick<Services, 'accounts'>, userId: number): Promise<LinkedAccount[]> {
  return s.accounts.list(userId);
}

/** The account "@login" (or "@name") names among the user's, or none. */
export function findPicked(accounts: readonly LinkedAccount[], pick: Exclude<AccountPick, 'all'>): LinkedAccount | null {
  const word = pick.login;
  const squeeze = (name: string) => name.toLowerCase().replace(/\s+/g, '');
  return accounts.find((a) => a.creds.login.toLowerCase() === word) ?? accounts.find((a) => a.name !== undefined && squeeze(a.name) === word) ?? null;
}

/**
 * The account "@login" in this update's words picks: null when nothing was picked (or "@all", which the
 * caller handles), else the account, or a refusal naming the user's accounts when none fits.
 */
export async function pickedAccount(s: Services, ctx: BotContext): Promise<{ ok: true; value: LinkedAccount | null } | { ok: false; reply: Html }> {
  const pick = ctx.accountPick;
  if (!pick || pick === 'all' || ctx.from === undefined) return { ok: true, value: null };
  const mine = await usableAccounts(s, ctx.from.id);
  const found = findPicked(mine, pick);
  if (found) return { ok: true, value: found };
  return { ok: false, reply: accountsText[ctx.lang].unknownPick(pick.login, mine.map(accountLabel)) };
}
