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

/**
 * True for an IANA zone name (Europe/Moscow, UTC); false for abbreviations such as MSK, which Intl
 * accepts but which name no rules for DST.
 */
export function isValidTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** 2026-11-28: the ISO spelling of a date (file names, JustClick's own date fields). */
export function isoDate(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Half-open interval of instants [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

// Wall clocks come from one cached Intl formatter per zone: a TZDate costs tens of microseconds, and
// the phrase grammar asks for several per message (issue #9 sets 50 µs per phrase).
const WALL_CLOCKS = new Map<string, Intl.DateTimeFormat | null>();
const WALL_RE = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;
let lastWall: { timeZone: string; ms: number; wall: number[] } | null = null;

/**
 * Offsets by zone and quarter hour since the epoch: every zone changes its offset on a quarter hour, so
 * one Intl call answers for a whole quarter (an /orders page of 1,000 orders asks ~1,000 times).
 */
const OFFSETS = new Map<string, Map<number, number | null>>();
const QUARTER_MS = 900_000;
const MAX_OFFSETS_PER_ZONE = 50_000;

/** [year, month, day, hour, minute, second] on the zone's clock, or null for a zone Intl does not know. */
function wallClock(ms: number, timeZone: string): number[] | null {
  if (lastWall && lastWall.ms === ms && lastWall.timeZone === timeZone) return lastWall.wall;
  if (!Number.isFinite(ms)) return null;
  let offsets = OFFSETS.get(timeZone);
  if (!offsets || offsets.size > MAX_OFFSETS_PER_ZONE) OFFSETS.set(timeZone, (offsets = new Map()));
  const quarter = Math.floor(ms / QUARTER_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    const start = intlWallClock(quarter * QUARTER_MS, timeZone);
    offset = start && Date.UTC(start[0]!, start[1]! - 1, start[2]!, start[3]!, start[4]!, start[5]!) - quarter * QUARTER_MS;
    offsets.set(quarter, offset);
  }
  if (offset === null) return null;
  const t = new Date(ms + offset);
  const wall = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()];
  lastWall = { timeZone, ms, wall };
  return wall;
}

/** The zone's wall clock asked of Intl itself (one cached formatter per zone). */
function intlWallClock(ms: number, timeZone: string): number[] | null {
  let format = WALL_CLOCKS.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    WALL_CLOCKS.set(timeZone, format);
  }
  const m = format === null ? null : WALL_RE.exec(format.format(ms));
  if (!m) return null;
  return [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])];
}

/** [year, month, day, hour, minute, second] of an instant on the zone's clock; null for a zone Intl does not know. */
export function wallClockAt(instant: Date, timeZone: string): readonly number[] | null {
  return wallClock(instant.getTime(), timeZone);
}

/** How far the zone's clock is ahead of UTC at an instant, in ms (seconds precision). */
function offsetAt(ms: number, timeZone: string): number | null {
  const w = wallClock(ms, timeZone);
  if (!w) return null;
  return Date.UTC(w[0]!, w[1]! - 1, w[2]!, w[3]!, w[4]!, w[5]!) - Math.floor(ms / 1000) * 1000;
}

/** The calendar date an instant falls on in the zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant.getTime(), timeZone);
  if (w) return { year: w[0]!, month: w[1]!, day: w[2]! };
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
  const key = `${timeZone} ${d.year}-${d.month}-${d.day}`;
  const known = DAY_STARTS.get(key);
  if (known !== undefined) return new Date(known);
  const start = findStartOfLocalDay(d, timeZone);
  if (DAY_STARTS.size >= DAY_STARTS_MAX) DAY_STARTS.clear();
  DAY_STARTS.set(key, start.getTime());
  return start;
}

/** Day starts already found, by zone and date: they never change while the process runs (tzdata is fixed). */
const DAY_STARTS = new Map<string, number>();
const DAY_STARTS_MAX = 4096;

function findStartOfLocalDay(d: LocalDate, timeZone: string): Date {
  // The quick way: local midnight is UTC midnight minus the offset, when the offset is the same an hour
  // before (no DST switch near midnight) and that instant shows 00:00 on the date; otherwise the slow one.
  const utc = Date.UTC(d.year, d.month - 1, d.day);
  const offset = offsetAt(utc, timeZone);
  if (offset !== null) {
    const guess = utc - offset;
    const w = wallClock(guess, timeZone);
    if (
      w &&
      w[0] === d.year &&
      w[1] === d.month &&
      w[2] === d.day &&
      w[3] === 0 &&
      w[4] === 0 &&
      w[5] === 0 &&
      offsetAt(guess - 3_600_000, timeZone) === offset
    ) {
      return new Date(guess);
    }
  }
  const noon = new TZDate(d.year, d.month - 1, d.day, 12, 0, 0, timeZone);
  return new Date(startOfDay(noon).getTime());
}

/** [start of the date, start of the next date) in the zone. */
export function localDayRange(d: LocalDate, timeZone: string): TimeRange {
  return { from: startOfLocalDay(d, timeZone), to: startOfLocalDay(addLocalDays(d, 1), timeZone) };
}

/** The local calendar day `offsetDays` away from the one `now` falls on: 0 = today, -1 = yesterday. */
export function localDay(now: Date, timeZone: string, offsetDays = 0): TimeRange & { date: LocalDate } {
  const date = addLocalDays(localDateOf(now, timeZone), offsetDays);
  return { date, ...localDayRange(date, timeZone) };
}

/**
 * The instant on `date` that shows the same wall-clock time as `like` does, kept inside that day.
 * A time that does not exist on that date (skipped by DST) moves forward, as clocks do.
 */
export function sameWallClockOn(date: LocalDate, like: Date, timeZone: string): Date {
  const t = new TZDate(like.getTime(), timeZone);
  const at = new TZDate(date.year, date.month - 1, date.day, t.getHours(), t.getMinutes(), t.getSeconds(), timeZone).getTime();
  const { from, to } = localDayRange(date, timeZone);
  return new Date(Math.min(Math.max(at, from.getTime()), to.getTime()));
}
