// parseRequest beyond periods: one order, one buyer, products by name, "Did you mean …?", the word
// tables themselves, the header names of the new periods, and that no text makes it throw.
import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf, startOfLocalDay } from '../../src/domain/calendar.js';
import { editDistance } from '../../src/domain/edit-distance.js';
import { describePeriod } from '../../src/domain/format/dates.js';
import { GRAMMAR, PHRASE_EXAMPLES } from '../../src/domain/i18n/grammar.js';
import { parseRequest, type RequestContext, type RequestResult } from '../../src/domain/request.js';

// Monday 30 Nov 2026, 14:00 in Moscow.
const now = new Date('2026-11-30T11:00:00Z');
const ctx: RequestContext = { now, timeZone: 'Europe/Moscow' };
const catalog = [
  { id: '11', title: 'Курс Python для начинающих' },
  { id: '13', title: 'Курс JavaScript' },
  { id: '12', title: 'Марафон продаж' },
  { id: '20', title: 'Consulting session' },
];

function request(text: string, c: RequestContext = ctx) {
  const r = parseRequest(text, c);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got ${r.error.code} "${r.error.fragment}"`);
  return r.request;
}

function refusal(text: string, c: RequestContext = ctx) {
  const r = parseRequest(text, c);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(r.request)}`);
  return r.error;
}

describe('one order and one buyer', () => {
  it.each([
    '#12345',
    'заказ 12345',
    'заказ №12345',
    'заказ № 12345',
    'order 12345',
    'order #12345',
    'Order no 12345',
    '/order 12345',
    'номер 12345',
    'покажи заказ 12345',
  ])('%s is order 12345', (text) => expect(request(text)).toEqual({ kind: 'order', id: '12345' }));

  it('plural "заказы 2025" is a year, singular "заказ 2025" an order', () => {
    expect(request('заказы 2025')).toMatchObject({ kind: 'orders', period: { kind: 'year' } });
    expect(request('заказ 2025')).toEqual({ kind: 'order', id: '2025' });
  });

  it.each([
    ['ivan@example.com', { kind: 'buyer', email: 'ivan@example.com' }],
    ['покупатель Ivan.Petrov@Mail.RU', { kind: 'buyer', email: 'ivan.petrov@mail.ru' }],
    ['заказы покупателя ivan@example.com', { kind: 'buyer', email: 'ivan@example.com' }],
    ['buyer ivan+shop@example.co.uk', { kind: 'buyer', email: 'ivan+shop@example.co.uk' }],
    ['+7 912 345-67-89', { kind: 'buyer', phone: '+79123456789' }],
    ['+7 (912) 345-67-89', { kind: 'buyer', phone: '+79123456789' }],
    ['89123456789', { kind: 'buyer', phone: '89123456789' }],
    ['клиент 8 912 345 67 89', { kind: 'buyer', phone: '89123456789' }],
    ['customer +44 20 7946 0958', { kind: 'buyer', phone: '+442079460958' }],
    ['телефон: +79123456789', { kind: 'buyer', phone: '+79123456789' }],
  ] as const)('%s is a buyer lookup', (text, want) => expect(request(text)).toEqual(want));

  it('dates and ranges of digits are never read as phones', () => {
    expect(request('2026-11-01-2026-11-15')).toMatchObject({ kind: 'orders', period: { kind: 'range' } });
    expect(request('01.11.2026-15.11.2026')).toMatchObject({ kind: 'orders', period: { kind: 'range' } });
    expect(refusal('2025 2026 2027').code).toBe('two-periods');
  });
});

