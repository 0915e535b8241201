// The buttons under a paid-order alert: "Open invoice" (a link, and only to a bill on the account's own
// JustClick domain), "Details" (the order card) and "Buyer's orders". The callback data carries the order id
// alone, never buyer data; who pressed is checked when the button is pressed (src/telegram/features/alert-buttons.ts).
import type { AlertOrder } from './alert.js';
import { ALERT_TEXTS } from './i18n/alerts.js';
import type { Lang } from './i18n/lang.js';

/** `al:d:<order>` opens the order card, `al:b:<order>` the buyer's orders: at most 23 bytes. */
export const ALERT_PRESS = /^al:(d|b):([1-9][0-9]{0,17})$/;

/** Structurally Telegram's InlineKeyboardMarkup, without the domain knowing Telegraf. */
export interface AlertKeyboard {
  inline_keyboard: ({ text: string; url: string } | { text: string; callback_data: string })[][];
}

const ORDER_ID = /^[1-9][0-9]{0,17}$/;
const MAX_LINK = 2000;

/**
 * The order's link when it is a web address on the account's own JustClick domain (`<login>.justclick.ru`
 * or `.io`); null for anything else, so that no alert ever sends a seller to a page a buyer or a push chose.
 */
function ownBillLink(link: string, login: string): string | null {
  const typed = link.trim();
  if (typed === '' || typed.length > MAX_LINK) return null;
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const home = login.trim().toLowerCase();
  const host = url.hostname.toLowerCase();
  return home !== '' && (host === `${home}.justclick.ru` || host === `${home}.justclick.io`) ? url.href : null;
}

/** The buttons for one paid order alerted alone; none for an order id that cannot be JustClick's. */
export function alertKeyboard(order: AlertOrder, login: string, lang: Lang): AlertKeyboard | undefined {
  const t = ALERT_TEXTS[lang];
  const rows: AlertKeyboard['inline_keyboard'] = [];
  const link = ownBillLink(order.link, login);
  if (link !== null) rows.push([{ text: t.openOrder, url: link }]);
  if (ORDER_ID.test(order.id)) {
    const row: AlertKeyboard['inline_keyboard'][number] = [{ text: t.detailsButton, callback_data: `al:d:${order.id}` }];
    // JustClick finds a buyer's orders by e-mail only.
    if (order.email.includes('@')) row.push({ text: t.buyerOrdersButton, callback_data: `al:b:${order.id}` });
    rows.push(row);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}
