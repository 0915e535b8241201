// The digest time as sellers type it: which forms name which hour and minute, and which are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClockTime } from '../../src/domain/clock-time.js';

const hm = (text: string) => {
  const t = parseClockTime(text);
  return t && `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
};

describe('a digest time in the forms sellers type', () => {
  const accepted: [string, string][] = [
    // digits
    ['9', '09:00'],
    ['09', '09:00'],
    ['0', '00:00'],
    ['23', '23:00'],
    ['9:00', '09:00'],
    ['09:30', '09:30'],
    ['9.30', '09:30'],
    ['09.00', '09:00'],
    ['9-30', '09:30'],
    ['21:00', '21:00'],
    ['0:00', '00:00'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['18:45', '18:45'],
    [' 9:00 ', '09:00'],
    ['９:３０', '09:30'],
    ['9h30', '09:30'],
    ['21h', '21:00'],
    // English
    ['9am', '09:00'],
    ['9 am', '09:00'],
    ['9 AM', '09:00'],
    ['9 a.m.', '09:00'],
    ['9a.m.', '09:00'],
    ['9:30 pm', '21:30'],
    ['9.30pm', '21:30'],
    ['12am', '00:00'],
    ['12:30 am', '00:30'],
    ['12pm', '12:00'],
    ['12:15 p.m.', '12:15'],
    ['1pm', '13:00'],
    ['11 pm', '23:00'],
    ['at 9', '09:00'],
    ['at 9am', '09:00'],
    ['at 18:30', '18:30'],
    ['by 8am', '08:00'],
    ['@9', '09:00'],
    ['9 oclock', '09:00'],
    ["9 o'clock", '09:00'],
    ['9 o’clock', '09:00'],
    ['noon', '12:00'],
    ['at noon', '12:00'],
    ['midnight', '00:00'],
    // Russian
    ['9 утра', '09:00'],
    ['9 утром', '09:00'],
    ['в 9 утра', '09:00'],
    ['9:30 утра', '09:30'],
    ['9 вечера', '21:00'],
    ['9 вечером', '21:00'],
    ['в 7 вечера', '19:00'],
    ['17 вечера', '17:00'],
    ['3 дня', '15:00'],
    ['12 дня', '12:00'],
    ['1 дня', '13:00'],
    ['в 2 днём', '14:00'],
    ['2 ночи', '02:00'],
    ['12 ночи', '00:00'],
    ['11 ночи', '23:00'],
    ['23 ночи', '23:00'],
    ['21ч', '21:00'],
    ['21 ч', '21:00'],
    ['21 час', '21:00'],
    ['9 часов', '09:00'],
    ['в 9 часов', '09:00'],
    ['9 часов утра', '09:00'],
    ['2 часа дня', '14:00'],
    ['21ч30', '21:30'],
    ['21 ч 30 мин', '21:30'],
    ['9 часов 30 минут', '09:30'],
    ['в 9', '09:00'],
    ['в 21:00', '21:00'],
    ['к 9', '09:00'],
    ['в полдень', '12:00'],
    ['полночь', '00:00'],
    ['В 9 УТРА', '09:00'],
  ];
  it.each(accepted)('"%s" is %s', (text, expected) => {
    expect(hm(text)).toBe(expected);
  });

  // biome-ignore format: a word list, packed by hand
  const refused = [
    '', ' ', 'утра', 'am', 'завтра', 'now', 'off',
    '24:00', '24', '25:00', '9:60', '9:5', '9:5 pm', '009', '123', '9 30', '9:00:00',
    '13pm', '0am', '0 pm', '12 утра', '13 утра', '6 дня', '3 вечера', '12 вечера', '6 ночи',
    '-9', '+9', '9:30 мск', '9 в', 'at', 'в', '9ам', '9 ppm', '9 утра вечера', '1e1', '9,30',
    'constructor', '__proto__', 'toString',
  ];
  it.each(refused)('"%s" is refused', (text) => {
    expect(parseClockTime(text)).toBeNull();
  });

  it('every HH:MM of the day reads back as itself', () => {
    for (let hour = 0; hour < 24; hour++) {
      for (let minute = 0; minute < 60; minute++) {
        const text = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        expect(parseClockTime(text)).toEqual({ hour, minute });
      }
    }
  });

  it('any text gets an answer, never an exception, and an answer is a real time of day', () => {
    // biome-ignore format: a word list, packed by hand
    const pieces = fc.constantFrom('9', '12', '21', '0', '24', ':', '.', '-', ' ', 'am', 'pm', 'утра', 'вечера', 'ночи', 'дня', 'ч', 'час', 'в', 'at', '30', '60', 'noon');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = parseClockTime(t);
        if (r === null) return;
        expect(Number.isInteger(r.hour) && r.hour >= 0 && r.hour <= 23).toBe(true);
        expect(Number.isInteger(r.minute) && r.minute >= 0 && r.minute <= 59).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