describe('products by name', () => {
  const withCatalog = { ...ctx, catalog };

  it('a word of one product title filters by that product, in any case and Russian ending', () => {
    for (const text of ['python', 'Python вчера', 'марафон', 'по марафону', 'марафона за неделю', 'consulting', 'javascript', 'курс python']) {
      const r = request(text, withCatalog);
      expect(r.kind === 'orders' && r.goods.length).toBe(1);
    }
    expect(request('марафону вчера оплаченные', withCatalog)).toMatchObject({ goods: ['12'], list: 'paid', period: { kind: 'yesterday' } });
  });

  it('a name several products share equally is ambiguous, with the candidates to choose from', () => {
    const error = refusal('курс', withCatalog);
    expect(error).toMatchObject({ code: 'ambiguous-product', fragment: 'курс' });
    expect(error.candidates?.map((c) => c.id).sort()).toEqual(['11', '13']);
  });

  it('ids still work, and ids and names add up', () => {
    expect(request('goods 12,14', withCatalog)).toMatchObject({ goods: ['12', '14'] });
    expect(request('товар 20 python', withCatalog)).toMatchObject({ goods: ['20', '11'] });
    expect(request('товар марафон', withCatalog)).toMatchObject({ goods: ['12'] });
  });

  it('without a catalog, or with no title that fits, a word is not understood', () => {
    expect(refusal('марафон')).toMatchObject({ code: 'unknown-word', fragment: 'марафон' });
    expect(refusal('вебинар вчера', withCatalog)).toMatchObject({ code: 'unknown-word', fragment: 'вебинар' });
  });
});

describe('Did you mean …?', () => {
  it.each([
    ['вчира', 'вчера'],
    ['сегдня', 'сегодня'],
    ['yesterdy', 'yesterday'],
    ['за прошлую недлю', 'за прошлую неделю'],
    ['оплаченые вчера', 'оплаченные вчера'],
    ['dxthf', 'вчера'],
    ['ghjikfz ytltkz', 'прошлая неделя'],
    ['ntrobq vtczw', 'текущий месяц'],
    ['yjz,hm', 'ноябрь'],
    ['ыфдуы', 'sales'],
    ['заказы dxthf', 'заказы вчера'],
  ])('%s → %s', (typed, suggestion) => {
    const error = refusal(typed);
    expect(error.code).toBe('unknown-word');
    expect(error.suggestion).toBe(suggestion);
    expect(parseRequest(error.suggestion!, ctx).ok).toBe(true);
  });

  it('offers nothing rather than a phrase that would not parse', () => {
    expect(refusal('tomorow').suggestion).toBeUndefined(); // "tomorrow" is understood but has not begun
    expect(refusal('qqqqqq').suggestion).toBeUndefined();
  });
});

describe('the word tables', () => {
  it('no form has two meanings', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of GRAMMAR) {
      for (const form of new Set([...entry.ru, ...entry.en].map((f) => f.toLowerCase().replaceAll('ё', 'е')))) {
        const meaning = JSON.stringify(entry.meaning);
        const before = seen.get(form);
        if (before !== undefined && before !== meaning) clashes.push(`${form}: ${before} / ${meaning}`);
        seen.set(form, meaning);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('every example /help shows parses, in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      for (const { phrase } of PHRASE_EXAMPLES[lang]) expect(parseRequest(phrase, ctx).ok, phrase).toBe(true);
    }
  });
});

describe('headers name the new periods', () => {
  const period = (text: string) => {
    const r = request(text);
    if (r.kind !== 'orders') throw new Error('not an orders request');
    return r.period;
  };
  it.each([
    ['last week', 'en', 'last week, 23–29 Nov'],
    ['прошлая неделя', 'ru', 'прошлая неделя, 23–29 ноября'],
    ['November 2025', 'en', 'November 2025'],
    ['ноябрь 2025', 'ru', 'ноябрь 2025'],
    ['ноябрь', 'ru', 'ноябрь 2026'],
    ['октябрь 2026', 'en', 'October 2026'],
    ['last month', 'en', 'last month, October 2026'],
    ['прошлый месяц', 'ru', 'прошлый месяц, октябрь 2026'],
    ['Q4 2025', 'en', 'Q4 2025'],
    ['4 квартал 2025', 'ru', '4-й квартал 2025'],
    ['this quarter', 'en', 'Q4 2026, 01.10–30.11'],
    ['2025', 'ru', '2025 год'],
    ['позавчера', 'ru', 'позавчера, 28 ноября'],
    ['day before yesterday', 'en', 'day before yesterday, 28 Nov'],
  ] as const)('%s (%s) → %s', (text, lang, header) => {
    expect(describePeriod(period(text), lang)).toBe(header);
  });
});

