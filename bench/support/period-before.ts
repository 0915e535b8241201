// A frozen copy of the /orders grammar as it was before parseRequest (src/domain/period.ts at 4ffdd12),
// kept only so that the phrase benchmark can time today's parser beside the new one on the same corpus.
import type { OrdersQuery } from '../../src/justclick/types.js';
import {
  addLocalDays,
  compareLocalDates,
  daysBetween,
  isRealDate,
  isoWeekday,
  localDateOf,
  localDay,
  startOfLocalDay,
  type LocalDate,
} from './calendar-before.js';

/** The longest period one command may ask for, in local days. */
const MAX_PERIOD_DAYS = 366;

/**
 * What the user meant, kept for the answer's header. `from`/`to` are the instants asked for
 * (a `to` in the future is clamped to now); `firstDay`/`lastDay` are the local days covered, inclusive.
 * `rolling` is the last `days` × 24 hours up to now: a window of elapsed time, not of calendar days.
 */
export type Period = {
  from: Date;
  to: Date;
  firstDay: LocalDate;
  lastDay: LocalDate;
} & ({ kind: 'today' | 'yesterday' | 'week' | 'month' | 'day' | 'range' } | { kind: 'rolling'; days: number });

export type PeriodErrorCode =
  | 'unknown-word' // a word that is none of the period, filter or goods words
  | 'impossible-date' // 31.02, 2026-13-01, a year before 2000
  | 'reversed-range' // 15.11-01.11
  | 'future-range' // a date or range that starts after now
  | 'range-too-long' // more than MAX_PERIOD_DAYS days
  | 'goods-without-ids' // "goods" with nothing after it
  | 'two-periods' // "today week"
  | 'paid-and-all'; // "paid all"

export interface PeriodError {
  code: PeriodErrorCode;
  /** The words as the user typed them (at most 64 characters). */
  fragment: string;
}

export type ParseResult = { ok: true; value: { query: OrdersQuery; period: Period } } | { ok: false; error: PeriodError };

const DAY_MS = 86_400_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const HALF_YEAR_DAYS = 183;

type Keyword = 'today' | 'yesterday' | 'week' | 'month' | 'paid' | 'all' | 'goods';

/** A Map, not an object literal: "constructor" typed by a user must not find Object.prototype. */
// biome-ignore format: one word and its meaning, a pair per word
const WORDS = new Map<string, Keyword>([
  ['today', 'today'], ['сегодня', 'today'],
  ['yesterday', 'yesterday'], ['вчера', 'yesterday'],
  ['week', 'week'], ['неделя', 'week'], ['неделю', 'week'],
  ['month', 'month'], ['месяц', 'month'],
  ['paid', 'paid'], ['оплаченные', 'paid'], ['оплаченных', 'paid'], ['оплачено', 'paid'], ['оплачен', 'paid'],
  ['all', 'all'], ['все', 'all'], ['всё', 'all'],
  ['goods', 'goods'], ['good', 'goods'], ['товар', 'goods'], ['товары', 'goods'], ['товаров', 'goods'],
]);

