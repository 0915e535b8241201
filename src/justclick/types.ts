// The shapes the rest of the bot sees of JustClick: typed, normalised orders (defined in the domain, which
// speaks of them) and what only the client needs: account credentials and the method that lists orders.
export type { Minor, Order, OrderItem, OrderSets, OrdersQuery, Partner, UnixSeconds, Utm } from '../domain/justclick.js';

export type OrdersMethod = 'getOrdersWithGoods' | 'GetOrders';

export interface Credentials {
  /** The account login (third-level domain): `shop` for shop.justclick.ru. */
  login: string;
  /** Which platform the account lives on: justclick.ru or justclick.io. */
  region: 'ru' | 'io';
  /** The secret API key. Never log it, never put it into an error, job or reply. */
  key: string;
}
