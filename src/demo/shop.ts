// The demo shop's orders: made up, but shaped and spread like a small online school's. Each Moscow day's
// orders come from a PRNG seeded by its date, so every replica and every restart sees the same shop.
import type { UnixSeconds } from '../domain/justclick.js';
import type { RawOrder } from '../justclick/wire.js';

export interface DemoProduct {
  /** `good_name`: the code orders list as `items[].id`. */
  code: string;
  title: string;
  /** Whole rubles; 0 for a free lead magnet. */
  price: number;
  type: string;
  recurrent: boolean;
  /** How often it is ordered, relative to the others. */
  weight: number;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { code: 'checklist-7days', title: 'Чек-лист «Запуск за 7 дней»', price: 0, type: 'free', recurrent: false, weight: 14 },
  { code: 'guide-10steps', title: 'Гайд «10 шагов к первым продажам»', price: 0, type: 'free', recurrent: false, weight: 10 },
  { code: 'webinar-funnel', title: 'Запись вебинара «Воронка за вечер»', price: 990, type: 'digital', recurrent: false, weight: 18 },
  { code: 'club-month', title: 'Клуб «Практика» — месяц', price: 1490, type: 'subscription', recurrent: true, weight: 12 },
  { code: 'course-basic', title: 'Курс «Продажи в Telegram»', price: 4990, type: 'course', recurrent: false, weight: 22 },
  { code: 'course-pro', title: 'Курс «Продажи в Telegram» PRO', price: 19900, type: 'course', recurrent: false, weight: 9 },
  { code: 'mentoring', title: 'Наставничество «Школа эксперта»', price: 49900, type: 'course', recurrent: false, weight: 3 },
];

/** The partners who bring buyers (level 1 earns 30 %, a level-2 partner above them 10 %). */
const PARTNERS = [
  { id: '3101', name: 'Марина Крылова' },
  { id: '3102', name: 'Блог «Маркетинг без воды»' },
  { id: '3103', name: 'Олег Седов' },
  { id: '3104', name: 'Канал «Продажи и точка»' },
  { id: '3105', name: 'Анастасия Белова' },
];
export const PARTNER_SHARE = { 1: 0.3, 2: 0.1 } as const;

/** Sources with the mediums and campaigns they come with; '' is a direct visit (no UTM at all). */
const SOURCES: readonly { source: string; medium: string[]; campaign: string[]; weight: number }[] = [
  { source: 'telegram', medium: ['post', 'ads'], campaign: ['channel_post', 'tg_ads_spring', 'evergreen'], weight: 26 },
  { source: 'vk', medium: ['cpc', 'post'], campaign: ['vk_target', 'retarget', 'evergreen'], weight: 20 },
  { source: 'yandex', medium: ['cpc'], campaign: ['search_brand', 'search_course'], weight: 14 },
  { source: 'email', medium: ['newsletter'], campaign: ['weekly_letter', 'webinar_invite'], weight: 12 },
  { source: 'youtube', medium: ['video'], campaign: ['review_video', 'shorts'], weight: 8 },
  { source: '', medium: [''], campaign: [''], weight: 20 },
];

