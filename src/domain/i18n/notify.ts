// Texts of the /alerts and /digest commands (the alerts and digests themselves are in alerts.ts and digest.ts).
import { escapeHtml } from '../format/html.js';
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

export interface NotifyText {
  alertsOn(facts: AlertsOnFacts): string;
  alertsOff(target: string | null): string;
  alertsState(since: string | null, pushUrl: string | null): string;
  alertsUsage: string;
  targetUnknown(input: string): string;
  targetNotAdmin(title: string): string;
  botCannotPost(title: string): string;
  targetTaken(title: string): string;
  digestSet(time: string, timeZone: string): string;
  digestOff: string;
  digestState(time: string | null, timeZone: string): string;
  digestComing: string;
  digestUsage(input: string | null): string;
}

const pushHowTo: Record<Lang, (url: string) => string> = {
  en: (url) =>
    `For alerts within seconds, paste this URL into JustClick: API section of the account settings, the field for the paid-invoice notification URL («URL для оповещений по API об оплаченном счете»; it can also be set per product):\n<code>${escapeHtml(url)}</code>`,
  ru: (url) =>
    `Чтобы уведомления приходили за секунды, вставьте этот адрес в JustClick: раздел настроек API, поле «URL для оповещений по API об оплаченном счете» (его можно задать и для отдельного продукта):\n<code>${escapeHtml(url)}</code>`,
};

const en: NotifyText = {
  alertsOn: (f) =>
    [
      `🔔 Alerts are on${f.target ? ` for <b>${escapeHtml(f.target)}</b>` : ''}: a message for every order paid from now on (JustClick is checked every ${f.pollSeconds} s). <code>/alerts off</code> stops them.`,
      f.pushUrl ? pushHowTo.en(f.pushUrl) : null,
      f.pushUrlInPrivate ? 'The URL for instant notifications from JustClick is in our private chat: send /alerts there.' : null,
    ]
      .filter(Boolean)
      .join('\n\n'),
  alertsOff: (target) => `🔕 Alerts are off${target ? ` for <b>${escapeHtml(target)}</b>` : ' here'}.`,
  alertsState: (since, pushUrl) =>
    [
      since ? `🔔 Alerts are on here since ${escapeHtml(since)}. <code>/alerts off</code> stops them.` : '🔕 Alerts are off here. <code>/alerts on</code> starts them.',
      since && pushUrl ? pushHowTo.en(pushUrl) : null,
    ]
      .filter(Boolean)
      .join('\n\n'),
  alertsUsage:
    '<code>/alerts on</code> — a message for every paid order in this chat\n<code>/alerts off</code> — stop them\n<code>/alerts on @channel</code> — send them to a channel or group where you are an administrator',
  targetUnknown: (input) => `I cannot see the chat “${escapeHtml(input)}”. Add me to it first (as an administrator for a channel), then try again.`,
  targetNotAdmin: (title) => `Only an administrator of <b>${escapeHtml(title)}</b> can send alerts there.`,
  botCannotPost: (title) => `I cannot post in <b>${escapeHtml(title)}</b>: make me an administrator who may post messages, then try again.`,
  targetTaken: (title) => `<b>${escapeHtml(title)}</b> already gets the orders of another member’s account.`,
  digestSet: (time, zone) => `📊 The daily digest comes here at <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest now</code> sends one right away.`,
  digestOff: 'The daily digest is off here.',
  digestState: (time, zone) =>
    time
      ? `📊 The daily digest comes here at <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest off</code> stops it.`
      : 'The daily digest is off here. <code>/digest 09:00</code> starts it.',
  digestComing: 'Preparing yesterday’s digest, it will be here in a moment.',
  digestUsage: (input) =>
    `${input ? `“${escapeHtml(input)}” is not a time. ` : ''}<code>/digest 09:00</code> — every day at 09:00 local time\n<code>/digest now</code> — one right now\n<code>/digest off</code> — stop it`,
};

const ru: NotifyText = {
  alertsOn: (f) =>
    [
      `🔔 Уведомления включены${f.target ? ` для <b>${escapeHtml(f.target)}</b>` : ''}: сообщение о каждом заказе, оплаченном с этого момента (JustClick проверяется каждые ${f.pollSeconds} с). <code>/alerts off</code> — выключить.`,
      f.pushUrl ? pushHowTo.ru(f.pushUrl) : null,
      f.pushUrlInPrivate ? 'Адрес для мгновенных уведомлений от JustClick — в личном чате со мной: отправьте там /alerts.' : null,
    ]
      .filter(Boolean)
      .join('\n\n'),
  alertsOff: (target) => `🔕 Уведомления выключены${target ? ` для <b>${escapeHtml(target)}</b>` : ''}.`,
  alertsState: (since, pushUrl) =>
    [
      since ? `🔔 Уведомления здесь включены с ${escapeHtml(since)}. <code>/alerts off</code> — выключить.` : '🔕 Уведомления здесь выключены. <code>/alerts on</code> — включить.',
      since && pushUrl ? pushHowTo.ru(pushUrl) : null,
    ]
      .filter(Boolean)
      .join('\n\n'),
  alertsUsage:
    '<code>/alerts on</code> — сообщение о каждом оплаченном заказе в этот чат\n<code>/alerts off</code> — выключить\n<code>/alerts on @канал</code> — присылать их в канал или группу, где вы администратор',
  targetUnknown: (input) => `Я не вижу чат «${escapeHtml(input)}». Сначала добавьте меня туда (в канал — администратором) и повторите.`,
  targetNotAdmin: (title) => `Включить уведомления в <b>${escapeHtml(title)}</b> может только его администратор.`,
  botCannotPost: (title) => `Я не могу писать в <b>${escapeHtml(title)}</b>: сделайте меня администратором с правом публикации и повторите.`,
  targetTaken: (title) => `В <b>${escapeHtml(title)}</b> уже приходят заказы аккаунта другого участника.`,
  digestSet: (time, zone) => `📊 Сводка будет приходить сюда каждый день в <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest now</code> — прислать сейчас.`,
  digestOff: 'Ежедневная сводка здесь выключена.',
  digestState: (time, zone) =>
    time
      ? `📊 Сводка приходит сюда каждый день в <b>${escapeHtml(time)}</b> (${escapeHtml(zone)}). <code>/digest off</code> — выключить.`
      : 'Ежедневная сводка здесь выключена. <code>/digest 09:00</code> — включить.',
  digestComing: 'Готовлю сводку за вчера, сейчас пришлю.',
  digestUsage: (input) =>
    `${input ? `«${escapeHtml(input)}» — не время. ` : ''}<code>/digest 09:00</code> — каждый день в 09:00 по местному времени\n<code>/digest now</code> — прислать сейчас\n<code>/digest off</code> — выключить`,
};

export const notifyText: Record<Lang, NotifyText> = { en, ru };
