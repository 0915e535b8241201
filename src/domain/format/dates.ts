// Local dates and times as each language writes them, and the human name of a period.
import { TZDate } from '@date-fns/tz';
import { localDateOf, compareLocalDates, addLocalDays, wallClockAt, type LocalDate } from '../calendar.js';
import type { Period } from '../calendar-periods.js';
import type { Lang } from '../i18n/lang.js';
import { MONTHS } from '../i18n/calendar.js';
import { periodText } from '../i18n/period.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Wall-clock parts of an instant in a zone: from the calendar's cached Intl formatter (a TZDate per order
 * line was a third of rendering /orders), TZDate only for a zone Intl does not know.
 */
function wallClock(instant: Date, timeZone: string) {
  const w = wallClockAt(instant, timeZone);
  if (w) return { year: w[0]!, month: w[1]!, day: w[2]!, hour: w[3]!, minute: w[4]!, second: w[5]! };
  const t = new TZDate(instant.getTime(), timeZone);
  return { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate(), hour: t.getHours(), minute: t.getMinutes(), second: t.getSeconds() };
}

/** "14:05" — 24-hour in both languages. */
export function formatTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** "28 Nov" / "28 ноября", with the year when asked: "28 Nov 2026" / "28 ноября 2026". */
export function formatDay(d: LocalDate, lang: Lang, withYear = false): string {
  return `${d.day} ${MONTHS[lang][d.month - 1]}${withYear ? ` ${d.year}` : ''}`;
}

/** "28 Nov 14:05" / "28 ноября 14:05". */
export function formatDateTime(instant: Date, timeZone: string, lang: Lang): string {
  return `${formatDay(localDateOf(instant, timeZone), lang)} ${formatTime(instant, timeZone)}`;
}

/** "2026-11-28 14:05:00": sortable local time for spreadsheets. */
export function formatLocalIso(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * "01.11–15.11.2026", the same in both languages. The year is written once at the end, or on both
 * ends when they differ; `withYear: false` leaves it out when both ends are in the same year.
 */
export function formatDaySpan(first: LocalDate, last: LocalDate, withYear = true): string {
  const dm = (d: LocalDate) => `${pad(d.day)}.${pad(d.month)}`;
  if (first.year !== last.year) return `${dm(first)}.${first.year}–${dm(last)}.${last.year}`;
  const year = withYear ? `.${last.year}` : '';
  return compareLocalDates(first, last) === 0 ? `${dm(first)}${year}` : `${dm(first)}–${dm(last)}${year}`;
}

/** A day named relative to today when it is today or yesterday: "yesterday, 27 Nov"; otherwise "20 Nov 2026". */
export function describeDay(day: LocalDate, today: LocalDate, lang: Lang): string {
  const words = periodText[lang];
  if (compareLocalDates(day, today) === 0) return `${words.today}, ${formatDay(day, lang)}`;
  if (compareLocalDates(day, addLocalDays(today, -1)) === 0) return `${words.yesterday}, ${formatDay(day, lang)}`;
  return formatDay(day, lang, true);
}

/** "23–29 Nov", "30 Nov – 6 Dec" / "23–29 ноября": a short stretch of days in words. */
export function formatDaysInWords(first: LocalDate, last: LocalDate, lang: Lang): string {
  if (first.year === last.year && first.month === last.month) return `${first.day}–${formatDay(last, lang)}`;
  return `${formatDay(first, lang)} – ${formatDay(last, lang)}`;
}

/**
 * What the user asked for, as a header says it: "today, 28 Nov", "last week, 23–29 Nov", "November 2026",
 * "Q4 2026", "last 7 days, 21.11–28.11", "01.11–15.11.2026". A month, quarter or year not over yet adds
 * the days it covers so far.
 */
export function describePeriod(period: Period, lang: Lang): string {
  const words = periodText[lang];
  const { firstDay, lastDay } = period;
  const soFar = (name: string) => {
    const end = lastDayOf(period);
    return compareLocalDates(lastDay, end) < 0 ? `${name}, ${formatDaySpan(firstDay, lastDay, false)}` : name;
  };
  switch (period.kind) {
    case 'today':
      return `${words.today}, ${formatDay(firstDay, lang)}`;
    case 'yesterday':
      return `${words.yesterday}, ${formatDay(firstDay, lang)}`;
    case 'dayBeforeYesterday':
      return `${words.dayBeforeYesterday}, ${formatDay(firstDay, lang)}`;
    case 'week':
      return `${words.thisWeek}, ${formatDaySpan(firstDay, lastDay, false)}`;
    case 'lastWeek':
      return `${words.lastWeek}, ${formatDaysInWords(firstDay, lastDay, lang)}`;
    case 'month':
      return `${words.thisMonth}, ${formatDaySpan(firstDay, lastDay, false)}`;
    case 'lastMonth':
      return `${words.lastMonth}, ${words.month(firstDay.month, firstDay.year)}`;
    case 'namedMonth':
      return soFar(words.month(firstDay.month, firstDay.year));
    case 'quarter':
      return soFar(words.quarter(period.quarter, firstDay.year));
    case 'year':
      return soFar(words.year(firstDay.year));
    case 'rolling':
      return `${words.lastDays(period.days)}, ${formatDaySpan(firstDay, lastDay, false)}`;
    case 'day':
      return formatDay(firstDay, lang, true);
    case 'range':
      return formatDaySpan(firstDay, lastDay);
  }
}

/** The last day a month, quarter or year period would cover when over. */
function lastDayOf(period: Period): LocalDate {
  const { year, month } = period.firstDay;
  const months = period.kind === 'quarter' ? 3 : period.kind === 'year' ? 12 : 1;
  const t = new Date(Date.UTC(year, month - 1 + months, 0));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** True when the period covers more than one local day, so that times need their date next to them. */
export function spansDays(period: Period): boolean {
  return compareLocalDates(period.firstDay, period.lastDay) !== 0;
}
