// What /orders, /export and the other commands share once the words are understood: the JustClick calls
// with their outcome recorded on the account and explained to the seller (/order and /buyer ask through
// askJustClick too), and the product titles every answer teaches the account's catalog.
import { botText } from '../domain/i18n/bot.js';
import { ordersText } from '../domain/i18n/orders.js';
import { unixSeconds } from '../domain/justclick.js';
import { hasStatus } from '../domain/order-facts.js';
import { limitsText } from '../domain/i18n/limits.js';
import { ordersCalls } from '../justclick/client.js';
import { isJustClickError } from '../justclick/errors.js';
import type { Order, OrderSets } from '../justclick/types.js';
import type { LinkedAccount } from '../store/accounts.js';
import { accountDomain, type BotContext, type Services } from './context.js';
import { understand, type PreparedQuery } from './understand.js';

export type { PreparedQuery } from './understand.js';

/**
 * The words after a command that reads a period the way /orders does (/chart, /top) as a query for the
 * right account; answers the user itself and returns null when it cannot go on (one order or one buyer
 * is no period: such words are refused as mixed with the command).
 * @public for /chart and /top (issue #10), which read a period the way /orders does
 */
export async function prepareOrdersQuery(s: Services, ctx: BotContext, command: string, args: string): Promise<PreparedQuery | null> {
  const reading = await understand(s, ctx, { command: command.replace(/^\//, ''), text: args });
  // The caller runs its own JustClick calls in the background and needs the query back: the rare product
  // list fetch is awaited here.
  const understood = reading !== null && 'afterProductList' in reading ? await reading.afterProductList() : reading;
  if (understood === null) return null;
  if ('prepared' in understood) return understood.prepared;
  const error = { code: 'mixed-request' as const, fragment: Array.from(args.trim()).slice(0, 64).join('') };
  await s.gateway.sendHtml(ctx.chat!.id, ordersText[ctx.lang].requestError(error, command));
  return null;
}

/**
 * Any JustClick question for the account (orders, one order, a buyer): paid for from the user's and the
 * account's budgets (`calls`: how many JustClick calls it makes), the outcome recorded on the account, and a
 * JustClick failure or a spent budget explained to the user (null then). Other errors propagate.
 */
export async function askJustClick<T>(s: Services, ctx: BotContext, account: LinkedAccount, ask: () => Promise<T>, calls = 1): Promise<T | null> {
  const at = () => unixSeconds(s.now());
  // Paid for before asking: a year of orders is 14 calls, and JustClick may block an account that makes too many.
  const waitMs = await s.budgets.spend(ctx.from!.id, account.creds, calls, s.now());
  if (waitMs > 0) {
    ctx.log.info({ waitMs }, 'JustClick budget spent; asking the user to wait');
    await s.gateway.sendHtml(ctx.chat!.id, limitsText[ctx.lang].slowDown(waitMs / 60_000));
    return null;
  }
  try {
    const result = await ask();
    await s.accounts.markOk(account.ownerId, at());
    return result;
  } catch (err) {
    if (!isJustClickError(err)) throw err;
    ctx.log.warn({ kind: err.kind, login: account.creds.login, details: err.details }, 'JustClick call failed');
    await s.accounts.markError(account.ownerId, { kind: err.kind, message: err.message }, at());
    await s.gateway.sendHtml(ctx.chat!.id, botText[ctx.lang].justclick(err.kind, accountDomain(account.creds), 'query'));
    return null;
  }
}

/** The orders the list shows (for /export): created in the period (in the status asked for), or paid in it. */
export async function fetchOrdersFor(s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<Order[] | null> {
  const { account, query, request } = prepared;
  const method = s.config.ordersMethod;
  const orders = await askJustClick(s, ctx, account, () => s.client.fetchOrders(account.creds, query, method), ordersCalls(query, method).length);
  if (orders === null) return null;
  await learnTitles(s, account, orders);
  return request.status === null ? orders : orders.filter((o) => hasStatus(o, request.status!));
}

/** Both sets of the period (for /orders): the orders created in it and the orders paid in it. */
export async function fetchOrderSetsFor(s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<OrderSets | null> {
  const { account, query } = prepared;
  const method = s.config.ordersMethod;
  // GetOrders answers both sets in its calls; getOrdersWithGoods makes the created calls and as many paid ones.
  const createdCalls = ordersCalls({ ...query, paidOnly: false }, method).length;
  const sets = await askJustClick(
    s,
    ctx,
    account,
    () => s.client.fetchOrderSets(account.creds, { from: query.from, to: query.to, goods: query.goods }, method),
    method === 'GetOrders' ? createdCalls : 2 * createdCalls,
  );
  if (sets === null) return null;
  await learnTitles(s, account, [...sets.created, ...sets.paid]);
  return sets;
}

/** Product titles seen in orders go into the account's catalog: names work before the product list is ever fetched. */
async function learnTitles(s: Services, account: LinkedAccount, orders: readonly Order[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const item of orders.flatMap((o) => o.items)) if (item.id !== '' && item.title !== '') seen.set(item.id, item.title);
  await s.catalog.remember(
    account.creds,
    [...seen].map(([id, title]) => ({ id, title })),
  );
}
