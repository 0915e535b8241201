// What every "at a glance" answer shares (/chart, /top, the digest, the /orders header): a period paired
// with the previous equal one, the money paid within each, and the line that says the change. Pure.
import { daySpan, type Period, type PeriodKind } from './calendar-periods.js';
import { addLocalDays, compareLocalDates, localDateOf, type TimeRange } from './calendar.js';
import { compareWithPrevious, describeChange, type ComparablePeriod, type PeriodComparison, type PeriodUnit } from './comparison.js';
import { formatDay, formatDaysInWords, formatTime } from './format/dates.js';
import type { Html } from './format/html.js';
import { glanceText } from './i18n/glance.js';
import { LANGS, type Lang } from './i18n/lang.js';
import type { Minor, Order } from './justclick.js';
import { isPaid, uniqueOrders } from './order-facts.js';

/** The calendar unit a named period is one of: "this month" runs against last month, not the 30 days before. */
const UNIT: Record<PeriodKind, PeriodUnit | undefined> = {
  today: 'day',
  yesterday: 'day',
  dayBeforeYesterday: 'day',
  day: 'day',
  week: 'week',
  lastWeek: 'week',
  month: 'month',
  lastMonth: 'month',
  namedMonth: 'month',
  quarter: 'quarter',
  year: 'year',
  // A range of days runs against as many days before it (whole months when it runs 1st to 1st); a rolling
  // window against the same length of time.
  range: undefined,
  rolling: undefined,
};

export function comparablePeriod(period: Period): ComparablePeriod {
  const unit = UNIT[period.kind];
  return { from: period.from, to: period.to, ...(unit ? { unit } : {}) };
}

export interface PaidTotals {
  revenue: Minor;
  count: number;
}

/** Money paid within [from, to) by orders still paid, each order once. */
function paidTotals(orders: readonly Order[], range: TimeRange): PaidTotals {
  const from = range.from.getTime();
  const to = range.to.getTime();
  let revenue = 0;
  let count = 0;
  for (const o of uniqueOrders(orders)) {
    if (!isPaid(o) || o.paid === null || o.paid * 1000 < from || o.paid * 1000 >= to) continue;
    revenue += o.price;
    count += 1;
  }
  return { revenue, count };
}

export interface Glance {
  period: Period;
  comparison: PeriodComparison;
  /** Paid within the period so far. */
  current: PaidTotals;
  /** Paid within the previous equal period, cut at the same point. */
  previous: PaidTotals;
  /** When it was looked at. */
  now: Date;
}

/**
 * Several accounts' glances at the same period, asked at the same instant, added up ("@all"). Each account's
 * orders are counted apart first: two accounts' order ids may coincide.
 */
export function sumGlances(first: Glance, ...rest: readonly Glance[]): Glance {
  const all = [first, ...rest];
  const total = (which: 'current' | 'previous'): PaidTotals => ({
    revenue: all.reduce((sum, g) => sum + g[which].revenue, 0),
    count: all.reduce((sum, g) => sum + g[which].count, 0),
  });
  return { ...first, current: total('current'), previous: total('previous') };
}

/**
 * What to fetch (orders paid within it) to compare a period and draw it with the previous one behind:
 * from the start of the whole previous period to now or the period's end.
 */
export function glanceRange(period: Period, now: Date, timeZone: string): TimeRange {
  const c = compareWithPrevious(comparablePeriod(period), now, timeZone);
  return { from: c.previousWhole.from, to: c.current.to };
}

/** The period and the previous equal one, from orders paid within glanceRange (more do no harm). */
export function glanceAt(orders: readonly Order[], period: Period, now: Date, timeZone: string): Glance {
  const comparison = compareWithPrevious(comparablePeriod(period), now, timeZone);
  return { period, comparison, current: paidTotals(orders, comparison.current), previous: paidTotals(orders, comparison.previous), now };
}

/**
 * "vs yesterday by 14:00", "vs 1–14 Nov", "vs the 7 days before" (plain text). The previous period is
 * named by its days; while the current one runs, with the wall-clock time both are cut at.
 */
export function versusText(glance: Glance, timeZone: string, lang: Lang): string {
  const t = glanceText[lang];
  const { comparison: c, period } = glance;
  if (period.kind === 'rolling') return t.versusBefore(period.days);
  const first = localDateOf(c.previous.from, timeZone);
  // The last instant inside it: a previous period ending at midnight ends on the day before.
  const last = localDateOf(new Date(Math.max(c.previous.from.getTime(), c.previous.to.getTime() - 1)), timeZone);
  const today = localDateOf(glance.now, timeZone);
  const cut = c.ongoing && !c.clipped && c.previous.to.getTime() < c.previousWhole.to.getTime() && !isMidnight(c.previous.to, timeZone);
  const by = cut ? formatTime(c.previous.to, timeZone) : null;
  if (compareLocalDates(first, last) === 0) {
    const yesterday = compareLocalDates(first, addLocalDays(today, -1)) === 0;
    return t.versus(yesterday ? null : formatDay(first, lang, first.year !== today.year), by);
  }
  return t.versus(formatDaysInWords(first, last, lang) + (first.year !== today.year || last.year !== today.year ? ` ${last.year}` : ''), by);
}

const isMidnight = (instant: Date, timeZone: string) => formatTime(instant, timeZone) === '00:00';

/** "▲ 12% (+₽1,200) vs 1–14 Nov": the change of paid revenue against the previous equal period. */
export function comparisonLine(glance: Glance, timeZone: string, lang: Lang, currency: string): Html {
  return glanceText[lang].changeLine(describeChange(glance.current.revenue, glance.previous.revenue, lang, currency), versusText(glance, timeZone, lang));
}

/** How many days /chart shows when asked for no period. */
const CHART_DEFAULT_DAYS = 14;

/**
 * What /chart draws without a period: the last CHART_DEFAULT_DAYS local days, today so far included —
 * one bar a day is what "how are sales going?" looks like; today alone is mostly empty hours.
 */
export function defaultChartPeriod(now: Date, timeZone: string): Period {
  const today = localDateOf(now, timeZone);
  const period = daySpan({ kind: 'range' }, addLocalDays(today, 1 - CHART_DEFAULT_DAYS), today, { now, timeZone });
  if (typeof period === 'string') throw new Error(`the last ${CHART_DEFAULT_DAYS} days cannot be a problem: ${period}`);
  return period;
}

/** "/chart week dark": the picture's theme word, in either language, taken out of the period words. */
export function chartTheme(text: string): { theme: 'light' | 'dark'; rest: string } {
  const dark = new Set(LANGS.flatMap((lang) => glanceText[lang].darkWords));
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const rest = words.filter((w) => !dark.has(w.toLowerCase()));
  return { theme: rest.length < words.length ? 'dark' : 'light', rest: rest.join(' ') };
}
