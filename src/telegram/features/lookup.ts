// /order <number> and /buyer <e-mail or phone>: one order as a full card, and a buyer's orders with their
// lifetime paid sum. lookupOrder and lookupBuyer are also what plain questions ("заказ 12345") end in.
import { Composer } from 'telegraf';
import { addDays } from 'date-fns';
import { renderBuyerPages, renderOrderCard, type BuyerAnswer, type LookupOptions } from '../../domain/format/lookup.js';
import type { Html } from '../../domain/format/html.js';
import { maskEmail, maskPhone } from '../../domain/format/mask.js';
import { ACCOUNT_CURRENCY } from '../../domain/format/money.js';
import { clipLine } from '../../domain/format/text.js';
import { lookupText } from '../../domain/i18n/lookup.js';
import type { Order } from '../../domain/justclick.js';
import { uniqueOrders } from '../../domain/order-facts.js';
import { looksLikePhone, samePhone } from '../../domain/phone.js';
import { zoneLabel } from '../../domain/zones.js';
import { buyerHistory, isOrderId, looksLikeEmail, orderDetails } from '../../justclick/lookups.js';
import type { LinkedAccount } from '../../store/accounts.js';
import { takeAccountPick } from '../../domain/account-pick.js';
import { accountsText } from '../../domain/i18n/accounts.js';
import { accountForQuery } from '../access.js';
import { may } from '../../domain/roles.js';
import { teamText } from '../../domain/i18n/team.js';
import { masksContacts } from '../team-access.js';
import { accountDomain, type BotContext, type Services } from '../context.js';
import { askJustClick } from '../orders-query.js';
import { pageKeyboard } from '../paging.js';

/** Each order of a buyer costs one getOrderDetails call: the newest this many are read. */
const BUYER_MAX_ORDERS = 30;
/** JustClick finds buyers by e-mail only; a phone is looked for on the orders created this many days back. */
const PHONE_SEARCH_DAYS = 90;
/** A phone shared by more buyers than this is a shop's own number, not a buyer's. */
const PHONE_MAX_EMAILS = 3;

/**
 * One order as a card, or "not found"; text that cannot be an order number is answered without asking JustClick.
 * @public also called by the plain-text router (issue #9)
 */
