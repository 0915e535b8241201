// Words a seller puts around a time of day ("9 утра", "9 pm", "21 час"), for /digest: data, not code paths.
// Written as the parser sees them: lower case, ё as е, no dots or apostrophes ("a.m." → "a m", "o'clock" → "oclock").

/**
 * A part of the day said after a 12-hour clock figure, and the 24-hour hour each figure means in it.
 * "12 ночи" is midnight and "12 дня" noon, as people say them; figures a part does not take
 * ("13 pm", "12 утра") are refused rather than guessed.
 */
export interface DayPart {
  words: readonly string[];
  hours: Readonly<Record<number, number>>;
  /** Russian parts also follow a 24-hour figure of their own span ("17 вечера"); am/pm never do ("13pm"). */
  takes24Hour: boolean;
}

const same = (from: number, to: number): Record<number, number> => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, from + i]));
const plus12 = (from: number, to: number): Record<number, number> =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, from + i + 12]));

export const dayParts: readonly DayPart[] = [
  { words: ['am', 'a m'], hours: { ...same(1, 11), 12: 0 }, takes24Hour: false },
  { words: ['pm', 'p m'], hours: { ...plus12(1, 11), 12: 12 }, takes24Hour: false },
  { words: ['утра', 'утром'], hours: same(1, 11), takes24Hour: true },
  { words: ['дня', 'днем'], hours: { 12: 12, ...plus12(1, 5) }, takes24Hour: true },
  { words: ['вечера', 'вечером'], hours: plus12(4, 11), takes24Hour: true },
  { words: ['ночи', 'ночью'], hours: { 12: 0, ...same(1, 4), ...plus12(10, 11) }, takes24Hour: true },
];

/** Whole-day words that stand for a time on their own. */
export const namedTimes: Readonly<Record<string, { hour: number; minute: number }>> = {
  noon: { hour: 12, minute: 0 },
  midday: { hour: 12, minute: 0 },
  полдень: { hour: 12, minute: 0 },
  midnight: { hour: 0, minute: 0 },
  полночь: { hour: 0, minute: 0 },
};

/** Said before a time: "в 9", "at 9", "к 9". */
export const clockLeadWords: readonly string[] = ['в', 'во', 'к', 'at', 'by', '@'];

/** Said after the hour: "21ч", "21 час", "9 o'clock". */
export const hourWords: readonly string[] = ['ч', 'час', 'часа', 'часов', 'h', 'hr', 'hrs', 'oclock'];

/** Said after the minutes: "21 ч 30 мин". */
export const minuteWords: readonly string[] = ['м', 'мин', 'минут', 'минуты', 'm', 'min', 'mins'];
