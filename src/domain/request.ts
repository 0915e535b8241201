// What a seller asks in their own words ("сколько продаж вчера?", "refunds last month", "заказ 12345",
// "ivan@example.com") turned into one precise request, or into an error that names the words not understood.
import {
  calendarMonth,
  calendarQuarter,
  calendarWeek,
  daySpan,
  isAcceptedDate,
  lastDayOfMonth,
  latestWeekday,
  latestYearOfDay,
  latestYearOfMonth,
  latestYearOfQuarter,
  relativeDay,
  rollingDays,
  wholeMonth,
  wholeQuarter,
  wholeYear,
  type Clock,
  type Period,
  type PeriodProblem,
} from './calendar-periods.js';
import { addLocalDays, compareLocalDates, daysBetween, isRealDate, localDateOf, type LocalDate } from './calendar.js';
import type { Meaning, StatusWord, Unit } from './i18n/grammar.js';
import { matchProducts, type ProductTitle } from './product-names.js';
import { LEXICON, normalizeWord, tokenize, type Chunk, type Token, type TypedDate } from './phrase-tokens.js';
import { nearestPhrase } from './suggest.js';

export type { ProductTitle } from './product-names.js';

export interface RequestContext {
  now: Date;
  timeZone: string;
  /** The account's products; without it, a word that is no grammar word is not understood. */
  catalog?: readonly ProductTitle[];
}

export interface OrdersRequest {
  kind: 'orders';
  period: Period;
  /** `created`: orders created in the period; `paid`: orders paid in it (the period's revenue). */
  list: 'created' | 'paid';
  /** Of the orders created in the period, only those in this status. */
  status: 'unpaid' | 'cancelled' | 'refunded' | null;
  goods: string[];
  /** `summary` when the question asks for a number ("how many", "revenue"), `list` otherwise. */
  focus: 'list' | 'summary';
}

export type Request = OrdersRequest | { kind: 'order'; id: string } | { kind: 'buyer'; email: string } | { kind: 'buyer'; phone: string };

export type RequestErrorCode =
  | 'unknown-word' // a word that is no grammar word and no product's name
  | 'impossible-date' // 31.02, 2026-13-01, a year before 2000
  | 'reversed-range' // 15.11-01.11
  | 'future-range' // a date or range that starts after now: "tomorrow", "next week", "01.12.2027"
  | 'range-too-long' // more than MAX_PERIOD_DAYS days
  | 'two-periods' // "today week"
  | 'conflicting-status' // "paid unpaid", "paid all"
  | 'ambiguous-product' // a name several products share equally
  | 'goods-without-ids' // "goods" with nothing after it
  | 'mixed-request' // one order or buyer asked together with a period, a filter or another lookup
  | 'buyer-without-contact'; // "buyer" with no e-mail or phone

export interface RequestError {
  code: RequestErrorCode;
  /** The words as the user typed them (at most 64 characters). */
  fragment: string;
  /** The nearest phrase that is understood, the user's text with the unknown word replaced (checked by parsing it). */
  suggestion?: string;
  /** For ambiguous-product: the products the name fits equally well. */
  candidates?: ProductTitle[];
}

export type RequestResult = { ok: true; request: Request } | { ok: false; error: RequestError };

/** A parse without suggestions, with what the suggester and the /orders adapter need. */
export type ReadResult =
  | { ok: true; request: Request; statusWords: string | null }
  | { ok: false; error: RequestError; span: [number, number] };

/**
 * Parses a question or the words after /orders, in Russian or English, in any order and case.
 * Defaults: today, orders created, every status and product, a list. Never throws on any text.
 */
export function parseRequest(text: string, ctx: RequestContext): RequestResult {
  const read = readRequest(text, ctx);
  if (read.ok) return { ok: true, request: read.request };
  if (read.error.code !== 'unknown-word') return { ok: false, error: read.error };
  const suggestion = nearestPhrase(text, read.span, (t) => readRequest(t, ctx));
  return { ok: false, error: suggestion === undefined ? read.error : { ...read.error, suggestion } };
}

const FRAGMENT_MAX = 64;
const cut = (s: string) => Array.from(s).slice(0, FRAGMENT_MAX).join('');

