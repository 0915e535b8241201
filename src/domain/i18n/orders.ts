// What /orders, /export and plain questions say, in each language. Every function escapes the values it
// is given and returns Telegram HTML. The two sets of a period are always named in words: orders paid in
// it (its revenue) and orders created in it; the digest says them with the same functions.
import { escapeHtml as e, html, joinHtml, type Html } from '../format/html.js';
import { MAX_PERIOD_DAYS } from '../calendar-periods.js';
import type { RequestError, RequestErrorCode } from '../request.js';
import type { StatusFilter } from '../order-facts.js';
import { plural, type Lang } from './lang.js';

export type KnownStatus = 'paid' | 'waiting' | 'cancel' | 'moneyback';

/** What the sets are counted over: the period asked for, or the digest's day. */
export type Span = 'period' | 'day';

/** Commands a word after them can follow, and the shortcuts that add a word of their own. */
export type Alias = 'today' | 'yesterday' | 'sales' | 'revenue' | 'stats';

export interface OrdersText {
  /** "📦 Orders — today, 28 Nov" */
  header(period: string): Html;
  /** The product filter in force (names or ids), or null when there is none. */
  filters(goods: string[]): Html | null;
  /** "💰 Paid in the period: 4 orders · ₽24,870 · average ₽6,217.50": the period's revenue. */
  paidIn(span: Span, count: number, sum: string, averageCheck: string | null): Html;
  /** "🧾 Created in the period: 6 orders · 4 of them paid by now". */
  createdIn(span: Span, count: number, paidByNow: number): Html;
  /** A status filter: how many of the orders created in the period are in it, and what they are worth; they are listed. */
  statusOf(status: StatusFilter, count: number, sum: string): Html;
  /** "❌ Of those created: cancelled 1 (₽700) · refunded 0 (₽0)" (the digest). */
  losses(cancelled: number, cancelledSum: string, refunded: number, refundedSum: string): Html;
  /** Said above a list of the orders paid in the period (the default list, of created ones, needs no line). */
  paidListed: Html;
  /** The sets have orders, the list asked for has none. */
  nothingListed(list: 'created' | 'paid', status: StatusFilter | null): Html;
  noOrders(period: string): Html;
  /** The button under a summary that shows the orders themselves, naming the set (plain text). */
  showList(list: 'created' | 'paid', status: StatusFilter | null, count: number): string;
  /** Labels of the times on an order's line: "created 14:02", "paid 14:05". */
  createdAt(time: string): Html;
  paidAt(time: string): Html;
  /** The link to a paid order's bill. */
  bill: Html;
  noName: Html;
  noItems: Html;
  status: Record<KnownStatus, Html>;
  otherStatus(status: string): Html;
  /** What was not understood and how to say it; `command` is /orders, /export, or undefined for plain text. */
  requestError(error: RequestError, command?: string): Html;
  /** "Did you mean “заказы вчера”?" */
  didYouMean(phrase: string): Html;
  /** Lines of examples after an error; `command` as for requestError. */
  examples(command?: string): Html;
  /** The words an alias adds in front of what follows it ("/sales week" reads as "paid week"). */
  aliasWords: Record<Alias, string>;
  /** The ambiguous product buttons: "Курс «Продажи» (12)" (plain text). */
  productChoice(title: string, id: string): string;
}

const quoteEn = (s: string) => html`“${e(s)}”`;
const quoteRu = (s: string) => html`«${e(s)}»`;
const goodsList = (goods: string[]) => e(goods.join(', '));

/** The example phrases offered after an error and as buttons: one of each common kind, all from PHRASE_EXAMPLES (tested). */
export const ERROR_EXAMPLES: Record<Lang, readonly string[]> = {
  en: ['yesterday', 'last week', 'nov 1-15', 'paid yesterday', 'how many sales today?'],
  ru: ['вчера', 'на прошлой неделе', 'с 1 по 15 ноября', 'оплаченные вчера', 'сколько продаж вчера?'],
};

const ordersEn = (n: number) => `${n} ${plural('en', n, { one: 'order', other: 'orders' })}`;
const ordersRu = (n: number) => `${n} ${plural('ru', n, { one: 'заказ', few: 'заказа', other: 'заказов' })}`;

const exampleLines = (lang: Lang, command: string | undefined) =>
  ERROR_EXAMPLES[lang].map((phrase) => html`<code>${e(command ? `${command} ${phrase}` : phrase)}</code>`);

