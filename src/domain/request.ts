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
export type ReadResult = { ok: true; request: Request; statusWords: string | null } | { ok: false; error: RequestError; span: [number, number] };

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
function readRequest(text: string, ctx: RequestContext): ReadResult {
  return new RequestReader(text, ctx).read();
}

/**
 * One parse's state. A class rather than closures inside readRequest: a closure made per call costs
 * (tsx names each one), and parsing is on every message's path.
 */
class RequestReader {
  private readonly toks: Token[];
  private readonly chunks: Chunk[];
  private readonly clock: Clock;
  private readonly today: LocalDate;
  private period: Period | null = null;
  private status: { word: StatusWord; start: number; end: number } | null = null;
  private softPaid = false;
  private summary = false;
  private readonly goods: string[] = [];
  private goodsWord: Token | null = null;
  private goodsNamed = false;
  private lookup: { request: Request; start: number; end: number } | null = null;
  private buyerWord: Token | null = null;
  private filtered: { start: number; end: number } | null = null;

  constructor(
    private readonly text: string,
    private readonly ctx: RequestContext,
  ) {
    const { tokens, chunks } = tokenize(text);
    this.toks = tokens.filter((t) => !(t.t === 'word' && t.meaning?.is === 'filler'));
    this.chunks = chunks;
    this.clock = { now: ctx.now, timeZone: ctx.timeZone };
    this.today = localDateOf(ctx.now, ctx.timeZone);
  }

  private fail(code: RequestErrorCode, start: number, end: number, extra: Partial<RequestError> = {}): Fail {
    return { ok: false, error: { code, fragment: cut(this.text.slice(start, end)), ...extra }, span: [start, end] };
  }

  private meaningAt(i: number): Meaning | null {
    const tok = this.toks[i];
    return tok?.t === 'word' ? tok.meaning : null;
  }

  private is(i: number, what: Meaning['is']): boolean {
    return this.meaningAt(i)?.is === what;
  }

  private setStatus(word: StatusWord, start: number, end: number, before: number): Fail | null {
    if (this.status && this.status.word !== word) {
      // "все оплаченные" / "all paid": "all" right before another this.status only stresses it.
      if (this.status.word === 'all' && before === this.status.end) {
        this.status = { word, start: this.status.start, end };
        return null;
      }
      return this.fail('conflicting-status', this.status.start, end);
    }
    this.status = { word, start: this.status?.start ?? start, end };
    return null;
  }

  // ----- periods -----

  private found(next: number, r: Period | PeriodProblem, start: number, end: number): Found {
    return typeof r === 'string' ? { next, problem: r, span: [start, end] } : { next, period: r };
  }

  private unitAt(i: number): Unit | null {
    const m = this.meaningAt(i);
    return m?.is === 'unit' ? m.unit : null;
  }
  private yearAt(i: number): number | null {
    const tok = this.toks[i];
    return tok?.t === 'num' && tok.digits.length === 4 ? tok.n : null;
  }
  private dayNumberAt(i: number): number | null {
    const tok = this.toks[i];
    return tok?.t === 'num' && tok.digits.length <= 2 && tok.n >= 1 && tok.n <= 31 && this.unitAt(i + 1) === null ? tok.n : null;
  }
  private monthAt(i: number): number | null {
    const m = this.meaningAt(i);
    return m?.is === 'month' ? m.month : null;
  }
  /** "2025", "2025 год", "2025 г." after a month or a quarter; returns the index after it. */
  private optionalYear(i: number): [number | null, number] {
    const y = this.yearAt(i);
    if (y === null) return [null, i];
    return [y, this.unitAt(i + 1) === 'year' ? i + 2 : i + 1];
  }