/** How many days a rolling "N <unit>" covers; a month counts 30 days (the header shows the exact dates). */
const ROLLING_DAYS: Record<Unit, number> = { day: 1, week: 7, month: 30, quarter: 91, halfYear: 182, year: 365 };

type Fail = { ok: false; error: RequestError; span: [number, number] };
type Found = { next: number; period: Period } | { next: number; problem: PeriodProblem | 'unknown-word'; span: [number, number] };

/** A point of a range as typed: a day, a month, or a day the words already fix ("yesterday"). */
interface Point {
  day: number | null;
  month: number | null;
  year: number | null;
  fixed: LocalDate | null;
  start: number;
  end: number;
}

/** The parse proper: tokens in, request out, one left-to-right pass. */
export function readRequest(text: string, ctx: RequestContext): ReadResult {
  const { tokens, chunks } = tokenize(text);
  const toks = tokens.filter((t) => !(t.t === 'word' && t.meaning?.is === 'filler'));
  const clock: Clock = { now: ctx.now, timeZone: ctx.timeZone };
  const today = localDateOf(ctx.now, ctx.timeZone);
  const fail = (code: RequestErrorCode, start: number, end: number, extra: Partial<RequestError> = {}): Fail => ({
    ok: false,
    error: { code, fragment: cut(text.slice(start, end)), ...extra },
    span: [start, end],
  });
  const meaningAt = (i: number): Meaning | null => {
    const tok = toks[i];
    return tok?.t === 'word' ? tok.meaning : null;
  };
  const is = (i: number, what: Meaning['is']) => meaningAt(i)?.is === what;

  let period: Period | null = null;
  let status: { word: StatusWord; start: number; end: number } | null = null;
  let softPaid = false;
  let summary = false;
  const goods: string[] = [];
  let goodsWord: Token | null = null;
  let goodsNamed = false;
  let lookup: { request: Request; start: number; end: number } | null = null;
  let buyerWord: Token | null = null;
  let filtered: { start: number; end: number } | null = null;

  const setStatus = (word: StatusWord, start: number, end: number, before: number): Fail | null => {
    if (status && status.word !== word) {
      // "все оплаченные" / "all paid": "all" right before another status only stresses it.
      if (status.word === 'all' && before === status.end) {
        status = { word, start: status.start, end };
        return null;
      }
      return fail('conflicting-status', status.start, end);
    }
    status = { word, start: status?.start ?? start, end };
    return null;
  };

  // ----- periods -----

  const found = (next: number, r: Period | PeriodProblem, start: number, end: number): Found =>
    typeof r === 'string' ? { next, problem: r, span: [start, end] } : { next, period: r };

  const unitAt = (i: number): Unit | null => {
    const m = meaningAt(i);
    return m?.is === 'unit' ? m.unit : null;
  };
  const yearAt = (i: number): number | null => {
    const tok = toks[i];
    return tok?.t === 'num' && tok.digits.length === 4 ? tok.n : null;
  };
  const dayNumberAt = (i: number): number | null => {
    const tok = toks[i];
    return tok?.t === 'num' && tok.digits.length <= 2 && tok.n >= 1 && tok.n <= 31 && unitAt(i + 1) === null ? tok.n : null;
  };
  const monthAt = (i: number): number | null => {
    const m = meaningAt(i);
    return m?.is === 'month' ? m.month : null;
  };
  /** "2025", "2025 год", "2025 г." after a month or a quarter; returns the index after it. */
  const optionalYear = (i: number): [number | null, number] => {
    const y = yearAt(i);
    if (y === null) return [null, i];
    return [y, unitAt(i + 1) === 'year' ? i + 2 : i + 1];
  };

  function readPoint(i: number): { point: Point; next: number } | null {
    const tok = toks[i];
    if (!tok) return null;
    const start = tok.start;
    const point = (p: Omit<Point, 'start' | 'end'>, next: number) => ({ point: { ...p, start, end: toks[next - 1]!.end }, next });
    if (tok.t === 'date') return point({ ...tok.date, fixed: null }, i + 1);
    const m = meaningAt(i);
    if (m?.is === 'relativeDay') {
      // "вчерашний день", "this day": the day word adds nothing.
      const next = unitAt(i + 1) === 'day' && !(meaningAt(i + 1) as { short?: true }).short ? i + 2 : i + 1;
      return point({ day: null, month: null, year: null, fixed: addLocalDays(today, m.offset) }, next);
    }
    if (m?.is === 'which' && (m.which === 'last' || m.which === 'this') && meaningAt(i + 1)?.is === 'weekday') {
      const wd = meaningAt(i + 1) as { weekday: number };
      return point({ day: null, month: null, year: null, fixed: latestWeekday(wd.weekday, today, m.which === 'last') }, i + 2);
    }
    if (m?.is === 'weekday') return point({ day: null, month: null, year: null, fixed: latestWeekday(m.weekday, today, false) }, i + 1);
    const day = dayNumberAt(i);
    if (day !== null) {
      const month = monthAt(i + 1);
      if (month === null) return point({ day, month: null, year: null, fixed: null }, i + 1);
      const [year, next] = optionalYear(i + 2);
      return point({ day, month, year, fixed: null }, next);
    }
    const month = monthAt(i);
    if (month !== null) {
      const d = dayNumberAt(i + 1);
      if (d !== null) {
        const [year, next] = optionalYear(i + 2);
        return point({ day: d, month, year, fixed: null }, next);
      }
      const [year, next] = optionalYear(i + 1);
      return point({ day: null, month, year, fixed: null }, next);
    }
    return null;
  }

  /** "25 ноября", "Nov 25", "ноябрь 2025", "с 1 по 15 ноября", "from Oct 25 to Nov 5", "с 1 ноября". */
  function readDates(i: number): Found | null {
    const lead = meaningAt(i);
    const led = lead?.is === 'from' || lead?.is === 'between';
    const j = led ? i + 1 : i;
    const a = readPoint(j);
    if (!a) return null;
    const start = toks[i]!.start;
    const sep = toks[a.next];
    const isSep = sep !== undefined && (sep.t === 'dash' || is(a.next, 'to') || (lead?.is === 'between' && is(a.next, 'and')));
    if (isSep) {
      const b = readPoint(a.next + 1);
      if (b) {
        const end = toks[b.next - 1]!.end;
        const span = resolveRange(a.point, b.point, today);
        if (typeof span === 'string') return { next: b.next, problem: span, span: [start, end] };
        if ('bad' in span) return { next: b.next, problem: 'impossible-date', span: [span.bad.start, span.bad.end] };
        return found(b.next, daySpan({ kind: 'range' }, span[0], span[1], clock), start, end);
      }
    }
    const p = a.point;
    const end = toks[a.next - 1]!.end;
    if (p.fixed === null && p.month === null) return null; // a bare day number is no date
    if (lead?.is === 'from' && (lead.since || p.fixed === null)) {
      const first = resolvePoint(p, today);
      if ('bad' in first) return { next: a.next, problem: 'impossible-date', span: [start, end] };
      return found(a.next, daySpan({ kind: 'range' }, first, today, clock), start, end);
    }
    if (p.fixed) {
      const offset = daysBetween(today, p.fixed);
      const fromWords = toks[j]?.t === 'word' && meaningAt(j)?.is === 'relativeDay';
      return found(a.next, fromWords ? relativeDay(offset, clock) : daySpan({ kind: 'day' }, p.fixed, p.fixed, clock), p.start, end);
    }
    if (p.day === null) {
      const month = p.month!;
      const year = p.year ?? latestYearOfMonth(month, today);
      return found(a.next, wholeMonth(year, month, clock), p.start, end);
    }
    const day = resolvePoint(p, today);
    if ('bad' in day) return { next: a.next, problem: 'impossible-date', span: [p.start, end] };
    return found(a.next, daySpan({ kind: 'day' }, day, day, clock), p.start, end);
  }

  /** "Q3", "Q3 2026", "3 квартал", "3-й квартал 2026 года". */
  function readQuarter(i: number): Found | null {
    const tok = toks[i];
    if (!tok) return null;
    let q: number | null = null;
    let next = i;
    if (unitAt(i) === 'quarter' && toks[i + 1]?.t === 'num') {
      q = (toks[i + 1] as { n: number }).n;
      next = i + 2;
    } else if (tok.t === 'num' && tok.digits.length === 1 && unitAt(i + 1) === 'quarter') {
      q = tok.n;
      next = i + 2;
    } else if (meaningAt(i)?.is === 'numeral' && unitAt(i + 1) === 'quarter' && (meaningAt(i) as { n: number }).n <= 4) {
      q = (meaningAt(i) as { n: number }).n;
      next = i + 2;
    }
    if (q === null) return null;
    const [year, after] = optionalYear(next);
    const end = toks[after - 1]!.end;
    if (q < 1 || q > 4) return { next: after, problem: 'impossible-date', span: [tok.start, end] };
    return found(after, wholeQuarter(year ?? latestYearOfQuarter(q, today), q, clock), tok.start, end);
  }

  /** "7d", "7 дней", "last 7 days", "последние 3 дня", "2 недели", "пару дней". */
  function readRolling(i: number): Found | null {
    const m = meaningAt(i);
    const which = m?.is === 'which' ? m.which : null;
    const j = which === null ? i : i + 1;
    const tok = toks[j];
    const count = tok?.t === 'num' ? tok.n : meaningAt(j)?.is === 'numeral' ? (meaningAt(j) as { n: number }).n : null;
    const unit = unitAt(j + 1);
    if (count === null || unit === null || unit === 'quarter') return null;
    // "2025 год" is a year, not 2025 years.
    if (tok?.t === 'num' && (tok.digits.length > 4 || (tok.digits.length === 4 && unit === 'year'))) return null;
    if (which === 'this') return null;
    const start = toks[i]!.start;
    const end = toks[j + 1]!.end;
    if (count === 0) return { next: j + 2, problem: 'unknown-word', span: [toks[j]!.start, end] };
    if (which === 'next') return { next: j + 2, problem: 'future-range', span: [start, end] };
    return found(j + 2, rollingDays(count * ROLLING_DAYS[unit], clock), start, end);
  }

  /** "эта неделя", "прошлый месяц", "last quarter", "this year", "последняя неделя", bare "неделя". */
  function readNamed(i: number): Found | null {
    const m = meaningAt(i);
    const which = m?.is === 'which' ? m.which : null;
    const j = which === null ? i : i + 1;
    const u = meaningAt(j);
    const start = toks[i]!.start;
    if (u?.is === 'unit' && (!u.short || which !== null)) {
      const end = toks[j]!.end;
      const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      if (which === 'recent' || u.unit === 'halfYear') {
        if (which === 'next') return { next: j + 1, problem: 'future-range', span: [start, end] };
        return found(j + 1, rollingDays(ROLLING_DAYS[u.unit], clock), start, end);
      }
      switch (u.unit) {
        case 'day':
          return found(j + 1, relativeDay(offset, clock), start, end);
        case 'week':
          return found(j + 1, calendarWeek(offset, clock), start, end);
        case 'month':
          return found(j + 1, calendarMonth(offset, clock), start, end);
        case 'quarter':
          return found(j + 1, calendarQuarter(offset, clock), start, end);
        case 'year': {
          const r = wholeYear(today.year + offset, clock);
          return found(j + 1, r, start, end);
        }
      }
    }
    if (u?.is === 'month' && (which === 'last' || which === 'this' || which === 'next')) {
      // "last November": the latest November before the current month; "this November": this year's.
      const [year, next] = optionalYear(j + 1);
      const end = toks[next - 1]!.end;
      let y = year ?? (which === 'last' ? latestYearOfMonth(u.month, addLocalDays({ ...today, day: 1 }, -1)) : today.year);
      if (which === 'next' && year === null) y = u.month > today.month ? today.year : today.year + 1;
      return found(next, wholeMonth(y, u.month, clock), start, end);
    }
    return null;
  }

  /** "2025", "2025 год", "за 2025 год". */
  function readYear(i: number): Found | null {
    const y = yearAt(i);
    if (y === null) return null;
    const next = unitAt(i + 1) === 'year' ? i + 2 : i + 1;
    const end = toks[next - 1]!.end;
    if (y < 1900 || y > 2200) return null;
    return found(next, wholeYear(y, clock), toks[i]!.start, end);
  }

  const readPeriod = (i: number): Found | null => readQuarter(i) ?? readRolling(i) ?? readDates(i) ?? readNamed(i) ?? readYear(i);

  // ----- the pass -----

  for (let i = 0; i < toks.length; ) {
    const tok = toks[i]!;
    const p = readPeriod(i);
    if (p) {
      const start = tok.start;
      const end = toks[p.next - 1]!.end;
      if ('problem' in p) return fail(p.problem, p.span[0], p.span[1]);
      if (period) return fail('two-periods', start, end);
      period = p.period;
      filtered ??= { start, end };
      i = p.next;
      continue;
    }

    if (tok.t === 'email' || tok.t === 'phone' || tok.t === 'orderId' || (tok.t === 'hash' && toks[i + 1]?.t === 'num')) {
      const request: Request =
        tok.t === 'email'
          ? { kind: 'buyer', email: tok.email }
          : tok.t === 'phone'
            ? { kind: 'buyer', phone: `${tok.plus ? '+' : ''}${tok.phone}` }
            : tok.t === 'orderId'
              ? { kind: 'order', id: tok.id }
              : { kind: 'order', id: (toks[i + 1] as { digits: string }).digits };
      const next = tok.t === 'hash' ? i + 2 : i + 1;
      if (lookup) return fail('mixed-request', tok.start, toks[next - 1]!.end);
      lookup = { request, start: tok.start, end: toks[next - 1]!.end };
      i = next;
      continue;
    }

    if (tok.t !== 'word') {
      if (tok.t === 'dash' || tok.t === 'hash') {
        i++;
        continue;
      }
      return fail('unknown-word', tok.start, tok.end);
    }

    const m = tok.meaning;
    if (m === null) {
      // A run of words that are no grammar: a product's name, or not understood.
      let j = i;
      while (toks[j]?.t === 'word' && (toks[j] as { meaning: Meaning | null }).meaning === null) j++;
      const run = toks.slice(i, j) as (Token & { t: 'word' })[];
      const named = nameProducts(run);
      if (!named.ok) return named;
      goods.push(...named.ids);
      goodsNamed = true;
      filtered ??= { start: tok.start, end: toks[j - 1]!.end };
      i = j;
      continue;
    }

    switch (m.is) {
      case 'status': {
        const problem = setStatus(m.status, tok.start, tok.end, toks[i - 1]?.end ?? -1);
        if (problem) return problem;
        filtered ??= { start: tok.start, end: tok.end };
        break;
      }
      case 'not': {
        const next = meaningAt(i + 1);
        if (next?.is === 'status' && next.status === 'paid' || next?.is === 'payment') {
          const problem = setStatus('unpaid', tok.start, toks[i + 1]!.end, toks[i - 1]?.end ?? -1);
          if (problem) return problem;
          filtered ??= { start: tok.start, end: toks[i + 1]!.end };
          i += 2;
          continue;
        }
        break;
      }
      case 'payment':
        softPaid = true;
        break;
      case 'summary':
        summary = true;
        break;
      case 'revenue': {
        summary = true;
        const problem = setStatus('paid', tok.start, tok.end, toks[i - 1]?.end ?? -1);
        if (problem) return problem;
        break;
      }
      case 'order': {
        const next = toks[i + 1];
        const id =
          next?.t === 'num' ? next.digits : next?.t === 'orderId' ? next.id : next?.t === 'phone' && !next.plus ? next.phone : null;
        const hashed = next?.t === 'hash' && toks[i + 2]?.t === 'num' ? (toks[i + 2] as { digits: string }).digits : null;
        if (id !== null || hashed !== null) {
          const after = hashed !== null ? i + 3 : i + 2;
          if (lookup) return fail('mixed-request', tok.start, toks[after - 1]!.end);
          lookup = { request: { kind: 'order', id: (id ?? hashed)! }, start: tok.start, end: toks[after - 1]!.end };
          i = after;
          continue;
        }
        break;
      }
      case 'buyer':
        buyerWord ??= tok;
        break;
      case 'goods': {
        goodsWord = tok;
        filtered ??= { start: tok.start, end: tok.end };
        const taken = goodsIds(tok, i);
        goods.push(...taken.ids);
        if (taken.ids.length > 0) {
          i = taken.next;
          continue;
        }
        if (taken.next > i + 1 || !(ctx.catalog && toks[i + 1]?.t === 'word' && (toks[i + 1] as { meaning: Meaning | null }).meaning === null)) {
          return fail('goods-without-ids', tok.start, tok.end);
        }
        break;
      }
      case 'unit':
      case 'numeral':
      case 'which':
      case 'weekday':
      case 'relativeDay':
      case 'month': {
        // "прошлую неделб": the word that stopped "прошлую" from meaning something is the one to name.
        const next = toks[i + 1];
        if (next?.t === 'word' && next.meaning === null) return fail('unknown-word', next.start, next.end);
        return fail('unknown-word', tok.start, tok.end);
      }
      default:
        // from/to/between/and outside a range are fillers.
        break;
    }
    i++;
  }

  if (lookup) {
    if (filtered) return fail('mixed-request', filtered.start, filtered.end);
    return { ok: true, request: lookup.request, statusWords: null };
  }
  if (buyerWord) return fail('buyer-without-contact', buyerWord.start, buyerWord.end);
  if (goodsWord && goods.length === 0 && !goodsNamed) return fail('goods-without-ids', goodsWord.start, goodsWord.end);

  const s = status as { word: StatusWord; start: number; end: number } | null;
  const word = s?.word ?? (softPaid ? 'paid' : 'all');
  const request: OrdersRequest = {
    kind: 'orders',
    period: period ?? (relativeDay(0, clock) as Period),
    list: word === 'paid' ? 'paid' : 'created',
    status: word === 'paid' || word === 'all' ? null : word,
    goods: [...new Set(goods)],
    focus: summary ? 'summary' : 'list',
  };
  return { ok: true, request, statusWords: s && s.word !== 'all' && s.word !== 'paid' ? text.slice(s.start, s.end) : null };

  // ----- goods -----

  /** "goods 12,14", "товары 12, 14 15": the whitespace chunks after the word that look like ids (as before). */
  function goodsIds(word: Token, i: number): { ids: string[]; next: number } {
    const ids: string[] = [];
    let c = word.chunk + 1;
    const lastOfChunk = toks.findLastIndex((t) => t.chunk === word.chunk);
    if (lastOfChunk !== i) return { ids, next: i + 1 };
    while (c < chunks.length && looksLikeGoodsIds(chunks[c]!, ctx)) {
      ids.push(...chunks[c]!.text.split(',').filter((id) => id !== ''));
      c++;
    }
    let next = i + 1;
    while (next < toks.length && toks[next]!.chunk < c) next++;
    return { ids, next: Math.max(next, c > word.chunk + 1 ? next : i + 1) };
  }

  function nameProducts(run: (Token & { t: 'word' })[]): { ok: true; ids: string[] } | Fail {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    if (!ctx.catalog || ctx.catalog.length === 0) return fail('unknown-word', first.start, first.end);
    const whole = matchProducts(run.map((w) => w.norm), ctx.catalog);
    if (whole.length === 1) return { ok: true, ids: [whole[0]!.id] };
    if (whole.length > 1) return fail('ambiguous-product', first.start, last.end, { candidates: whole.map((p) => ({ ...p })) });
    // No product fits all the words: each word on its own, so that the one not understood is named.
    const ids: string[] = [];
    for (const w of run) {
      const one = matchProducts([w.norm], ctx.catalog);
      if (one.length === 0) return fail('unknown-word', w.start, w.end);
      if (one.length > 1) return fail('ambiguous-product', w.start, w.end, { candidates: one.map((p) => ({ ...p })) });
      ids.push(one[0]!.id);
    }
    return { ok: true, ids };
  }
}

