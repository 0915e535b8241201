// Quiet hours as instants: the local window (e.g. 23:00–08:00, across midnight) that contains a moment, in the
// chat's zone and DST-correct, and "night" for the silence alert when a chat has no quiet hours of its own.
import { TZDate } from '@date-fns/tz';
import { addLocalDays, localDateOf, type LocalDate, type TimeRange } from './calendar.js';

/** Without quiet hours of its own, a chat's night for the silence alert. */
export const DEFAULT_NIGHT = { from: '22:00', to: '08:00' } as const;

/** The instant a local date shows `HH:MM` (a time skipped by DST moves forward, as clocks do). */
function atLocalTime(date: LocalDate, hhmm: string, timeZone: string): Date {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return new Date(new TZDate(date.year, date.month - 1, date.day, h, m, 0, timeZone).getTime());
}

/** The quiet window [from, to) that `now` falls in, or null when it falls in none (or the window is empty). */
export function quietWindowAt(hours: { from: string; to: string }, now: Date, timeZone: string): TimeRange | null {
  if (hours.from === hours.to) return null;
  const today = localDateOf(now, timeZone);
  const acrossMidnight = hours.to < hours.from;
  // A window that began yesterday may still be running; one that begins today may have begun.
  for (const startDay of [addLocalDays(today, -1), today]) {
    const from = atLocalTime(startDay, hours.from, timeZone);
    const to = atLocalTime(acrossMidnight ? addLocalDays(startDay, 1) : startDay, hours.to, timeZone);
    if (now.getTime() >= from.getTime() && now.getTime() < to.getTime()) return { from, to };
  }
  return null;
}

/** `23:00-08:00`, `23-8`, `23.00–8.00`: the two times of a window as typed; null when it is not one. */
export function parseQuietWindow(input: string, parseTime: (s: string) => { hour: number; minute: number } | null): { from: string; to: string } | null {
  const parts = input.split(/\s*[-–—]\s*|\s+(?:to|до)\s+/);
  if (parts.length !== 2) return null;
  const [from, to] = parts.map((p) => parseTime(p));
  if (!from || !to) return null;
  const hhmm = (t: { hour: number; minute: number }) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  const window = { from: hhmm(from), to: hhmm(to) };
  return window.from === window.to ? null : window;
}
