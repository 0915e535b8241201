// What /orders and /export share: the words after the command turned into a query for the right
// account, and the JustClick call with its outcome recorded on the account and explained to the seller
// (/order and /buyer ask through askJustClick too).
import { botText } from '../domain/i18n/bot.js';
import { ordersText } from '../domain/i18n/orders.js';
import { parseOrdersArgs, type Period } from '../domain/period.js';
import { ordersCalls } from '../justclick/client.js';
import { isJustClickError } from '../justclick/errors.js';
import { limitsText } from '../domain/i18n/limits.js';
import type { Order, OrdersQuery } from '../justclick/types.js';
import type { LinkedAccount } from '../store/accounts.js';
import { accountForQuery } from './access.js';
import { accountDomain, type BotContext, type Services } from './context.js';
import { unixSeconds } from '../domain/justclick.js';

export interface PreparedQuery {
  account: LinkedAccount;
  query: OrdersQuery;
  period: Period;
}

/** Parses the arguments and finds the account; answers the user itself and returns null when it cannot go on. */
export async function prepareOrdersQuery(
  s: Services,
  ctx: BotContext,
  command: '/orders' | '/export' | '/chart' | '/top',
  args: string,
): Promise<PreparedQuery | null> {
  const chatId = ctx.chat!.id;
  const parsed = parseOrdersArgs(args, { now: s.now(), timeZone: ctx.timeZone });
  if (!parsed.ok) {
    await s.gateway.sendHtml(chatId, ordersText[ctx.lang].periodError(parsed.error, command));
    return null;
  }
  const access = await accountForQuery(s, ctx);
  if (!access.ok) {
    await s.refuse(ctx, access);
    return null;
  }
  return { account: access.value, ...parsed.value };
}

/**
 * Asks JustClick, records success or failure on the account, and on a JustClick failure tells the
 * user what it means; null then. Other errors propagate to the bot's error handler.
 */
export async function fetchOrdersFor(s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<Order[] | null> {
  const { account, query } = prepared;
  return askJustClick(
    s,
    ctx,
    account,
    () => s.client.fetchOrders(account.creds, query, s.config.ordersMethod),
    ordersCalls(query, s.config.ordersMethod).length,
  );
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
    const answer = await ask();
    await s.accounts.markOk(account.ownerId, at());
    return answer;
  } catch (err) {
    if (!isJustClickError(err)) throw err;
    ctx.log.warn({ kind: err.kind, login: account.creds.login, details: err.details }, 'JustClick call failed');
    await s.accounts.markError(account.ownerId, { kind: err.kind, message: err.message }, at());
    await s.gateway.sendHtml(ctx.chat!.id, botText[ctx.lang].justclick(err.kind, accountDomain(account.creds), 'query'));
    return null;
  }
}
