// The periods a seller can name ("yesterday", "last week", "November", "Q3 2026", "7 days", "1–15 Nov")
// as exact instants in the chat's zone, and the checks every period passes (real, begun, not too long).
import { addLocalDays, compareLocalDates, daysBetween, isRealDate, isoWeekday, localDateOf, startOfLocalDay, type LocalDate } from './calendar.js';

/** The longest period one command may ask for, in local days. */
export const MAX_PERIOD_DAYS = 366;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const DAY_MS = 86_400_000;

/**
 * What the user meant, kept for the answer's header. `from`/`to` are the instants asked for
 * (a `to` in the future is clamped to now); `firstDay`/`lastDay` are the local days covered, inclusive.
 * `rolling` is the last `days` × 24 hours up to now: a window of elapsed time, not of calendar days.
 * `namedMonth`, `quarter` and `year` name their month, quarter and year through `firstDay`.
 */
export type Period = {
  from: Date;
  to: Date;
  firstDay: LocalDate;
  lastDay: LocalDate;
} & (
  | { kind: 'today' | 'yesterday' | 'dayBeforeYesterday' | 'week' | 'lastWeek' | 'month' | 'lastMonth' | 'namedMonth' | 'year' | 'day' | 'range' }
  | { kind: 'quarter'; quarter: number }
  | { kind: 'rolling'; days: number }
);

export type PeriodKind = Period['kind'];

/** Why a period cannot be answered; the caller names the words that asked for it. */
export type PeriodProblem = 'impossible-date' | 'reversed-range' | 'future-range' | 'range-too-long';

export interface Clock {
  now: Date;
  timeZone: string;
}

type Shape = { kind: Exclude<PeriodKind, 'quarter' | 'rolling'> } | { kind: 'quarter'; quarter: number };

/** A date inside the years the bot answers for (JustClick accounts are younger than 2000). */
export function isAcceptedDate(d: LocalDate): boolean {
  return d.year >= MIN_YEAR && d.year <= MAX_YEAR && isRealDate(d);
}

/**
 * The local days first..last (inclusive) as instants: refused when not real, reversed, not begun
 * or longer than MAX_PERIOD_DAYS; a part still in the future is clamped to now.
 */
export function daySpan(shape: Shape, first: LocalDate, last: LocalDate, { now, timeZone }: Clock): Period | PeriodProblem {
  if (!isAcceptedDate(first) || !isAcceptedDate(last)) return 'impossible-date';
  if (compareLocalDates(first, last) > 0) return 'reversed-range';
  if (daysBetween(first, last) + 1 > MAX_PERIOD_DAYS) return 'range-too-long';
  const from = startOfLocalDay(first, timeZone);
  if (from.getTime() > now.getTime()) return 'future-range';
  const end = startOfLocalDay(addLocalDays(last, 1), timeZone);
  const today = localDateOf(now, timeZone);
  return {
    ...shape,
    from,
    to: end.getTime() > now.getTime() ? now : end,
    firstDay: first,
    lastDay: compareLocalDates(last, today) > 0 ? today : last,
  };
}

/** Today, yesterday, the day before, or any day `offset` days from today; a day to come is refused. */
export function relativeDay(offset: number, clock: Clock): Period | PeriodProblem {
  const day = addLocalDays(localDateOf(clock.now, clock.timeZone), offset);
  const kind = offset === 0 ? 'today' : offset === -1 ? 'yesterday' : offset === -2 ? 'dayBeforeYesterday' : 'day';
  return daySpan({ kind }, day, day, clock);
}

/** The calendar week (Monday to Sunday) `offset` weeks from this one: 0 is this week so far. */
export function calendarWeek(offset: number, clock: Clock): Period | PeriodProblem {
  const today = localDateOf(clock.now, clock.timeZone);
  const monday = addLocalDays(today, 1 - isoWeekday(today) + 7 * offset);
  const kind = offset === 0 ? 'week' : offset === -1 ? 'lastWeek' : 'range';
  return daySpan({ kind }, monday, addLocalDays(monday, 6), clock);
}

function lastDayOfMonth(year: number, month: number): LocalDate {
  return { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** A whole month; `kind` says how the seller named it (this month, last month, "November 2026"). */
export function wholeMonth(year: number, month: number, clock: Clock, kind: 'month' | 'lastMonth' | 'namedMonth' = 'namedMonth'): Period | PeriodProblem {
  return daySpan({ kind }, { year, month, day: 1 }, lastDayOfMonth(year, month), clock);
}

/** The month `offset` months from the current one: 0 this month so far, -1 last month. */
export function calendarMonth(offset: number, clock: Clock): Period | PeriodProblem {
  const today = localDateOf(clock.now, clock.timeZone);
  const index = today.year * 12 + today.month - 1 + offset;
  const kind = offset === 0 ? 'month' : offset === -1 ? 'lastMonth' : 'namedMonth';
  return wholeMonth(Math.floor(index / 12), (index % 12) + 1, clock, kind);
}

/** Quarter 1–4 of a year: January–March is the first. */
export function wholeQuarter(year: number, quarter: number, clock: Clock): Period | PeriodProblem {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return 'impossible-date';
  const firstMonth = quarter * 3 - 2;
  return daySpan({ kind: 'quarter', quarter }, { year, month: firstMonth, day: 1 }, lastDayOfMonth(year, firstMonth + 2), clock);
}

/** The quarter `offset` quarters from the current one. */
export function calendarQuarter(offset: number, clock: Clock): Period | PeriodProblem {
  const today = localDateOf(clock.now, clock.timeZone);
  const index = today.year * 4 + Math.floor((today.month - 1) / 3) + offset;
  return wholeQuarter(Math.floor(index / 4), (index % 4) + 1, clock);
}

export function wholeYear(year: number, clock: Clock): Period | PeriodProblem {
  return daySpan({ kind: 'year' }, { year, month: 1, day: 1 }, { year, month: 12, day: 31 }, clock);
}

/** The last `days` × 24 hours up to now, whatever DST did meanwhile (the documented meaning of "7d"). */
export function rollingDays(days: number, { now, timeZone }: Clock): Period | PeriodProblem {
  if (days > MAX_PERIOD_DAYS) return 'range-too-long';
  const from = new Date(now.getTime() - days * DAY_MS);
  return { kind: 'rolling', days, from, to: now, firstDay: localDateOf(from, timeZone), lastDay: localDateOf(now, timeZone) };
}

/** The year of the latest `month` that has begun: this year, or last year for a month still to come. */
export function latestYearOfMonth(month: number, today: LocalDate): number {
  return month <= today.month ? today.year : today.year - 1;
}

/** The year of the latest quarter `quarter` that has begun. */
export function latestYearOfQuarter(quarter: number, today: LocalDate): number {
  return quarter <= Math.floor((today.month - 1) / 3) + 1 ? today.year : today.year - 1;
}

/** A day typed without a year means this year, unless that day has not begun yet: then last year. */
export function latestYearOfDay(month: number, day: number, today: LocalDate): number {
  return compareLocalDates({ year: today.year, month, day }, today) <= 0 ? today.year : today.year - 1;
}

/** The latest day with this ISO weekday (1 Monday … 7 Sunday) up to today, or in the previous week. */
export function latestWeekday(weekday: number, today: LocalDate, previousWeek: boolean): LocalDate {
  if (previousWeek) return addLocalDays(today, weekday - isoWeekday(today) - 7);
  const back = (isoWeekday(today) - weekday + 7) % 7;
  return addLocalDays(today, -back);
}

export { lastDayOfMonth };
