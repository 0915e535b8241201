// A chat's alert template: read and refused with the reason, filled in with the order's fields (escaped, masked in
// groups, empty lines left out), and whatever the template and the order hold, a message Telegram takes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAlertTemplate, renderPaid, type AlertExtras, type AlertOrder, type AlertView } from '../../src/domain/alert.js';
import { PLACEHOLDERS, readAlertTemplate, TEMPLATE_MAX_CHARS, TEMPLATE_MAX_LINES, TEMPLATE_MAX_PLACEHOLDERS } from '../../src/domain/alert-template.js';
import { parseAlertPrefs, serializeAlertPrefs } from '../../src/domain/alert-prefs.js';
import { parseTelegramHtml } from '../support/telegram-html.js';

const sec = (iso: string) => Date.parse(iso) / 1000;
const view: AlertView = { lang: 'en', timeZone: 'Europe/Moscow', group: false, currency: 'RUB' };
const group: AlertView = { ...view, group: true };

function alertOrder(p: Partial<AlertOrder> = {}): AlertOrder {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1001', name: 'Anna Smith', email: 'anna@example.com', phone: '+7 912 345-67-89', paid: sec('2026-11-28T09:15:00Z'),
    created: sec('2026-11-28T09:05:00Z'), price: 499_000, goods: ['Course'], payway: 'card', utm: { source: 'vk' }, link: '', ...p,
  };
}
const extras: AlertExtras = { buyer: { purchase: 2, lifetime: 998_000, complete: true }, milestones: [{ kind: 'first-sale' }] };

/** What the reader sees, as Telegram would show it (and proof that Telegram takes the markup). */
function shown(markup: string): string {
  const parsed = parseTelegramHtml(markup);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.text;
}

describe('filling a template in', () => {
  it('the default template is today’s alert, line for line', () => {
    expect(shown(renderPaid([alertOrder()], view, extras))).toBe(
      [
        '💰 Order #1001 paid',
        '₽4,990 — Course',
        '👤 Customer: Anna Smith · anna@example.com · +7 912 345-67-89',
        '🔁 2nd purchase · lifetime ₽9,980',
        '💳 Payment: card',
        '📣 Source: vk',
        '🕒 Time: 28 Nov 12:15',
        '🌅 First sale today',
      ].join('\n'),
    );
    expect(renderPaid([alertOrder()], view, extras)).toBe(renderPaid([alertOrder()], view, extras, defaultAlertTemplate('en')));
  });

  it('reorders and drops lines and keeps the seller’s own text, escaped', () => {
    const template = '{sum} from {buyer} ({buyer_line})\nThanks, team! Tom & Jerry <3\n{product} via {source}';
    expect(shown(renderPaid([alertOrder()], view, extras, template))).toBe(
      '₽4,990 from Anna Smith (🔁 2nd purchase · lifetime ₽9,980)\nThanks, team! Tom & Jerry <3\nCourse via vk',
    );
    expect(renderPaid([alertOrder()], view, extras, template)).toContain('<b>₽4,990</b>');
  });

  it('leaves out a line whose placeholders are all empty, and keeps one with any value', () => {
    const template = '{title}\nPaid by: {payway}\nFrom {source} / {phone}\nBye';
    const text = shown(renderPaid([alertOrder({ payway: ' ', utm: {}, phone: '' })], view, {}, template));
    expect(text).toBe('💰 Order #1001 paid\nBye');
    expect(shown(renderPaid([alertOrder({ payway: '', utm: {} })], view, {}, template))).toContain('From  / +7 912 345-67-89');
  });

  it('masks the e-mail and phone in groups, in every placeholder that shows them', () => {
    const text = shown(renderPaid([alertOrder()], group, {}, '{email} {phone}\n{customer}'));
    expect(text).not.toContain('anna@example.com');
    expect(text).not.toContain('345-67');
    expect(text).toContain('Anna Smith');
  });

  it('a buyer-typed newline or markup stays inside its placeholder', () => {
    const text = shown(renderPaid([alertOrder({ name: 'Eve\n<b>Boss</b> & co' })], view, {}, 'Buyer: {buyer}\nEnd'));
    expect(text).toBe('Buyer: Eve <b>Boss</b> & co\nEnd');
  });

  it('several orders at once keep the fixed summary', () => {
    const many = [1, 2, 3].map((i) => alertOrder({ id: String(1000 + i) }));
    expect(renderPaid(many, view, undefined, '{sum} only')).toBe(renderPaid(many, view));
  });

  it('clips fields shorter, then falls back to the default form, rather than send more than Telegram takes', () => {
    const long = 'x'.repeat(3000);
    const order = alertOrder({ name: long, email: `${long}@example.com`, phone: long, goods: [long, long, long] });
    const crowded = Array.from({ length: 10 }, () => '{customer} {amount}').join('\n');
    const text = shown(renderPaid([order], view, {}, crowded));
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.split('\n')).toHaveLength(10);
    expect(text).toContain('x…');
    // Even clipped, 15 × (a full customer line and amount) and 600 characters of the seller's own do not fit.
    const worst = `${'!'.repeat(600)}${'{customer}{amount}'.repeat(15)}`;
    expect(readAlertTemplate(worst).ok).toBe(true);
    expect(shown(renderPaid([order], view, {}, worst))).toBe(shown(renderPaid([order], view)));
  });

  it('a template that shows nothing for this order falls back to the default form', () => {
    expect(shown(renderPaid([alertOrder({ payway: '' })], view, {}, '{payway}'))).toContain('💰 Order #1001 paid');
  });
});