  private readPoint(i: number): { point: Point; next: number } | null {
    const tok = this.toks[i];
    if (!tok) return null;
    const start = tok.start;
    if (tok.t === 'date') return this.point(start, { ...tok.date, fixed: null }, i + 1);
    const m = this.meaningAt(i);
    if (m?.is === 'relativeDay') {
      // "вчерашний день", "this day": the day word adds nothing.
      const next = this.unitAt(i + 1) === 'day' && !(this.meaningAt(i + 1) as { short?: true }).short ? i + 2 : i + 1;
      return this.point(start, { day: null, month: null, year: null, fixed: addLocalDays(this.today, m.offset) }, next);
    }
    if (m?.is === 'which' && (m.which === 'last' || m.which === 'this') && this.meaningAt(i + 1)?.is === 'weekday') {
      const wd = this.meaningAt(i + 1) as { weekday: number };
      return this.point(start, { day: null, month: null, year: null, fixed: latestWeekday(wd.weekday, this.today, m.which === 'last') }, i + 2);
    }
    if (m?.is === 'weekday') return this.point(start, { day: null, month: null, year: null, fixed: latestWeekday(m.weekday, this.today, false) }, i + 1);
    const day = this.dayNumberAt(i);
    if (day !== null) {
      const month = this.monthAt(i + 1);
      if (month === null) return this.point(start, { day, month: null, year: null, fixed: null }, i + 1);
      const [year, next] = this.optionalYear(i + 2);
      return this.point(start, { day, month, year, fixed: null }, next);
    }
    const month = this.monthAt(i);
    if (month !== null) {
      const d = this.dayNumberAt(i + 1);
      if (d !== null) {
        const [year, next] = this.optionalYear(i + 2);
        return this.point(start, { day: d, month, year, fixed: null }, next);
      }
      const [year, next] = this.optionalYear(i + 1);
      return this.point(start, { day: null, month, year, fixed: null }, next);
    }
    return null;
  }

  /** "25 ноября", "Nov 25", "ноябрь 2025", "с 1 по 15 ноября", "from Oct 25 to Nov 5", "с 1 ноября". */
  private readDates(i: number): Found | null {
    const lead = this.meaningAt(i);
    const led = lead?.is === 'from' || lead?.is === 'between';
    const j = led ? i + 1 : i;
    const a = this.readPoint(j);
    if (!a) return null;
    const start = this.toks[i]!.start;
    const sep = this.toks[a.next];
    const isSep = sep !== undefined && (sep.t === 'dash' || this.is(a.next, 'to') || (lead?.is === 'between' && this.is(a.next, 'and')));
    if (isSep) {
      const b = this.readPoint(a.next + 1);
      if (b) {
        const end = this.toks[b.next - 1]!.end;
        const span = resolveRange(a.point, b.point, this.today);
        if (typeof span === 'string') return { next: b.next, problem: span, span: [start, end] };
        if ('bad' in span) return { next: b.next, problem: 'impossible-date', span: [span.bad.start, span.bad.end] };
        return this.found(b.next, daySpan({ kind: 'range' }, span[0], span[1], this.clock), start, end);
      }
    }
    const p = a.point;
    const end = this.toks[a.next - 1]!.end;
    if (p.fixed === null && p.month === null) return null; // a bare day number this.is no date
    if (lead?.is === 'from' && (lead.since || p.fixed === null)) {
      const first = resolvePoint(p, this.today);
      if ('bad' in first) return { next: a.next, problem: 'impossible-date', span: [start, end] };
      return this.found(a.next, daySpan({ kind: 'range' }, first, this.today, this.clock), start, end);
    }
    if (p.fixed) {
      const offset = daysBetween(this.today, p.fixed);
      const fromWords = this.toks[j]?.t === 'word' && this.meaningAt(j)?.is === 'relativeDay';
      return this.found(a.next, fromWords ? relativeDay(offset, this.clock) : daySpan({ kind: 'day' }, p.fixed, p.fixed, this.clock), p.start, end);
    }
    if (p.day === null) {
      const month = p.month!;
      const year = p.year ?? latestYearOfMonth(month, this.today);
      return this.found(a.next, wholeMonth(year, month, this.clock), p.start, end);
    }
    const day = resolvePoint(p, this.today);
    if ('bad' in day) return { next: a.next, problem: 'impossible-date', span: [p.start, end] };
    return this.found(a.next, daySpan({ kind: 'day' }, day, day, this.clock), p.start, end);
  }

