// Push notifications from JustClick: believed only with the right hash, then read like any order.
import { describe, expect, it } from 'vitest';
import { JustClickError } from '../../src/justclick/errors.js';
import { parseNotification } from '../../src/justclick/notification.js';
import { notificationBody, rawOrder } from '../fakes/justclick.js';

const KEY = 'shop-secret-key';

function paidOrder() {
  return rawOrder({
    id: 4242,
    created: 1793480400,
    paid: 1793484000,
    price: '5990.00',
    hostile: true,
    utm: { source: 'vk', campaign: 'осень' },
    items: [
      { id: '11', title: 'Курс & <PRO>', sum: '4990.00', price: '5990.00', partners: [{ partner_id: '77', partner_name: 'Пётр', partner_fee: '499.00' }] },
      { id: '12', title: 'Бонус "VIP"', sum: '1000.00', price: '1000.00' },
    ],
  });
}

/** The message of the JustClickError `run` throws; a hash that does not match is a wrong key, anything else a protocol error. */
function mismatch(run: () => unknown, kind: 'wrong-key' | 'protocol' = 'wrong-key'): string {
  try {
    run();
  } catch (error) {
    if (error instanceof JustClickError && error.kind === kind) return error.message;
    throw error;
  }
  throw new Error(`expected a ${kind} error`);
}

describe('parseNotification', () => {
  it('reads a paid-invoice notification with nested items, partners and utm', () => {
    const n = parseNotification(notificationBody(paidOrder(), KEY), KEY);
    expect(n.status).toBe('paid');
    expect(n.lastPaymentSum).toBe(599000);
    expect(n.prepaymentSum).toBeNull();
    expect(n.order).toMatchObject({
      id: '4242',
      firstName: '<b>Анна</b> & "Co"',
      email: 'anna+test@пример.рф',
      created: 1793480400,
      paid: 1793484000,
      utm: { source: 'vk', campaign: 'осень' },
      items: [
        { id: '11', title: 'Курс & <PRO>', sum: 499000, price: 599000, partners: [{ level: 1, id: '77', name: 'Пётр', fee: 49900 }] },
        { id: '12', title: 'Бонус "VIP"', sum: 100000, price: 100000, partners: [] },
      ],
    });
  });

  it('takes the order total from the paid lines, since the body has no price field', () => {
    expect(parseNotification(notificationBody(paidOrder(), KEY), KEY).order.price).toBe(599000);
  });

  it('reads the other statuses and a partial payment', () => {
    const order = paidOrder();
    for (const status of ['new_order', 'cancel_order', 'moneyback'] as const) {
      expect(parseNotification(notificationBody(order, KEY, { status }), KEY).status).toBe(status);
    }
    const partial = parseNotification(notificationBody(order, KEY, { prepayment_sum: '1000.00', last_payment_sum: '1000' }), KEY);
    expect(partial).toMatchObject({ prepaymentSum: 100000, lastPaymentSum: 100000 });
  });

  it('refuses a notification signed with another key', () => {
    expect(mismatch(() => parseNotification(notificationBody(paidOrder(), KEY, { key: 'other' }), KEY))).toBe('notification hash mismatch');
  });

  it('refuses a notification whose signed fields were changed after signing', () => {
    const body = notificationBody(paidOrder(), KEY).replace('paid=1793484000', 'paid=1793484001');
    expect(mismatch(() => parseNotification(body, KEY))).toBe('notification hash mismatch');
  });

  it('refuses a notification without a hash, or an empty body', () => {
    const body = notificationBody(paidOrder(), KEY).replace(/&hash=[0-9a-f]+$/, '');
    expect(mismatch(() => parseNotification(body, KEY))).toBe('notification hash mismatch');
    expect(mismatch(() => parseNotification('', KEY))).toBe('notification hash mismatch');
  });

  it('refuses a correctly signed notification with a status it does not know', () => {
    const body = notificationBody(paidOrder(), KEY).replace('&hash=', '&status=teleported&hash=');
    expect(mismatch(() => parseNotification(body, KEY), 'protocol')).toMatch(/unknown status "teleported"/);
  });

  it('is not fooled by a hash field sent twice: PHP keeps the last one', () => {
    const good = notificationBody(paidOrder(), KEY);
    expect(() => parseNotification(`${good}&hash=00000000000000000000000000000000`, KEY)).toThrow('notification hash mismatch');
  });
});