describe('parseRequest never throws', () => {
  const zones = fc.constantFrom('Europe/Moscow', 'Asia/Yekaterinburg', 'Europe/Berlin', 'America/Havana', 'Pacific/Chatham');
  const instants = fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t));
  const words = GRAMMAR.flatMap((e) => [...e.ru, ...e.en]);
  const piece = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom('7d', '-', '..', ',', '#', '№', '12345', '+7', '912', '@', 'ivan@example.com', '25.11', '2026-11-01', 'q3', 'курс', 'марафона'),
    fc.integer({ min: 0, max: 3000 }).map(String),
    fc.string({ maxLength: 8 }),
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.array(piece, { maxLength: 7 }).map((p) => p.join(' ')),
  );

  function wellFormed(r: RequestResult, at: Date, c: RequestContext): void {
    if (r.ok) {
      if (r.request.kind !== 'orders') return;
      const { from, to } = r.request.period;
      expect(from.getTime()).toBeLessThanOrEqual(to.getTime());
      expect(to.getTime()).toBeLessThanOrEqual(at.getTime());
      expect(to.getTime() - from.getTime()).toBeLessThanOrEqual(367 * 86_400_000);
    } else {
      expect(Array.from(r.error.fragment).length).toBeLessThanOrEqual(64);
      if (r.error.suggestion !== undefined) expect(parseRequest(r.error.suggestion, c).ok).toBe(true);
    }
  }

  it('any text gets a request or an error, and any suggestion parses', () => {
    fc.assert(
      fc.property(text, zones, instants, fc.boolean(), (t, timeZone, at, withCatalog) => {
        const c = { now: at, timeZone, ...(withCatalog ? { catalog } : {}) };
        wellFormed(parseRequest(t, c), at, c);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the quick wall clock agrees with TZDate', () => {
  const zones = fc.constantFrom(
    'Europe/Moscow',
    'Asia/Yekaterinburg',
    'Europe/Berlin',
    'America/New_York',
    'America/Havana',
    'Asia/Beirut',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Kolkata',
    'UTC',
  );

  it('local dates and day starts match date-fns/tz for any day in any of these zones', () => {
    fc.assert(
      fc.property(zones, fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (timeZone, t) => {
        const local = new TZDate(t, timeZone);
        const date = { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
        expect(localDateOf(new Date(t), timeZone)).toEqual(date);
        const noon = new TZDate(date.year, date.month - 1, date.day, 12, 0, 0, timeZone);
        expect(startOfLocalDay(date, timeZone).getTime()).toBe(startOfDay(noon).getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it('every day start of 2026 matches, DST switch days included', () => {
    const wrong: string[] = [];
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'America/Havana', 'Asia/Beirut', 'Australia/Lord_Howe', 'America/Santiago']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
        const u = new Date(t);
        const date = { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
        const want = startOfDay(new TZDate(date.year, date.month - 1, date.day, 12, 0, 0, timeZone)).getTime();
        if (startOfLocalDay(date, timeZone).getTime() !== want) wrong.push(`${timeZone} ${JSON.stringify(date)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('typo distance', () => {
  it('a swap of neighbouring letters is one edit for suggestions, two for plain Levenshtein', () => {
    expect(editDistance('вчреа', 'вчера', 2, true)).toBe(1);
    expect(editDistance('вчреа', 'вчера', 2)).toBe(2);
    expect(refusal('вчреа').suggestion).toBe('вчера');
  });
});
