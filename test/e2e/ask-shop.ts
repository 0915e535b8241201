// A seeded shop for the end-to-end tests of questions in words: two months of orders (paid at once, paid
// days later, unpaid, cancelled, refunded, over four products), and the answers worked out from those raw
// orders alone (brute force, no code of the bot), in the words a seller reads.
import type { RawOrder, RawOrderInput } from '../fakes/justclick.js';
import { msk } from '../support/e2e.js';

export const NOW = new Date('2026-11-28T09:00:00Z'); // Saturday, 12:00 in Moscow
export const NOW_S = Math.floor(NOW.getTime() / 1000);

export const PRODUCTS = [
  { good_name: '101', good_title: 'Курс Python' },
  { good_name: '102', good_title: 'Курс JavaScript' },
  { good_name: '103', good_title: 'Вебинар по продажам' },
  { good_name: '104', good_title: 'Marketing Masterclass' },
] as const;
const title = (id: string) => PRODUCTS.find((p) => p.good_name === id)!.good_title;

/** A small seeded generator, so that a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3600;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Orders the tests name by number: the edges a header must get right. */
export const NAMED = {
  /** Created on Friday 20 Nov, paid yesterday: in yesterday's paid set, not in its created set. */
  paidLate: 9001,
  /** Created yesterday 23:50, paid today 00:10 (with a bill link): created yesterday and paid by now, but today's revenue. */
  overnight: 9002,
  /** Created yesterday, refunded since: created yesterday, no revenue of anyone's. */
  refunded: 9003,
  /** Created yesterday, cancelled. */
  cancelled: 9004,
  /** Created yesterday, still unpaid. */
  unpaid: 9005,
} as const;
export const BILL = 'https://askshop.justclick.ru/pay/9002/?h=a1b2&x=<1>';

/** The raw orders of the shop, oldest first. */
export function shopOrders(): RawOrderInput[] {
  const rnd = random(20261128);
  const orders: RawOrderInput[] = [];
  let id = 10_000;
  const start = Date.UTC(2026, 9, 1);
  for (let t = start; t < NOW.getTime(); t += 86_400_000) {
    const date = day(new Date(t));
    const count = 2 + Math.floor(rnd() * 3);
    for (let k = 0; k < count; k++) {
      const created = msk(date, '00:00') + Math.floor(((k + rnd()) / count) * 24 * HOUR);
      if (created >= NOW_S - 600) continue;
      const products = rnd() < 0.2 ? ['101', '103'] : [PRODUCTS[Math.floor(rnd() * 4)]!.good_name];
      const rub = 500 + Math.floor(rnd() * 195) * 100;
      const price = `${rub}.${['00', '50', '90'][Math.floor(rnd() * 3)]}`;
      const r = rnd();
      let paid: number | null = null;
      let status = 'waiting';
      if (r < 0.55) paid = created + 60 + Math.floor(rnd() * 2 * HOUR);
      else if (r < 0.65) paid = created + 8 * HOUR + Math.floor(rnd() * 72 * HOUR);
      else if (r < 0.8) status = 'waiting';
      else if (r < 0.9) status = 'cancel';
      else {
        paid = created + 600;
        status = 'moneyback';
      }
      if (paid !== null && paid >= NOW_S) paid = null;
      if (paid !== null && status === 'waiting') status = 'paid';
      orders.push(order(id++, created, paid, status, price, products));
    }
  }
  orders.push(
    order(NAMED.paidLate, msk('2026-11-20', '10:00'), msk('2026-11-27', '15:30'), 'paid', '12900.00', ['104']),
    { ...order(NAMED.overnight, msk('2026-11-27', '23:50'), msk('2026-11-28', '00:10'), 'paid', '4990.50', ['102']), link: BILL },
    order(NAMED.refunded, msk('2026-11-27', '11:00'), msk('2026-11-27', '11:05'), 'moneyback', '3000.00', ['101']),
    order(NAMED.cancelled, msk('2026-11-27', '12:00'), null, 'cancel', '1500.00', ['103']),
    order(NAMED.unpaid, msk('2026-11-27', '13:00'), null, 'waiting', '2500.00', ['103']),
  );
  return orders;
}

function order(id: number, created: number, paid: number | null, status: string, price: string, goods: string[]): RawOrderInput {
  return {
    id,
    created,
    paid,
    pay_status: status,
    price,
    email: `buyer${id}@example.com`,
    items: goods.map((g) => ({ id: g, title: title(g), sum: price, price })),
  };
}