const PAYWAYS = ['Банковская карта', 'СБП', 'ЮMoney', 'Тинькофф Рассрочка'];
const FIRST_NAMES = [
  'Анна',
  'Мария',
  'Екатерина',
  'Ольга',
  'Наталья',
  'Ирина',
  'Светлана',
  'Юлия',
  'Дмитрий',
  'Алексей',
  'Сергей',
  'Андрей',
  'Игорь',
  'Павел',
  'Елена',
  'Татьяна',
];
const LAST_NAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Лебедев',
  'Козлов',
];
const LATIN = ['anna', 'maria', 'katya', 'olga', 'natasha', 'ira', 'sveta', 'yulia', 'dima', 'alex', 'sergey', 'andrey', 'igor', 'pavel', 'lena', 'tanya'];
const CITIES = ['Москва', 'Санкт-Петербург', 'Екатеринбург', 'Новосибирск', 'Казань', 'Краснодар', 'Нижний Новгород', 'Самара', 'Алматы', 'Минск'];
/** Buyers come back: a pool of this many people, the first ones ordering most often. */
const BUYERS = 400;
/** Orders by hour of the Moscow day: quiet at night, busy in the late morning and the evening. */
const HOUR_WEIGHTS = [2, 1, 1, 0.5, 0.5, 0.5, 1, 2, 4, 6, 8, 9, 9, 8, 7, 7, 7, 8, 9, 10, 10, 9, 6, 4];
const MSK_OFFSET_S = 3 * 3600; // Moscow has kept UTC+3 all year since 2014: its days are plain arithmetic.
const DAY_S = 86_400;
/** Order ids: 1,000 per day since 2015, in the order they were created, so that ids grow with time like JustClick's. */
const ID_BASE = 100_000;
const IDS_PER_DAY = 1_000;
const ID_EPOCH_DAY = 16_436; // 2015-01-01

/** One order of the demo shop with everything that will ever happen to it (payment, refund). */
export interface DemoOrder {
  raw: RawOrder;
  created: UnixSeconds;
  /** When it gets paid; null if it never is. */
  paidAt: UnixSeconds | null;
  /** When it gets refunded (after paidAt); null if never. */
  refundedAt: UnixSeconds | null;
  /** What becomes of it when nobody pays: `waiting` for ever, or `cancel`. */
  unpaidStatus: 'waiting' | 'cancel';
}

/** Days since 1970-01-01 of the Moscow date at this instant. */
export function moscowDayOf(at: UnixSeconds): number {
  return Math.floor((at + MSK_OFFSET_S) / DAY_S);
}

/** The instant a Moscow day starts. */
export function moscowDayStart(day: number): UnixSeconds {
  return day * DAY_S - MSK_OFFSET_S;
}

/** `yyyy-mm-dd` of a day number: the seed of that day's orders. */
function isoDay(day: number): string {
  return new Date(day * DAY_S * 1000).toISOString().slice(0, 10);
}

/** The day an order id was made on; null for an id the demo never makes. */
function dayOfOrderId(id: string): number | null {
  if (!/^[1-9][0-9]{5,9}$/.test(id)) return null;
  const n = Number(id) - ID_BASE;
  return n < 0 ? null : ID_EPOCH_DAY + Math.floor(n / IDS_PER_DAY);
}

/** mulberry32: small, fast, and the same numbers on every platform for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a text: the date turned into a seed. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: () => number, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let r = random() * total;
  for (const item of items) {
    r -= weightOf(item);
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

const rubles = (n: number) => n.toFixed(2);

/** How busy a day is: weekdays more than weekends, a summer lull, November sales. */
function expectedOrders(day: number): number {
  const date = new Date(day * DAY_S * 1000);
  const weekday = date.getUTCDay();
  const base = weekday === 0 || weekday === 6 ? 14 : 26;
  const season = [0.9, 1, 1.05, 1, 0.95, 0.8, 0.75, 0.8, 1.1, 1.1, 1.25, 1.1][date.getUTCMonth()]!;
  return base * season;
}

/** A buyer of the pool: the same index is the same person (name, e-mail, phone, city) every day. */
function buyer(index: number) {
  const random = prng(seedOf(`buyer:${index}`));
  const first = Math.floor(random() * FIRST_NAMES.length);
  const male = first >= 8 && first < 14;
  const last = pick(random, LAST_NAMES);
  const phone = String(1_000_000 + Math.floor(random() * 8_999_999)).slice(0, 7);
  return {
    firstName: FIRST_NAMES[first]!,
    lastName: male ? last : `${last}а`,
    // Reserved example domains (RFC 2606): a made-up buyer never has a real person's address.
    email: `${LATIN[first]!}.${index}@${pick(random, ['example.com', 'example.org', 'example.net'])}`,
    phone: `+7900${phone}`,
    city: pick(random, CITIES),
  };
}