  /** "Q3", "Q3 2026", "3 квартал", "3-й квартал 2026 года". */
  private readQuarter(i: number): Found | null {
    const tok = this.toks[i];
    if (!tok) return null;
    let q: number | null = null;
    let next = i;
    if (this.unitAt(i) === 'quarter' && this.toks[i + 1]?.t === 'num') {
      q = (this.toks[i + 1] as { n: number }).n;
      next = i + 2;
    } else if (tok.t === 'num' && tok.digits.length === 1 && this.unitAt(i + 1) === 'quarter') {
      q = tok.n;
      next = i + 2;
    } else if (this.meaningAt(i)?.is === 'numeral' && this.unitAt(i + 1) === 'quarter' && (this.meaningAt(i) as { n: number }).n <= 4) {
      q = (this.meaningAt(i) as { n: number }).n;
      next = i + 2;
    }
    if (q === null) return null;
    const [year, after] = this.optionalYear(next);
    const end = this.toks[after - 1]!.end;
    if (q < 1 || q > 4) return { next: after, problem: 'impossible-date', span: [tok.start, end] };
    return this.found(after, wholeQuarter(year ?? latestYearOfQuarter(q, this.today), q, this.clock), tok.start, end);
  }

  /** "7d", "7 дней", "last 7 days", "последние 3 дня", "2 недели", "пару дней". */
  private readRolling(i: number): Found | null {
    const m = this.meaningAt(i);
    const which = m?.is === 'which' ? m.which : null;
    const j = which === null ? i : i + 1;
    const tok = this.toks[j];
    const count = tok?.t === 'num' ? tok.n : this.meaningAt(j)?.is === 'numeral' ? (this.meaningAt(j) as { n: number }).n : null;
    const unit = this.unitAt(j + 1);
    if (count === null || unit === null || unit === 'quarter') return null;
    // "2025 год" this.is a year, not 2025 years.
    if (tok?.t === 'num' && (tok.digits.length > 4 || (tok.digits.length === 4 && unit === 'year'))) return null;
    if (which === 'this') return null;
    const start = this.toks[i]!.start;
    const end = this.toks[j + 1]!.end;
    if (count === 0) return { next: j + 2, problem: 'unknown-word', span: [this.toks[j]!.start, end] };
    if (which === 'next') return { next: j + 2, problem: 'future-range', span: [start, end] };
    return this.found(j + 2, rollingDays(count * ROLLING_DAYS[unit], this.clock), start, end);
  }

  /** "эта неделя", "прошлый месяц", "last quarter", "this year", "последняя неделя", bare "неделя". */
  private readNamed(i: number): Found | null {
    const m = this.meaningAt(i);
    const which = m?.is === 'which' ? m.which : null;
    const j = which === null ? i : i + 1;
    const u = this.meaningAt(j);
    const start = this.toks[i]!.start;
    if (u?.is === 'unit' && (!u.short || which !== null)) {
      const end = this.toks[j]!.end;
      const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      if (which === 'recent' || u.unit === 'halfYear') {
        if (which === 'next') return { next: j + 1, problem: 'future-range', span: [start, end] };
        return this.found(j + 1, rollingDays(ROLLING_DAYS[u.unit], this.clock), start, end);
      }
      switch (u.unit) {
        case 'day':
          return this.found(j + 1, relativeDay(offset, this.clock), start, end);
        case 'week':
          return this.found(j + 1, calendarWeek(offset, this.clock), start, end);
        case 'month':
          return this.found(j + 1, calendarMonth(offset, this.clock), start, end);
        case 'quarter':
          return this.found(j + 1, calendarQuarter(offset, this.clock), start, end);
        case 'year': {
          const r = wholeYear(this.today.year + offset, this.clock);
          return this.found(j + 1, r, start, end);
        }
      }
    }
    if (u?.is === 'month' && (which === 'last' || which === 'this' || which === 'next')) {
      // "last November": the latest November before the current month; "this November": this year's.
      const [year, next] = this.optionalYear(j + 1);
      const end = this.toks[next - 1]!.end;
      let y = year ?? (which === 'last' ? latestYearOfMonth(u.month, addLocalDays({ ...this.today, day: 1 }, -1)) : this.today.year);
      if (which === 'next' && year === null) y = u.month > this.today.month ? this.today.year : this.today.year + 1;
      return this.found(next, wholeMonth(y, u.month, this.clock), start, end);
    }
    return null;
  }

  /** "2025", "2025 год", "за 2025 год". */
  private readYear(i: number): Found | null {
    const y = this.yearAt(i);
    if (y === null) return null;
    const next = this.unitAt(i + 1) === 'year' ? i + 2 : i + 1;
    const end = this.toks[next - 1]!.end;
    if (y < 1900 || y > 2200) return null;
    return this.found(next, wholeYear(y, this.clock), this.toks[i]!.start, end);
  }

