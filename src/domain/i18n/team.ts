// What the bot says about a seller's team: invite links, joining, the members list and its buttons, and the
// refusals a role meets ("only the owner may…", "a viewer does not see…").
import { escapeHtml as e, html, joinHtml, type Html } from '../format/html.js';
import type { Lang } from './lang.js';
import type { MemberRole } from '../roles.js';

export interface TeamListed {
  name: string;
  role: MemberRole;
  /** Already formatted in the reader's zone and language. */
  since: string;
}

export interface TeamText {
  roleName: Record<MemberRole, string>;
  usage: Html;
  /** Commands only the account's owner may use (team, routing to groups, unlink). */
  ownerOnly: Html;
  /** What a viewer asked for needs buyers' contacts (lookups, export). */
  viewerRefused: Html;
  /** /team in a group. */
  privateOnly: Html;
  invite(role: MemberRole, link: string, expires: string): Html;
  /** The bot's username is not known yet, so no link can be made. */
  noLink: Html;
  joined(role: MemberRole, domain: string): Html;
  /** Told to the owner when someone joins. */
  ownerToldJoined(name: string, role: MemberRole): Html;
  inviteUnknown: Html;
  inviteExpired: Html;
  inviteUsed: Html;
  inviteOwn: Html;
  alreadyMember: Html;
  list(domain: string, members: TeamListed[]): Html;
  makeRole(role: MemberRole): string;
  removeButton: string;
  confirmRemove(name: string): Html;
  yesRemove: string;
  cancel: string;
  removed(name: string): Html;
  roleChanged(name: string, role: MemberRole): Html;
  notAMember: string;
  /** Told to the member themself. */
  youWereRemoved(domain: string): Html;
  yourRoleChanged(domain: string, role: MemberRole): Html;
}

const en: TeamText = {
  roleName: { manager: 'manager', viewer: 'viewer' },
  usage: html`<code>/team</code> — your team; <code>/team invite manager</code> or <code>/team invite viewer</code> — a one-time link (24 h) for someone to join.
A manager sees orders with buyers' contacts, looks up orders and buyers, exports, gets alerts. A viewer sees totals, charts and lists with contacts masked.`,
  ownerOnly: html`Only the account's owner may do that.`,
  viewerRefused: html`A viewer does not see buyers' contacts, so lookups and exports are not available. Ask the account's owner for the manager role.`,
  privateOnly: html`The team is managed in a private chat with me.`,
  invite: (role, link, expires) =>
    html`A one-time link to join as <b>${e(en.roleName[role])}</b>, valid until ${e(expires)}:
${e(link)}
Send it only to the person it is for: whoever opens it first joins.`,
  noLink: html`I cannot make a link right now. Please try again in a minute.`,
  joined: (role, domain) => html`You joined ${e(domain)} as ${e(en.roleName[role])}. Try /today or /orders week.`,
  ownerToldJoined: (name, role) => html`${e(name)} joined your team as ${e(en.roleName[role])}. /team — the members.`,
  inviteUnknown: html`This invite link is not valid (anymore). Ask the account's owner for a new one.`,
  inviteExpired: html`This invite link has expired (links work for 24 hours). Ask the account's owner for a new one.`,
  inviteUsed: html`This invite link has already been used: each link lets in one person. Ask the account's owner for a new one.`,
  inviteOwn: html`This is an invite to your own account: send it to the person who should join.`,
  alreadyMember: html`You are already in this team. /team on the owner's side shows your role.`,
  list: (domain, members) =>
    members.length === 0
      ? html`Nobody but you has access to ${e(domain)}. <code>/team invite manager</code> or <code>/team invite viewer</code> makes an invite link.`
      : html`<b>Team of ${e(domain)}</b>
${joinHtml(
  members.map((m) => html`• ${e(m.name)} — ${e(en.roleName[m.role])}, since ${e(m.since)}`),
  '\n',
)}`,
  makeRole: (role) => `Make ${en.roleName[role]}`,
  removeButton: 'Remove',
  confirmRemove: (name) => html`Remove ${e(name)} from the team? They lose access at once.`,
  yesRemove: 'Yes, remove',
  cancel: 'Cancel',
  removed: (name) => html`${e(name)} was removed from the team.`,
  roleChanged: (name, role) => html`${e(name)} is now a ${e(en.roleName[role])}.`,
  notAMember: 'This person is no longer in the team.',
  youWereRemoved: (domain) => html`You no longer have access to ${e(domain)}.`,
  yourRoleChanged: (domain, role) => html`Your role for ${e(domain)} is now ${e(en.roleName[role])}.`,
};

