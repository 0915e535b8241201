// Text typed by buyers (names, titles, payway, utm) cannot add lines to or inject markup into what
// the seller reads: it is flattened to one line, clipped and escaped, in alerts and in /orders alike.
import { describe, expect, it } from 'vitest';
import { renderPaid, renderPausedNotice, renderStatusAlert, type AlertOrder, type AlertView } from '../../src/domain/alert.js';
import { checkTelegramHtml, escapeHtml, html, joinHtml, visibleText } from '../../src/domain/format/html.js';
import { renderOrdersPages } from '../../src/domain/format/orders.js';
import { clipLine } from '../../src/domain/format/text.js';
import { parseRequest } from '../../src/domain/request.js';
import type { Order } from '../../src/justclick/types.js';

const now = new Date('2026-11-28T12:24:00Z');
const sec = (iso: string) => Date.parse(iso) / 1000;
const view: AlertView = { lang: 'en', timeZone: 'Europe/Moscow', group: false, currency: 'RUB' };

function alertOrder(p: Partial<AlertOrder> = {}): AlertOrder {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1001', name: 'Anna Smith', email: 'anna@example.com', phone: '+7 912 345-67-89', paid: sec('2026-11-28T09:15:00Z'),
    created: sec('2026-11-28T09:05:00Z'), price: 499_000, goods: ['Course'], payway: 'card', utm: { source: 'vk' }, link: '', ...p,
  };
}

const lines = (markup: string) => visibleText(markup).split('\n');

describe('alerts keep buyer-typed text on its own line', () => {
  it('a newline in the name adds no line to a paid alert', () => {
    const plain = lines(renderPaid([alertOrder()], view));
    const typed = lines(renderPaid([alertOrder({ name: 'Anna\nMaria\r\n\tSmith' })], view));
    expect(typed).toHaveLength(plain.length);
    expect(typed).toContain('👤 Customer: Anna Maria Smith · anna@example.com · +7 912 345-67-89');
  });

  it('newlines and control characters in goods, payway and utm are flattened too', () => {
    const alert = renderPaid([alertOrder({ goods: ['Course\nPRO'], payway: 'card\n\u0007visa', utm: { source: 'vk\nads', medium: 'cpc' } })], view);
    expect(lines(alert)).toHaveLength(lines(renderPaid([alertOrder()], view)).length);
    expect(visibleText(alert)).toContain('— Course PRO');
    expect(visibleText(alert)).toContain('💳 Payment: card visa');
    expect(visibleText(alert)).toContain('📣 Source: vk ads / cpc');
  });

  it('a newline in a name adds no line to a summary of many orders', () => {
    const orders = Array.from({ length: 6 }, (_, i) => alertOrder({ id: String(i + 1), name: i === 2 ? 'Ivan\nIvanov' : 'Ivan' }));
    const summary = lines(renderPaid(orders, view));
    expect(summary).toHaveLength(1 + 6);
    expect(summary.some((l) => l.endsWith('— Course — Ivan Ivanov'))).toBe(true);
  });

  it('a refund alert flattens the name as well', () => {
    const alert = lines(renderStatusAlert('refund', alertOrder({ name: 'Anna\n\nSmith' }), view));
    expect(alert).toEqual(['↩️ Order #1001 refunded', '₽4,990 — Course', '👤 Customer: Anna Smith · anna@example.com · +7 912 345-67-89']);
  });

  it('a very long name is clipped with an ellipsis', () => {
    const alert = visibleText(renderPaid([alertOrder({ name: 'A'.repeat(500) })], view));
    expect(alert).toContain(`${'A'.repeat(199)}…`);
    expect(alert).not.toContain('A'.repeat(200));
  });

  it('markup typed by a buyer is shown as text, never parsed', () => {
    const alert = renderPaid([alertOrder({ id: '<b>7</b>', name: '<i>Anna</i> & "Co"', goods: ['<a href="x">win</a>'] })], view);
    expect(checkTelegramHtml(alert)).toBeNull();
    expect(visibleText(alert)).toContain('💰 Order #<b>7</b> paid');
    expect(visibleText(alert)).toContain('<i>Anna</i> & "Co"');
    expect(visibleText(alert)).toContain('<a href="x">win</a>');
  });

  it('the paused notice escapes the login it names, itself', () => {
    const notice = renderPausedNotice('wrong-key', 'shop<b>', 'en');
    expect(checkTelegramHtml(notice)).toBeNull();
    expect(visibleText(notice)).toContain('the API key of shop<b>:');
  });

  it('the Russian summary title counts orders with the right word form', () => {
    const orders = Array.from({ length: 21 }, (_, i) => alertOrder({ id: String(i + 1), price: 100 }));
    expect(lines(renderPaid(orders, { ...view, lang: 'ru' }))[0]).toBe('💰 21 заказ оплачен на 21\u00a0₽');
  });
});

describe('the /orders list keeps buyer-typed text on its own line', () => {
  // biome-ignore format: an order, packed by hand
  const order = (p: Partial<Order>): Order => ({
    id: '1001', firstName: 'Ivan', lastName: 'Petrov', middleName: '', email: 'ivan@mail.ru', phone: '', city: '', country: '',
    address: '', region: '', postalcode: '', created: sec('2026-11-28T09:05:00Z'), paid: null, payStatus: 'waiting', type: '',
    payway: '', comment: '', domain: 'shop.justclick.ru', link: '', utm: {}, price: 499_000, toPay: null, isRecurrent: false,
    tag: '', kupon: '', items: [], ...p,
  });
  const today = parseRequest('', { now, timeZone: 'Europe/Moscow' });
  if (!today.ok || today.request.kind !== 'orders') throw new Error('today must parse');
  const period = today.request.period;
  const render = (o: Order) =>
    renderOrdersPages(
      { created: [o], paid: [] },
      {
        period,
        list: 'created',
        status: null,
        goods: [],
        timeZone: 'Europe/Moscow',
        lang: 'en',
        currency: 'RUB',
        maskContacts: false,
        now,
      },
    );

  it('a newline in a name or a title adds no line to the order', () => {
    const plain = lines(render(order({}))[0]!);
    const typed = lines(
      render(order({ firstName: 'Ivan\n', lastName: '\nPetrov', items: [{ id: '1', title: 'Course\nPRO', sum: 1, price: 1, partners: [] }] }))[0]!,
    );
    expect(typed).toHaveLength(plain.length);
    expect(typed).toContain('👤 Ivan Petrov · ivan@mail.ru');
    expect(typed).toContain('🛒 Course PRO');
  });
});

describe('clipLine, the one clip-and-flatten helper', () => {
  it('collapses newlines, tabs, control characters and long whitespace to one space', () => {
    expect(clipLine(' a\n\nb\t\u0000c     d \r\n', 100)).toBe('a b c d');
  });

  it('keeps at most max characters, never cutting an emoji in half', () => {
    expect(clipLine('😀😀😀😀', 3)).toBe('😀😀…');
    expect(clipLine('abc', 3)).toBe('abc');
  });
});

describe('Html helpers', () => {
  it('html`…` keeps our markup and the Html values placed in it', () => {
    expect(html`<b>${escapeHtml('Tom & Jerry')}</b> ×${3}`).toBe('<b>Tom &amp; Jerry</b> ×3');
  });

  it('joinHtml leaves out null parts but keeps blank lines', () => {
    expect(joinHtml([html`a`, null, html``, html`b`], '\n')).toBe('a\n\nb');
  });
});