export async function lookupOrder(s: Services, ctx: BotContext, id: string): Promise<void> {
  const chatId = ctx.chat!.id;
  const text = lookupText[ctx.lang];
  const typed = id.trim().replace(/^[#№]\s*/, '');
  if (typed === '') {
    await s.gateway.sendHtml(chatId, text.orderUsage);
    return;
  }
  if (!isOrderId(typed)) {
    await s.gateway.sendHtml(chatId, text.notAnOrderId(clipLine(id.trim(), 40)));
    return;
  }
  const account = await askerAccount(s, ctx);
  if (!account) return;
  await s.gateway.typing(chatId);
  await s.background(ctx, async () => {
    // Wrapped: null from askJustClick means a failure already explained, null from orderDetails means no such order.
    const found = await askJustClick(s, ctx, account, async () => ({ order: await orderDetails(s.client, account.creds, typed) }));
    if (found === null) return;
    if (!found.order) {
      await s.gateway.sendHtml(chatId, text.orderNotFound(typed, accountDomain(account.creds)));
      return;
    }
    await s.gateway.sendHtml(chatId, renderOrderCard(found.order, lookupOptions(s, ctx)));
  });
}

/**
 * A buyer's orders, newest first, with their lifetime paid sum. JustClick looks buyers up by e-mail
 * only, so a phone is first matched against the account's recent orders to learn the e-mail(s).
 * @public also called by the plain-text router (issue #9)
 */
export async function lookupBuyer(s: Services, ctx: BotContext, who: { email: string } | { phone: string }): Promise<void> {
  const chatId = ctx.chat!.id;
  const text = lookupText[ctx.lang];
  const typed = ('email' in who ? who.email : who.phone).trim();
  if (typed === '') {
    await s.gateway.sendHtml(chatId, text.buyerUsage);
    return;
  }
  const valid = 'email' in who ? looksLikeEmail(typed) : looksLikePhone(typed);
  if (!valid) {
    await s.gateway.sendHtml(chatId, text.notAContact(clipLine(typed, 60)));
    return;
  }
  const account = await askerAccount(s, ctx);
  if (!account) return;
  await s.gateway.typing(chatId);
  await s.background(ctx, async () => {
    const answer = await askJustClick(s, ctx, account, () => ('email' in who ? byEmail(s, account, typed) : byPhone(s, account, typed)));
    if (answer === null) return;
    const opts = lookupOptions(s, ctx);
    if (answer.orders.length === 0) {
      const contact = clipLine(typed, 80);
      const reply =
        answer.search.by === 'email'
          ? text.buyerNotFound(opts.maskContacts ? maskEmail(contact) : contact)
          : text.phoneNotFound(opts.maskContacts ? maskPhone(contact) : contact, PHONE_SEARCH_DAYS);
      await s.gateway.sendHtml(chatId, reply);
      return;
    }
    await sendPaged(s, ctx, account, renderBuyerPages(answer, opts));
  });
}

export function lookupFeature(s: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The words without "@login", which picks the account (access.ts reads it off the context); null after "@all". */
  const withoutPick = async (ctx: BotContext, command: string, words: string): Promise<string | null> => {
    const { text, pick } = takeAccountPick(words);
    if (pick === 'all') {
      await s.gateway.sendHtml(ctx.chat!.id, accountsText[ctx.lang].allOnlyIn(`/${command}`));
      return null;
    }
    if (pick !== null) ctx.accountPick = pick;
    return text;
  };

  feature.command('order', async (ctx) => {
    const typed = await withoutPick(ctx, 'order', ctx.payload);
    if (typed !== null) await lookupOrder(s, ctx, typed);
  });

  feature.command('buyer', async (ctx) => {
    const words = await withoutPick(ctx, 'buyer', ctx.payload);
    if (words === null) return;
    const typed = words.trim();
    await lookupBuyer(s, ctx, typed.includes('@') || !/\d/.test(typed) ? { email: typed } : { phone: typed });
  });

  return feature;
}

async function askerAccount(s: Services, ctx: BotContext): Promise<LinkedAccount | null> {
  const access = await accountForQuery(s, ctx);
  // Looking a buyer up shows their contacts: not for a viewer.
  if (access.ok && may(ctx.role, 'lookup')) return access.value;
  await s.refuse(ctx, access.ok ? { reply: teamText[ctx.lang].viewerRefused } : access);
  return null;
}

function lookupOptions(s: Services, ctx: BotContext): LookupOptions {
  return {
    lang: ctx.lang,
    timeZone: ctx.timeZone,
    zoneLabel: zoneLabel(ctx.timeZone, ctx.lang, s.now()),
    currency: ACCOUNT_CURRENCY,
    maskContacts: masksContacts(ctx),
  };
}

async function byEmail(s: Services, account: LinkedAccount, email: string): Promise<BuyerAnswer> {
  const history = await buyerHistory(s.client, account.creds, email, { maxOrders: BUYER_MAX_ORDERS });
  return { search: { by: 'email', email }, ...history };
}

/** The e-mails on the account's recent orders that carry this phone, newest first, then each one's history. */
async function byPhone(s: Services, account: LinkedAccount, phone: string): Promise<BuyerAnswer> {
  const now = s.now();
  const recent = await s.client.fetchOrders(
    account.creds,
    { from: addDays(now, -PHONE_SEARCH_DAYS), to: now, paidOnly: false, goods: [] },
    s.config.ordersMethod,
  );
  const emails = [
    ...new Set(
      recent
        .filter((o) => o.email.trim() !== '' && samePhone(o.phone, phone))
        .sort((a, b) => b.created - a.created)
        .map((o) => o.email.trim().toLowerCase()),
    ),
  ].slice(0, PHONE_MAX_EMAILS);

  let orders: Order[] = [];
  let ordersTotal = 0;
  let paidSum = 0;
  let complete = true;
  for (const email of emails) {
    const history = await buyerHistory(s.client, account.creds, email, { maxOrders: Math.max(0, BUYER_MAX_ORDERS - orders.length) });
    orders = uniqueOrders([...orders, ...history.orders]);
    ordersTotal += history.ordersTotal;
    paidSum += history.paidSum;
    complete &&= history.complete;
  }
  orders.sort((a, b) => b.created - a.created);
  return { search: { by: 'phone', phone, emails, days: PHONE_SEARCH_DAYS }, orders, ordersTotal, paidSum, complete };
}

/** One page as it is; more get ◀ ▶ buttons served by /orders' page store (whoever asked turns them). */
async function sendPaged(s: Services, ctx: BotContext, account: LinkedAccount, pages: readonly Html[]): Promise<void> {
  const chatId = ctx.chat!.id;
  const [first] = pages;
  if (first === undefined) return;
  if (pages.length === 1) {
    await s.gateway.sendHtml(chatId, first);
    return;
  }
  const id = await s.pages.save({ userId: ctx.from!.id, ownerId: account.ownerId, chatId, pages: [...pages] });
  await s.gateway.sendHtml(chatId, first, { keyboard: pageKeyboard(id, 0, pages.length) });
}
