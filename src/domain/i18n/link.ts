// Texts of /link, /unlink and /cancel: the two questions, the refusals and the outcomes.
import { escapeHtml, html, type Html } from '../format/html.js';
import { plural, type Lang, type PluralForms } from './lang.js';

export interface LinkText {
  askLogin: Html;
  askKey(domain: string): Html;
  badLogin(input: string): Html;
  badKey: Html;
  /** A key sent where the login belongs; `deleted`: the message holding it is gone. */
  keyAsLogin(deleted: boolean): Html;
  /** `keyMessage`: the /link message had no words after it, was deleted, or could not be deleted. */
  groupRefused(keyMessage: 'none' | 'deleted' | 'kept'): Html;
  keyNotDeleted: Html;
  /** JustClick refused the pair: one answer whether the login or the key is wrong, so that /link tells nothing. */
  wrongLoginOrKey(domain: string): Html;
  /** Too many failed /link attempts by this user or for this login; `minutes` until the next may go. */
  tooManyAttempts(minutes: number): Html;
  linked(domain: string): Html;
  unlinked(domain: string): Html;
  nothingToUnlink: Html;
  cancelled: Html;
  nothingToCancel: Html;
}

/** "5 minutes", "2 hours": whole minutes up to 90, then whole hours (rounded up: never sooner than allowed). */
function waitIn(lang: Lang, minutes: number): string {
  const m = Math.max(1, Math.ceil(minutes));
  if (m <= 90) return `${m} ${plural(lang, m, WAIT_UNITS[lang].minute)}`;
  const h = Math.ceil(m / 60);
  return `${h} ${plural(lang, h, WAIT_UNITS[lang].hour)}`;
}

const WAIT_UNITS: Record<Lang, { minute: PluralForms; hour: PluralForms }> = {
  en: { minute: { one: 'minute', other: 'minutes' }, hour: { one: 'hour', other: 'hours' } },
  ru: { minute: { one: 'минуту', few: 'минуты', other: 'минут' }, hour: { one: 'час', few: 'часа', other: 'часов' } },
};

const en: LinkText = {
  askLogin: html`What is your JustClick login? It is the first part of your account address: <code>shop</code> for <code>shop.justclick.ru</code>. The address itself works too. (/cancel to stop.)`,
  askKey: (domain) =>
    html`Now send the API key of <b>${escapeHtml(domain)}</b>: it is in the API section of your JustClick account settings («Интеграция и API»). I delete the message with the key at once. (/cancel to stop.)`,
  badLogin: (input) =>
    html`“${escapeHtml(input)}” is not a JustClick login. Send the first part of your account address, like <code>shop</code>, or the address itself, like <code>shop.justclick.ru</code>.`,
  badKey: html`That does not look like an API key (one word, no spaces). Copy it again from the API section of your JustClick account settings and send it.`,
  keyAsLogin: (deleted) =>
    html`That looks like an API key, not a login, so I did not use it.${
      deleted ? html` I deleted the message with it.` : html` I could not delete the message with it: please delete it yourself.`
    } First the login, then the key: <code>/link shop KEY</code>, where <code>shop</code> is the first part of your account address.`,
  groupRefused: (keyMessage) =>
    html`I link accounts only in a private chat, so that the key stays secret: open a chat with me and send /link there.${
      {
        none: html``,
        deleted: html` I deleted the message with the key; as others may have seen it, consider making a new key in JustClick.`,
        kept: html` I could not delete the message with the key (I need the right to delete messages here): delete it yourself, and make a new key in JustClick, as others may have seen it.`,
      }[keyMessage]
    }`,
  keyNotDeleted: html`I could not delete your message with the key: please delete it yourself.`,
  wrongLoginOrKey: (domain) =>
    html`JustClick does not accept this login and key: either there is no account <b>${escapeHtml(domain)}</b>, or the key is not its key. The account is not linked. Check the login (the first part of your account address) and copy the key again from the API section of your account settings (a single character missing is enough), then send /link again.`,
  tooManyAttempts: (minutes) =>
    html`Too many failed attempts to link an account, so that nobody can guess keys or logins here: try /link again in ${escapeHtml(waitIn('en', minutes))}.`,
  linked: (domain) =>
    html`✅ Linked <b>${escapeHtml(domain)}</b>.\nTry <code>/orders today</code>, <code>/alerts on</code> for a message on every paid order, or <code>/digest 09:00</code> for a daily summary.`,
  unlinked: (domain) => html`Forgot <b>${escapeHtml(domain)}</b>: its key, alerts and digests are gone. /link links an account again.`,
  nothingToUnlink: html`No JustClick account is linked, nothing to forget.`,
  cancelled: html`Stopped. Nothing was saved.`,
  nothingToCancel: html`There is no question to stop.`,
};

