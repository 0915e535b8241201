// The answer to /orders: a header that names both sets of the period (orders paid in it, which are its
// revenue, and orders created in it), then the orders asked for, newest first, ten to a page, each page
// one Telegram message with room for the bot's "page 2/7" footer. A page is rendered when it is shown:
// the listing keeps what its lines need, so ◀ ▶ renders the page pressed for.
import type { Minor, Order, OrderSets } from '../justclick.js';
import { compareLocalDates, localDateOf, type LocalDate } from '../calendar.js';
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
/**
 * How long each buyer-typed field may be on an order's line. When ten orders would not fit a page, the
 * page is rendered again with every width halved, until it fits: a page always holds the same orders,
 * so any page can be rendered alone.
 */
const WIDTHS = { id: 30, status: 30, name: 80, email: 80, phone: 40, items: 300, source: 150 };
/** The narrowest widths are a sixteenth of these (at least 8 characters): ten such orders fit any page. */
const NARROWEST_SCALE = 1 / 16;
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

/** What an order's lines show, and nothing more (no address, no comment): kept with a listing for an hour. */
export type ListedOrder = Pick<
  Order,
  'id' | 'payStatus' | 'created' | 'paid' | 'firstName' | 'lastName' | 'email' | 'phone' | 'domain' | 'price' | 'link' | 'utm'
> & {
  items: { title: string }[];
};

/** How every line of a listing is written: the chat's language, zone and masking, fixed when it was asked. */
interface LineView {
  timeZone: string;
  lang: Lang;
  currency: string;
  maskContacts: boolean;
  /** Dates in another year show it. */
  thisYear: number;
  /** The period's only day, when it has one: times on it show without their day. */
  onlyDay: LocalDate | null;
}

/** An answer's orders, sorted and ready to be rendered page by page; plain data (it is stored as JSON). */
export interface OrdersListing {
  /** Repeated at the top of every page; with no orders to list, the whole answer. */
  header: Html;
  orders: ListedOrder[];
  view: LineView;
}

/**
 * The answer's listing: the header and the orders it lists, newest first (by paid time when only paid
 * orders are asked for). At most `maxListed` orders are listed, the newest; the header counts them all.
 * No orders at all → a header saying so, and nothing to list.
 */
export function listOrders(sets: OrderSets, opts: OrdersPageOptions, maxListed = Number.POSITIVE_INFINITY): OrdersListing {
  const text = ordersText[opts.lang];
  const header = renderOrdersHeader(sets, opts, true);
  const view: LineView = {
    timeZone: opts.timeZone,
    lang: opts.lang,
    currency: opts.currency,
    maskContacts: opts.maskContacts,
    thisYear: localDateOf(opts.now, opts.timeZone).year,
    onlyDay: spansDays(opts.period) ? null : opts.period.firstDay,
  };
  if (sets.created.length === 0 && sets.paid.length === 0) return { header, orders: [], view };
  const listed = listedOrders(sets, opts.list, opts.status);
  if (listed.length === 0) return { header: html`${header}\n\n${text.nothingListed(opts.list, opts.status)}`, orders: [], view };

  const byPaid = opts.list === 'paid' && opts.status === null;
  const when = (o: Order) => (byPaid && o.paid !== null ? o.paid : o.created);
  listed.sort((a, b) => when(b) - when(a) || compareIds(b.id, a.id));
  if (listed.length > maxListed) listed.length = maxListed;
  const orders = listed.map(
    (o): ListedOrder => ({
      id: o.id,
      payStatus: o.payStatus,
      created: o.created,
      paid: o.paid,
      firstName: o.firstName,
      lastName: o.lastName,
      email: o.email,
      phone: o.phone,
      domain: o.domain,
      price: o.price,
      // Only a paid order's bill is linked: the others' links are not kept.
      link: isPaid(o) ? o.link : '',
      utm: pickUtm(o.utm),
      items: o.items.map((i) => ({ title: i.title })),
    }),
  );
  return { header, orders, view };
}

/** The three UTM fields a line shows. */
function pickUtm(utm: Order['utm']): Order['utm'] {
  const picked: Order['utm'] = {};
  if (utm.source !== undefined) picked.source = utm.source;
  if (utm.medium !== undefined) picked.medium = utm.medium;
  if (utm.campaign !== undefined) picked.campaign = utm.campaign;
  return picked;
}

/** How many pages a listing has (at least one: the header alone). */
export function pageCount(listing: OrdersListing): number {
  return Math.max(1, Math.ceil(listing.orders.length / ORDERS_PER_PAGE));
}

