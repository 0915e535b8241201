// The weekly and monthly reports: which period a report is about (last week on Mondays, last month on the
// 1st), its figures against the previous equal period, the message and the chart. Pure: orders in, HTML out.
import { calendarMonth, calendarWeek, type Period } from './calendar-periods.js';
import type { RevenueChartInput } from './chart/revenue-chart.js';
import { compareWithPrevious, describeChange, type PeriodComparison } from './comparison.js';
import { describePeriod } from './format/dates.js';
import { escapeHtml, html, joinHtml, type Html } from './format/html.js';
import { formatMoney } from './format/money.js';
import { clipLine } from './format/text.js';
import { ordersText } from './i18n/orders.js';
import { reportText, type Cadence } from './i18n/report.js';
import type { Lang } from './i18n/lang.js';
import type { Minor, Order } from './justclick.js';
import { isPaid, uniqueOrders } from './order-facts.js';
import { revenueSeries, type RevenueSeries } from './revenue-series.js';
import { topBreakdowns, type Breakdown } from './top.js';

export type { Cadence } from './i18n/report.js';

/** How many products and sources a report lists. */
const REPORT_TOP = 5;

export interface ReportPeriod {
  cadence: Cadence;
  /** Last week (Monday to Sunday) or last month, whole, in the chat's zone. */
  period: Period;
  /** It against the week or month before it. */
  comparison: PeriodComparison;
}

/** The period a report sent at `now` is about: the last whole calendar week or month before now's. */
export function reportPeriod(cadence: Cadence, now: Date, timeZone: string): ReportPeriod {
  const clock = { now, timeZone };
  const period = cadence === 'weekly' ? calendarWeek(-1, clock) : calendarMonth(-1, clock);
  // Last week and last month have always begun and are never too long.
  if (typeof period === 'string') throw new Error(`no ${cadence} report period at ${now.toISOString()}: ${period}`);
  const comparison = compareWithPrevious({ from: period.from, to: period.to, unit: cadence === 'weekly' ? 'week' : 'month' }, now, timeZone);
  return { cadence, period, comparison };
}

export interface ReportInput {
  /** Orders created in the period (any status now). */
  created: Order[];
  /** Orders paid in the period (a refunded one is listed too, and counts as a refund). */
  paid: Order[];
  /** Orders paid in the previous equal period. */
  previousPaid: Order[];
}

export interface ReportStats {
  revenue: Minor;
  paidCount: number;
  averageCheck: Minor | null;
  previousRevenue: Minor;
  createdCount: number;
  /** Of the orders created in the period, how many are paid now. */
  createdPaidCount: number;
  topProducts: Breakdown;
  topSources: Breakdown;
  /** Orders of the period (created or paid in it) refunded since. */
  refunds: { count: number; sum: Minor };
  /** Invoices created in the period and still waiting for payment. */
  waiting: { count: number; sum: Minor };
}

const tally = (orders: readonly Order[]) => ({ count: orders.length, sum: orders.reduce((s, o) => s + o.price, 0) });

export function computeReport(input: ReportInput, { comparison }: ReportPeriod): ReportStats {
  const inRange = (o: Order, r: { from: Date; to: Date }) => o.paid !== null && o.paid * 1000 >= r.from.getTime() && o.paid * 1000 < r.to.getTime();
  const paid = uniqueOrders(input.paid).filter((o) => isPaid(o) && inRange(o, comparison.current));
  const previous = uniqueOrders(input.previousPaid).filter((o) => isPaid(o) && inRange(o, comparison.previous));
  const created = uniqueOrders(input.created);
  const revenue = tally(paid).sum;
  const top = topBreakdowns(paid, comparison.current, REPORT_TOP);
  return {
    revenue,
    paidCount: paid.length,
    averageCheck: paid.length > 0 ? Math.round(revenue / paid.length) : null,
    previousRevenue: tally(previous).sum,
    createdCount: created.length,
    createdPaidCount: created.filter(isPaid).length,
    topProducts: top.products,
    topSources: top.sources,
    refunds: tally(uniqueOrders([...input.created, ...input.paid]).filter((o) => o.payStatus === 'moneyback')),
    waiting: tally(created.filter((o) => o.payStatus === 'waiting')),
  };
}

export interface ReportRenderOptions {
  lang: Lang;
  currency: string;
}

/** "last week, 23–29 Nov" / "last month, November 2026". */
export function reportLabel(report: ReportPeriod, lang: Lang): string {
  return describePeriod(report.period, lang);
}

/** The report as Telegram HTML; always well within one message (titles clipped, lists capped). */
export function renderReport(stats: ReportStats, report: ReportPeriod, opts: ReportRenderOptions): Html {
  const t = reportText[opts.lang];
  return joinHtml([t.title(report.cadence, reportLabel(report, opts.lang)), html``, ...reportBody(stats, report, opts, REPORT_TOP)], '\n');
}

/** One account's part of a report on several. */
export interface AccountReport {
  /** The account as the seller knows it (accountLabel). */
  label: string;
  stats: ReportStats;
}

/** A report on several accounts lists at most this many products and sources per account… */
const ACCOUNT_TOP = 3;
/** …and none past this many accounts, so that the message stays within Telegram's 4,096 characters. */
const MAX_ACCOUNTS_WITH_LISTS = 3;

