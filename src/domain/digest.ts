// The daily sales digest: which time ranges to fetch, the statistics computed from those orders, and
// the message that shows them. Pure: the orders come in, HTML goes out.
import type { Minor, Order } from './justclick.js';
import { addLocalDays, localDay, localDayRange, sameWallClockOn, startOfLocalDay, type LocalDate, type TimeRange } from './calendar.js';
import { escapeHtml, html, joinHtml, type Html } from './format/html.js';
import { formatMoney } from './format/money.js';
import { clipLine } from './format/text.js';
import { digestText } from './i18n/digest.js';
import { ordersText } from './i18n/orders.js';
import type { Lang } from './i18n/lang.js';
import { isPaid, uniqueOrders, utmSource } from './order-facts.js';

/** How many products and traffic sources the digest lists. */
const DIGEST_TOP = 5;

export interface DigestRanges {
  /** The local day the digest is about. */
  date: LocalDate;
  day: TimeRange;
  dayBefore: TimeRange;
  /** The same weekday one week earlier. */
  weekAgo: TimeRange;
  /** From the 1st of the day's month to the end of `day`. */
  monthToDate: TimeRange;
}

/**
 * The ranges to fetch for a digest about the local day `dayOffset` days from now's (-1 = yesterday,
 * 0 = today so far). While that day is still running, it ends at `now`, and the days it is compared
 * with are cut at the same wall-clock time, so that an evening digest compares like with like.
 */
export function digestRanges(now: Date, timeZone: string, dayOffset = -1): DigestRanges {
  const day = localDay(now, timeZone, dayOffset);
  const running = day.to.getTime() > now.getTime();
  const comparable = (date: LocalDate): TimeRange => {
    const r = localDayRange(date, timeZone);
    return running ? { from: r.from, to: sameWallClockOn(date, now, timeZone) } : r;
  };
  const to = running ? now : day.to;
  const firstOfMonth = { year: day.date.year, month: day.date.month, day: 1 };
  return {
    date: day.date,
    day: { from: day.from, to },
    dayBefore: comparable(addLocalDays(day.date, -1)),
    weekAgo: comparable(addLocalDays(day.date, -7)),
    monthToDate: { from: startOfLocalDay(firstOfMonth, timeZone), to },
  };
}

/** Orders created in a day, and orders paid in it (the two overlap). */
export interface DayOrders {
  created: Order[];
  paid: Order[];
}

export interface DigestInput {
  day: DayOrders;
  dayBefore: DayOrders;
  weekAgo: DayOrders;
  monthToDatePaid: Order[];
}

export interface Comparison {
  /** Revenue of the day compared with. */
  revenue: Minor;
  /** Change of the digest day's revenue against it, in percent; null when it had no revenue. */
  percent: number | null;
}

export interface DigestStats {
  /** Orders paid that day (and not refunded since); their money is the day's revenue. */
  paidCount: number;
  revenue: Minor;
  /** Orders created that day, and how many of them are paid by now (possibly after the day). */
  createdCount: number;
  createdPaidByNow: number;
  averageCheck: Minor | null;
  /** By what buyers paid for each product line; up to DIGEST_TOP. */
  topProducts: { id: string; title: string; revenue: Minor; count: number }[];
  /** By revenue; `source` null means direct traffic (no utm source). Up to DIGEST_TOP. */
  topSources: { source: string | null; revenue: Minor; count: number }[];
  /** Orders created that day that are now cancelled, or refunded. */
  cancelled: { count: number; sum: Minor };
  refunded: { count: number; sum: Minor };
  vsDayBefore: Comparison;
  vsWeekAgo: Comparison;
  monthToDateRevenue: Minor;
}

const revenueOf = (orders: readonly Order[]) => orders.reduce((sum, o) => sum + (isPaid(o) ? o.price : 0), 0);

function compare(revenue: Minor, base: readonly Order[]): Comparison {
  const baseRevenue = revenueOf(uniqueOrders(base));
  return { revenue: baseRevenue, percent: baseRevenue === 0 ? null : ((revenue - baseRevenue) / baseRevenue) * 100 };
}

export function computeDigest(input: DigestInput): DigestStats {
  const paid = uniqueOrders(input.day.paid).filter(isPaid);
  const created = uniqueOrders(input.day.created);
  const revenue = revenueOf(paid);

  const products = new Map<string, { id: string; title: string; revenue: Minor; count: number }>();
  for (const item of paid.flatMap((o) => o.items)) {
    const key = item.id || item.title;
    const p = products.get(key) ?? { id: item.id, title: item.title, revenue: 0, count: 0 };
    p.revenue += item.sum;
    p.count += 1;
    if (item.title) p.title = item.title;
    products.set(key, p);
  }

  // "VK" and "vk" are one source typed two ways; the first spelling seen is shown.
  const sources = new Map<string, { source: string | null; revenue: Minor; count: number }>();
  for (const o of paid) {
    const source = utmSource(o);
    const key = source?.toLowerCase() ?? '';
    const s = sources.get(key) ?? { source, revenue: 0, count: 0 };
    s.revenue += o.price;
    s.count += 1;
    sources.set(key, s);
  }

  const withStatus = (status: string) => {
    const orders = created.filter((o) => o.payStatus === status);
    return { count: orders.length, sum: orders.reduce((sum, o) => sum + o.price, 0) };
  };

  return {
    paidCount: paid.length,
    revenue,
    createdCount: created.length,
    createdPaidByNow: created.filter(isPaid).length,
    averageCheck: paid.length > 0 ? Math.round(revenue / paid.length) : null,
    topProducts: [...products.values()].sort((a, b) => b.revenue - a.revenue || b.count - a.count || a.title.localeCompare(b.title)).slice(0, DIGEST_TOP),
    topSources: [...sources.values()]
      .sort((a, b) => b.revenue - a.revenue || b.count - a.count || (a.source ?? '').localeCompare(b.source ?? ''))
      .slice(0, DIGEST_TOP),
    cancelled: withStatus('cancel'),
    refunded: withStatus('moneyback'),
    vsDayBefore: compare(revenue, input.dayBefore.paid),
    vsWeekAgo: compare(revenue, input.weekAgo.paid),
    monthToDateRevenue: revenueOf(uniqueOrders(input.monthToDatePaid)),
  };
}