const ru: LinkText = {
  askLogin: html`Какой у вас логин JustClick? Это первая часть адреса аккаунта: <code>shop</code> для <code>shop.justclick.ru</code>. Можно прислать и сам адрес. (/cancel — прервать.)`,
  askKey: (domain) =>
    html`Теперь отправьте ключ API для <b>${escapeHtml(domain)}</b>: он в разделе настроек API вашего аккаунта JustClick («Интеграция и API»). Сообщение с ключом я сразу удалю. (/cancel — прервать.)`,
  badLogin: (input) =>
    html`«${escapeHtml(input)}» — не логин JustClick. Отправьте первую часть адреса аккаунта, например <code>shop</code>, или сам адрес, например <code>shop.justclick.ru</code>.`,
  badKey: html`Это не похоже на ключ API (одно слово без пробелов). Скопируйте его ещё раз из раздела настроек API аккаунта JustClick и отправьте.`,
  keyAsLogin: (deleted) =>
    html`Это похоже на ключ API, а не на логин, поэтому я его не использовал.${
      deleted ? html` Сообщение с ним я удалил.` : html` Удалить сообщение с ним я не смог: пожалуйста, удалите его сами.`
    } Сначала логин, потом ключ: <code>/link shop КЛЮЧ</code>, где <code>shop</code> — первая часть адреса аккаунта.`,
  groupRefused: (keyMessage) =>
    html`Аккаунты я подключаю только в личном чате, чтобы ключ остался секретным: откройте чат со мной и отправьте /link там.${
      {
        none: html``,
        deleted: html` Сообщение с ключом я удалил; раз его могли увидеть другие, лучше создать в JustClick новый ключ.`,
        kept: html` Удалить сообщение с ключом я не смог (мне нужно право удалять сообщения): удалите его сами и создайте в JustClick новый ключ — его могли увидеть.`,
      }[keyMessage]
    }`,
  keyNotDeleted: html`Не получилось удалить ваше сообщение с ключом: пожалуйста, удалите его сами.`,
  wrongLoginOrKey: (domain) =>
    html`JustClick не принимает этот логин и ключ: либо аккаунта <b>${escapeHtml(domain)}</b> нет, либо ключ не от него. Аккаунт не подключён. Проверьте логин (первая часть адреса аккаунта) и скопируйте ключ ещё раз из раздела настроек API аккаунта (достаточно одного пропущенного символа), затем снова отправьте /link.`,
  tooManyAttempts: (minutes) =>
    html`Слишком много неудачных попыток подключить аккаунт — чтобы здесь нельзя было подбирать ключи и логины: попробуйте /link снова через ${escapeHtml(waitIn('ru', minutes))}.`,
  linked: (domain) =>
    html`✅ Аккаунт <b>${escapeHtml(domain)}</b> подключён.\nПопробуйте <code>/orders сегодня</code>, <code>/alerts on</code> — сообщение о каждой оплате, или <code>/digest 09:00</code> — ежедневную сводку.`,
  unlinked: (domain) => html`Аккаунт <b>${escapeHtml(domain)}</b> забыт: ключ, уведомления и сводки удалены. /link подключит аккаунт снова.`,
  nothingToUnlink: html`Аккаунт JustClick не подключён, забывать нечего.`,
  cancelled: html`Прервано. Ничего не сохранено.`,
  nothingToCancel: html`Нет вопроса, который можно прервать.`,
};

export const linkText: Record<Lang, LinkText> = { en, ru };
