// Small formatters sellers read every day: money, local dates and periods, masked contacts, the language.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDay, describePeriod, formatDateTime, formatDaySpan, formatLocalIso, formatTime } from '../../src/domain/format/dates.js';
import { checkTelegramHtml, visibleText } from '../../src/domain/format/html.js';
import { maskEmail, maskPhone } from '../../src/domain/format/mask.js';
import { formatMoney } from '../../src/domain/format/money.js';
import { langFromTelegram } from '../../src/domain/i18n/lang.js';
import { ordersText } from '../../src/domain/i18n/orders.js';
import { parseRequest, type RequestErrorCode } from '../../src/domain/request.js';

const NBSP = '\u00a0';
const now = new Date('2026-11-28T12:24:00Z');

function period(text: string, timeZone = 'Europe/Moscow') {
  const r = parseRequest(text, { now, timeZone });
  if (!r.ok) throw new Error(r.error.code);
  if (r.request.kind !== 'orders') throw new Error(r.request.kind);
  return r.request.period;
}

describe('formatMoney', () => {
  it('Russian: grouped thousands, the rouble sign after, no kopecks when there are none', () => {
    expect(formatMoney(499_000, 'RUB', 'ru')).toBe(`4${NBSP}990${NBSP}₽`);
    expect(formatMoney(123_456_700, 'RUB', 'ru')).toBe(`1${NBSP}234${NBSP}567${NBSP}₽`);
  });

  it('kopecks appear only when non-zero', () => {
    expect(formatMoney(499_050, 'RUB', 'ru')).toBe(`4${NBSP}990,50${NBSP}₽`);
    expect(formatMoney(499_050, 'RUB', 'en')).toBe('₽4,990.50');
  });

  it('English: the sign first, comma thousands', () => {
    expect(formatMoney(499_000, 'RUB', 'en')).toBe('₽4,990');
    expect(formatMoney(1_999, 'USD', 'en')).toBe('$19.99');
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0');
  });

  it('RUB and Russian are the defaults', () => {
    expect(formatMoney(100)).toBe(`1${NBSP}₽`);
  });

  it('a currency code Intl refuses is written after the number instead of failing', () => {
    expect(formatMoney(499_000, 'рубли', 'ru')).toBe(`4${NBSP}990 рубли`);
  });

  it('refunds show a minus', () => {
    expect(formatMoney(-499_000, 'RUB', 'en')).toBe('-₽4,990');
  });
});

