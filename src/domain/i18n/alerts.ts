// The words of alert messages (paid, refund, cancel, summary, "alerts paused") in each language.
// Like every table, these functions escape the values they are given and return Telegram HTML.
import type { JustClickErrorKind } from '../justclick.js';
import { escapeHtml as e, html, joinHtml, type Html } from '../format/html.js';
import { plural, type Lang } from './lang.js';

export interface AlertTexts {
  paidTitle: (orderNo: string) => Html;
  refundTitle: (orderNo: string) => Html;
  cancelTitle: (orderNo: string) => Html;
  summaryTitle: (count: number, total: string) => Html;
  orderNo: (orderNo: string) => Html;
  andMore: (count: number) => Html;
  moreGoods: (count: number) => Html;
  customer: Html;
  firstPurchase: Html;
  firstSale: Html;
  recordDay: (total: string, days: number) => Html;
  recordOrder: (days: number) => Html;
  /** "2nd purchase · lifetime ₽19,980"; `complete` false: the sum is a lower bound. */
  repeatPurchase: (nth: number, lifetime: string, complete: boolean) => Html;
  payway: Html;
  source: Html;
  paidAt: Html;
  /** Button labels (plain text, not HTML). */
  openOrder: string;
  detailsButton: string;
  buyerOrdersButton: string;
  /** A pop-up (plain text) for someone pressing an alert's button who may not see that account's orders. */
  notYourAlert: string;
  noBuyerEmail: (orderNo: string) => Html;
  /** Why polling stopped, naming the account login. */
  paused: (reason: JustClickErrorKind, login: string) => Html;
  /** Polling stopped for "limit reached" and starts again by itself. */
  pausedForLimit: (login: string) => Html;
  /** Polling started again after a limit pause. */
  resumed: (login: string) => Html;
}

const ruLimit: Pick<AlertTexts, 'pausedForLimit' | 'resumed'> = {
  pausedForLimit: (login) =>
    joinHtml(
      [
        html`⏸ <b>Оповещения об оплатах приостановлены</b>`,
        html`JustClick больше часа отвечает для аккаунта <b>${e(login)}</b>, что лимит запросов исчерпан или API выключен.`,
        html`Я сам попробую снова через 15 минут, потом реже (не реже раза в 6 часов) и напишу, когда оповещения возобновятся. Заказы, оплаченные за это время, придут тогда же. Если API выключен, включите его в настройках JustClick.`,
      ],
      '\n\n',
    ),
  resumed: (login) =>
    html`▶️ <b>Оповещения об оплатах возобновлены</b>\n\nJustClick снова отвечает для аккаунта <b>${e(login)}</b>. Заказы, оплаченные за время паузы, придут сейчас.`,
};

const enLimit: Pick<AlertTexts, 'pausedForLimit' | 'resumed'> = {
  pausedForLimit: (login) =>
    joinHtml(
      [
        html`⏸ <b>Paid-order alerts are paused</b>`,
        html`For over an hour JustClick has answered for <b>${e(login)}</b> that the request limit is reached or the API is off.`,
        html`I will try again by myself in 15 minutes, then less often (at least every 6 hours), and tell you when alerts resume. Orders paid meanwhile are alerted then. If the API is off, switch it on in your JustClick settings.`,
      ],
      '\n\n',
    ),
  resumed: (login) =>
    html`▶️ <b>Paid-order alerts are back on</b>\n\nJustClick answers for <b>${e(login)}</b> again. Orders paid during the pause are alerted now.`,
};