const en: OrdersText = {
  header: (period) => html`📦 <b>Orders — ${e(period)}</b>`,
  filters: (goods) => (goods.length > 0 ? html`🔎 products: ${goodsList(goods)}` : null),
  paidIn: (span, count, sum, avg) =>
    html`💰 Paid ${span === 'day' ? html`during the day` : html`in the period`}: <b>${e(ordersEn(count))}</b> · <b>${e(sum)}</b>${avg === null ? '' : html` · average ${e(avg)}`}`,
  createdIn: (span, count, paidByNow) =>
    html`🧾 Created ${span === 'day' ? html`during the day` : html`in the period`}: <b>${e(ordersEn(count))}</b>${count === 0 ? '' : html` · ${paidByNow} of them paid by now`}`,
  statusOf: (status, count, sum) => {
    const what = { unpaid: 'still unpaid', cancelled: 'cancelled', refunded: 'refunded' }[status];
    return html`🔎 Of those created, ${e(what)}: <b>${e(ordersEn(count))}</b> · ${e(sum)} — listed below`;
  },
  losses: (c, cSum, r, rSum) => html`❌ Of those created: cancelled ${c} (${e(cSum)}) · ↩️ refunded ${r} (${e(rSum)})`,
  paidListed: html`⬇️ Listed below: the orders paid in the period`,
  nothingListed: (list, status) =>
    status !== null
      ? html`None of the orders created in the period is ${e({ unpaid: 'unpaid', cancelled: 'cancelled', refunded: 'refunded' }[status])}.`
      : list === 'paid'
        ? html`No order was paid in the period.`
        : html`No order was created in the period.`,
  noOrders: (period) => html`No orders for ${e(period)}.`,
  showList: (list, status, count) =>
    `📋 Show the ${ordersEn(count)} ${status ? { unpaid: 'unpaid', cancelled: 'cancelled', refunded: 'refunded' }[status] : list === 'paid' ? 'paid' : 'created'}`,
  createdAt: (time) => html`created ${e(time)}`,
  paidAt: (time) => html`paid ${e(time)}`,
  bill: html`bill`,
  noName: html`no name`,
  noItems: html`—`,
  status: { paid: html`✅ paid`, waiting: html`⏳ awaiting payment`, cancel: html`❌ cancelled`, moneyback: html`↩️ refunded` },
  otherStatus: (status) => html`❔ ${e(status)}`,
  requestError: (err, command) => {
    const f = quoteEn(err.fragment);
    const what: Record<RequestErrorCode, Html> = {
      'unknown-word': html`I did not understand ${f}.`,
      'impossible-date': html`There is no such date: ${f}.`,
      'reversed-range': html`The period ${f} ends before it starts.`,
      'future-range': html`The period ${f} has not begun yet: I can only show orders up to now.`,
      'range-too-long': html`The period ${f} is longer than ${MAX_PERIOD_DAYS} days: ask for a shorter one.`,
      'goods-without-ids': html`After ${f} write product ids or part of a product’s name, e.g. <code>goods 12,14</code>.`,
      'two-periods': html`Give one period only: ${f} is a second one.`,
      'conflicting-status': html`${f} asks for different orders at once: choose one of paid, unpaid, cancelled, refunded or all.`,
      'ambiguous-product': html`${f} fits several products: choose one.`,
      'mixed-request': html`${f}: one order or one buyer is looked up on its own, without a period or filters.`,
      'buyer-without-contact': html`After ${f} write the buyer’s e-mail or phone, e.g. <code>buyer ivan@example.com</code>.`,
    };
    const suggestion = err.suggestion === undefined ? null : en.didYouMean(err.suggestion);
    if (err.code === 'ambiguous-product') return what[err.code];
    return joinHtml([what[err.code], suggestion, html``, en.examples(command)], '\n');
  },
  didYouMean: (phrase) => html`Did you mean ${quoteEn(phrase)}?`,
  examples: (command) => joinHtml([html`For example:`, ...exampleLines('en', command)], '\n'),
  aliasWords: { today: 'today', yesterday: 'yesterday', sales: 'paid', revenue: 'revenue', stats: 'total' },
  productChoice: (title, id) => (title ? `${title} (${id})` : id),
};

