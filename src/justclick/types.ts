// The shapes the rest of the bot sees of JustClick: typed, normalised orders and account credentials.

/** Money is always an integer number of minor units (kopecks, cents): "4990.50" → 499050. */
export type Minor = number;

/** Unix time in seconds, as JustClick sends it. */
export type UnixSeconds = number;

export type OrdersMethod = 'getOrdersWithGoods' | 'GetOrders';

/** `paid`, `waiting`, `cancel`, `moneyback`; anything else JustClick invents is kept as-is. */
export type PayStatus = 'paid' | 'waiting' | 'cancel' | 'moneyback' | (string & {});

export interface Credentials {
  /** The account login (third-level domain): `shop` for shop.justclick.ru. */
  login: string;
  /** Which platform the account lives on: justclick.ru or justclick.io. */
  region: 'ru' | 'io';
  /** The secret API key. Never log it, never put it into an error, job or reply. */
  key: string;
}

export interface Partner {
  level: number;
  id: string;
  name: string;
  fee: Minor;
}

export interface OrderItem {
  id: string;
  title: string;
  /** What was actually paid for this line. */
  sum: Minor;
  /** List price. */
  price: Minor;
  partners: Partner[];
}

export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  content?: string;
  term?: string;
}

export interface Order {
  id: string;
  firstName: string;
  lastName: string;
  middleName: string;
  email: string;
  phone: string;
  city: string;
  country: string;
  address: string;
  region: string;
  postalcode: string;
  created: UnixSeconds;
  /** When it was paid; null while unpaid. */
  paid: UnixSeconds | null;
  payStatus: PayStatus;
  type: string;
  payway: string;
  comment: string;
  domain: string;
  link: string;
  utm: Utm;
  /** Order total. */
  price: Minor;
  /** Left to pay (bill_sum_topay); null when JustClick did not say. */
  toPay: Minor | null;
  isRecurrent: boolean;
  tag: string;
  kupon: string;
  /** Empty with GetOrders, which does not list goods. */
  items: OrderItem[];
}

/** A precise question about orders: the half-open interval [from, to) of instants. */
export interface OrdersQuery {
  from: Date;
  to: Date;
  /** Only paid orders, filtered by their `paid` time; otherwise all orders, filtered by `created`. */
  paidOnly: boolean;
  /** Product ids; empty means every product. */
  goods: string[];
}
