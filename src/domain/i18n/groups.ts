// Texts of groups and channels bound to an account: /bind and /unbind, the refusals of an unbound group, the
// notice when a binding ends by itself, and the posting rights that routing alerts to a channel needs.
import { escapeHtml, html, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

/** Why a binding ended without anyone asking: the binder is no longer an admin, left, or lost the account. */
export type UnbindReason = 'not-admin' | 'left' | 'no-access';

/** What /bind shows about a bound group. */
export interface BindingFacts {
  /** The binder's name as Telegram gives it, or null when Telegram did not say. */
  by: string | null;
  /** The account's domain, shop.justclick.ru (never its key). */
  account: string;
  /** When it was bound, in the chat's zone; null for a binding older than the record of it. */
  since: string | null;
}

export interface GroupsText {
  /** A question in a group nobody bound yet. */
  notBound: Html;
  /** A setting changed (or switched off) by a member who is not an admin. */
  notAdmin: Html;
  /** Alerts or a digest switched on by an admin who may not use the account the group is bound to. */
  notYourBinding: Html;
  /** /bind by a member who is not an admin of the group. */
  bindNotAdmin: Html;
  /** /bind by an admin with no account of their own. */
  bindNotLinked: Html;
  bound(account: string): Html;
  /** /bind in a bound group: who bound it and how to reset it. */
  bindingState(facts: BindingFacts): Html;
  unbound(account: string): Html;
  unbindNotAdmin: Html;
  nothingToUnbind: Html;
  /** /bind or /unbind in a private chat. */
  groupsOnly: Html;
  /** Told to the chat once when its binding ends by itself. */
  unboundNotice(why: UnbindReason): Html;
  /** `/alerts on @channel` by an admin without the right to post there. */
  targetCannotPost(title: string): Html;
}

const en: GroupsText = {
  notAdmin: html`Only an administrator of this chat can change this here.`,
  notYourBinding: html`This group is connected to someone else's JustClick account: only they can switch its alerts, digest or reports on. Any admin can switch them off, or disconnect the group with /unbind.`,
  notBound: html`This group is not connected to a JustClick account yet. An admin of the group who has linked an account connects it with /bind.`,
  bindNotAdmin: html`Only an admin of this group can connect it to a JustClick account.`,
  bindNotLinked: html`Link your JustClick account in a private chat with me first (/link), then send /bind here.`,
  bound: (account) =>
    html`✅ This group is now connected to <b>${escapeHtml(account)}</b>. Members can ask for orders here (buyers' e-mails and phones are masked). Alerts: /alerts on; daily digest: /digest 9:00. Any admin can disconnect it with /unbind.`,
  bindingState: (f) =>
    html`This group is connected to <b>${escapeHtml(f.account)}</b>${f.by ? html` by ${escapeHtml(f.by)}` : ''}${f.since ? html` since ${escapeHtml(f.since)}` : ''}. Any admin can disconnect it with /unbind.`,
  unbound: (account) =>
    html`Disconnected from <b>${escapeHtml(account)}</b>: no more orders, alerts, digests or reports here. An admin can connect an account again with /bind.`,
  unbindNotAdmin: html`Only an admin of this group can disconnect it.`,
  nothingToUnbind: html`This group is not connected to any JustClick account.`,
  groupsOnly: html`/bind and /unbind are for groups: add me to a group and send them there. Here I always use your own account.`,
  unboundNotice: (why) =>
    html`This group is no longer connected to the JustClick account: the person who connected it ${
      why === 'left' ? html`left the group` : why === 'not-admin' ? html`is no longer an admin here` : html`no longer has access to the account`
    }. Alerts and digests stopped. An admin with a linked account can connect it again with /bind.`,
  targetCannotPost: (title) => html`To send alerts to <b>${escapeHtml(title)}</b> you must be its admin with the right to post messages there.`,
};

const ru: GroupsText = {
  notAdmin: html`Изменить это здесь может только администратор чата.`,
  notYourBinding: html`Эта группа подключена к чужому аккаунту JustClick: включать здесь уведомления, сводки и отчёты может только тот, кто её подключил. Выключить их или отключить группу (/unbind) может любой администратор.`,
  notBound: html`Эта группа ещё не подключена к аккаунту JustClick. Подключить её может администратор группы, подключивший свой аккаунт: командой /bind.`,
  bindNotAdmin: html`Подключить группу к аккаунту JustClick может только её администратор.`,
  bindNotLinked: html`Сначала подключите аккаунт JustClick в личном чате со мной (/link), потом отправьте здесь /bind.`,
  bound: (account) =>
    html`✅ Группа подключена к <b>${escapeHtml(account)}</b>. Участники могут спрашивать здесь о заказах (почта и телефоны покупателей скрыты). Уведомления: /alerts on; сводка за день: /digest 9:00. Отключить может любой администратор: /unbind.`,
  bindingState: (f) =>
    html`Группа подключена к <b>${escapeHtml(f.account)}</b>${f.by ? html`, подключил(а) ${escapeHtml(f.by)}` : ''}${f.since ? html`, с ${escapeHtml(f.since)}` : ''}. Отключить может любой администратор: /unbind.`,
  unbound: (account) =>
    html`Группа отключена от <b>${escapeHtml(account)}</b>: заказов, уведомлений, сводок и отчётов здесь больше не будет. Администратор может снова подключить аккаунт командой /bind.`,
  unbindNotAdmin: html`Отключить группу может только её администратор.`,
  nothingToUnbind: html`Эта группа не подключена ни к какому аккаунту JustClick.`,
  groupsOnly: html`/bind и /unbind — для групп: добавьте меня в группу и отправьте команду там. Здесь я всегда использую ваш собственный аккаунт.`,
  unboundNotice: (why) =>
    html`Группа больше не подключена к аккаунту JustClick: тот, кто её подключил, ${
      why === 'left' ? html`вышел из группы` : why === 'not-admin' ? html`больше не администратор здесь` : html`больше не имеет доступа к аккаунту`
    }. Уведомления и сводки остановлены. Администратор с подключённым аккаунтом может подключить группу снова: /bind.`,
  targetCannotPost: (title) => html`Чтобы отправлять уведомления в <b>${escapeHtml(title)}</b>, нужно быть его администратором с правом публиковать сообщения.`,
};

export const groupsText: Record<Lang, GroupsText> = { en, ru };
