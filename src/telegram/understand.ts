// The words of a question about orders read as the seller meant them: with the account's product names
// (cached, and JustClick's product list fetched at most every few hours when a word is not understood),
// or answered with what was not understood, the nearest phrase and examples as buttons. Nothing is asked
// of JustClick's orders before the words are understood.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Period } from '../domain/calendar-periods.js';
import { takeAccountPick } from '../domain/account-pick.js';
import { may } from '../domain/roles.js';
import { accountsText } from '../domain/i18n/accounts.js';
import { ERROR_EXAMPLES, ordersText } from '../domain/i18n/orders.js';
import { unixSeconds } from '../domain/justclick.js';
import { parseRequest, type OrdersRequest, type ProductTitle, type Request, type RequestError, type RequestResult } from '../domain/request.js';
import { isJustClickError } from '../justclick/errors.js';
import { allGoods } from '../justclick/lookups.js';
import type { OrdersQuery } from '../justclick/types.js';
import type { LinkedAccount } from '../store/accounts.js';
import type { ChoiceOption } from '../store/choices.js';
import { accountForQuery } from './access.js';
import { accountsWithRoles } from './account-pick.js';
import type { BotContext, Services } from './context.js';

/** What to read: the command the words came with, and the words. */
export interface Asked {
  /** /orders (also plain text and the aliases), /export, or another command reading the same words. */
  command: string;
  text: string;
  /** Products set aside: the others an ambiguous name fitted, once the seller chose one. */
  without?: readonly string[];
  /** Typed as a message, not after a command: examples are then shown without a command. */
  plain?: boolean;
  /** The words a shortcut put in front of what was typed ("/sales x" reads "paid x"): not quoted back as typed. */
  added?: string;
}

export interface PreparedQuery {
  account: LinkedAccount;
  request: OrdersRequest;
  /** The list's own question: created in the period, or (`paidOnly`) paid in it. */
  query: OrdersQuery;
  period: Period;
  /** The product filter as the seller reads it: a title where the catalog knows one, else the id. */
  goodsLabels: string[];
  /** "@all": every account the asker may see totals of (own, then teams'), for the combined view (one line per account). */
  combined?: LinkedAccount[];
}

/** A period's orders on an account, or one order or buyer (which need no catalog); null when already answered. */
export type Understood = { prepared: PreparedQuery } | { lookup: Exclude<Request, OrdersRequest> } | null;

/**
 * What understand() gives: the answer, or (when JustClick's product list must be fetched first) the rest
 * of the reading, to be run off the update loop like every other JustClick call.
 */
export type Reading = Understood | { afterProductList: () => Promise<Understood> };

export const CHOICE_PRESS = /^ask:([A-Za-z0-9_-]{11}):(\d{1,2})$/;
/** Commands with a combined view of every account ("@all"). */
const COMBINED_COMMANDS = new Set(['orders', 'chart', 'top']);
/** Only these commands' errors get buttons: a tapped phrase runs again as one of them (features/ask.ts). */
const COMMANDS_WITH_CHOICES = new Set(['orders', 'export']);
/** Buttons of choices and examples are labelled with at most this many characters. */
const BUTTON_LABEL_MAX = 48;
/** How many products an ambiguous name offers at most (the rest would not fit a screen). */
const MAX_PRODUCT_CHOICES = 8;
/** Errors a catalog of product names may clear ("курс" is a product, not a typo). */
const NAME_ERRORS = new Set<RequestError['code']>(['unknown-word', 'goods-without-ids']);

/**
 * Reads the words. Errors no product name can explain are answered before the account is even looked
 * up, and one order or buyer goes on at once (the lookups check access themselves); a period's orders
 * need the account, whose catalog then names the products. Answers the user itself and returns null
 * when it cannot go on.
 */
export async function understand(s: Services, ctx: BotContext, typed: Asked): Promise<Reading> {
  const asked = withoutAccountPick(ctx, typed);
  if (ctx.accountPick === 'all' && !COMBINED_COMMANDS.has(asked.command)) {
    await s.gateway.sendHtml(ctx.chat!.id, accountsText[ctx.lang].allOnlyIn(`/${asked.command}`));
    return null;
  }
  const base = { now: s.now(), timeZone: ctx.timeZone };
  const first = parseRequest(asked.text, base);
  if (!first.ok && !NAME_ERRORS.has(first.error.code)) return explain(s, ctx, asked, first.error);
  if (first.ok && first.request.kind !== 'orders') return { lookup: first.request };

  const access = await accountForQuery(s, ctx);
  if (!access.ok) {
    // A question that is not understood is answered as such, linked or not.
    if (!first.ok) return explain(s, ctx, asked, first.error);
    await s.refuse(ctx, access);
    return null;
  }
  const account = access.value;
  const catalog = await s.catalog.get(account.creds, unixSeconds(s.now()));
  const products = setAside(catalog.products, asked.without);
  const result: RequestResult = products.length > 0 ? parseRequest(asked.text, { ...base, catalog: products }) : first;
  // A word not understood may be a product the catalog does not know yet: ask for the list, once in a while.
  if (!result.ok && result.error.code === 'unknown-word' && !catalog.fresh && /\p{L}{3}/u.test(result.error.fragment)) {
    return {
      afterProductList: async () => {
        const listed = setAside(await refreshCatalog(s, ctx, account), asked.without);
        return finish(s, ctx, asked, account, listed.length > 0 ? parseRequest(asked.text, { ...base, catalog: listed }) : result, listed);
      },
    };
  }
  return finish(s, ctx, asked, account, result, products);
}

