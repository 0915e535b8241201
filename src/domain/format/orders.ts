// The answer to /orders: a header that names both sets of the period (orders paid in it, which are its
// revenue, and orders created in it), then the orders asked for, newest first, cut into pages that each
// fit one Telegram message with room for the bot's "page 2/7" footer.
import type { Minor, Order, OrderSets } from '../justclick.js';
import { compareLocalDates, localDateOf } from '../calendar.js';
import type { Lang } from '../i18n/lang.js';
import { ordersText, type KnownStatus } from '../i18n/orders.js';
import { hasStatus, isPaid, type StatusFilter } from '../order-facts.js';
import type { Period } from '../calendar-periods.js';
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
/** A bill link longer than this is left out rather than clipped (a clipped URL leads nowhere). */
const MAX_LINK_LENGTH = 500;

/** The figures of a period, each for the set it names. */
export interface OrdersHeadline {
  /** Orders paid in the period and not refunded since: the period's revenue. */
  paid: { count: number; revenue: Minor; averageCheck: Minor | null };
  /** Orders created in the period, and how many of them are paid by now (whenever that was). */
  created: { count: number; paidByNow: number };
  /** With a status filter: the orders created in the period that are in that status. */
  status: { status: StatusFilter; count: number; sum: Minor } | null;
}