const DATE_SRC = String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2}))?`;
const RANGE_SEP_SRC = String.raw`\.\.|…|[-–—]`;
/** One token: a range (which may contain spaces around its separator, "01.11 - 15.11") or a run of non-spaces. */
const TOKEN_RE = new RegExp(String.raw`(?:${DATE_SRC})\s*(?:${RANGE_SEP_SRC})\s*(?:${DATE_SRC})(?=\s|$)|\S+`, 'gu');
const DATE_RE = new RegExp(`^(?:${DATE_SRC})$`, 'u');
const RANGE_RE = new RegExp(String.raw`^(${DATE_SRC})\s*(?:${RANGE_SEP_SRC})\s*(${DATE_SRC})$`, 'u');
const ROLLING_RE = /^(\d{1,4})(?:d|д)$/u;
/** JustClick product ids are short codes; anything else after "goods" is not an id. */
const GOODS_ID_RE = /^[\p{L}\p{N}_.-]{1,64}$/u;

type Fail = { ok: false; error: PeriodError };

/** A date as typed: the year is missing for "01.11". */
interface TypedDate {
  year: number | null;
  month: number;
  day: number;
}

interface Ctx {
  now: Date;
  timeZone: string;
}

const fail = (code: PeriodErrorCode, fragment: string): Fail => ({
  ok: false,
  error: { code, fragment: Array.from(fragment).slice(0, 64).join('') },
});

/**
 * Parses what follows /orders or /export: `[period] [paid|all] [goods <id>[,<id>...]]`, in any order,
 * any case, English or Russian. Defaults: today, all orders, every product. Never throws on any text.
 */
export function parseOrdersArgs(text: string, ctx: Ctx): ParseResult {
  let period: Period | null = null;
  let filter: { paidOnly: boolean; word: string } | null = null;
  const goods: string[] = [];

  const tokens = Array.from(text.matchAll(TOKEN_RE), (m) => m[0]);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const word = WORDS.get(token.toLowerCase());

    if (word === 'paid' || word === 'all') {
      const paidOnly = word === 'paid';
      if (filter && filter.paidOnly !== paidOnly) return fail('paid-and-all', `${filter.word} ${token}`);
      filter = { paidOnly, word: token };
      continue;
    }

    if (word === 'goods') {
      const ids: string[] = [];
      while (i + 1 < tokens.length && looksLikeGoodsIds(tokens[i + 1] as string)) {
        i++;
        ids.push(...(tokens[i] as string).split(',').filter((id) => id !== ''));
      }
      if (ids.length === 0) return fail('goods-without-ids', token);
      goods.push(...ids);
      continue;
    }

    const parsed = word ? namedPeriod(word, ctx) : datePeriod(token, ctx);
    if (parsed === null) return fail('unknown-word', token);
    if ('ok' in parsed) return parsed;
    if (period) return fail('two-periods', token);
    period = parsed;
  }

  period ??= namedPeriod('today', ctx);
  return {
    ok: true,
    value: {
      query: { from: period.from, to: period.to, paidOnly: filter?.paidOnly ?? false, goods: [...new Set(goods)] },
      period,
    },
  };
}

/** "12", "12,14", "12," ",14" and a lone "," continue a goods list; keywords and dates end it. */
function looksLikeGoodsIds(token: string): boolean {
  if (WORDS.has(token.toLowerCase()) || DATE_RE.test(token) || RANGE_RE.test(token) || ROLLING_RE.test(token.toLowerCase())) {
    return false;
  }
  return token
    .split(',')
    .filter((id) => id !== '')
    .every((id) => GOODS_ID_RE.test(id));
}

function namedPeriod(word: 'today' | 'yesterday' | 'week' | 'month', { now, timeZone }: Ctx): Period {
  const today = localDateOf(now, timeZone);
  switch (word) {
    case 'today':
      return { kind: 'today', from: startOfLocalDay(today, timeZone), to: now, firstDay: today, lastDay: today };
    case 'yesterday': {
      const y = localDay(now, timeZone, -1);
      return { kind: 'yesterday', from: y.from, to: y.to, firstDay: y.date, lastDay: y.date };
    }
    case 'week': {
      const monday = addLocalDays(today, 1 - isoWeekday(today));
      return { kind: 'week', from: startOfLocalDay(monday, timeZone), to: now, firstDay: monday, lastDay: today };
    }
    case 'month': {
      const first = { year: today.year, month: today.month, day: 1 };
      return { kind: 'month', from: startOfLocalDay(first, timeZone), to: now, firstDay: first, lastDay: today };
    }
  }
}

/** A rolling window, a date or a range; null when the token is none of these. */
function datePeriod(token: string, ctx: Ctx): Period | Fail | null {
  const { now, timeZone } = ctx;
  const today = localDateOf(now, timeZone);

  const rolling = ROLLING_RE.exec(token.toLowerCase());
  if (rolling) {
    const days = Number(rolling[1]);
    if (days === 0) return null;
    if (days > MAX_PERIOD_DAYS) return fail('range-too-long', token);
    const from = new Date(now.getTime() - days * DAY_MS);
    return { kind: 'rolling', days, from, to: now, firstDay: localDateOf(from, timeZone), lastDay: today };
  }

  let first: LocalDate;
  let last: LocalDate;
  const range = RANGE_RE.exec(token);
  if (range) {
    const resolved = resolveRange(readDate(range[1] as string), readDate(range[2] as string), today, ctx);
    if (resolved === 'first') return fail('impossible-date', range[1] as string);
    if (resolved === 'last') return fail('impossible-date', range[2] as string);
    [first, last] = resolved;
  } else if (DATE_RE.test(token)) {
    const a = readDate(token);
    const day = a.year === null ? inThisOrLastYear(a, today, ctx) : { ...a, year: a.year };
    if (!day || !checkDate(day)) return fail('impossible-date', token);
    first = last = day;
  } else {
    return null;
  }

  if (compareLocalDates(first, last) > 0) return fail('reversed-range', token);
  if (daysBetween(first, last) + 1 > MAX_PERIOD_DAYS) return fail('range-too-long', token);
  const from = startOfLocalDay(first, timeZone);
  if (from.getTime() > now.getTime()) return fail('future-range', token);
  const end = startOfLocalDay(addLocalDays(last, 1), timeZone);
  const to = end.getTime() > now.getTime() ? now : end;
  const lastDay = compareLocalDates(last, today) > 0 ? today : last;
  return { kind: range ? 'range' : 'day', from, to, firstDay: first, lastDay };
}

/** "2026-11-01", "01.11.2026", "01.11.26", "01.11" (already matched by DATE_SRC) → its parts. */
function readDate(text: string): TypedDate {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dotted = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?$/.exec(text) ?? [];
  const y = dotted[3];
  const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
  return { year, month: Number(dotted[2]), day: Number(dotted[1]) };
}

function checkDate(d: LocalDate): boolean {
  return d.year >= MIN_YEAR && d.year <= MAX_YEAR && isRealDate(d);
}

/** A date typed without a year means this year, unless that day has not begun yet: then last year. */
function inThisOrLastYear(d: TypedDate, today: LocalDate, { now, timeZone }: Ctx): LocalDate | null {
  const thisYear = { year: today.year, month: d.month, day: d.day };
  if (!isRealDate(thisYear)) return null;
  if (startOfLocalDay(thisYear, timeZone).getTime() <= now.getTime()) return thisYear;
  return { ...thisYear, year: today.year - 1 };
}

/**
 * Fills in missing years: a yearless end takes the start's year, a yearless start the end's; when
 * both lack one, the start follows the single-date rule. A range typed without a year may cross New
 * Year ("20.12-05.01"), but only when it then spans at most half a year, so that a typo such as
 * "15.11-01.10" is reported as reversed rather than read as eleven months.
 */
function resolveRange(a: TypedDate, b: TypedDate, today: LocalDate, ctx: Ctx): [LocalDate, LocalDate] | 'first' | 'last' {
  let first: LocalDate;
  let last: LocalDate;
  if (a.year !== null) {
    first = { ...a, year: a.year };
    last = { ...b, year: b.year ?? a.year };
  } else if (b.year !== null) {
    last = { ...b, year: b.year };
    first = { ...a, year: b.year };
  } else {
    first = inThisOrLastYear(a, today, ctx) ?? { ...a, year: today.year };
    last = { ...b, year: first.year };
  }
  if (!checkDate(first)) return 'first';
  if (!checkDate(last)) return 'last';

  const yearMissing = a.year === null || b.year === null;
  if (yearMissing && compareLocalDates(last, first) < 0 && last.month < first.month) {
    const wrapped: [LocalDate, LocalDate] = b.year === null ? [first, { ...last, year: last.year + 1 }] : [{ ...first, year: first.year - 1 }, last];
    if (isRealDate(wrapped[0]) && isRealDate(wrapped[1]) && daysBetween(...wrapped) + 1 <= HALF_YEAR_DAYS) return wrapped;
  }
  return [first, last];
}