const ru: AlertTexts = {
  ...ruLimit,
  paidTitle: (no) => html`💰 <b>Оплачен заказ № ${e(no)}</b>`,
  refundTitle: (no) => html`↩️ <b>Возврат по заказу № ${e(no)}</b>`,
  cancelTitle: (no) => html`✖️ <b>Заказ № ${e(no)} отменён</b>`,
  summaryTitle: (count, total) =>
    html`💰 <b>${count} ${e(plural('ru', count, { one: 'заказ оплачен', few: 'заказа оплачено', other: 'заказов оплачено' }))} на ${e(total)}</b>`,
  orderNo: (no) => html`№ ${e(no)}`,
  andMore: (count) => html`…и ещё ${count}`,
  moreGoods: (count) => html`и ещё ${count}`,
  customer: html`Покупатель`,
  firstPurchase: html`🆕 Первая покупка`,
  firstSale: html`🌅 Первая продажа за сегодня`,
  recordDay: (total, days) => html`🏆 Рекордный день: уже ${e(total)} — больше, чем в любой из последних ${days} дней`,
  recordOrder: (days) => html`🚀 Самый крупный заказ за последние ${days} дней`,
  repeatPurchase: (nth, lifetime, complete) => html`🔁 ${nth}-я покупка · всего ${e(complete ? lifetime : `не меньше ${lifetime}`)}`,
  payway: html`Оплата`,
  source: html`Источник`,
  paidAt: html`Время`,
  openOrder: 'Открыть счёт',
  detailsButton: 'Подробнее',
  buyerOrdersButton: 'Заказы покупателя',
  notYourAlert: 'Эти кнопки — для владельца аккаунта JustClick, из которого приходят уведомления в этот чат.',
  noBuyerEmail: (no) => html`У заказа № ${e(no)} нет e-mail покупателя: JustClick ищет заказы покупателя только по e-mail.`,
  paused: (reason, login) => {
    const account = html`<b>${e(login)}</b>`;
    const why: Record<JustClickErrorKind, Html> = {
      'wrong-key': html`JustClick не принимает ключ API аккаунта ${account} — похоже, ключ сменили.`,
      'unknown-login': html`JustClick не знает логин ${account}.`,
      'account-disabled': html`JustClick сообщает, что аккаунт ${account} отключён.`,
      'ip-denied': html`JustClick не принимает запросы бота для аккаунта ${account}: в настройках API запрещён его IP-адрес.`,
      'api-limited': html`JustClick больше часа отвечает для аккаунта ${account}, что лимит запросов исчерпан или API выключен.`,
      unavailable: html`JustClick не отвечает для аккаунта ${account}.`,
      protocol: html`JustClick отвечает для аккаунта ${account} непонятно.`,
    };
    return joinHtml(
      [
        html`⏸ <b>Оповещения об оплатах приостановлены</b>`,
        why[reason],
        html`Проверьте логин, ключ и доступ к API в настройках JustClick, затем привяжите аккаунт заново командой /link — оповещения возобновятся сами.`,
      ],
      '\n\n',
    );
  },
};

const en: AlertTexts = {
  ...enLimit,
  paidTitle: (no) => html`💰 <b>Order #${e(no)} paid</b>`,
  refundTitle: (no) => html`↩️ <b>Order #${e(no)} refunded</b>`,
  cancelTitle: (no) => html`✖️ <b>Order #${e(no)} cancelled</b>`,
  summaryTitle: (count, total) => html`💰 <b>${count} orders paid, ${e(total)} in total</b>`,
  orderNo: (no) => html`#${e(no)}`,
  andMore: (count) => html`…and ${count} more`,
  moreGoods: (count) => html`and ${count} more`,
  customer: html`Customer`,
  firstPurchase: html`🆕 First purchase`,
  firstSale: html`🌅 First sale today`,
  recordDay: (total, days) => html`🏆 Record day: ${e(total)} so far, more than any of the last ${days} days`,
  recordOrder: (days) => html`🚀 The largest order of the last ${days} days`,
  repeatPurchase: (nth, lifetime, complete) => html`🔁 ${e(ordinal(nth))} purchase · lifetime ${e(complete ? lifetime : `at least ${lifetime}`)}`,
  payway: html`Payment`,
  source: html`Source`,
  paidAt: html`Time`,
  openOrder: 'Open invoice',
  detailsButton: 'Details',
  buyerOrdersButton: 'Buyer’s orders',
  notYourAlert: 'These buttons are for the owner of the JustClick account whose alerts come to this chat.',
  noBuyerEmail: (no) => html`Order #${e(no)} has no buyer e-mail: JustClick finds a buyer's orders by e-mail only.`,
  paused: (reason, login) => {
    const account = html`<b>${e(login)}</b>`;
    const why: Record<JustClickErrorKind, Html> = {
      'wrong-key': html`JustClick does not accept the API key of ${account}: the key was probably changed.`,
      'unknown-login': html`JustClick does not know the login ${account}.`,
      'account-disabled': html`JustClick says the account ${account} is disabled.`,
      'ip-denied': html`JustClick refuses the bot's requests for ${account}: its IP address is not allowed in the API settings.`,
      'api-limited': html`For over an hour JustClick has answered for ${account} that the request limit is reached or the API is off.`,
      unavailable: html`JustClick does not answer for ${account}.`,
      protocol: html`JustClick answers for ${account} in a way the bot does not understand.`,
    };
    return joinHtml(
      [
        html`⏸ <b>Paid-order alerts are paused</b>`,
        why[reason],
        html`Check the login, the key and API access in your JustClick settings, then link the account again with /link: alerts resume by themselves.`,
      ],
      '\n\n',
    );
  },
};

/** 1st, 2nd, 3rd, 4th… 11th, 12th, 13th, 21st. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export const ALERT_TEXTS: Record<Lang, AlertTexts> = { ru, en };
