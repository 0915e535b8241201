// Which JustClick account a command acts on: the one "@login" names, else the person's current one, among their
// own and their teams' accounts; and whether a person owns an account (the rule itself is in store/bindings.ts).
import type { AccountPick } from '../domain/account-pick.js';
import { accountsText } from '../domain/i18n/accounts.js';
import type { AccountId, LinkedAccount } from '../store/accounts.js';
import { mayUseAccount as usableBy } from '../store/bindings.js';
import type { Html } from '../domain/format/html.js';
import type { Role } from '../domain/roles.js';
import { accountLabel, type BotContext, type Services } from './context.js';

/**
 * Did this Telegram user link this account (may they rename, unlink or route it)? The one rule is in
 * store/bindings.ts; who may use it through a team, and how, is `team.roleOf` (accountsWithRoles below).
 */
export async function mayUseAccount(s: Pick<Services, 'accounts'>, userId: number, accountId: AccountId): Promise<boolean> {
  return (await usableBy(s.accounts, userId, accountId)) !== null;
}

/** An account a person may use, and what they may do with it. */
export interface UsableAccount {
  account: LinkedAccount;
  role: Role;
}

/**
 * The accounts a person may use with their role on each: their own in the order they linked them, then the
 * teams' in the order they joined (a team access that has just ended is left out).
 */
export async function accountsWithRoles(s: Pick<Services, 'accounts' | 'team'>, userId: number): Promise<UsableAccount[]> {
  const usable: UsableAccount[] = (await s.accounts.list(userId)).map((account) => ({ account, role: 'owner' }));
  for (const accountId of await s.team.teamsOf(userId)) {
    if (usable.some((u) => u.account.accountId === accountId)) continue;
    const role = await s.team.roleOf(userId, accountId);
    const account = role === undefined ? null : await s.accounts.get(accountId);
    if (account && role) usable.push({ account, role });
  }
  return usable;
}

/**
 * The accounts a person may use, own first, then their teams' (accountsWithRoles() says the role on each).
 * @public for "@all" (h-named), which adds up every account the person may see totals of
 */
export async function usableAccounts(s: Pick<Services, 'accounts' | 'team'>, userId: number): Promise<LinkedAccount[]> {
  return (await accountsWithRoles(s, userId)).map((u) => u.account);
}

/** The account "@login" (or "@name") names among the user's, or none. */
export function findPicked(accounts: readonly LinkedAccount[], pick: Exclude<AccountPick, 'all'>): LinkedAccount | null {
  const word = pick.login;
  const squeeze = (name: string) => name.toLowerCase().replace(/\s+/g, '');
  return accounts.find((a) => a.creds.login.toLowerCase() === word) ?? accounts.find((a) => a.name !== undefined && squeeze(a.name) === word) ?? null;
}

/**
 * The account "@login" in this update's words picks, with the person's role on it: null when nothing was picked
 * (or "@all", which the caller handles), else the account (their own first when a login is both), or a
 * refusal naming the accounts they may use when none fits.
 */
export async function pickedAccount(s: Services, ctx: BotContext): Promise<{ ok: true; value: UsableAccount | null } | { ok: false; reply: Html }> {
  const pick = ctx.accountPick;
  if (!pick || pick === 'all' || ctx.from === undefined) return { ok: true, value: null };
  const usable = await accountsWithRoles(s, ctx.from.id);
  const found = findPicked(
    usable.map((u) => u.account),
    pick,
  );
  if (found) return { ok: true, value: usable.find((u) => u.account === found)! };
  return {
    ok: false,
    reply: accountsText[ctx.lang].unknownPick(
      pick.login,
      usable.map((u) => accountLabel(u.account)),
    ),
  };
}