describe('local dates and times', () => {
  it('shows the wall-clock time of the chat zone', () => {
    expect(formatTime(now, 'Europe/Moscow')).toBe('15:24');
    expect(formatTime(now, 'America/Los_Angeles')).toBe('04:24');
    expect(formatDateTime(now, 'Asia/Kamchatka', 'en')).toBe('29 Nov 00:24');
    expect(formatDateTime(now, 'Europe/Moscow', 'ru')).toBe('28 ноября 15:24');
  });

  it('Berlin after the clocks go back shows the repeated hour correctly', () => {
    expect(formatTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('02:30');
    expect(formatTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('02:30');
  });

  it('spreadsheet times are sortable local ISO', () => {
    expect(formatLocalIso(now, 'Europe/Moscow')).toBe('2026-11-28 15:24:00');
  });

  it('day spans write the year once, or on both ends across New Year', () => {
    const nov1 = { year: 2026, month: 11, day: 1 };
    expect(formatDaySpan(nov1, { year: 2026, month: 11, day: 15 })).toBe('01.11–15.11.2026');
    expect(formatDaySpan(nov1, { year: 2026, month: 11, day: 15 }, false)).toBe('01.11–15.11');
    expect(formatDaySpan({ year: 2025, month: 12, day: 29 }, { year: 2026, month: 1, day: 2 }, false)).toBe('29.12.2025–02.01.2026');
    expect(formatDaySpan(nov1, nov1)).toBe('01.11.2026');
  });

  it('names the digest day as today, yesterday or a date', () => {
    const today = { year: 2026, month: 11, day: 28 };
    expect(describeDay({ year: 2026, month: 11, day: 27 }, today, 'en')).toBe('yesterday, 27 Nov');
    expect(describeDay(today, today, 'ru')).toBe('сегодня, 28 ноября');
    expect(describeDay({ year: 2026, month: 11, day: 20 }, today, 'ru')).toBe('20 ноября 2026');
  });
});

describe('describePeriod: the period as the answer header names it', () => {
  it.each([
    ['', 'en', 'today, 28 Nov'],
    ['', 'ru', 'сегодня, 28 ноября'],
    ['yesterday', 'en', 'yesterday, 27 Nov'],
    ['week', 'en', 'this week, 23.11–28.11'],
    ['month', 'ru', 'этот месяц, 01.11–28.11'],
    ['7d', 'en', 'last 7 days, 21.11–28.11'],
    ['7d', 'ru', 'последние 7 дней, 21.11–28.11'],
    ['3d', 'ru', 'последние 3 дня, 25.11–28.11'],
    ['21d', 'ru', 'последний 21 день, 07.11–28.11'],
    ['1d', 'en', 'last 24 hours, 27.11–28.11'],
    ['01.11', 'en', '1 Nov 2026'],
    ['01.11-15.11', 'en', '01.11–15.11.2026'],
    ['20.12-05.01', 'ru', '20.12.2025–05.01.2026'],
  ] as const)('"%s" in %s → %s', (text, lang, label) => {
    expect(describePeriod(period(text), lang)).toBe(label);
  });
});

describe('masking contacts for group chats', () => {
  it.each([
    ['ivan.petrov@mail.ru', 'iv***@mail.ru'],
    ['abc@x.ru', 'a***@x.ru'],
    ['a@x.ru', '***@x.ru'],
    ['no-at-sign', 'no***'],
    ['', ''],
    ['  ivan@mail.ru ', 'iv***@mail.ru'],
    ['😀😀😀😀@mail.ru', '😀😀***@mail.ru'],
  ])('email %s → %s', (input, masked) => {
    expect(maskEmail(input)).toBe(masked);
  });

  it.each([
    ['+7 912 345-67-89', '+7 *** ***-**-89'],
    ['+7 (912) 345-67-89', '+7 (***) ***-**-89'],
    ['89123456789', '*********89'],
    ['+79123456789', '+*********89'],
    ['+380 44 123 45 67', '+380 ** *** ** 67'],
    ['1234', '****'],
    ['call me', '**** **'],
    ['', ''],
  ])('phone %s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never shows more than the last two digits and the country code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[\d\s()-]{0,20}$/), (phone) => {
        const shown = maskPhone(phone).replace(/\D/g, '');
        const code = /^\+(\d{1,3})[\s(.-]/.exec(phone.trim())?.[1] ?? '';
        expect(shown.length).toBeLessThanOrEqual(code.length + 2);
      }),
    );
  });

  it('masking what is already masked changes nothing (group job data is stored masked)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[\d\s()-]{0,20}$/), fc.emailAddress(), (phone, email) => {
        expect(maskPhone(maskPhone(phone))).toBe(maskPhone(phone));
        expect(maskEmail(maskEmail(email))).toBe(maskEmail(email));
      }),
    );
  });
});

describe('language', () => {
  it('Russian for ru and its regional variants, English for everything else', () => {
    expect(langFromTelegram('ru')).toBe('ru');
    expect(langFromTelegram('ru-RU')).toBe('ru');
    expect(langFromTelegram('uk')).toBe('en');
    expect(langFromTelegram('en')).toBe('en');
    expect(langFromTelegram('rus')).toBe('en');
    expect(langFromTelegram(undefined)).toBe('en');
  });
});

describe('request error messages', () => {
  const codes: RequestErrorCode[] = [
    'unknown-word',
    'impossible-date',
    'reversed-range',
    'future-range',
    'range-too-long',
    'goods-without-ids',
    'two-periods',
    'conflicting-status',
    'mixed-request',
    'buyer-without-contact',
  ];

  it('quote what was not understood, escaped, and show examples for the same command', () => {
    for (const lang of ['ru', 'en'] as const) {
      for (const code of codes) {
        const html = ordersText[lang].requestError({ code, fragment: '<b>&' }, '/export');
        expect(checkTelegramHtml(html)).toBeNull();
        expect(visibleText(html)).toContain('<b>&');
        expect(visibleText(html)).toContain(lang === 'en' ? '/export yesterday' : '/export вчера');
      }
    }
  });

  it('an ambiguous product name asks to choose, without examples (the choices are buttons)', () => {
    const html = ordersText.en.requestError({ code: 'ambiguous-product', fragment: 'курс', candidates: [{ id: '1', title: 'A' }] });
    expect(visibleText(html)).toBe('“курс” fits several products: choose one.');
  });

  it('offer the nearest phrase, escaped, and plain-text examples without a command', () => {
    const html = ordersText.ru.requestError({ code: 'unknown-word', fragment: 'вчира', suggestion: 'заказы <вчера>' });
    expect(checkTelegramHtml(html)).toBeNull();
    expect(visibleText(html)).toMatch(/^Не понял «вчира»\.\nМожет быть, «заказы <вчера>»\?\n\nНапример:\nвчера\n/);
  });

  it('say plainly what is wrong', () => {
    expect(visibleText(ordersText.en.requestError({ code: 'impossible-date', fragment: '31.02' }))).toMatch(/^There is no such date: “31\.02”\./);
    expect(visibleText(ordersText.ru.requestError({ code: 'unknown-word', fragment: 'завтра' }))).toMatch(/^Не понял «завтра»\./);
  });
});
