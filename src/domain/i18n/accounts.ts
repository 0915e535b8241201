// Texts of /accounts (the list, switching, renaming, unlinking one), of "@login" picks, and of the combined
// "@all" view of /orders.
import { escapeHtml, html, joinHtml, type Html } from '../format/html.js';
import type { Lang } from './lang.js';
import type { MemberRole } from '../roles.js';
import { teamText } from './team.js';

/** One account as the list shows it. */
export interface AccountLine {
  /** The seller's name for it, else its address. */
  label: string;
  domain: string;
  alertsOn: boolean;
  current: boolean;
  /** A team's account the person is a member of, in this role; absent for their own. */
  team?: MemberRole;
}

/** One account's line in the combined view; null figures: JustClick did not answer for it. */
export interface CombinedLine {
  label: string;
  paid: { count: number; revenue: string } | null;
  created: number | null;
}

export interface AccountsText {
  list(accounts: readonly AccountLine[]): Html;
  none: Html;
  /** Button labels (plain text, not HTML). */
  buttons: { rename: string; unlink: string; yesUnlink: string; keep: string; leave: string; yesLeave: string };
  switched(label: string): Html;
  askName(label: string): Html;
  renamed(label: string, name: string | null): Html;
  confirmUnlink(label: string): Html;
  /** A button of someone else's list, or of an account no longer linked. */
  notYours: string;
  gone: string;
  /** The team account they had chosen is no longer theirs to use; `now` is the one commands act on instead. */
  lostAccess(lost: string, now: string | null): Html;
  /** Leaving a team from /accounts: the question, and the answer. */
  confirmLeave(label: string): Html;
  left(label: string): Html;
  /** "@shop3" names none of the user's accounts. */
  unknownPick(login: string, labels: readonly string[]): Html;
  /** "@all" after a command that has no combined view. */
  allOnlyIn(command: string): Html;
  /** After /link of a second (third…) account. */
  added(domain: string, count: number): Html;
  combined(period: string, lines: readonly CombinedLine[], total: { count: number; revenue: string; created: number }): Html;
}

const en: AccountsText = {
  list: (accounts) =>
    joinHtml(
      [
        html`<b>Your JustClick accounts</b> (✓ — the one commands act on; <code>@login</code> in a command picks another, <code>@all</code> in /orders shows them all):`,
        ...accounts.map(
          (a) =>
            html`${a.current ? html`✓ ` : html`• `}<b>${escapeHtml(a.label)}</b>${a.label === a.domain ? '' : html` — ${escapeHtml(a.domain)}`}${a.team ? html` · 👥 ${escapeHtml(teamText.en.roleName[a.team])}` : ''} · alerts ${a.alertsOn ? html`on` : html`off`}`,
        ),
        ...(accounts.some((a) => a.team) ? [html`👥 — a team's account: you use it with the role its owner gave you.`] : []),
        html`Tap an account to make it current. /link adds another.`,
      ],
      '\n',
    ),
  none: html`No JustClick account is linked yet. Send /link to link one.`,
  buttons: { rename: '✏️ Rename', unlink: '✖ Unlink', yesUnlink: 'Yes, unlink it', keep: 'No, keep it', leave: '🚪 Leave team', yesLeave: 'Yes, leave' },
  switched: (label) => html`Commands now act on <b>${escapeHtml(label)}</b>.`,
  askName: (label) => html`What should <b>${escapeHtml(label)}</b> be called? Send the name (up to 40 characters), or /cancel.`,
  renamed: (label, name) =>
    name === null
      ? html`<b>${escapeHtml(label)}</b> is called by its address again.`
      : html`<b>${escapeHtml(label)}</b> is now called <b>${escapeHtml(name)}</b>.`,
  confirmUnlink: (label) => html`Unlink <b>${escapeHtml(label)}</b>? Its key, alerts, digests and reports are forgotten; your other accounts stay as they are.`,
  notYours: 'This button is not yours.',
  gone: 'This account is no longer linked.',
  lostAccess: (lost, now) =>
    now === null
      ? html`You no longer have access to <b>${escapeHtml(lost)}</b>, and no other account: /link links one.`
      : html`You no longer have access to <b>${escapeHtml(lost)}</b>; commands now act on <b>${escapeHtml(now)}</b>.`,
  confirmLeave: (label) =>
    html`Leave the team of <b>${escapeHtml(label)}</b>? Its orders, alerts and digests stop coming to you; only its owner can invite you again.`,
  left: (label) => html`You left the team of <b>${escapeHtml(label)}</b>.`,
  unknownPick: (login, labels) =>
    html`You have no account <b>@${escapeHtml(login)}</b>. Yours: ${labels.length === 0 ? html`none yet (/link)` : escapeHtml(labels.join(', '))}.`,
  allOnlyIn: (command) =>
    html`<code>@all</code> works with /orders, /chart and /top; ${escapeHtml(command)} acts on one account: pick it with <code>@login</code>.`,
  added: (domain, count) =>
    html`Linked <b>${escapeHtml(domain)}</b> as your account no. ${count}; commands now act on it. /accounts lists them all and switches between them.`,
  combined: (period, lines, total) =>
    joinHtml(
      [
        html`<b>All accounts — ${escapeHtml(period)}</b>`,
        ...lines.map((l) =>
          l.paid === null
            ? html`<b>${escapeHtml(l.label)}</b>: JustClick did not answer`
            : html`<b>${escapeHtml(l.label)}</b>: paid ${l.paid.count} for ${escapeHtml(l.paid.revenue)}; created ${l.created ?? 0}`,
        ),
        html`<b>Total</b>: paid ${total.count} for ${escapeHtml(total.revenue)}; created ${total.created}`,
      ],
      '\n',
    ),
};

