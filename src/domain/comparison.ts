// A period against the previous equal one ("today by 14:00 vs yesterday by 14:00", "November so far vs
// October as far"), and the change between their revenues as a seller reads it: ▲ 12% (+₽1,200).
import type { Minor } from './justclick.js';
import { addLocalDays, daysBetween, isRealDate, localDateOf, sameWallClockOn, startOfLocalDay, type LocalDate, type TimeRange } from './calendar.js';
import { formatMoney } from './format/money.js';
import { changeText } from './i18n/change.js';
import type { Lang } from './i18n/lang.js';

/** The calendar unit a period is one of; it decides what "the previous one" is while the period runs. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface ComparablePeriod {
  from: Date;
  /** May lie in the future or be clamped to now: either way the period counts up to now. */
  to: Date;
  /**
   * "this week", "this month", "this year": the unit the period is, so that a running month is compared
   * with the previous month (not the 28 days before). Omitted: whole calendar months when the period
   * runs from a 1st to a 1st, otherwise the local days it spans.
   */
  unit?: PeriodUnit;
}

export interface PeriodComparison {
  /** The period as it counts: up to now. */
  current: TimeRange;
  /** The previous equal period, cut at the same point of it as `current` is (same day, same wall clock). */
  previous: TimeRange;
  /** The whole current period, reaching past now while it runs: what a chart's axis spans. */
  currentWhole: TimeRange;
  /** The whole previous period, for drawing it faintly behind. */
  previousWhole: TimeRange;
  /** The period is still running at now. */
  ongoing: boolean;
  /**
   * The previous period ended before reaching the same day: 31 March so far is compared with the
   * whole of February (its 28 or 29 days), 30 Nov with the whole of a 30-day month.
   */
  clipped: boolean;
}

const MONTHS: Partial<Record<PeriodUnit, number>> = { month: 1, quarter: 3, year: 12 };
const DAYS: Partial<Record<PeriodUnit, number>> = { day: 1, week: 7 };

/** `months` calendar months away; `exists` is false when that month has no such day (31 Feb). */
function shiftMonths(d: LocalDate, months: number): { date: LocalDate; exists: boolean } {
  const index = d.year * 12 + (d.month - 1) + months;
  const date = { year: Math.floor(index / 12), month: (index % 12) + 1, day: d.day };
  return { date, exists: isRealDate(date) };
}

const isDayStart = (instant: Date, timeZone: string) => startOfLocalDay(localDateOf(instant, timeZone), timeZone).getTime() === instant.getTime();

/**
 * The previous equal period of `period` as of `now`.
 * - A period not starting at a local midnight (the last 24 hours) is compared with the same length of
 *   time just before it.
 * - A period of calendar months (a unit of month, quarter or year, or 1st to 1st) with the same months
 *   before it, up to the same day and wall-clock time; when that day does not exist there (31 March vs
 *   February), up to the end of that month, and `clipped` says so.
 * - Otherwise with as many local days before it (a week's 7 when `unit` is week), up to the same wall-clock
 *   time on the corresponding day: DST-correct, so "today by 14:00" on a 23-hour day still means 14:00.
 */
export function compareWithPrevious(period: ComparablePeriod, now: Date, timeZone: string): PeriodComparison {
  const from = period.from;
  const end = new Date(Math.min(period.to.getTime(), now.getTime()));
  const current = { from, to: end };
  const ongoing = period.to.getTime() >= now.getTime();

  if (!isDayStart(from, timeZone)) {
    const length = period.to.getTime() - from.getTime();
    const previousFrom = new Date(from.getTime() - length);
    return {
      current,
      previous: { from: previousFrom, to: new Date(previousFrom.getTime() + (end.getTime() - from.getTime())) },
      currentWhole: { from, to: period.to },
      previousWhole: { from: previousFrom, to: from },
      ongoing,
      clipped: false,
    };
  }

  const first = localDateOf(from, timeZone);
  const endDate = localDateOf(end, timeZone);
  const nominalEnd = localDateOf(period.to, timeZone);
  const months =
    (period.unit && MONTHS[period.unit]) ??
    (period.unit === undefined && first.day === 1 && nominalEnd.day === 1 && isDayStart(period.to, timeZone)
      ? (nominalEnd.year - first.year) * 12 + nominalEnd.month - first.month
      : undefined);

  if (months !== undefined && months > 0) {
    const shifted = shiftMonths(endDate, -months);
    const previousFrom = monthsAway(first, -months, timeZone);
    return {
      current,
      previous: { from: previousFrom, to: shifted.exists ? sameWallClockOn(shifted.date, end, timeZone) : monthsAway(endDate, -months, timeZone) },
      currentWhole: { from, to: monthsAway(first, months, timeZone) },
      previousWhole: { from: previousFrom, to: from },
      ongoing,
      clipped: !shifted.exists,
    };
  }

  // Local days: the unit's, or as many as the period touches (today so far: one).
  const lastNominal = localDateOf(new Date(Math.max(from.getTime(), period.to.getTime() - 1)), timeZone);
  const days = (period.unit && DAYS[period.unit]) ?? daysBetween(first, lastNominal) + 1;
  const previousFrom = startOfLocalDay(addLocalDays(first, -days), timeZone);
  return {
    current,
    previous: { from: previousFrom, to: sameWallClockOn(addLocalDays(endDate, -days), end, timeZone) },
    currentWhole: { from, to: startOfLocalDay(addLocalDays(first, days), timeZone) },
    previousWhole: { from: previousFrom, to: from },
    ongoing,
    clipped: false,
  };
}

/** The start of the same day `months` months away, or the end of that month when it has no such day. */
function monthsAway(d: LocalDate, months: number, timeZone: string): Date {
  const shifted = shiftMonths(d, months);
  return startOfLocalDay(shifted.exists ? shifted.date : shiftMonths({ ...shifted.date, day: 1 }, 1).date, timeZone);
}

export interface Change {
  direction: 'up' | 'down' | 'same';
  /** Whole percent against the previous revenue; null when there was none (no percentage from zero). */
  percent: number | null;
  /** current − previous. */
  delta: Minor;
}

export function changeBetween(current: Minor, previous: Minor): Change {
  const delta = current - previous;
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
  return { direction, percent: previous === 0 ? null : Math.round((Math.abs(delta) / Math.abs(previous)) * 100), delta };
}

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-US' };
const integers = new Map<Lang, Intl.NumberFormat>();
function integer(n: number, lang: Lang): string {
  let f = integers.get(lang);
  if (!f) integers.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 })));
  return f.format(n);
}

/**
 * "▲ 12% (+₽1,200)", "▼ 8% (−₽300)", "±0%"; from a period with no revenue, the sum alone and why:
 * "▲ +₽1,200 (no sales before)". Plain text: escape it before putting it into HTML.
 */
export function describeChange(current: Minor, previous: Minor, lang: Lang, currency: string): string {
  const t = changeText[lang];
  const c = changeBetween(current, previous);
  if (c.direction === 'same') return t.same;
  const arrow = c.direction === 'up' ? '▲' : '▼';
  // U+2212 MINUS SIGN: a hyphen next to a currency sign reads like a dash on a phone.
  const sum = `${c.delta > 0 ? '+' : '−'}${formatMoney(Math.abs(c.delta), currency, lang)}`;
  if (c.percent === null) return `${arrow} ${t.fromNothing(sum)}`;
  const percent = c.percent === 0 ? t.underOnePercent : `${integer(c.percent, lang)}%`;
  return `${arrow} ${percent} (${sum})`;
}