describe('reading a template', () => {
  const problem = (text: string) => {
    const read = readAlertTemplate(text);
    return read.ok ? null : read.problem;
  };

  it('names an unknown placeholder and the one meant', () => {
    expect(problem('{summ} paid')).toEqual({ kind: 'unknown', name: 'summ', nearest: 'sum' });
    expect(problem('{buyer line}')).toEqual({ kind: 'unknown', name: 'buyer line', nearest: 'buyer_line' });
    expect(problem('{weather}')).toEqual({ kind: 'unknown', name: 'weather', nearest: null });
    expect(problem('{}')).toMatchObject({ kind: 'unknown', name: '' });
  });

  it('refuses unbalanced braces, saying where', () => {
    expect(problem('{sum paid')).toEqual({ kind: 'unclosed', near: '{sum paid' });
    expect(problem('{sum\n}')).toMatchObject({ kind: 'unclosed' });
    expect(problem('{{sum}}')).toMatchObject({ kind: 'unclosed' });
    expect(problem('paid} {sum}')).toEqual({ kind: 'stray-close', near: 'paid} {sum}' });
  });

  it('refuses markup: the alert’s formatting is the bot’s', () => {
    expect(problem('<b>{sum}</b>')).toEqual({ kind: 'markup', tag: '<b>' });
    expect(problem('{sum} <a href="https://evil.example">pay</a>')).toMatchObject({ kind: 'markup' });
    expect(problem('{sum}</i>')).toMatchObject({ kind: 'markup' });
    expect(problem('{sum} <3 & more >')).toBeNull();
  });

  it('refuses an empty template and one over the limits', () => {
    expect(problem(' \n \n')).toEqual({ kind: 'empty' });
    expect(problem('x'.repeat(TEMPLATE_MAX_CHARS + 1))).toEqual({ kind: 'too-long', length: TEMPLATE_MAX_CHARS + 1, max: TEMPLATE_MAX_CHARS });
    expect(problem(Array.from({ length: TEMPLATE_MAX_LINES + 1 }, () => 'x').join('\n'))).toMatchObject({ kind: 'too-many-lines' });
    expect(problem('{sum}'.repeat(TEMPLATE_MAX_PLACEHOLDERS + 1))).toMatchObject({ kind: 'too-many-placeholders' });
    expect(problem('{sum}'.repeat(TEMPLATE_MAX_PLACEHOLDERS))).toBeNull();
  });

  it('takes placeholders in any case and with spaces, and tidies line ends', () => {
    const read = readAlertTemplate('\r\n{ SUM }  \r\nbye\r\n\r\n');
    expect(read.ok && read.text).toBe('{ SUM }\nbye');
    expect(shown(renderPaid([alertOrder()], view, {}, '{ SUM }\nbye'))).toBe('₽4,990\nbye');
  });

  it('the chat’s settings keep a template, and drop an unreadable one without losing the filters', () => {
    const prefs = parseAlertPrefs(serializeAlertPrefs({ minSum: 100_000, template: '{sum}\n{buyer}' }));
    expect(prefs).toEqual({ minSum: 100_000, template: '{sum}\n{buyer}' });
    expect(parseAlertPrefs(JSON.stringify({ minSum: 100_000, template: '{gone}' }))).toEqual({ minSum: 100_000 });
  });
});