export interface OrdersPageOptions {
  period: Period;
  /** Which set the list shows: orders created in the period, or orders paid in it. */
  list: 'created' | 'paid';
  /** Of the orders created in the period, only those in this status (the list is then of created ones). */
  status: StatusFilter | null;
  /** The product filter as the seller should read it: titles where known, else ids. */
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

/** The period's figures. Refunded orders are no revenue; a status filter counts within the created set. */
export function ordersHeadline(sets: OrderSets, status: StatusFilter | null): OrdersHeadline {
  const paid = sets.paid.filter(isPaid);
  const revenue = paid.reduce((sum, o) => sum + o.price, 0);
  const inStatus = status === null ? [] : sets.created.filter((o) => hasStatus(o, status));
  return {
    paid: { count: paid.length, revenue, averageCheck: paid.length > 0 ? Math.round(revenue / paid.length) : null },
    created: { count: sets.created.length, paidByNow: sets.created.filter(isPaid).length },
    status: status === null ? null : { status, count: inStatus.length, sum: inStatus.reduce((sum, o) => sum + o.price, 0) },
  };
}

/** The orders a list shows: those created in the period (in the status asked for), or those paid in it. */
export function listedOrders(sets: OrderSets, list: 'created' | 'paid', status: StatusFilter | null): Order[] {
  if (status !== null) return sets.created.filter((o) => hasStatus(o, status));
  return list === 'paid' ? sets.paid.filter(isPaid) : [...sets.created];
}

/** The header's lines, one small function each, so that a new figure is one more line here. */
function headerLines(h: OrdersHeadline, opts: OrdersPageOptions, listing: boolean): Html[] {
  const text = ordersText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const lines: (Html | null)[] = [
    text.header(describePeriod(opts.period, opts.lang)),
    text.filters(clipList(opts.goods)),
    text.paidIn('period', h.paid.count, money(h.paid.revenue), h.paid.averageCheck === null ? null : money(h.paid.averageCheck)),
    opts.comparison ?? null,
    text.createdIn('period', h.created.count, h.created.paidByNow),
    h.status ? text.statusOf(h.status.status, h.status.count, money(h.status.sum)) : null,
    listing && opts.list === 'paid' && opts.status === null ? text.paidListed : null,
  ];
  return lines.filter((l): l is Html => l !== null);
}

/**
 * The header alone: what a question about numbers ("how many sales yesterday?") is answered with.
 * `listing`: the orders follow it (then a list of paid ones is said to be one).
 */
export function renderOrdersHeader(sets: OrderSets, opts: OrdersPageOptions, listing = false): Html {
  const text = ordersText[opts.lang];
  if (sets.created.length === 0 && sets.paid.length === 0) {
    return joinHtml([text.noOrders(describePeriod(opts.period, opts.lang)), text.filters(clipList(opts.goods))], '\n');
  }
  return joinHtml(headerLines(ordersHeadline(sets, opts.status), opts, listing), '\n');
}

/**
 * Renders the answer as pages of Telegram HTML. Every page repeats the header and stays within
 * 4096 − PAGE_FOOTER_RESERVE visible characters; buyer-typed fields are flattened to one line,
 * clipped and escaped. No orders at all → one page saying so. At most `maxListed` orders are listed,
 * the newest; the header counts them all.
 */
export function renderOrdersPages(sets: OrderSets, opts: OrdersPageOptions, maxListed = Number.POSITIVE_INFINITY): Html[] {
  const text = ordersText[opts.lang];
  const header = renderOrdersHeader(sets, opts, true);
  if (sets.created.length === 0 && sets.paid.length === 0) return [header];
  const listed = listedOrders(sets, opts.list, opts.status);
  if (listed.length === 0) return [html`${header}\n\n${text.nothingListed(opts.list, opts.status)}`];

  const byPaid = opts.list === 'paid' && opts.status === null;
  const when = (o: Order) => (byPaid && o.paid !== null ? o.paid : o.created);
  listed.sort((a, b) => when(b) - when(a) || compareIds(b.id, a.id));
  if (listed.length > maxListed) listed.length = maxListed;

  const budget = TELEGRAM_TEXT_LIMIT - PAGE_FOOTER_RESERVE;
  const pages: Html[] = [];
  let page = header;
  let used = visibleLength(header);
  let onPage = 0;
  for (const order of listed) {
    const block = renderOrder(order, opts);
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

/**
 * An instant on an order's line: the time alone when it falls on the period's only day, else with
 * its day (and year, when not this year's).
 */
function when(seconds: number, opts: OrdersPageOptions): string {
  const instant = new Date(seconds * 1000);
  const day = localDateOf(instant, opts.timeZone);
  const otherYear = day.year !== localDateOf(opts.now, opts.timeZone).year;
  const clock = formatTime(instant, opts.timeZone);
  const sameDay = !spansDays(opts.period) && compareLocalDates(day, opts.period.firstDay) === 0;
  return sameDay && !otherYear ? clock : `${formatDay(day, opts.lang, otherYear)} ${clock}`;
}

/** A bill link fit to show: http(s) only, no spaces, not absurdly long; null otherwise. */
export function billLink(link: string): string | null {
  if (link.length > MAX_LINK_LENGTH || /\s/u.test(link)) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? link : null;
  } catch {
    return null;
  }
}

/** One order, four short lines; each buyer-typed value is clipped so that any order fits a page. */
function renderOrder(order: Order, opts: OrdersPageOptions): Html {
  const text = ordersText[opts.lang];
  const status = statusOf(order, opts.lang);
  const times = [text.createdAt(when(order.created, opts)), order.paid === null ? null : text.paidAt(when(order.paid, opts))];

  const name = clipLine(`${order.firstName} ${order.lastName}`, 80);
  const email = clipLine(order.email, 80);
  const phone = clipLine(order.phone, 40);
  const contacts = [opts.maskContacts ? maskEmail(email) : email, opts.maskContacts ? maskPhone(phone) : phone];

  const titles = order.items.map((i) => clipLine(i.title, 300)).filter(Boolean);
  const items = titles.length > 0 ? escapeHtml(clipLine(titles.join('; '), 300)) : text.noItems;

  const utm = [order.utm.source, order.utm.medium, order.utm.campaign].map((v) => clipLine(v ?? '', 150)).filter(Boolean);
  const source = clipLine(utm.length > 0 ? utm.join(' / ') : order.domain, 150);
  const link = isPaid(order) ? billLink(order.link) : null;

  return joinHtml(
    [
      html`<b>#${escapeHtml(clipLine(order.id, 30))}</b> · ${status} · ${joinHtml(times, ' · ')}`,
      html`👤 ${joinHtml([name ? escapeHtml(name) : text.noName, ...contacts.filter(Boolean).map(escapeHtml)], ' · ')}`,
      html`🛒 ${items}`,
      html`💳 ${escapeHtml(formatMoney(order.price, opts.currency, opts.lang))}${source ? html` · 🔗 ${escapeHtml(source)}` : ''}${link ? html` · 📄 <a href="${escapeHtml(link)}">${text.bill}</a>` : ''}`,
    ],
    '\n',
  );
}

/** "✅ paid", "⏳ awaiting payment"…; a status JustClick invents is shown as it came, clipped. */
export function statusOf(order: Order, lang: Lang): Html {
  const text = ordersText[lang];
  return isKnownStatus(order.payStatus) ? text.status[order.payStatus] : text.otherStatus(clipLine(order.payStatus, 30));
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