/** The request read, as what to answer, or its error explained. */
async function finish(
  s: Services,
  ctx: BotContext,
  asked: Asked,
  account: LinkedAccount,
  result: RequestResult,
  products: readonly ProductTitle[],
): Promise<Understood> {
  if (!result.ok) return explain(s, ctx, asked, result.error);
  if (result.request.kind !== 'orders') return { lookup: result.request };
  const prepared = prepareQuery(account, result.request, products);
  if (ctx.accountPick === 'all') {
    const all = await combinedAccounts(s, ctx.from!.id);
    // One account: "@all" is just that one, answered as usual.
    if (all.length > 1) prepared.combined = all;
  }
  return { prepared };
}

/** The accounts "@all" adds up: those the person may use (their own and their teams') and see the totals of. */
async function combinedAccounts(s: Services, userId: number): Promise<LinkedAccount[]> {
  return (await accountsWithRoles(s, userId)).filter((u) => may(u.role, 'orders')).map((u) => u.account);
}

/** "@shop2" / "@all" out of the words, kept on the context for access.ts (and the lookups) to pick the account by. */
function withoutAccountPick(ctx: BotContext, asked: Asked): Asked {
  const { text, pick } = takeAccountPick(asked.text);
  if (pick === null) return asked;
  ctx.accountPick = pick;
  return { ...asked, text };
}

/** The query an understood request runs on an account. */
function prepareQuery(account: LinkedAccount, request: OrdersRequest, products: readonly ProductTitle[]): PreparedQuery {
  const { period, goods } = request;
  const titles = new Map(products.map((p) => [p.id, p.title]));
  return {
    account,
    request,
    query: { from: period.from, to: period.to, paidOnly: request.list === 'paid' && request.status === null, goods },
    period,
    goodsLabels: goods.map((id) => titles.get(id) || id),
  };
}

function setAside(products: readonly ProductTitle[], without: readonly string[] | undefined): ProductTitle[] {
  return without && without.length > 0 ? products.filter((p) => !without.includes(p.id)) : [...products];
}

/**
 * JustClick's product list, fetched into the account's catalog; the catalog as it now is. A failure is
 * logged and leaves the catalog as it was (the question is then answered without it), and is not retried
 * before the list would be stale again; a spent request budget skips the fetch.
 */
export async function refreshCatalog(s: Services, ctx: BotContext, account: LinkedAccount): Promise<ProductTitle[]> {
  const at = unixSeconds(s.now());
  // One call from the same budgets as every other; when they are spent, the words are read without the list.
  if ((await s.budgets.spend(ctx.from!.id, account.creds, 1, s.now())) > 0) return (await s.catalog.get(account.creds, at)).products;
  try {
    const goods = await allGoods(s.client, account.creds);
    await s.catalog.listed(
      account.creds,
      goods.map((g) => ({ id: g.code, title: g.title })),
      at,
    );
  } catch (err) {
    if (!isJustClickError(err)) throw err;
    ctx.log.warn({ kind: err.kind, login: account.creds.login }, 'JustClick product list failed');
    await s.catalog.listed(account.creds, [], at);
  }
  return (await s.catalog.get(account.creds, at)).products;
}

/**
 * What was not understood, with buttons for /orders and /export: the products an ambiguous name fits, or
 * the nearest phrase ("Did you mean …?") and a few examples, each running as the same command when tapped.
 */
async function explain(s: Services, ctx: BotContext, asked: Asked, error: RequestError): Promise<null> {
  const text = ordersText[ctx.lang];
  const chatId = ctx.chat!.id;
  const added = asked.added ? `${asked.added} ` : '';
  const typed = added && error.fragment.startsWith(added) ? { ...error, fragment: error.fragment.slice(added.length) } : error;
  const message = text.requestError(typed, asked.plain ? undefined : `/${asked.command}`);
  if (!COMMANDS_WITH_CHOICES.has(asked.command)) {
    await s.gateway.sendHtml(chatId, message);
    return null;
  }
  const options: ChoiceOption[] = [];
  const labels: string[] = [];
  if (error.code === 'ambiguous-product' && error.candidates) {
    const ids = error.candidates.map((c) => c.id);
    for (const c of error.candidates.slice(0, MAX_PRODUCT_CHOICES)) {
      options.push({ text: asked.text, without: [...(asked.without ?? []), ...ids.filter((id) => id !== c.id)] });
      labels.push(text.productChoice(c.title, c.id));
    }
  } else {
    if (error.suggestion !== undefined) {
      options.push({ text: error.suggestion });
      labels.push(`✅ ${error.suggestion}`);
    }
    for (const phrase of ERROR_EXAMPLES[ctx.lang].slice(0, 3)) {
      options.push({ text: phrase });
      labels.push(phrase);
    }
  }
  const command = asked.command === 'export' ? 'export' : 'orders';
  const id = await s.choices.save({ userId: ctx.from!.id, chatId, command, options });
  await s.gateway.sendHtml(chatId, message, { keyboard: choiceKeyboard(id, labels) });
  return null;
}

/** One button per row: phrases are long, and a row of three cut words helps nobody. */
function choiceKeyboard(id: string, labels: string[]): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = labels.map((label, n) => [{ text: clipLabel(label), callback_data: `ask:${id}:${n}` }]);
  return { inline_keyboard: rows };
}

function clipLabel(label: string): string {
  const chars = Array.from(label);
  return chars.length <= BUTTON_LABEL_MAX ? label : `${chars.slice(0, BUTTON_LABEL_MAX - 1).join('')}…`;
}