/**
 * Page `index` (from 0) of a listing: the header, then its ten orders, within 4096 − PAGE_FOOTER_RESERVE
 * visible characters; buyer-typed fields are flattened to one line, clipped and escaped.
 */
export function renderListingPage(listing: OrdersListing, index: number): Html {
  const slice = listing.orders.slice(index * ORDERS_PER_PAGE, (index + 1) * ORDERS_PER_PAGE);
  if (slice.length === 0) return listing.header;
  const budget = TELEGRAM_TEXT_LIMIT - PAGE_FOOTER_RESERVE - visibleLength(listing.header);
  for (let scale = 1; ; scale /= 2) {
    const blocks = slice.map((o) => renderOrder(o, listing.view, scale));
    const cost = blocks.reduce((n, b) => n + visibleLength(b) + 2, 0); // each after a blank line
    if (cost <= budget || scale <= NARROWEST_SCALE) return joinHtml([listing.header, ...blocks], '\n\n');
  }
}

/** Every page of the answer at once (a listing's pages are otherwise rendered one by one, when shown). */
export function renderOrdersPages(sets: OrderSets, opts: OrdersPageOptions, maxListed = Number.POSITIVE_INFINITY): Html[] {
  const listing = listOrders(sets, opts, maxListed);
  return Array.from({ length: pageCount(listing) }, (_, i) => renderListingPage(listing, i));
}

/**
 * An instant on an order's line: the time alone when it falls on the period's only day, else with
 * its day (and year, when not this year's).
 */
function when(seconds: number, view: LineView): string {
  const instant = new Date(seconds * 1000);
  const day = localDateOf(instant, view.timeZone);
  const otherYear = day.year !== view.thisYear;
  const clock = formatTime(instant, view.timeZone);
  const sameDay = view.onlyDay !== null && compareLocalDates(day, view.onlyDay) === 0;
  return sameDay && !otherYear ? clock : `${formatDay(day, view.lang, otherYear)} ${clock}`;
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

/** One order, four short lines; each buyer-typed value is clipped (to its width × `scale`) so that ten orders fit a page. */
function renderOrder(order: ListedOrder, view: LineView, scale = 1): Html {
  const text = ordersText[view.lang];
  const width = (w: number) => Math.max(8, Math.floor(w * scale));
  const status = statusOf(order, view.lang, width(WIDTHS.status));
  const times = [text.createdAt(when(order.created, view)), order.paid === null ? null : text.paidAt(when(order.paid, view))];

  const name = clipLine(`${order.firstName} ${order.lastName}`, width(WIDTHS.name));
  const email = clipLine(order.email, width(WIDTHS.email));
  const phone = clipLine(order.phone, width(WIDTHS.phone));
  const contacts = [view.maskContacts ? maskEmail(email) : email, view.maskContacts ? maskPhone(phone) : phone];

  const titles = order.items.map((i) => clipLine(i.title, width(WIDTHS.items))).filter(Boolean);
  const items = titles.length > 0 ? escapeHtml(clipLine(titles.join('; '), width(WIDTHS.items))) : text.noItems;

  const utm = [order.utm.source, order.utm.medium, order.utm.campaign].map((v) => clipLine(v ?? '', width(WIDTHS.source))).filter(Boolean);
  const source = clipLine(utm.length > 0 ? utm.join(' / ') : order.domain, width(WIDTHS.source));
  const link = order.payStatus === 'paid' ? billLink(order.link) : null;

  return joinHtml(
    [
      html`<b>#${escapeHtml(clipLine(order.id, width(WIDTHS.id)))}</b> · ${status} · ${joinHtml(times, ' · ')}`,
      html`👤 ${joinHtml([name ? escapeHtml(name) : text.noName, ...contacts.filter(Boolean).map(escapeHtml)], ' · ')}`,
      html`🛒 ${items}`,
      html`💳 ${escapeHtml(formatMoney(order.price, view.currency, view.lang))}${source ? html` · 🔗 ${escapeHtml(source)}` : ''}${link ? html` · 📄 <a href="${escapeHtml(link)}">${text.bill}</a>` : ''}`,
    ],
    '\n',
  );
}

/** "✅ paid", "⏳ awaiting payment"…; a status JustClick invents is shown as it came, clipped. */
export function statusOf(order: Pick<Order, 'payStatus'>, lang: Lang, width = WIDTHS.status): Html {
  const text = ordersText[lang];
  return isKnownStatus(order.payStatus) ? text.status[order.payStatus] : text.otherStatus(clipLine(order.payStatus, width));
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