const ru: AccountsText = {
  list: (accounts) =>
    joinHtml(
      [
        html`<b>Ваши аккаунты JustClick</b> (✓ — тот, с которым работают команды; <code>@логин</code> в команде выбирает другой, <code>@все</code> в /orders показывает все сразу):`,
        ...accounts.map(
          (a) =>
            html`${a.current ? html`✓ ` : html`• `}<b>${escapeHtml(a.label)}</b>${a.label === a.domain ? '' : html` — ${escapeHtml(a.domain)}`}${a.team ? html` · 👥 ${escapeHtml(teamText.ru.roleName[a.team])}` : ''} · уведомления ${a.alertsOn ? html`включены` : html`выключены`}`,
        ),
        ...(accounts.some((a) => a.team) ? [html`👥 — аккаунт команды: вы работаете с ним в роли, которую дал владелец.`] : []),
        html`Нажмите на аккаунт, чтобы выбрать его. /link подключит ещё один.`,
      ],
      '\n',
    ),
  none: html`Аккаунт JustClick ещё не подключён. Отправьте /link, чтобы подключить.`,
  buttons: {
    rename: '✏️ Переименовать',
    unlink: '✖ Отключить',
    yesUnlink: 'Да, отключить',
    keep: 'Нет, оставить',
    leave: '🚪 Выйти из команды',
    yesLeave: 'Да, выйти',
  },
  switched: (label) => html`Команды теперь работают с аккаунтом <b>${escapeHtml(label)}</b>.`,
  askName: (label) => html`Как назвать <b>${escapeHtml(label)}</b>? Пришлите название (до 40 символов) или /cancel.`,
  renamed: (label, name) =>
    name === null
      ? html`<b>${escapeHtml(label)}</b> снова называется по адресу.`
      : html`<b>${escapeHtml(label)}</b> теперь называется <b>${escapeHtml(name)}</b>.`,
  confirmUnlink: (label) =>
    html`Отключить <b>${escapeHtml(label)}</b>? Его ключ, уведомления, сводки и отчёты будут забыты; остальные аккаунты останутся как есть.`,
  notYours: 'Эта кнопка не ваша.',
  gone: 'Этот аккаунт уже отключён.',
  lostAccess: (lost, now) =>
    now === null
      ? html`У вас больше нет доступа к <b>${escapeHtml(lost)}</b>, а других аккаунтов нет: /link подключит свой.`
      : html`У вас больше нет доступа к <b>${escapeHtml(lost)}</b>; команды теперь работают с <b>${escapeHtml(now)}</b>.`,
  confirmLeave: (label) =>
    html`Выйти из команды <b>${escapeHtml(label)}</b>? Его заказы, уведомления и сводки перестанут приходить вам; снова пригласить вас сможет только владелец.`,
  left: (label) => html`Вы вышли из команды <b>${escapeHtml(label)}</b>.`,
  unknownPick: (login, labels) =>
    html`У вас нет аккаунта <b>@${escapeHtml(login)}</b>. Ваши: ${labels.length === 0 ? html`пока нет (/link)` : escapeHtml(labels.join(', '))}.`,
  allOnlyIn: (command) =>
    html`<code>@все</code> работает с /orders, /chart и /top; ${escapeHtml(command)} работает с одним аккаунтом: выберите его через <code>@логин</code>.`,
  added: (domain, count) =>
    html`Аккаунт <b>${escapeHtml(domain)}</b> подключён, это ваш аккаунт № ${count}; команды теперь работают с ним. /accounts покажет все и переключит между ними.`,
  combined: (period, lines, total) =>
    joinHtml(
      [
        html`<b>Все аккаунты — ${escapeHtml(period)}</b>`,
        ...lines.map((l) =>
          l.paid === null
            ? html`<b>${escapeHtml(l.label)}</b>: JustClick не ответил`
            : html`<b>${escapeHtml(l.label)}</b>: оплачено ${l.paid.count} на ${escapeHtml(l.paid.revenue)}; создано ${l.created ?? 0}`,
        ),
        html`<b>Итого</b>: оплачено ${total.count} на ${escapeHtml(total.revenue)}; создано ${total.created}`,
      ],
      '\n',
    ),
};

export const accountsText: Record<Lang, AccountsText> = { en, ru };