/** What a question asks, written out by hand: the instants, which list, which status, which products. */
export interface Asked {
  from: number;
  to: number;
  list?: 'created' | 'paid';
  status?: 'unpaid' | 'cancelled' | 'refunded';
  goods?: string[];
  /** Numbers only: the header and a button, no orders. */
  summary?: boolean;
}

export interface Answer {
  paid: { count: number; sum: number };
  created: { count: number; paidByNow: number };
  status: { count: number; sum: number } | null;
  /** The orders the list shows, newest first. */
  listed: string[];
}

const minor = (price: string) => Math.round(Number(price) * 100);

/** The answer by brute force over the raw orders. */
export function answerOf(raw: readonly RawOrder[], q: Asked): Answer {
  const inGoods = (o: RawOrder) => !q.goods || o.items.some((i) => q.goods!.includes(i.id));
  const within = (t: number) => t >= q.from && t < q.to;
  const created = raw.filter((o) => inGoods(o) && within(Number(o.created)));
  const paid = raw.filter((o) => inGoods(o) && o.pay_status === 'paid' && Number(o.paid) > 0 && within(Number(o.paid)));
  const wanted = { unpaid: ['waiting'], cancelled: ['cancel'], refunded: ['moneyback'] };
  const inStatus = q.status ? created.filter((o) => wanted[q.status!].includes(o.pay_status)) : null;
  const byPaid = (q.list ?? 'created') === 'paid' && !q.status;
  const listed = (inStatus ?? (byPaid ? paid : created))
    .slice()
    .sort((a, b) => (byPaid ? Number(b.paid) - Number(a.paid) : Number(b.created) - Number(a.created)) || Number(b.id) - Number(a.id))
    .map((o) => o.id);
  const sum = (os: RawOrder[]) => os.reduce((s, o) => s + minor(o.price), 0);
  return {
    paid: { count: paid.length, sum: sum(paid) },
    created: { count: created.length, paidByNow: created.filter((o) => o.pay_status === 'paid').length },
    status: inStatus ? { count: inStatus.length, sum: sum(inStatus) } : null,
    listed,
  };
}

/** Money as each language prints it: "₽5,980.50", "5 980,50 ₽" (plain spaces). */
export function money(m: number, lang: 'en' | 'ru'): string {
  const whole = m % 100 === 0;
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ru-RU', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 })
    .format(m / 100)
    .replace(/[\u00a0\u202f]/g, ' ');
  return lang === 'en' ? `₽${n}` : `${n} ₽`;
}

export function ordersWord(n: number, lang: 'en' | 'ru'): string {
  if (lang === 'en') return `${n} ${n === 1 ? 'order' : 'orders'}`;
  const form = n % 10 === 1 && n % 100 !== 11 ? 'заказ' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'заказа' : 'заказов';
  return `${n} ${form}`;
}

/** The header lines a seller must read for this answer (the set lines and, with a status, its line). */
export function headerLines(a: Answer, lang: 'en' | 'ru', status?: Asked['status']): string[] {
  const avg = a.paid.count > 0 ? Math.round(a.paid.sum / a.paid.count) : null;
  const lines =
    lang === 'en'
      ? [
          `💰 Paid in the period: ${ordersWord(a.paid.count, 'en')} · ${money(a.paid.sum, 'en')}${avg === null ? '' : ` · average ${money(avg, 'en')}`}`,
          `🧾 Created in the period: ${ordersWord(a.created.count, 'en')}${a.created.count === 0 ? '' : ` · ${a.created.paidByNow} of them paid by now`}`,
        ]
      : [
          `💰 Оплачено за период: ${ordersWord(a.paid.count, 'ru')} · ${money(a.paid.sum, 'ru')}${avg === null ? '' : ` · средний чек ${money(avg, 'ru')}`}`,
          `🧾 Создано за период: ${ordersWord(a.created.count, 'ru')}${a.created.count === 0 ? '' : ` · из них оплачено к этому моменту: ${a.created.paidByNow}`}`,
        ];
  if (status && a.status) {
    const en = { unpaid: 'still unpaid', cancelled: 'cancelled', refunded: 'refunded' }[status];
    const ru = { unpaid: 'ещё не оплачено', cancelled: 'отменено', refunded: 'возвращено' }[status];
    lines.push(
      lang === 'en'
        ? `🔎 Of those created, ${en}: ${ordersWord(a.status.count, 'en')} · ${money(a.status.sum, 'en')} — listed below`
        : `🔎 Из созданных ${ru}: ${ordersWord(a.status.count, 'ru')} · ${money(a.status.sum, 'ru')} — они ниже`,
    );
  }
  return lines;
}
