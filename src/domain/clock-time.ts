// A time of day as a seller types it ("9", "09.00", "9am", "9 утра", "21ч"): for the /digest schedule.
import { clockLeadWords, dayParts, hourWords, minuteWords, namedTimes } from './i18n/clock-time.js';

export interface ClockTime {
  hour: number;
  minute: number;
}

// The hour, then optionally a separator and two-digit minutes: 9 · 09:30 · 9.30 · 9-30 · 21ч30 · 9 часов 30.
const HOUR_AND_MINUTES = /^(\d{1,2})(?:\s*(?:[:.-]|часов|часа|час|ч|h)\s*(\d{2}))?(?!\d)/;

/**
 * The hour and minute `text` names on a 24-hour clock, or null when it names none or an impossible one
 * (25:00, 9:60, 13pm, 24:00: a digest at "24:00" is the next day's 00:00, which the seller should say).
 */
export function parseClockTime(text: string): ClockTime | null {
  let s = normalize(text);
  s = withoutLeadWord(s);
  const named = Object.hasOwn(namedTimes, s) ? namedTimes[s] : undefined;
  if (named) return { ...named };

  const m = HOUR_AND_MINUTES.exec(s);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (minute > 59) return null;

  let rest = s.slice(m[0].length).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  if (m[2] === undefined) rest = withoutWord(rest, hourWords);
  else rest = withoutWord(rest, minuteWords);
  if (rest === '') return hour <= 23 ? { hour, minute } : null;

  const part = dayParts.find((p) => p.words.includes(rest));
  if (!part) return null;
  const twelveHour = part.hours[hour];
  if (twelveHour !== undefined) return { hour: twelveHour, minute };
  if (part.takes24Hour && Object.values(part.hours).includes(hour)) return { hour, minute };
  return null;
}

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function withoutLeadWord(s: string): string {
  if (s.startsWith('@')) return s.slice(1).trim();
  for (const w of clockLeadWords) if (s.startsWith(`${w} `)) return s.slice(w.length + 1);
  return s;
}

function withoutWord(s: string, words: readonly string[]): string {
  for (const w of words) {
    if (s === w) return '';
    if (s.startsWith(`${w} `)) return s.slice(w.length + 1);
  }
  return s;
}
