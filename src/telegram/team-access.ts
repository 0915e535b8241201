// Whether a team member sees buyers' contacts. Which account they act on, and their role on it, is decided in
// access.ts (account-pick.ts lists the accounts a person may use).
import { may } from '../domain/roles.js';
import type { BotContext } from './context.js';

/** Contacts are masked in groups, and for whoever may not see them (a viewer). */
export function masksContacts(ctx: BotContext): boolean {
  return ctx.chat?.type !== 'private' || !may(ctx.role, 'contacts');
}