/** JustClick product ids are short codes; anything else after "goods" is not an id. */
const GOODS_ID_RE = /^[\p{L}\p{N}_.-]{1,64}$/u;
const DATE_OR_RANGE_RE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)(?:(?:\.\.|…|[-–—]).*)?$/u;
const NUMBER_AND_WORD_RE = /^\d+(\p{L}+)$/u;

/** "12", "12,14", "12," ",14" and a lone "," continue a goods list; grammar words and dates end it. */
function looksLikeGoodsIds(chunk: Chunk, ctx: RequestContext): boolean {
  const norm = normalizeWord(chunk.text);
  if (LEXICON.has(norm) || DATE_OR_RANGE_RE.test(chunk.text)) return false;
  const unit = NUMBER_AND_WORD_RE.exec(norm);
  if (unit && LEXICON.get(unit[1]!)?.is === 'unit') return false;
  // With the account's products known, a word without digits is a product's name, not an id.
  if (ctx.catalog && ctx.catalog.length > 0 && !/\d/u.test(chunk.text)) return false;
  return chunk.text
    .split(',')
    .filter((id) => id !== '')
    .every((id) => GOODS_ID_RE.test(id));
}

/**
 * The two ends of a typed range as days. A missing month comes from the other end ("1-15 ноября",
 * "nov 1-15"); missing years as before: a yearless end takes the other end's year, and when both lack
 * one the start is its latest occurrence. Without years a range may cross New Year ("20.12-05.01"), but
 * only when it then spans at most half a year, so that "15.11-01.10" is reported as reversed.
 */