const ru: OrdersText = {
  header: (period) => html`📦 <b>Заказы — ${e(period)}</b>`,
  filters: (goods) => (goods.length > 0 ? html`🔎 товары: ${goodsList(goods)}` : null),
  paidIn: (span, count, sum, avg) =>
    html`💰 Оплачено за ${span === 'day' ? html`день` : html`период`}: <b>${e(ordersRu(count))}</b> · <b>${e(sum)}</b>${avg === null ? '' : html` · средний чек ${e(avg)}`}`,
  createdIn: (span, count, paidByNow) =>
    html`🧾 Создано за ${span === 'day' ? html`день` : html`период`}: <b>${e(ordersRu(count))}</b>${count === 0 ? '' : html` · из них оплачено к этому моменту: ${paidByNow}`}`,
  statusOf: (status, count, sum) => {
    const what = { unpaid: 'ещё не оплачено', cancelled: 'отменено', refunded: 'возвращено' }[status];
    return html`🔎 Из созданных ${e(what)}: <b>${e(ordersRu(count))}</b> · ${e(sum)} — они ниже`;
  },
  losses: (c, cSum, r, rSum) => html`❌ Из созданных: отменено ${c} (${e(cSum)}) · ↩️ возвращено ${r} (${e(rSum)})`,
  paidListed: html`⬇️ Ниже — заказы, оплаченные за период`,
  nothingListed: (list, status) =>
    status !== null
      ? html`Среди созданных за период ${e({ unpaid: 'неоплаченных', cancelled: 'отменённых', refunded: 'возвращённых' }[status])} нет.`
      : list === 'paid'
        ? html`За период ни один заказ не оплачен.`
        : html`За период не создано ни одного заказа.`,
  noOrders: (period) => html`Заказов нет (${e(period)}).`,
  showList: (list, status, count) =>
    `📋 Показать ${status ? { unpaid: 'неоплаченные', cancelled: 'отменённые', refunded: 'возвращённые' }[status] : list === 'paid' ? 'оплаченные' : 'созданные'} (${count})`,
  createdAt: (time) => html`создан ${e(time)}`,
  paidAt: (time) => html`оплачен ${e(time)}`,
  bill: html`счёт`,
  noName: html`без имени`,
  noItems: html`—`,
  status: { paid: html`✅ оплачен`, waiting: html`⏳ ждёт оплаты`, cancel: html`❌ отменён`, moneyback: html`↩️ возврат` },
  otherStatus: (status) => html`❔ ${e(status)}`,
  requestError: (err, command) => {
    const f = quoteRu(err.fragment);
    const what: Record<RequestErrorCode, Html> = {
      'unknown-word': html`Не понял ${f}.`,
      'impossible-date': html`Такой даты нет: ${f}.`,
      'reversed-range': html`Период ${f} кончается раньше, чем начинается.`,
      'future-range': html`Период ${f} ещё не наступил: показываю заказы только до текущего момента.`,
      'range-too-long': html`Период ${f} длиннее ${MAX_PERIOD_DAYS} дней: попросите период короче.`,
      'goods-without-ids': html`После ${f} напишите номера товаров или часть названия, например <code>товары 12,14</code>.`,
      'two-periods': html`Укажите один период: ${f} — уже второй.`,
      'conflicting-status': html`${f} — это разные заказы: выберите что-то одно (оплаченные, неоплаченные, отменённые, возвраты или все).`,
      'ambiguous-product': html`${f} подходит к нескольким товарам: выберите один.`,
      'mixed-request': html`${f}: один заказ или одного покупателя я ищу отдельно, без периода и фильтров.`,
      'buyer-without-contact': html`После ${f} напишите e-mail или телефон покупателя, например <code>покупатель ivan@example.com</code>.`,
    };
    const suggestion = err.suggestion === undefined ? null : ru.didYouMean(err.suggestion);
    if (err.code === 'ambiguous-product') return what[err.code];
    return joinHtml([what[err.code], suggestion, html``, ru.examples(command)], '\n');
  },
  didYouMean: (phrase) => html`Может быть, ${quoteRu(phrase)}?`,
  examples: (command) => joinHtml([html`Например:`, ...exampleLines('ru', command)], '\n'),
  aliasWords: { today: 'сегодня', yesterday: 'вчера', sales: 'оплаченные', revenue: 'выручка', stats: 'итого' },
  productChoice: (title, id) => (title ? `${title} (${id})` : id),
};

export const ordersText: Record<Lang, OrdersText> = { en, ru };