const ru: TeamText = {
  roleName: { manager: 'менеджер', viewer: 'наблюдатель' },
  usage: html`<code>/team</code> — ваша команда; <code>/team invite manager</code> или <code>/team invite viewer</code> — одноразовая ссылка (24 ч), чтобы кто-то присоединился.
Менеджер видит заказы с контактами покупателей, ищет заказы и покупателей, выгружает, получает уведомления. Наблюдатель видит итоги, графики и списки со скрытыми контактами.`,
  ownerOnly: html`Это может только владелец аккаунта.`,
  viewerRefused: html`Наблюдатель не видит контакты покупателей, поэтому поиск и выгрузка недоступны. Попросите владельца аккаунта дать роль менеджера.`,
  privateOnly: html`Командой управляют в личном чате со мной.`,
  invite: (role, link, expires) =>
    html`Одноразовая ссылка, чтобы присоединиться как <b>${e(ru.roleName[role])}</b>, действует до ${e(expires)}:
${e(link)}
Отправьте её только тому, для кого она: войдёт тот, кто откроет первым.`,
  noLink: html`Сейчас не получается сделать ссылку. Попробуйте через минуту.`,
  joined: (role, domain) => html`Вы присоединились к ${e(domain)} как ${e(ru.roleName[role])}. Попробуйте /today или /orders неделя.`,
  ownerToldJoined: (name, role) => html`${e(name)} присоединился к вашей команде как ${e(ru.roleName[role])}. /team — участники.`,
  inviteUnknown: html`Эта ссылка-приглашение недействительна. Попросите у владельца аккаунта новую.`,
  inviteExpired: html`Срок этой ссылки истёк (ссылки действуют 24 часа). Попросите у владельца аккаунта новую.`,
  inviteUsed: html`По этой ссылке уже присоединились: одна ссылка — для одного человека. Попросите у владельца аккаунта новую.`,
  inviteOwn: html`Это приглашение в ваш собственный аккаунт: отправьте его тому, кто должен присоединиться.`,
  alreadyMember: html`Вы уже в этой команде.`,
  list: (domain, members) =>
    members.length === 0
      ? html`Кроме вас, доступа к ${e(domain)} ни у кого нет. <code>/team invite manager</code> или <code>/team invite viewer</code> — ссылка-приглашение.`
      : html`<b>Команда ${e(domain)}</b>
${joinHtml(
  members.map((m) => html`• ${e(m.name)} — ${e(ru.roleName[m.role])}, с ${e(m.since)}`),
  '\n',
)}`,
  makeRole: (role) => (role === 'manager' ? 'Сделать менеджером' : 'Сделать наблюдателем'),
  removeButton: 'Удалить',
  confirmRemove: (name) => html`Удалить ${e(name)} из команды? Доступ пропадёт сразу.`,
  yesRemove: 'Да, удалить',
  cancel: 'Отмена',
  removed: (name) => html`${e(name)} удалён из команды.`,
  roleChanged: (name, role) => html`${e(name)} теперь ${e(ru.roleName[role])}.`,
  notAMember: 'Этого человека уже нет в команде.',
  youWereRemoved: (domain) => html`У вас больше нет доступа к ${e(domain)}.`,
  yourRoleChanged: (domain, role) => html`Ваша роль в ${e(domain)} теперь: ${e(ru.roleName[role])}.`,
};

export const teamText: Record<Lang, TeamText> = { en, ru };
