// Which team account a member's commands act on, and whether they see buyers' contacts. The simple rule until
// a member can switch between teams: a person's own accounts first (access.ts); without one, the team they
// joined first.
import { may } from '../domain/roles.js';
import type { Role } from '../domain/roles.js';
import type { LinkedAccount } from '../store/accounts.js';
import type { BotContext, Services } from './context.js';

export async function teamAccount(s: Pick<Services, 'accounts' | 'team'>, userId: number): Promise<{ account: LinkedAccount; role: Role } | null> {
  for (const accountId of await s.team.teamsOf(userId)) {
    const role = await s.team.roleOf(userId, accountId);
    const account = role === undefined ? null : await s.accounts.get(accountId);
    if (account && role) return { account, role };
  }
  return null;
}

/** Contacts are masked in groups, and for whoever may not see them (a viewer). */
export function masksContacts(ctx: BotContext): boolean {
  return ctx.chat?.type !== 'private' || !may(ctx.role, 'contacts');
}