describe('any template on any order is a message Telegram takes', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom('<b>', '</i>', '&', '&amp;', '"', '<a href="x">', '\n', 'Anna\nMaria\r\n', '{sum}', '}', ''),
    fc.string({ unit: 'binary', minLength: 1000, maxLength: 4500 }),
  );
  const order = fc.record({
    id: fc.oneof(fc.integer({ min: 1, max: 1e9 }).map(String), hostile),
    name: hostile,
    email: hostile,
    phone: hostile,
    goods: fc.array(hostile, { maxLength: 6 }),
    payway: hostile,
    source: hostile,
    medium: hostile,
    price: fc.integer({ min: 0, max: 1e12 }),
  });
  const piece = fc.oneof(
    fc.constantFrom(...PLACEHOLDERS).map((p) => `{${p}}`),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('\n', ' — ', '&', '<3', '>', '"', '💰', '\r\n', '\t', '\u0000', '\uD800'),
  );
  const template = fc.oneof(
    fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 1200 }),
  );
  const extrasArb = fc.record({
    buyer: fc.option(fc.record({ purchase: fc.integer({ min: 1, max: 1e6 }), lifetime: fc.integer({ min: 0, max: 1e13 }), complete: fc.boolean() }), {
      nil: undefined,
    }),
    milestones: fc.constantFrom([], [{ kind: 'first-sale' as const }, { kind: 'record-order' as const }, { kind: 'record-day' as const, total: 123_456_789 }]),
  });

  it('parses as Telegram HTML, shows something and fits one message', () => {
    fc.assert(
      fc.property(template, order, extrasArb, fc.boolean(), fc.constantFrom('en' as const, 'ru' as const), (text, o, more, inGroup, lang) => {
        const read = readAlertTemplate(text);
        const alert = alertOrder({
          id: o.id,
          name: o.name,
          email: o.email,
          phone: o.phone,
          goods: o.goods,
          payway: o.payway,
          utm: { source: o.source, medium: o.medium },
          price: o.price,
        });
        const { buyer, milestones } = more;
        const markup = renderPaid([alert], { ...view, lang, group: inGroup }, { ...(buyer ? { buyer } : {}), milestones }, read.ok ? read.text : text);
        const parsed = parseTelegramHtml(markup);
        expect(parsed.ok ? null : parsed.error).toBeNull();
        if (!parsed.ok) return;
        expect(parsed.text.length).toBeLessThanOrEqual(4096);
        expect(parsed.text.trim()).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('a template with anything that reads as a tag is refused', () => {
    const clean = fc.oneof(
      fc.constantFrom(...PLACEHOLDERS).map((p) => `{${p}}`),
      fc.constantFrom('Thanks ', '\n', ' — ', '💰', 'Заказ '),
    );
    const tag = fc.constantFrom('b', 'i', 'a href="https://x.example"', '/b', 'tg-spoiler', 'pre', 'code', '!--', 'script');
    fc.assert(
      fc.property(fc.array(clean, { maxLength: 10 }), tag, fc.array(clean, { maxLength: 10 }), (before, t, after) => {
        const read = readAlertTemplate(`${before.join('')}<${t}>${after.join('')}`);
        expect(read.ok ? null : read.problem.kind).toBe('markup');
      }),
    );
  });
});