/**
 * The report of a chat fed by several accounts: a block per account under its name, then all of them together.
 * `unanswered`: the accounts whose JustClick did not answer, named as such and left out of the total.
 */
export function renderAccountsReport(
  parts: readonly AccountReport[],
  report: ReportPeriod,
  opts: ReportRenderOptions,
  unanswered: readonly string[] = [],
): Html {
  const t = reportText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const top = parts.length <= MAX_ACCOUNTS_WITH_LISTS ? ACCOUNT_TOP : 0;
  const lines: Html[] = [t.title(report.cadence, reportLabel(report, opts.lang))];
  for (const part of parts) lines.push(html``, t.account(clipLine(part.label, 64)), ...reportBody(part.stats, report, opts, top));
  for (const label of unanswered) lines.push(html``, t.account(clipLine(label, 64)), t.noAnswer);
  const sum = (pick: (s: ReportStats) => number) => parts.reduce((total, p) => total + pick(p.stats), 0);
  const revenue = sum((s) => s.revenue);
  const paidCount = sum((s) => s.paidCount);
  lines.push(
    html``,
    t.allAccounts,
    t.revenue(
      money(revenue),
      describeChange(
        revenue,
        sum((s) => s.previousRevenue),
        opts.lang,
        opts.currency,
      ),
      report.cadence,
    ),
    t.paid(paidCount, paidCount > 0 ? money(Math.round(revenue / paidCount)) : null),
  );
  return joinHtml(lines, '\n');
}

/** One account's figures of the period, without the title; `top`: how many products and sources to list. */
function reportBody(stats: ReportStats, report: ReportPeriod, opts: ReportRenderOptions, top: number): Html[] {
  const t = reportText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const blank = html``;
  const lines: Html[] = [
    t.revenue(money(stats.revenue), describeChange(stats.revenue, stats.previousRevenue, opts.lang, opts.currency), report.cadence),
    t.paid(stats.paidCount, stats.averageCheck === null ? null : money(stats.averageCheck)),
    // The same words as /orders and the digest: what was created in the period, and how much of it is paid by now.
    ordersText[opts.lang].createdIn('period', stats.createdCount, stats.createdPaidCount),
  ];
  const list = (title: Html, rows: Breakdown['rows'], unnamed: string) => {
    if (rows.length === 0 || top === 0) return;
    lines.push(blank, title);
    for (const [i, r] of rows.slice(0, top).entries()) {
      lines.push(html`${i + 1}. ${escapeHtml(clipLine(r.title ?? unnamed, 80))} — ${escapeHtml(money(r.sum))} (${r.count}, ${Math.round(r.share * 100)}%)`);
    }
  };
  list(t.topProducts, stats.topProducts.rows, t.noGoods);
  list(t.topSources, stats.topSources.rows, t.direct);
  lines.push(blank, t.refunds(stats.refunds.count, money(stats.refunds.sum)), t.waiting(stats.waiting.count, money(stats.waiting.sum)));
  return lines;
}

/** The report's chart: paid revenue per day of the period, the previous equal period faintly behind. */
export function reportChart(input: ReportInput, report: ReportPeriod, timeZone: string, opts: ReportRenderOptions): RevenueChartInput {
  const { comparison } = report;
  const current = revenueSeries(input.paid, comparison.currentWhole, timeZone);
  const previous = revenueSeries(input.previousPaid, comparison.previousWhole, timeZone, { granularity: current.granularity });
  return {
    current,
    previous,
    title: reportLabel(report, opts.lang),
    lang: opts.lang,
    currency: opts.currency,
    theme: 'light',
    legend: reportText[opts.lang].legend(report.cadence),
  };
}

/**
 * The chart of a report on several accounts: the total per day, each account's part stacked and named, the
 * previous period's total behind. Each account's series is its own (two accounts' order ids may coincide).
 */
export function accountsReportChart(
  parts: readonly { label: string; input: ReportInput }[],
  report: ReportPeriod,
  timeZone: string,
  opts: ReportRenderOptions,
): RevenueChartInput {
  const { comparison } = report;
  const current = parts.map((p) => revenueSeries(p.input.paid, comparison.currentWhole, timeZone));
  const granularity = current[0]?.granularity;
  if (granularity === undefined) throw new Error('a report chart of accounts needs at least one');
  const previous = parts.map((p) => revenueSeries(p.input.previousPaid, comparison.previousWhole, timeZone, { granularity }));
  // Title, legend and look as a one-account report's.
  const look = reportChart({ created: [], paid: [], previousPaid: [] }, report, timeZone, opts);
  return {
    ...look,
    current: sumSeries(current),
    previous: sumSeries(previous),
    stack: parts.map((p, i) => ({ label: p.label, revenue: current[i]!.buckets.map((b) => b.revenue) })),
  };
}

/** Series of the same range and granularity added up bucket by bucket. */
function sumSeries(all: readonly RevenueSeries[]): RevenueSeries {
  const [first] = all;
  if (!first) throw new Error('nothing to add up');
  const buckets = first.buckets.map((b, i) => ({
    ...b,
    revenue: all.reduce((sum, s) => sum + (s.buckets[i]?.revenue ?? 0), 0),
    count: all.reduce((sum, s) => sum + (s.buckets[i]?.count ?? 0), 0),
  }));
  return { ...first, buckets, revenue: buckets.reduce((sum, b) => sum + b.revenue, 0), count: buckets.reduce((sum, b) => sum + b.count, 0) };
}
