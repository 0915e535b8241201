// What /orders and /export say, in each language. Every function escapes the values it is given and
// returns Telegram HTML.
import { escapeHtml as e, html, joinHtml, type Html } from '../format/html.js';
import type { PeriodError } from '../period.js';
import { MAX_PERIOD_DAYS } from '../period.js';
import type { Lang } from './lang.js';

export type KnownStatus = 'paid' | 'waiting' | 'cancel' | 'moneyback';

export interface OrdersText {
  /** "📦 Orders — today, 28 Nov" */
  header(period: string): Html;
  /** The filters in force, or null when there are none. */
  filters(paidOnly: boolean, goods: string[]): Html | null;
  totals(count: number, paidCount: number, paidOnly: boolean): Html;
  revenue(paidRevenue: string, averageCheck: string | null): Html;
  noOrders(period: string): Html;
  noName: Html;
  noItems: Html;
  status: Record<KnownStatus, Html>;
  otherStatus(status: string): Html;
  /** What was not understood, then how to say it. `command` is /orders or /export. */
  periodError(error: PeriodError, command?: string): Html;
  examples(command?: string): Html;
}

const quoteEn = (s: string) => html`“${e(s)}”`;
const quoteRu = (s: string) => html`«${e(s)}»`;
const goodsList = (goods: string[]) => e(goods.join(', '));

export const ordersText: Record<Lang, OrdersText> = {
  en: {
    header: (period) => html`📦 <b>Orders — ${e(period)}</b>`,
    filters: (paidOnly, goods) => {
      const parts = [paidOnly ? html`paid only` : null, goods.length > 0 ? html`goods: ${goodsList(goods)}` : null].filter((p) => p !== null);
      return parts.length > 0 ? html`🔎 ${joinHtml(parts, ' · ')}` : null;
    },
    totals: (count, paidCount, paidOnly) => (paidOnly ? html`Paid orders: <b>${count}</b>` : html`Orders: <b>${count}</b> · paid: <b>${paidCount}</b>`),
    revenue: (paidRevenue, averageCheck) => html`Revenue: <b>${e(paidRevenue)}</b>${averageCheck === null ? '' : html` · average check: ${e(averageCheck)}`}`,
    noOrders: (period) => html`No orders for ${e(period)}.`,
    noName: html`no name`,
    noItems: html`—`,
    status: { paid: html`✅ paid`, waiting: html`⏳ awaiting payment`, cancel: html`❌ cancelled`, moneyback: html`↩️ refunded` },
    otherStatus: (status) => html`❔ ${e(status)}`,
    periodError: (err, command = '/orders') => {
      const f = quoteEn(err.fragment);
      const what = {
        'unknown-word': html`I did not understand ${f}.`,
        'impossible-date': html`There is no such date: ${f}.`,
        'reversed-range': html`The period ${f} ends before it starts.`,
        'future-range': html`The period ${f} has not begun yet.`,
        'range-too-long': html`The period ${f} is longer than ${MAX_PERIOD_DAYS} days: ask for a shorter one.`,
        'goods-without-ids': html`After ${f} write product ids, e.g. <code>goods 12,14</code>.`,
        'two-periods': html`Give one period only: ${f} is a second one.`,
        'paid-and-all': html`${f}: choose either paid or all.`,
      }[err.code];
      return html`${what}\n\n${ordersText.en.examples(command)}`;
    },
    examples: (command = '/orders') =>
      joinHtml(
        [
          html`For example:`,
          html`<code>${e(command)}</code> — today`,
          html`<code>${e(command)} yesterday paid</code>`,
          html`<code>${e(command)} week</code> — since Monday · <code>month</code> — since the 1st`,
          html`<code>${e(command)} 7d</code> — the last 7 days`,
          html`<code>${e(command)} 01.11</code> · <code>${e(command)} 2026-11-01</code>`,
          html`<code>${e(command)} 01.11-15.11</code> · <code>${e(command)} 2026-11-01..2026-11-15</code>`,
          html`<code>${e(command)} month paid goods 12,14</code>`,
        ],
        '\n',
      ),
  },
  ru: {
    header: (period) => html`📦 <b>Заказы — ${e(period)}</b>`,
    filters: (paidOnly, goods) => {
      const parts = [paidOnly ? html`только оплаченные` : null, goods.length > 0 ? html`товары: ${goodsList(goods)}` : null].filter((p) => p !== null);
      return parts.length > 0 ? html`🔎 ${joinHtml(parts, ' · ')}` : null;
    },
    totals: (count, paidCount, paidOnly) =>
      paidOnly ? html`Оплаченных заказов: <b>${count}</b>` : html`Заказов: <b>${count}</b> · оплачено: <b>${paidCount}</b>`,
    revenue: (paidRevenue, averageCheck) => html`Выручка: <b>${e(paidRevenue)}</b>${averageCheck === null ? '' : html` · средний чек: ${e(averageCheck)}`}`,
    noOrders: (period) => html`Заказов нет (${e(period)}).`,
    noName: html`без имени`,
    noItems: html`—`,
    status: { paid: html`✅ оплачен`, waiting: html`⏳ ждёт оплаты`, cancel: html`❌ отменён`, moneyback: html`↩️ возврат` },
    otherStatus: (status) => html`❔ ${e(status)}`,
    periodError: (err, command = '/orders') => {
      const f = quoteRu(err.fragment);
      const what = {
        'unknown-word': html`Не понял ${f}.`,
        'impossible-date': html`Такой даты нет: ${f}.`,
        'reversed-range': html`Период ${f} кончается раньше, чем начинается.`,
        'future-range': html`Период ${f} ещё не наступил.`,
        'range-too-long': html`Период ${f} длиннее ${MAX_PERIOD_DAYS} дней: попросите период короче.`,
        'goods-without-ids': html`После ${f} напишите номера товаров, например <code>товары 12,14</code>.`,
        'two-periods': html`Укажите один период: ${f} — уже второй.`,
        'paid-and-all': html`${f}: выберите что-то одно — оплаченные или все.`,
      }[err.code];
      return html`${what}\n\n${ordersText.ru.examples(command)}`;
    },
    examples: (command = '/orders') =>
      joinHtml(
        [
          html`Например:`,
          html`<code>${e(command)}</code> — сегодня`,
          html`<code>${e(command)} вчера оплаченные</code>`,
          html`<code>${e(command)} неделя</code> — с понедельника · <code>месяц</code> — с 1-го числа`,
          html`<code>${e(command)} 7д</code> — последние 7 дней`,
          html`<code>${e(command)} 01.11</code> · <code>${e(command)} 2026-11-01</code>`,
          html`<code>${e(command)} 01.11-15.11</code> · <code>${e(command)} 2026-11-01..2026-11-15</code>`,
          html`<code>${e(command)} месяц оплаченные товары 12,14</code>`,
        ],
        '\n',
      ),
  },
};
