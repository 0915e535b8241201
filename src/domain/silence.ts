// The silence alert's arithmetic: how many paid orders an account usually has in each hour of the week
// (learned from its last four weeks), and whether a quiet stretch now is worth a message. Pure; clock passed in.
import { TZDate } from '@date-fns/tz';
import { addLocalDays, isoWeekday, localDateOf, startOfLocalDay } from './calendar.js';
import { DEFAULT_NIGHT, quietWindowAt } from './quiet-hours.js';

/** Paid orders per hour of the week, Monday 00–01 first (168 numbers): averages over the weeks learned from. */
export type WeekProfile = number[];

const PROFILE_WEEKS = 4;
const HOURS_PER_WEEK = 168;
const HOUR_MS = 3_600_000;
/** Not before this many hours without a paid order. */
const MIN_SILENT_HOURS = 3;
/**
 * How many paid orders the quiet stretch should usually have held. With 3 expected, a stretch with none happens
 * by chance about one time in twenty (Poisson): rare enough to be news, and never for a shop that sells a few a day.
 */
const MIN_EXPECTED = 3;
/** The usual count is looked at over at most the last day: a week-long silence is not "usually 40 by now". */
const LOOKBACK_MS = 24 * HOUR_MS;

/** 0 for Monday 00:00–00:59 local, … 167 for Sunday 23:00–23:59. */
export function hourOfWeek(at: Date, timeZone: string): number {
  const weekday = isoWeekday(localDateOf(at, timeZone));
  return (weekday - 1) * 24 + new TZDate(at.getTime(), timeZone).getHours();
}

/** The [from, to) the profile is learned from: the four whole weeks of days before today. */
export function profileRange(now: Date, timeZone: string): { from: Date; to: Date } {
  const today = localDateOf(now, timeZone);
  const to = startOfLocalDay(today, timeZone);
  const from = startOfLocalDay(addLocalDays(today, -PROFILE_WEEKS * 7), timeZone);
  return { from, to };
}

/** The usual paid orders per hour of the week, from the times (unix seconds) orders were paid within `range`. */
export function learnProfile(paidAt: readonly number[], range: { from: Date; to: Date }, timeZone: string): WeekProfile {
  const counts: number[] = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const t of paidAt) {
    const ms = t * 1000;
    if (ms < range.from.getTime() || ms >= range.to.getTime()) continue;
    const h = hourOfWeek(new Date(ms), timeZone);
    counts[h] = (counts[h] ?? 0) + 1;
  }
  return counts.map((c) => c / PROFILE_WEEKS);
}

/** Paid orders the profile expects in [from, to), hour by hour (a part of an hour counts its part). */
export function expectedBetween(profile: WeekProfile, from: Date, to: Date, timeZone: string): number {
  let total = 0;
  for (let t = from.getTime(); t < to.getTime(); ) {
    const hourEnd = Math.min(to.getTime(), (Math.floor(t / HOUR_MS) + 1) * HOUR_MS);
    total += (profile[hourOfWeek(new Date(t), timeZone)] ?? 0) * ((hourEnd - t) / HOUR_MS);
    t = hourEnd;
  }
  return total;
}

export interface SilenceFacts {
  profile: WeekProfile;
  /** The last paid order the chat knows of (unix seconds), or null. */
  lastPaidAt: number | null;
  /** Since when the chat's alerts have been watching (unix seconds): a silence is never counted from before. */
  watchingSince: number;
  now: Date;
  timeZone: string;
  /** The chat's quiet hours; without them, DEFAULT_NIGHT is night. */
  quiet: { from: string; to: string } | undefined;
}

export interface Silence {
  /** Whole hours since the last paid order. */
  silentHours: number;
  /** Paid orders usually seen today by this time, rounded. */
  usualByNow: number;
  /** ISO weekday of today, local (1 = Monday). */
  weekday: number;
}

/** The silence worth telling about now, or null: never at night, only after MIN_SILENT_HOURS, only when orders were expected. */
export function silenceAlert(f: SilenceFacts): Silence | null {
  if (quietWindowAt(f.quiet ?? DEFAULT_NIGHT, f.now, f.timeZone)) return null;
  const since = Math.max(f.lastPaidAt ?? f.watchingSince, f.watchingSince) * 1000;
  const silentMs = f.now.getTime() - since;
  if (silentMs < MIN_SILENT_HOURS * HOUR_MS) return null;
  const expected = expectedBetween(f.profile, new Date(Math.max(since, f.now.getTime() - LOOKBACK_MS)), f.now, f.timeZone);
  if (expected < MIN_EXPECTED) return null;
  const today = localDateOf(f.now, f.timeZone);
  const usual = expectedBetween(f.profile, startOfLocalDay(today, f.timeZone), f.now, f.timeZone);
  return { silentHours: Math.floor(silentMs / HOUR_MS), usualByNow: Math.max(1, Math.round(usual)), weekday: isoWeekday(today) };
}
