// A frozen copy of src/domain/calendar.ts as it was on main before the phrase grammar (bench only: see period-before.ts).
// Local calendar days in an IANA time zone and the instants that bound them, DST-correct:
// a local day is [its first instant, the next day's first instant), 23 or 25 hours around a DST switch.
import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';

/** A calendar date with no time zone attached; month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Half-open interval of instants [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** The calendar date an instant falls on in the zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** True when year/month/day name a real calendar date (31.02 does not). */
export function isRealDate(d: LocalDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
}

/** Pure calendar arithmetic: the date `days` days after `d` (negative goes back). */
export function addLocalDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Monday = 1 … Sunday = 7 (ISO). */
export function isoWeekday(d: LocalDate): number {
  const wd = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole days from a to b (b − a), by the calendar, not by elapsed hours. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/**
 * The first instant of a local date. Built from local noon, because in zones that switch DST at
 * midnight (America/Havana, Asia/Beirut) 00:00 does not exist and the day starts at 01:00.
 */
export function startOfLocalDay(d: LocalDate, timeZone: string): Date {
  const noon = new TZDate(d.year, d.month - 1, d.day, 12, 0, 0, timeZone);
  return new Date(startOfDay(noon).getTime());
}

/** [start of the date, start of the next date) in the zone. */
function localDayRange(d: LocalDate, timeZone: string): TimeRange {
  return { from: startOfLocalDay(d, timeZone), to: startOfLocalDay(addLocalDays(d, 1), timeZone) };
}

/** The local calendar day `offsetDays` away from the one `now` falls on: 0 = today, -1 = yesterday. */
export function localDay(now: Date, timeZone: string, offsetDays = 0): TimeRange & { date: LocalDate } {
  const date = addLocalDays(localDateOf(now, timeZone), offsetDays);
  return { date, ...localDayRange(date, timeZone) };
}
