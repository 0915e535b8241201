// Who may still read a delivery at the moment it is sent: a team member removed, or demoted, after the job was
// queued must get nothing more, or no more than their new role shows. Asked once per delivery by deliver.ts.
import { may } from '../domain/roles.js';
import type { ChatSettings } from '../store/chats.js';
import type { TeamStore } from '../store/team.js';
import type { Delivery } from './queues.js';

/** `full`: contacts as they are; `masked`: e-mails and phones masked; `none`: not sent at all. */
export type Audience = 'full' | 'masked' | 'none';

export async function audienceOf(team: Pick<TeamStore, 'roleOf'>, d: Delivery, chat: ChatSettings): Promise<Audience> {
  // Groups and channels always see contacts masked; who may feed them is checked where they are bound.
  if (d.chatId < 0) return 'masked';
  // A private chat is the reader: their role on the account the message comes from decides.
  const accountId = 'ownerId' in d ? d.ownerId : chat.ownerId;
  // A summary for a private chat no account feeds any more (unlinked, or its member removed): nobody's to read.
  if (accountId === undefined) return 'none';
  const role = await team.roleOf(d.chatId, accountId);
  if (role === undefined) return 'none';
  return may(role, 'contacts') ? 'full' : 'masked';
}
