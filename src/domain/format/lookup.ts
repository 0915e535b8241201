// The answers to /order and /buyer: one order as a full card, and a buyer's orders as compact lines
// under their lifetime paid sum, paged like /orders. Buyer-typed fields are clipped to one line first.
import { localDateOf } from '../calendar.js';
import type { Minor, Order } from '../justclick.js';
import type { Lang } from '../i18n/lang.js';
import { lookupText, type UtmKey } from '../i18n/lookup.js';
import { isPaid } from '../order-facts.js';
import { formatDay, formatTime } from './dates.js';
import { joinHtml, type Html } from './html.js';
import { maskEmail, maskPhone } from './mask.js';
import { formatMoney } from './money.js';
import { statusOf } from './orders.js';
import { packPages } from './pages.js';
import { clipLine } from './text.js';

export interface LookupOptions {
  lang: Lang;
  timeZone: string;
  /** How the chat's zone is named next to the times: "Москва (UTC+3)". */
  zoneLabel: string;
  currency: string;
  /** Hide most of e-mails and phones (group chats). */
  maskContacts: boolean;
}

/** Beyond these an order is a catalogue, not a card; the count of the rest is said. */
export const CARD_MAX_ITEMS = 20;
const CARD_MAX_PARTNERS = 5;
/** A bill link longer than this is no link JustClick made. */
const MAX_LINK = 2000;

/** One order, every fact JustClick gives about it that a seller acts on. */
export function renderOrderCard(order: Order, opts: LookupOptions): Html {
  const text = lookupText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const when = (at: number) => dateTime(at, opts);

  const items = order.items
    .slice(0, CARD_MAX_ITEMS)
    .flatMap((item) => [
      text.item(clipLine(item.title, 200) || clipLine(item.id, 64), money(item.sum), money(item.price)),
      ...item.partners.slice(0, CARD_MAX_PARTNERS).map((p) => text.partner(clipLine(p.name, 80) || clipLine(p.id, 30), p.level, money(p.fee))),
    ]);
  if (order.items.length > CARD_MAX_ITEMS) items.push(text.moreItems(order.items.length - CARD_MAX_ITEMS));

  const utmKeys: UtmKey[] = ['source', 'medium', 'campaign', 'content', 'term'];
  const utm = utmKeys.map((key) => ({ key, value: clipLine(order.utm[key] ?? '', 100) })).filter((p) => p.value !== '');
  const coupon = clipLine(order.kupon, 80);
  const tag = clipLine(order.tag, 80);
  const payway = clipLine(order.payway, 40);
  const link = billLink(order.link);

  return joinHtml(
    [
      text.cardTitle(clipLine(order.id, 30), statusOf(order, opts.lang)),
      text.buyer(buyerName(order), contactsOf(order, opts)),
      ...(items.length > 0 ? items : [text.noItems]),
      text.total(money(order.price), order.toPay === null ? null : money(order.toPay), payway === '' ? null : payway),
      text.times(when(order.created), order.paid === null ? null : when(order.paid), opts.zoneLabel),
      utm.length > 0 ? text.utm(utm) : null,
      coupon !== '' || tag !== '' ? text.couponAndTag(coupon === '' ? null : coupon, tag === '' ? null : tag) : null,
      link === null ? null : text.bill(link),
    ],
    '\n',
  );
}

/** How the buyer was looked for, said above their orders. */
export type BuyerSearch = { by: 'email'; email: string } | { by: 'phone'; phone: string; emails: string[]; days: number };

export interface BuyerAnswer {
  search: BuyerSearch;
  /** Newest first. */
  orders: Order[];
  /** How many orders JustClick lists for the buyer in all. */
  ordersTotal: number;
  paidSum: Minor;
  /** Every order was read, so `paidSum` is the lifetime sum. */
  complete: boolean;
}

const BUYER_ORDERS_PER_PAGE = 15;

/** The buyer's orders as pages: who, how they were found, the lifetime sum, then one line per order. */
export function renderBuyerPages(answer: BuyerAnswer, opts: LookupOptions): Html[] {
  const text = lookupText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const newest = answer.orders.find((o) => buyerName(o) !== null) ?? answer.orders[0];
  const header = joinHtml(
    [
      newest ? text.buyer(buyerName(newest), contactsOf(newest, opts)) : null,
      searchLine(answer.search, opts),
      text.buyerTotals(answer.orders.length, answer.orders.filter(isPaid).length, money(answer.paidSum)),
      answer.complete ? null : text.capped(answer.orders.length, answer.ordersTotal),
    ],
    '\n',
  );
  const lines = answer.orders.map((o) =>
    text.buyerOrder(
      clipLine(o.id, 30),
      dateTime(o.created, opts),
      statusOf(o, opts.lang),
      money(o.price),
      clipLine(o.items.map((i) => i.title).join('; '), 120),
    ),
  );
  return packPages(header, lines, { reserve: 100, perPage: BUYER_ORDERS_PER_PAGE, gap: '\n' });
}

function searchLine(search: BuyerSearch, opts: LookupOptions): Html {
  const text = lookupText[opts.lang];
  const email = (address: string) => (opts.maskContacts ? maskEmail(clipLine(address, 80)) : clipLine(address, 80));
  if (search.by === 'email') return text.searchedEmail(email(search.email));
  const phone = clipLine(search.phone, 40);
  return text.searchedPhone(opts.maskContacts ? maskPhone(phone) : phone, search.emails.map(email), search.days);
}

/** "28 Nov 2026 10:15" in the chat's zone: lookups span years, so the year is always there. */
function dateTime(at: number, opts: LookupOptions): string {
  const instant = new Date(at * 1000);
  return `${formatDay(localDateOf(instant, opts.timeZone), opts.lang, true)} ${formatTime(instant, opts.timeZone)}`;
}

function buyerName(order: Order): string | null {
  const name = clipLine([order.firstName, order.middleName, order.lastName].filter((p) => p.trim() !== '').join(' '), 100);
  return name === '' ? null : name;
}

function contactsOf(order: Order, opts: LookupOptions): string[] {
  const email = clipLine(order.email, 80);
  const phone = clipLine(order.phone, 40);
  return [opts.maskContacts ? maskEmail(email) : email, opts.maskContacts ? maskPhone(phone) : phone].filter((c) => c !== '');
}

/** The bill link when it is a web address; anything else (javascript:, junk) is not shown. */
function billLink(link: string): string | null {
  const typed = link.trim();
  if (typed === '' || typed.length > MAX_LINK) return null;
  try {
    const url = new URL(typed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
