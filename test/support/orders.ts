// Orders for unit tests of the pure reports: every field set, money in kopecks, times as Moscow wall clock.
import type { Order, OrderItem } from '../../src/domain/justclick.js';
import { msk, plain } from './e2e.js';
import { parseTelegramHtml } from './telegram-html.js';

export function order(p: Partial<Order> = {}): Order {
  return {
    id: '1',
    firstName: '',
    lastName: '',
    middleName: '',
    email: '',
    phone: '',
    city: '',
    country: '',
    address: '',
    region: '',
    postalcode: '',
    created: 0,
    paid: null,
    payStatus: 'waiting',
    type: '',
    payway: '',
    comment: '',
    domain: '',
    link: '',
    utm: {},
    price: 0,
    toPay: null,
    isRecurrent: false,
    tag: '',
    kupon: '',
    items: [],
    ...p,
  };
}

let nextId = 1;
/** An order of `rubles` paid at a Moscow wall-clock time ('2026-11-28', '14:05'), created ten minutes before. */
export function paidAt(day: string, time: string, rubles: number, p: Partial<Order> = {}): Order {
  const paid = msk(day, time);
  return order({ id: String(nextId++), created: paid - 600, paid, payStatus: 'paid', price: rubles * 100, ...p });
}

export const item = (id: string, title: string, rubles: number): OrderItem => ({ id, title, sum: rubles * 100, price: rubles * 100, partners: [] });

/** What a user sees of our HTML: the text Telegram shows, with plain spaces. */
export function seen(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`Telegram would refuse this HTML: ${parsed.error}`);
  return plain(parsed.text);
}