  private readPeriod(i: number): Found | null {
    return this.readQuarter(i) ?? this.readRolling(i) ?? this.readDates(i) ?? this.readNamed(i) ?? this.readYear(i);
  }

  private point(start: number, p: Omit<Point, 'start' | 'end'>, next: number): { point: Point; next: number } {
    return { point: { ...p, start, end: this.toks[next - 1]!.end }, next };
  }

  // ----- the pass -----

  read(): ReadResult {
    for (let i = 0; i < this.toks.length; ) {
      const tok = this.toks[i]!;
      const p = this.readPeriod(i);
      if (p) {
        const start = tok.start;
        const end = this.toks[p.next - 1]!.end;
        if ('problem' in p) return this.fail(p.problem, p.span[0], p.span[1]);
        if (this.period) return this.fail('two-periods', start, end);
        this.period = p.period;
        this.filtered ??= { start, end };
        i = p.next;
        continue;
      }

      if (tok.t === 'email' || tok.t === 'phone' || tok.t === 'orderId' || (tok.t === 'hash' && this.toks[i + 1]?.t === 'num')) {
        const request: Request =
          tok.t === 'email'
            ? { kind: 'buyer', email: tok.email }
            : tok.t === 'phone'
              ? { kind: 'buyer', phone: `${tok.plus ? '+' : ''}${tok.phone}` }
              : tok.t === 'orderId'
                ? { kind: 'order', id: tok.id }
                : { kind: 'order', id: (this.toks[i + 1] as { digits: string }).digits };
        const next = tok.t === 'hash' ? i + 2 : i + 1;
        if (this.lookup) return this.fail('mixed-request', tok.start, this.toks[next - 1]!.end);
        this.lookup = { request, start: tok.start, end: this.toks[next - 1]!.end };
        i = next;
        continue;
      }

      if (tok.t !== 'word') {
        if (tok.t === 'dash' || tok.t === 'hash') {
          i++;
          continue;
        }
        return this.fail('unknown-word', tok.start, tok.end);
      }

      const m = tok.meaning;
      if (m === null) {
        // A run of words that are no grammar: a product's name, or not understood.
        let j = i;
        while (this.toks[j]?.t === 'word' && (this.toks[j] as { meaning: Meaning | null }).meaning === null) j++;
        const run = this.toks.slice(i, j) as (Token & { t: 'word' })[];
        const named = this.nameProducts(run);
        if (!named.ok) return named;
        this.goods.push(...named.ids);
        this.goodsNamed = true;
        this.filtered ??= { start: tok.start, end: this.toks[j - 1]!.end };
        i = j;
        continue;
      }

      switch (m.is) {
        case 'status': {
          const problem = this.setStatus(m.status, tok.start, tok.end, this.toks[i - 1]?.end ?? -1);
          if (problem) return problem;
          this.filtered ??= { start: tok.start, end: tok.end };
          break;
        }
        case 'not': {
          const next = this.meaningAt(i + 1);
          if ((next?.is === 'status' && next.status === 'paid') || next?.is === 'payment') {
            const problem = this.setStatus('unpaid', tok.start, this.toks[i + 1]!.end, this.toks[i - 1]?.end ?? -1);
            if (problem) return problem;
            this.filtered ??= { start: tok.start, end: this.toks[i + 1]!.end };
            i += 2;
            continue;
          }
          break;
        }
        case 'payment':
          this.softPaid = true;
          break;
        case 'summary':
          this.summary = true;
          break;
        case 'revenue': {
          this.summary = true;
          const problem = this.setStatus('paid', tok.start, tok.end, this.toks[i - 1]?.end ?? -1);
          if (problem) return problem;
          break;
        }
        case 'order': {
          const next = this.toks[i + 1];
          const id = next?.t === 'num' ? next.digits : next?.t === 'orderId' ? next.id : next?.t === 'phone' && !next.plus ? next.phone : null;
          const hashed = next?.t === 'hash' && this.toks[i + 2]?.t === 'num' ? (this.toks[i + 2] as { digits: string }).digits : null;
          if (id !== null || hashed !== null) {
            const after = hashed !== null ? i + 3 : i + 2;
            if (this.lookup) return this.fail('mixed-request', tok.start, this.toks[after - 1]!.end);
            this.lookup = { request: { kind: 'order', id: (id ?? hashed)! }, start: tok.start, end: this.toks[after - 1]!.end };
            i = after;
            continue;
          }
          break;
        }
        case 'buyer':
          this.buyerWord ??= tok;
          break;
        case 'goods': {
          this.goodsWord = tok;
          this.filtered ??= { start: tok.start, end: tok.end };
          const taken = this.goodsIds(tok, i);
          this.goods.push(...taken.ids);
          if (taken.ids.length > 0) {
            i = taken.next;
            continue;
          }
          if (
            taken.next > i + 1 ||
            !(this.ctx.catalog && this.toks[i + 1]?.t === 'word' && (this.toks[i + 1] as { meaning: Meaning | null }).meaning === null)
          ) {
            return this.fail('goods-without-ids', tok.start, tok.end);
          }
          break;
        }
        case 'unit':
        case 'numeral':
        case 'which':
        case 'weekday':
        case 'relativeDay':
        case 'month': {
          // "прошлую неделб": the word that stopped "прошлую" from meaning something this.is the one to name.
          const next = this.toks[i + 1];
          if (next?.t === 'word' && next.meaning === null) return this.fail('unknown-word', next.start, next.end);
          return this.fail('unknown-word', tok.start, tok.end);
        }
        default:
          // from/to/between/and outside a range are fillers.
          break;
      }
      i++;
    }

    if (this.lookup) {
      if (this.filtered) return this.fail('mixed-request', this.filtered.start, this.filtered.end);
      return { ok: true, request: this.lookup.request, statusWords: null };
    }
    if (this.buyerWord) return this.fail('buyer-without-contact', this.buyerWord.start, this.buyerWord.end);
    if (this.goodsWord && this.goods.length === 0 && !this.goodsNamed) return this.fail('goods-without-ids', this.goodsWord.start, this.goodsWord.end);

    const s = this.status as { word: StatusWord; start: number; end: number } | null;
    const word = s?.word ?? (this.softPaid ? 'paid' : 'all');
    const request: OrdersRequest = {
      kind: 'orders',
      period: this.period ?? (relativeDay(0, this.clock) as Period),
      list: word === 'paid' ? 'paid' : 'created',
      status: word === 'paid' || word === 'all' ? null : word,
      goods: [...new Set(this.goods)],
      focus: this.summary ? 'summary' : 'list',
    };
    return { ok: true, request, statusWords: s && s.word !== 'all' && s.word !== 'paid' ? this.text.slice(s.start, s.end) : null };
  }

