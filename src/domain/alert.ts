// Alert messages as Telegram HTML: one paid order, a summary of many, a refund or cancellation, and the
// "alerts paused" notice. Pure functions of their inputs; every value that came from JustClick is escaped.
import type { JustClickErrorKind } from '../justclick/errors.js';
import type { Minor, Order, UnixSeconds, Utm } from '../justclick/types.js';
import { formatDateTime } from './format/dates.js';
import { escapeHtml } from './format/html.js';
import { maskEmail, maskPhone } from './format/mask.js';
import { formatMoney } from './format/money.js';
import { ALERT_TEXTS } from './i18n/alerts.js';
import type { Lang } from './i18n/lang.js';

/** What an alert needs of an order: small enough to travel in job data, no more personal data than shown. */
export interface AlertOrder {
  id: string;
  name: string;
  email: string;
  phone: string;
  paid: UnixSeconds | null;
  created: UnixSeconds;
  price: Minor;
  goods: string[];
  payway: string;
  utm: Utm;
  link: string;
}

export interface AlertView {
  lang: Lang;
  /** The chat's IANA zone: times are shown as the reader's local time. */
  timeZone: string;
  /** Group chats see masked e-mails and phones. */
  group: boolean;
  currency: string;
}

/** More paid orders than this in one check become one summary message instead of a burst. */
export const SUMMARY_THRESHOLD = 5;
const SUMMARY_LINES = 10;
const GOODS_SHOWN = 3;
const FIELD_MAX = 200;

export function toAlertOrder(order: Order): AlertOrder {
  return {
    id: order.id,
    name: [order.firstName, order.middleName, order.lastName].map((s) => s.trim()).filter(Boolean).join(' '),
    email: order.email,
    phone: order.phone,
    paid: order.paid,
    created: order.created,
    price: order.price,
    goods: order.items.map((i) => i.title).filter((t) => t.trim() !== ''),
    payway: order.payway,
    utm: order.utm,
    link: order.link,
  };
}

/** Free text from buyers can be long: cut it (by code points) before escaping. */
function clip(s: string, max = FIELD_MAX): string {
  const chars = Array.from(s.trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

const esc = (s: string, max?: number) => escapeHtml(clip(s, max));

/** When it was paid (or, for an order not paid, created). */
const when = (o: AlertOrder): Date => new Date((o.paid ?? o.created) * 1000);

function goodsLine(goods: string[], lang: Lang): string | null {
  if (goods.length === 0) return null;
  const shown = goods.slice(0, GOODS_SHOWN).map((g) => esc(g)).join(', ');
  const rest = goods.length - GOODS_SHOWN;
  return rest > 0 ? `${shown} ${ALERT_TEXTS[lang].moreGoods(rest)}` : shown;
}

function customerLine(order: AlertOrder, view: AlertView): string | null {
  const contacts = [
    view.group ? maskEmail(order.email) : order.email.trim(),
    view.group ? maskPhone(order.phone) : order.phone.trim(),
  ].filter(Boolean);
  const parts = [order.name, ...contacts].filter((s) => s !== '').map((s) => esc(s));
  return parts.length > 0 ? parts.join(' · ') : null;
}

function sourceLine(utm: Utm): string | null {
  const parts = [utm.source, utm.medium, utm.campaign].map((s) => (s ?? '').trim()).filter(Boolean);
  return parts.length > 0 ? esc(parts.join(' / ')) : null;
}

/** JustClick documents no admin URL for an order; the order's own `link` is used when it is a web address. */
function orderLink(link: string): string | null {
  const url = link.trim();
  return /^https?:\/\/\S+$/i.test(url) && url.length <= 2000 ? escapeHtml(url) : null;
}

export function renderPaidAlert(order: AlertOrder, view: AlertView): string {
  const t = ALERT_TEXTS[view.lang];
  const lines = [t.paidTitle(esc(order.id, 40))];
  const amount = `<b>${escapeHtml(formatMoney(order.price, view.currency, view.lang))}</b>`;
  const goods = goodsLine(order.goods, view.lang);
  lines.push(goods ? `${amount} — ${goods}` : amount);
  const customer = customerLine(order, view);
  if (customer) lines.push(`👤 ${t.customer}: ${customer}`);
  if (order.payway.trim()) lines.push(`💳 ${t.payway}: ${esc(order.payway)}`);
  const source = sourceLine(order.utm);
  if (source) lines.push(`📣 ${t.source}: ${source}`);
  lines.push(`🕒 ${t.paidAt}: ${formatDateTime(when(order), view.timeZone, view.lang)}`);
  const link = orderLink(order.link);
  if (link) lines.push(`🔗 <a href="${link}">${t.openOrder}</a>`);
  return lines.join('\n');
}

/** Many orders at once: the count, the total and one short line per order (the first few of them). */
export function renderPaidSummary(orders: AlertOrder[], view: AlertView): string {
  const t = ALERT_TEXTS[view.lang];
  const total = orders.reduce((sum, o) => sum + o.price, 0);
  const lines = [t.summaryTitle(orders.length, escapeHtml(formatMoney(total, view.currency, view.lang)))];
  const sorted = [...orders].sort((a, b) => when(a).getTime() - when(b).getTime());
  for (const o of sorted.slice(0, SUMMARY_LINES)) {
    const time = formatDateTime(when(o), view.timeZone, view.lang);
    const what = o.goods[0] ? ` — ${esc(o.goods[0], 60)}` : '';
    const who = o.name ? ` — ${esc(o.name, 60)}` : '';
    lines.push(`• ${time} ${t.orderNo(esc(o.id, 40))}: ${escapeHtml(formatMoney(o.price, view.currency, view.lang))}${what}${who}`);
  }
  if (sorted.length > SUMMARY_LINES) lines.push(t.andMore(sorted.length - SUMMARY_LINES));
  return lines.join('\n');
}

/** One paid order alone, several together. */
export function renderPaid(orders: AlertOrder[], view: AlertView): string {
  const [first] = orders;
  if (first && orders.length === 1) return renderPaidAlert(first, view);
  return renderPaidSummary(orders, view);
}

export function renderStatusAlert(kind: 'refund' | 'cancel', order: AlertOrder, view: AlertView): string {
  const t = ALERT_TEXTS[view.lang];
  const title = kind === 'refund' ? t.refundTitle(esc(order.id, 40)) : t.cancelTitle(esc(order.id, 40));
  const lines = [title];
  const amount = `<b>${escapeHtml(formatMoney(order.price, view.currency, view.lang))}</b>`;
  const goods = goodsLine(order.goods, view.lang);
  lines.push(goods ? `${amount} — ${goods}` : amount);
  const customer = customerLine(order, view);
  if (customer) lines.push(`👤 ${t.customer}: ${customer}`);
  return lines.join('\n');
}

export function renderPausedNotice(reason: JustClickErrorKind, login: string, lang: Lang): string {
  return ALERT_TEXTS[lang].paused(reason, esc(login, 64));
}
