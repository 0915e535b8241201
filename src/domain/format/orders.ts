// The answer to /orders: a summary header and the orders themselves, newest first, cut into pages
// that each fit one Telegram message with room for the bot's "page 2/7" footer.
import type { Minor, Order } from '../justclick.js';
import { localDateOf } from '../calendar.js';
import type { Lang } from '../i18n/lang.js';
import { ordersText, type KnownStatus } from '../i18n/orders.js';
import { isPaid } from '../order-facts.js';
import type { Period } from '../period.js';
import { describePeriod, formatDay, formatTime, spansDays } from './dates.js';
import { escapeHtml, html, joinHtml, visibleLength, type Html } from './html.js';
import { maskEmail, maskPhone } from './mask.js';
import { clipLine } from './text.js';
import { formatMoney } from './money.js';
import { TELEGRAM_TEXT_LIMIT } from './split.js';

/** Visible characters left free on every page for the footer the bot appends. */
export const PAGE_FOOTER_RESERVE = 100;
/** More orders than this on one screen stop being readable, however short they are. */
const ORDERS_PER_PAGE = 10;

export interface OrdersSummary {
  /** Orders listed: every order, or only the paid ones when `paidOnly`. */
  count: number;
  paidCount: number;
  paidRevenue: Minor;
  /** paidRevenue / paidCount, rounded to a whole minor unit; null when nothing was paid. */
  averageCheck: Minor | null;
}

export interface OrdersPageOptions {
  period: Period;
  paidOnly: boolean;
  goods: string[];
  timeZone: string;
  lang: Lang;
  currency: string;
  /** Hide most of e-mails and phones (group chats). */
  maskContacts: boolean;
  /** For showing the year next to dates that are not in the current one. */
  now: Date;
  /** The change of paid revenue against the previous equal period (comparisonLine), under the totals. */
  comparison?: Html | null;
}

/** With `paidOnly`, orders that are not (or no longer) paid are left out, as they are from the list. */
export function summarize(orders: readonly Order[], paidOnly: boolean): OrdersSummary {
  const listed = paidOnly ? orders.filter(isPaid) : orders;
  const paid = listed.filter(isPaid);
  const paidRevenue = paid.reduce((sum, o) => sum + o.price, 0);
  return {
    count: listed.length,
    paidCount: paid.length,
    paidRevenue,
    averageCheck: paid.length > 0 ? Math.round(paidRevenue / paid.length) : null,
  };
}

/**
 * Renders orders as pages of Telegram HTML. Every page repeats the header and stays within
 * 4096 − PAGE_FOOTER_RESERVE visible characters; buyer-typed fields are flattened to one line,
 * clipped and escaped. No orders → one page saying so.
 */
export function renderOrdersPages(orders: readonly Order[], opts: OrdersPageOptions): Html[] {
  const text = ordersText[opts.lang];
  const periodName = describePeriod(opts.period, opts.lang);
  const filters = text.filters(opts.paidOnly, clipList(opts.goods));
  const listed = opts.paidOnly ? orders.filter(isPaid) : [...orders];

  if (listed.length === 0) return [joinHtml([text.noOrders(periodName), filters], '\n')];

  const s = summarize(listed, opts.paidOnly);
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const header = joinHtml(
    [
      text.header(periodName),
      filters,
      text.totals(s.count, s.paidCount, opts.paidOnly),
      text.revenue(money(s.paidRevenue), s.averageCheck === null ? null : money(s.averageCheck)),
      opts.comparison ?? null,
    ],
    '\n',
  );

  const when = (o: Order) => (opts.paidOnly && o.paid !== null ? o.paid : o.created);
  listed.sort((a, b) => when(b) - when(a) || compareIds(b.id, a.id));

  const thisYear = localDateOf(opts.now, opts.timeZone).year;
  const budget = TELEGRAM_TEXT_LIMIT - PAGE_FOOTER_RESERVE;
  const pages: Html[] = [];
  let page = header;
  let used = visibleLength(header);
  let onPage = 0;
  for (const order of listed) {
    const block = renderOrder(order, when(order), thisYear, opts);
    const cost = visibleLength(block) + 2; // the blank line before it
    if (onPage > 0 && (onPage === ORDERS_PER_PAGE || used + cost > budget)) {
      pages.push(page);
      page = header;
      used = visibleLength(header);
      onPage = 0;
    }
    page = html`${page}\n\n${block}`;
    used += cost;
    onPage++;
  }
  pages.push(page);
  return pages;
}

/** One order, four short lines; each buyer-typed value is clipped so that any order fits a page. */
function renderOrder(order: Order, at: number, thisYear: number, opts: OrdersPageOptions): Html {
  const text = ordersText[opts.lang];
  const instant = new Date(at * 1000);
  const day = localDateOf(instant, opts.timeZone);
  const otherYear = day.year !== thisYear;
  const clock = formatTime(instant, opts.timeZone);
  const time = spansDays(opts.period) || otherYear ? `${formatDay(day, opts.lang, otherYear)} ${clock}` : clock;
  const status = isKnownStatus(order.payStatus) ? text.status[order.payStatus] : text.otherStatus(clipLine(order.payStatus, 30));

  const name = clipLine(`${order.firstName} ${order.lastName}`, 80);
  const email = clipLine(order.email, 80);
  const phone = clipLine(order.phone, 40);
  const contacts = [opts.maskContacts ? maskEmail(email) : email, opts.maskContacts ? maskPhone(phone) : phone];

  const titles = order.items.map((i) => clipLine(i.title, 300)).filter(Boolean);
  const items = titles.length > 0 ? escapeHtml(clipLine(titles.join('; '), 300)) : text.noItems;

  const utm = [order.utm.source, order.utm.medium, order.utm.campaign].map((v) => clipLine(v ?? '', 150)).filter(Boolean);
  const source = clipLine(utm.length > 0 ? utm.join(' / ') : order.domain, 150);

  return joinHtml(
    [
      html`<b>#${escapeHtml(clipLine(order.id, 30))}</b> · ${escapeHtml(time)} · ${status}`,
      html`👤 ${joinHtml([name ? escapeHtml(name) : text.noName, ...contacts.filter(Boolean).map(escapeHtml)], ' · ')}`,
      html`🛒 ${items}`,
      html`💳 ${escapeHtml(formatMoney(order.price, opts.currency, opts.lang))}${source ? html` · 🔗 ${escapeHtml(source)}` : ''}`,
    ],
    '\n',
  );
}

function isKnownStatus(status: string): status is KnownStatus {
  return status === 'paid' || status === 'waiting' || status === 'cancel' || status === 'moneyback';
}

/** The goods filter as typed can be long; the header shows its start. */
function clipList(goods: string[]): string[] {
  const shown: string[] = [];
  let length = 0;
  for (const id of goods) {
    if (length + id.length > 200) return [...shown, '…'];
    shown.push(clipLine(id, 64));
    length += id.length + 2;
  }
  return shown;
}

/** Numeric ids compare as numbers ("9" before "10"), others as text. */
function compareIds(a: string, b: string): number {
  return /^\d+$/.test(a) && /^\d+$/.test(b) ? a.length - b.length || (a < b ? -1 : a > b ? 1 : 0) : a.localeCompare(b);
}