  // ----- this.goods -----

  /** "goods 12,14", "товары 12, 14 15": the whitespace this.chunks after the word that look like ids (as before). */
  private goodsIds(word: Token, i: number): { ids: string[]; next: number } {
    const ids: string[] = [];
    let c = word.chunk + 1;
    const lastOfChunk = this.toks.findLastIndex((t) => t.chunk === word.chunk);
    if (lastOfChunk !== i) return { ids, next: i + 1 };
    while (c < this.chunks.length && looksLikeGoodsIds(this.chunks[c]!, this.ctx)) {
      ids.push(...this.chunks[c]!.text.split(',').filter((id) => id !== ''));
      c++;
    }
    let next = i + 1;
    while (next < this.toks.length && this.toks[next]!.chunk < c) next++;
    return { ids, next: Math.max(next, c > word.chunk + 1 ? next : i + 1) };
  }

  private nameProducts(run: (Token & { t: 'word' })[]): { ok: true; ids: string[] } | Fail {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    if (!this.ctx.catalog || this.ctx.catalog.length === 0) return this.fail('unknown-word', first.start, first.end);
    const whole = matchProducts(
      run.map((w) => w.norm),
      this.ctx.catalog,
    );
    if (whole.length === 1) return { ok: true, ids: [whole[0]!.id] };
    if (whole.length > 1) return this.fail('ambiguous-product', first.start, last.end, { candidates: whole.map((p) => ({ ...p })) });
    // No product fits all the words: each word on its own, so that the one not understood this.is named.
    const ids: string[] = [];
    for (const w of run) {
      const one = matchProducts([w.norm], this.ctx.catalog);
      if (one.length === 0) return this.fail('unknown-word', w.start, w.end);
      if (one.length > 1) return this.fail('ambiguous-product', w.start, w.end, { candidates: one.map((p) => ({ ...p })) });
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