/** Every order created on this Moscow day (days since 1970), oldest first, with what will become of each. */
export function demoOrdersOfDay(day: number): DemoOrder[] {
  const random = prng(seedOf(`jcb-demo:${isoDay(day)}`));
  const count = Math.max(1, Math.round(expectedOrders(day) * (0.75 + 0.5 * random())));
  const start = moscowDayStart(day);
  const end = start + DAY_S;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const hour = weighted(
      random,
      HOUR_WEIGHTS.map((w, h) => ({ w, h })),
      (x) => x.w,
    ).h;
    times.push(start + hour * 3600 + Math.floor(random() * 3600));
  }
  times.sort((a, b) => a - b);
  return times.map((created, seq) => demoOrder(random, day, seq, created, end));
}

function demoOrder(random: () => number, day: number, seq: number, created: UnixSeconds, dayEnd: UnixSeconds): DemoOrder {
  const who = buyer(Math.floor(BUYERS * random() ** 2));
  const main = weighted(random, DEMO_PRODUCTS, (p) => p.weight);
  const products = [main];
  // The webinar recording is often bought with the course.
  if (main.code === 'course-basic' && random() < 0.15) products.push(DEMO_PRODUCTS.find((p) => p.code === 'webinar-funnel')!);
  const free = products.every((p) => p.price === 0);
  const kupon = !free && random() < 0.1 ? 'SALE20' : '';
  const partner = !free && random() < 0.3 ? pick(random, PARTNERS) : null;
  const upline =
    partner && random() < 0.4
      ? pick(
          random,
          PARTNERS.filter((p) => p.id !== partner.id),
        )
      : null;
  const items = products.map((p) => {
    const sum = kupon ? Math.round(p.price * 0.8) : p.price;
    const partners = [
      ...(partner ? [{ partner_lvl: '1', partner_id: partner.id, partner_name: partner.name, partner_fee: rubles(Math.round(sum * PARTNER_SHARE[1])) }] : []),
      ...(upline ? [{ partner_lvl: '2', partner_id: upline.id, partner_name: upline.name, partner_fee: rubles(Math.round(sum * PARTNER_SHARE[2])) }] : []),
    ];
    return { id: p.code, title: p.title, sum: rubles(sum), price: rubles(p.price), partners: sum > 0 ? partners : [] };
  });
  const total = items.reduce((sum, item) => sum + Number(item.sum), 0);

  // Free orders are "paid" at once; paid ones mostly within the hour, never after the day they were made.
  let paidAt: UnixSeconds | null = null;
  let refundedAt: UnixSeconds | null = null;
  let unpaidStatus: DemoOrder['unpaidStatus'] = 'waiting';
  const fate = random();
  if (free) paidAt = created + 5 + Math.floor(random() * 60);
  else if (fate < 0.64) {
    const delay = random() < 0.8 ? 60 + Math.floor(random() * 40 * 60) : 3600 + Math.floor(random() * 5 * 3600);
    paidAt = Math.min(created + delay, dayEnd - 1);
    if (random() < 0.07) refundedAt = paidAt + 2 * 3600 + Math.floor(random() * 3 * DAY_S);
  } else if (fate > 0.92) unpaidStatus = 'cancel';

  const source = partner ? null : weighted(random, SOURCES, (s) => s.weight);
  const utm: RawOrder['utm'] = partner
    ? { source: 'partner', medium: 'affiliate', campaign: `p${partner.id}` }
    : source && source.source !== ''
      ? { source: source.source, medium: pick(random, source.medium), campaign: pick(random, source.campaign) }
      : [];
  const payway = free ? '' : main.price >= 19900 && random() < 0.3 ? PAYWAYS[3]! : pick(random, PAYWAYS.slice(0, 3));
  const raw: RawOrder = {
    id: String(ID_BASE + (day - ID_EPOCH_DAY) * IDS_PER_DAY + seq),
    first_name: who.firstName,
    last_name: who.lastName,
    middle_name: '',
    email: who.email,
    phone: who.phone,
    city: who.city,
    country: who.city === 'Алматы' ? 'Казахстан' : who.city === 'Минск' ? 'Беларусь' : 'Россия',
    address: '',
    region: '',
    postalcode: '',
    created: String(created),
    pay_status: 'waiting',
    paid: '0',
    type: 'bill',
    payway,
    comment: random() < 0.05 ? 'Можно счёт на юрлицо?' : '',
    domain: 'demo-school.example.com',
    link: '',
    utm,
    price: rubles(total),
    good_count: String(items.length),
    is_recurrent: products.some((p) => p.recurrent) ? '1' : '0',
    bill_sum_topay: rubles(total),
    tag: free ? 'lead' : '',
    kupon,
    items,
  };
  return { raw, created, paidAt, refundedAt, unpaidStatus };
}

