// What the domain knows of JustClick: its orders (money in minor units, times in unix seconds), a question
// about them, and the ways JustClick can say no. The client in src/justclick/ turns JSON into these.

/** JustClick's clock: its dates (begin_date, end_date) and its "today" are Moscow days. */
export const JUSTCLICK_TIME_ZONE = 'Europe/Moscow';

/** Money is always an integer number of minor units (kopecks, cents): "4990.50" → 499050. */
export type Minor = number;

/** Unix time in seconds, as JustClick sends it. */
export type UnixSeconds = number;

/** An instant as JustClick (and the stores) count it: whole seconds since 1970, rounded down. */
export const unixSeconds = (at: Date): UnixSeconds => Math.floor(at.getTime() / 1000);

/** The instant a unix time names. */
export const fromUnixSeconds = (seconds: UnixSeconds): Date => new Date(seconds * 1000);

/** `paid`, `waiting`, `cancel`, `moneyback`; anything else JustClick invents is kept as-is. */
export type PayStatus = 'paid' | 'waiting' | 'cancel' | 'moneyback' | (string & {});

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

/**
 * A period's two sets, which overlap: the orders created in it (whatever became of them) and the orders
 * paid in it (whenever they were created). Revenue is the second set's money.
 */
export interface OrderSets {
  created: Order[];
  paid: Order[];
}

/** Why a JustClick call failed, in terms a seller can act on (see src/justclick/errors.ts). */
export type JustClickErrorKind =
  | 'wrong-key' // code 4: the hash does not match, i.e. a wrong key
  | 'unknown-login' // code 5
  | 'ip-denied' // code 6
  | 'account-disabled' // code 7
  | 'api-limited' // code 8: request limit reached or API switched off
  | 'unavailable' // network errors, timeouts, 5xx after retries
  | 'protocol'; // bad JSON, bad response hash, codes 1/2/3, unexpected shapes
