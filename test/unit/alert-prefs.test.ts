// Which paid orders a chat hears about, and when its quiet hours are: pure rules, no Redis, no Telegram.
import { describe, expect, it } from 'vitest';
import { parseAlertPrefs, passesFilters, serializeAlertPrefs } from '../../src/domain/alert-prefs.js';
import type { AlertOrder } from '../../src/domain/alert.js';
import { parseClockTime } from '../../src/domain/clock-time.js';
import { parseQuietWindow, quietWindowAt } from '../../src/domain/quiet-hours.js';

const order = (over: Partial<AlertOrder> = {}): AlertOrder => ({
  id: '1',
  name: 'Анна',
  email: '',
  phone: '',
  paid: 1_800_000_000,
  created: 1_800_000_000,
  price: 150_000,
  goods: ['Курс «Продажи»'],
  payway: 'card',
  utm: { source: 'vk' },
  link: '',
  ...over,
});

describe('alert filters', () => {
  it('lets every order through when the chat chose nothing', () => {
    expect(passesFilters(order({ price: 0, goods: [], utm: {} }), {})).toBe(true);
  });

  it('leaves out orders below the minimum sum and keeps the ones at it', () => {
    expect(passesFilters(order({ price: 99_999 }), { minSum: 100_000 })).toBe(false);
    expect(passesFilters(order({ price: 100_000 }), { minSum: 100_000 })).toBe(true);
  });

  it('leaves out free orders only when asked to', () => {
    expect(passesFilters(order({ price: 0 }), { skipFree: true })).toBe(false);
    expect(passesFilters(order({ price: 0 }), {})).toBe(true);
  });

  it('keeps an order with any of the chosen products, whatever the case or ё', () => {
    const prefs = { products: ['Марафон', 'курс «продажи»'] };
    expect(passesFilters(order(), prefs)).toBe(true);
    expect(passesFilters(order({ goods: ['Вебинар'] }), prefs)).toBe(false);
    expect(passesFilters(order({ goods: ['Вебинар', 'МАРАФОН'] }), prefs)).toBe(true);
    expect(passesFilters(order({ goods: ['Ёлка'] }), { products: ['елка'] })).toBe(true);
  });

  it('keeps only orders from the chosen sources; an order without utm_source is left out', () => {
    expect(passesFilters(order({ utm: { source: 'VK' } }), { sources: ['vk'] })).toBe(true);
    expect(passesFilters(order({ utm: { source: 'google' } }), { sources: ['vk', 'tg'] })).toBe(false);
    expect(passesFilters(order({ utm: {} }), { sources: ['vk'] })).toBe(false);
  });

  it('stores and reads back the choices, and treats a broken record as no choice', () => {
    const prefs = { minSum: 100_000, products: ['Курс'], quiet: { from: '23:00', to: '08:00', mode: 'hold' as const }, silence: true };
    expect(parseAlertPrefs(serializeAlertPrefs(prefs))).toEqual(prefs);
    expect(parseAlertPrefs('{"minSum":-5}')).toEqual({});
    expect(parseAlertPrefs('not json')).toEqual({});
    expect(() => serializeAlertPrefs({ quiet: { from: '25:00', to: '08:00', mode: 'silent' } })).toThrow();
  });
});

describe('quiet hours', () => {
  const zone = 'Europe/Moscow';
  const at = (iso: string) => new Date(iso);
  const night = { from: '23:00', to: '08:00' };

  it('a window across midnight holds from 23:00 to 08:00 local, end excluded', () => {
    // 23:30 Moscow on 14 Dec = 20:30 UTC
    expect(quietWindowAt(night, at('2026-12-14T20:30:00Z'), zone)).toEqual({ from: at('2026-12-14T20:00:00Z'), to: at('2026-12-15T05:00:00Z') });
    // 03:00 Moscow the next day: the same window
    expect(quietWindowAt(night, at('2026-12-15T00:00:00Z'), zone)?.to).toEqual(at('2026-12-15T05:00:00Z'));
    expect(quietWindowAt(night, at('2026-12-15T05:00:00Z'), zone)).toBeNull();
    expect(quietWindowAt(night, at('2026-12-14T19:59:59Z'), zone)).toBeNull();
  });

  it('a window within one day, and local time in a zone with DST', () => {
    expect(quietWindowAt({ from: '13:00', to: '14:00' }, at('2026-12-14T10:30:00Z'), zone)).not.toBeNull();
    expect(quietWindowAt({ from: '13:00', to: '14:00' }, at('2026-12-14T11:30:00Z'), zone)).toBeNull();
    // Berlin in summer is UTC+2: 23:30 local is 21:30 UTC
    expect(quietWindowAt(night, at('2026-07-01T21:30:00Z'), 'Europe/Berlin')?.to).toEqual(at('2026-07-02T06:00:00Z'));
  });

  it('reads the hours as sellers type them', () => {
    expect(parseQuietWindow('23:00-08:00', parseClockTime)).toEqual(night);
    expect(parseQuietWindow('23 - 8', parseClockTime)).toEqual(night);
    expect(parseQuietWindow('23.00–8.30', parseClockTime)).toEqual({ from: '23:00', to: '08:30' });
    expect(parseQuietWindow('23:00', parseClockTime)).toBeNull();
    expect(parseQuietWindow('8-8', parseClockTime)).toBeNull();
    expect(parseQuietWindow('25-8', parseClockTime)).toBeNull();
  });
});