/**
 * The order as JustClick would show it at `now`: null before it is created; unpaid until its paid time
 * has come; refunded once its refund time has.
 */
export function orderAsOf(order: DemoOrder, now: UnixSeconds): RawOrder | null {
  if (order.created > now) return null;
  const raw = structuredClone(order.raw);
  if (order.paidAt !== null && order.paidAt <= now) {
    raw.paid = String(order.paidAt);
    raw.bill_sum_topay = '0.00';
    raw.pay_status = order.refundedAt !== null && order.refundedAt <= now ? 'moneyback' : 'paid';
  } else {
    raw.pay_status = order.unpaidStatus;
    raw.payway = '';
    // A cancelled invoice is cancelled once its buyer has clearly walked away: a day after it was made.
    if (order.unpaidStatus === 'cancel' && order.created + DAY_S > now) raw.pay_status = 'waiting';
  }
  return raw;
}

/** How many days back the demo shop has orders: more than a year, so that a year and its comparisons are full. */
export const DEMO_HISTORY_DAYS = 800;

/**
 * The demo shop as of a clock: the days it has orders for (the last DEMO_HISTORY_DAYS up to today) and a
 * small cache of generated days, since the same days are asked for again and again.
 */
export class DemoShop {
  readonly #days = new Map<number, DemoOrder[]>();

  /** Every order of the day, whatever its state now; [] outside the shop's history as of `now`. */
  day(day: number, now: UnixSeconds): DemoOrder[] {
    const today = moscowDayOf(now);
    if (day > today || day <= today - DEMO_HISTORY_DAYS) return [];
    let orders = this.#days.get(day);
    if (!orders) {
      orders = demoOrdersOfDay(day);
      if (this.#days.size >= 64) this.#days.delete(this.#days.keys().next().value!);
      this.#days.set(day, orders);
    }
    return orders;
  }

  /** The orders of days [first, last] as JustClick shows them at `now`; only those `wanted` when given. */
  ordersOfDays(first: number, last: number, now: UnixSeconds, wanted?: (order: RawOrder) => boolean): RawOrder[] {
    const seen: RawOrder[] = [];
    for (let d = Math.max(first, moscowDayOf(now) - DEMO_HISTORY_DAYS + 1); d <= last; d++) {
      for (const order of this.day(d, now)) {
        if (wanted && !wanted(order.raw)) continue;
        const raw = orderAsOf(order, now);
        if (raw) seen.push(raw);
      }
    }
    return seen;
  }

  /** One order by id as JustClick shows it at `now`; null when there is none (yet). */
  order(id: string, now: UnixSeconds): RawOrder | null {
    const day = dayOfOrderId(id);
    if (day === null) return null;
    const found = this.day(day, now).find((o) => o.raw.id === id);
    return found ? orderAsOf(found, now) : null;
  }
}
