// Texts of the /alerts and /digest commands (the alerts and digests themselves are in alerts.ts and digest.ts).
import { escapeHtml, html, joinHtml, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

export interface AlertsOnFacts {
  /** The chat's title when alerts were switched on for another chat (a channel) from the private chat. */
  target: string | null;
  pollSeconds: number;
  /** The account's JustClick notification URL; only ever shown in the owner's private chat. */
  pushUrl: string | null;
  /** In a group with PUBLIC_URL set: the URL is waiting in the private chat. */
  pushUrlInPrivate: boolean;
}

/** `/alerts newurl`: the words that ask for a new notification URL, in any language the bot speaks. */
export const NEW_URL_WORDS: Record<Lang, readonly string[]> = {
  en: ['newurl'],
  ru: ['новыйадрес'],
};

export interface NotifyText {
  alertsOn(facts: AlertsOnFacts): Html;
  alertsOff(target: string | null): Html;
  alertsState(since: string | null, pushUrl: string | null): Html;
  alertsUsage: Html;
  /** The new notification URL; the old one no longer works. */
  pushUrlRenewed(url: string): Html;
  /** The bot has no PUBLIC_URL: JustClick cannot reach it, so there is no URL to renew. */
  pushUrlUnavailable: Html;
  targetUnknown(input: string): Html;
  targetNotAdmin(title: string): Html;
  botCannotPost(title: string): Html;
  targetTaken(title: string): Html;
  /** `zone` as zoneLabel names it: "Москва (UTC+3)". */
  digestSet(time: string, zone: string): Html;
  digestOff: Html;
  digestState(time: string | null, zone: string): Html;
  digestComing: Html;
  digestUsage(input: string | null): Html;
}

const pushHowTo: Record<Lang, (url: string) => Html> = {
  en: (url) =>
    html`For alerts within seconds, paste this URL into JustClick: API section of the account settings, the field for the paid-invoice notification URL («URL для оповещений по API об оплаченном счете»; it can also be set per product):\n<code>${escapeHtml(url)}</code>`,
  ru: (url) =>
    html`Чтобы уведомления приходили за секунды, вставьте этот адрес в JustClick: раздел настроек API, поле «URL для оповещений по API об оплаченном счете» (его можно задать и для отдельного продукта):\n<code>${escapeHtml(url)}</code>`,
};

const en: NotifyText = {
  alertsOn: (f) =>
    joinHtml(
      [
        html`🔔 Alerts are on${f.target ? html` for <b>${escapeHtml(f.target)}</b>` : ''}: a message for every order paid from now on (JustClick is checked every ${f.pollSeconds} s). <code>/alerts off</code> stops them.`,
        f.pushUrl ? pushHowTo.en(f.pushUrl) : null,
        f.pushUrlInPrivate ? html`The URL for instant notifications from JustClick is in our private chat: send /alerts there.` : null,
      ],
      '\n\n',
    ),
  alertsOff: (target) => html`🔕 Alerts are off${target ? html` for <b>${escapeHtml(target)}</b>` : html` here`}.`,
  alertsState: (since, pushUrl) =>
    joinHtml(
      [
        since
          ? html`🔔 Alerts are on here since ${escapeHtml(since)}. <code>/alerts off</code> stops them.`
          : html`🔕 Alerts are off here. <code>/alerts on</code> starts them.`,
        since && pushUrl ? pushHowTo.en(pushUrl) : null,
      ],
      '\n\n',
    ),
  alertsUsage: html`<code>/alerts on</code> — a message for every paid order in this chat\n<code>/alerts off</code> — stop them\n<code>/alerts on @channel</code> — send them to a channel or group where you are an administrator\n<code>/alerts newurl</code> — a new notification URL for JustClick (the old one stops working)`,
  pushUrlRenewed: (url) =>
    joinHtml(
      [
        html`🔑 Here is a new notification URL. The old one stopped working just now: JustClick’s notifications reach me only once you paste the new one.`,
        pushHowTo.en(url),
      ],
      '\n\n',
    ),
  pushUrlUnavailable: html`This bot has no public address (PUBLIC_URL), so JustClick cannot notify it: alerts come from checking JustClick instead.`,
  targetUnknown: (input) => html`I cannot see the chat “${escapeHtml(input)}”. Add me to it first (as an administrator for a channel), then try again.`,
  targetNotAdmin: (title) => html`Only an administrator of <b>${escapeHtml(title)}</b> can send alerts there.`,
  botCannotPost: (title) => html`I cannot post in <b>${escapeHtml(title)}</b>: make me an administrator who may post messages, then try again.`,
  targetTaken: (title) => html`<b>${escapeHtml(title)}</b> already gets the orders of another member’s account.`,
  digestSet: (time, zone) =>
    html`📊 The daily digest comes here at <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest now</code> sends one right away.`,
  digestOff: html`The daily digest is off here.`,
  digestState: (time, zone) =>
    time
      ? html`📊 The daily digest comes here at <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest off</code> stops it.`
      : html`The daily digest is off here. <code>/digest 09:00</code> starts it.`,
  digestComing: html`Preparing yesterday’s digest, it will be here in a moment.`,
  digestUsage: (input) =>
    html`${input ? html`“${escapeHtml(input)}” is not a time. ` : ''}<code>/digest 9:00</code> — every day at 09:00 local time (also <code>9</code>, <code>9am</code>, <code>21h</code>)\n<code>/digest now</code> — one right now\n<code>/digest off</code> — stop it`,
};

const ru: NotifyText = {
  alertsOn: (f) =>
    joinHtml(
      [
        html`🔔 Уведомления включены${f.target ? html` для <b>${escapeHtml(f.target)}</b>` : ''}: сообщение о каждом заказе, оплаченном с этого момента (JustClick проверяется каждые ${f.pollSeconds} с). <code>/alerts off</code> — выключить.`,
        f.pushUrl ? pushHowTo.ru(f.pushUrl) : null,
        f.pushUrlInPrivate ? html`Адрес для мгновенных уведомлений от JustClick — в личном чате со мной: отправьте там /alerts.` : null,
      ],
      '\n\n',
    ),
  alertsOff: (target) => html`🔕 Уведомления выключены${target ? html` для <b>${escapeHtml(target)}</b>` : ''}.`,
  alertsState: (since, pushUrl) =>
    joinHtml(
      [
        since
          ? html`🔔 Уведомления здесь включены с ${escapeHtml(since)}. <code>/alerts off</code> — выключить.`
          : html`🔕 Уведомления здесь выключены. <code>/alerts on</code> — включить.`,
        since && pushUrl ? pushHowTo.ru(pushUrl) : null,
      ],
      '\n\n',
    ),
  alertsUsage: html`<code>/alerts on</code> — сообщение о каждом оплаченном заказе в этот чат\n<code>/alerts off</code> — выключить\n<code>/alerts on @канал</code> — присылать их в канал или группу, где вы администратор\n<code>/alerts новыйадрес</code> — новый адрес для уведомлений JustClick (старый перестанет работать)`,
  pushUrlRenewed: (url) =>
    joinHtml(
      [
        html`🔑 Вот новый адрес для уведомлений. Старый только что перестал работать: уведомления JustClick дойдут до меня, только когда вы вставите новый.`,
        pushHowTo.ru(url),
      ],
      '\n\n',
    ),
  pushUrlUnavailable: html`У этого бота нет публичного адреса (PUBLIC_URL), поэтому JustClick не может его уведомлять: о заказах я узнаю, проверяя JustClick.`,
  targetUnknown: (input) => html`Я не вижу чат «${escapeHtml(input)}». Сначала добавьте меня туда (в канал — администратором) и повторите.`,
  targetNotAdmin: (title) => html`Включить уведомления в <b>${escapeHtml(title)}</b> может только его администратор.`,
  botCannotPost: (title) => html`Я не могу писать в <b>${escapeHtml(title)}</b>: сделайте меня администратором с правом публикации и повторите.`,
  targetTaken: (title) => html`В <b>${escapeHtml(title)}</b> уже приходят заказы аккаунта другого участника.`,
  digestSet: (time, zone) =>
    html`📊 Сводка будет приходить сюда каждый день в <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest now</code> — прислать сейчас.`,
  digestOff: html`Ежедневная сводка здесь выключена.`,
  digestState: (time, zone) =>
    time
      ? html`📊 Сводка приходит сюда каждый день в <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest off</code> — выключить.`
      : html`Ежедневная сводка здесь выключена. <code>/digest 09:00</code> — включить.`,
  digestComing: html`Готовлю сводку за вчера, сейчас пришлю.`,
  digestUsage: (input) =>
    html`${input ? html`«${escapeHtml(input)}» — не время. ` : ''}<code>/digest 9:00</code> — каждый день в 09:00 по местному времени (можно <code>9</code>, <code>9 утра</code>, <code>21ч</code>)\n<code>/digest now</code> — прислать сейчас\n<code>/digest off</code> — выключить`,
};

export const notifyText: Record<Lang, NotifyText> = { en, ru };