export interface DigestRenderOptions {
  /** How the day is named in the title, e.g. describeDay(...) → "yesterday, 27 Nov". */
  dayLabel: string;
  lang: Lang;
  currency: string;
  /** The monthly goal's progress line (src/domain/goal.ts), shown under the month to date; null for none. */
  goal?: Html | null;
}

/** The digest as Telegram HTML; always well within one message (titles are clipped, lists capped). */
export function renderDigest(stats: DigestStats, opts: DigestRenderOptions): Html {
  return joinHtml([digestText[opts.lang].title(opts.dayLabel), html``, ...digestBody(stats, opts, DIGEST_TOP)], '\n');
}

/** One account's part of a digest of several. */
export interface AccountDigest {
  /** The account as the seller knows it (accountLabel). */
  label: string;
  stats: DigestStats;
}

/** A digest of several accounts lists at most this many products and sources per account… */
const ACCOUNT_TOP = 3;
/** …and none at all past this many accounts, so that the message stays within Telegram's 4,096 characters. */
const MAX_ACCOUNTS_WITH_LISTS = 3;

/**
 * The digest of a chat fed by several accounts: a block per account headed by its name (the goal line, which
 * is the primary account's, in the first block), then the total of all of them. `unanswered`: the accounts
 * whose JustClick did not answer, named as such and left out of the total.
 */
export function renderAccountsDigest(parts: readonly AccountDigest[], opts: DigestRenderOptions, unanswered: readonly string[] = []): Html {
  const t = digestText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const top = parts.length <= MAX_ACCOUNTS_WITH_LISTS ? ACCOUNT_TOP : 0;
  const lines: Html[] = [t.title(opts.dayLabel)];
  for (const [i, part] of parts.entries()) {
    lines.push(html``, t.account(clipLine(part.label, 64)), ...digestBody(part.stats, { ...opts, goal: i === 0 ? (opts.goal ?? null) : null }, top));
  }
  for (const label of unanswered) lines.push(html``, t.account(clipLine(label, 64)), t.noAnswer);
  const sum = (pick: (s: DigestStats) => number) => parts.reduce((total, p) => total + pick(p.stats), 0);
  lines.push(
    html``,
    t.total(
      { count: sum((s) => s.paidCount), sum: money(sum((s) => s.revenue)) },
      sum((s) => s.createdCount),
      money(sum((s) => s.monthToDateRevenue)),
    ),
  );
  return joinHtml(lines, '\n');
}

/** The figures of one account's day, without the title; `top`: how many products and sources to list. */
function digestBody(stats: DigestStats, opts: DigestRenderOptions, top: number): Html[] {
  const t = digestText[opts.lang];
  // The two sets in the same words as the /orders header, so that a digest and an answer never disagree.
  const sets = ordersText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const change = (c: Comparison) => (c.percent === null ? t.noBase : formatChange(c.percent));

  const blank = html``;
  const lines = [
    sets.paidIn('day', stats.paidCount, money(stats.revenue), stats.averageCheck === null ? null : money(stats.averageCheck)),
    sets.createdIn('day', stats.createdCount, stats.createdPaidByNow),
    t.comparison(change(stats.vsDayBefore), change(stats.vsWeekAgo)),
    t.monthToDate(money(stats.monthToDateRevenue)),
  ];
  if (opts.goal) lines.push(opts.goal);
  if (top > 0 && stats.topProducts.length > 0) {
    lines.push(blank, t.topProducts);
    for (const [i, p] of stats.topProducts.slice(0, top).entries()) {
      lines.push(html`${i + 1}. ${escapeHtml(clipLine(p.title || p.id || '—', 80))} — ${escapeHtml(money(p.revenue))} (${p.count})`);
    }
  }
  if (top > 0 && stats.topSources.length > 0) {
    lines.push(blank, t.topSources);
    for (const [i, s] of stats.topSources.slice(0, top).entries()) {
      lines.push(html`${i + 1}. ${s.source === null ? t.direct : escapeHtml(clipLine(s.source, 60))} — ${escapeHtml(money(s.revenue))} (${s.count})`);
    }
  }
  if (stats.cancelled.count > 0 || stats.refunded.count > 0) {
    lines.push(blank, sets.losses(stats.cancelled.count, money(stats.cancelled.sum), stats.refunded.count, money(stats.refunded.sum)));
  }
  return lines;
}

export function formatChange(percent: number): string {
  const rounded = Math.round(percent);
  if (rounded === 0) return '±0%';
  return `${rounded > 0 ? '▲' : '▼'} ${Math.abs(rounded)}%`;
}