function resolveRange(a: Point, b: Point, today: LocalDate): [LocalDate, LocalDate] | PeriodProblem | { bad: Point } {
  const aMonth = a.month ?? b.month;
  const bMonth = b.month ?? a.month;
  if ((aMonth === null && a.fixed === null) || (bMonth === null && b.fixed === null)) return 'impossible-date';
  const typedA: TypedDate | null = a.fixed ? null : { year: a.year ?? null, month: aMonth!, day: a.day ?? 1 };
  const typedB: TypedDate | null = b.fixed ? null : { year: b.year ?? (a.fixed ? a.fixed.year : null), month: bMonth!, day: b.day ?? 1 };
  let first: LocalDate;
  let last: LocalDate;
  if (typedA === null) first = a.fixed!;
  else if (typedA.year !== null) first = { ...typedA, year: typedA.year };
  else if (typedB?.year != null) first = { ...typedA, year: typedB.year };
  else if (typedB === null) first = { ...typedA, year: latestYearOfDay(typedA.month, typedA.day, b.fixed!) };
  else first = { ...typedA, year: latestYearOfDay(typedA.month, typedA.day, today) };
  if (typedB === null) last = b.fixed!;
  else last = { ...typedB, year: typedB.year ?? first.year };
  if (b.fixed === null && b.day === null) last = lastDayOfMonth(last.year, last.month);
  if (!isAcceptedDate(first)) return { bad: a };
  if (!isAcceptedDate(last)) return { bad: b };

  const aNoYear = typedA !== null && a.year === null;
  const bNoYear = typedB !== null && b.year === null;
  if ((aNoYear || bNoYear) && compareLocalDates(last, first) < 0 && last.month < first.month) {
    const wrapped: [LocalDate, LocalDate] = bNoYear
      ? [first, b.day === null ? lastDayOfMonth(last.year + 1, last.month) : { ...last, year: last.year + 1 }]
      : [{ ...first, year: first.year - 1 }, last];
    if (isRealDate(wrapped[0]) && isRealDate(wrapped[1]) && daysBetween(...wrapped) + 1 <= 183) return wrapped;
  }
  return [first, last];
}

/** One typed point as a day: the first day of a month typed alone; a yearless day its latest occurrence. */
function resolvePoint(p: Point, today: LocalDate): LocalDate | { bad: Point } {
  if (p.fixed) return p.fixed;
  const month = p.month!;
  const day = p.day ?? 1;
  let year = p.year;
  if (year === null) {
    if (!isRealDate({ year: today.year, month, day })) return { bad: p };
    year = p.day === null ? latestYearOfMonth(month, today) : latestYearOfDay(month, day, today);
  }
  const d = { year, month, day };
  return isAcceptedDate(d) ? d : { bad: p };
}
