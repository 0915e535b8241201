// What /orders and /export say, in each language. Every function escapes the values it is given and
// returns Telegram HTML.
import { escapeHtml as e } from '../format/html.js';
import type { PeriodError } from '../period.js';
import { MAX_PERIOD_DAYS } from '../period.js';
import type { Lang } from './lang.js';

export type KnownStatus = 'paid' | 'waiting' | 'cancel' | 'moneyback';

export interface OrdersText {
  /** "📦 Orders — today, 28 Nov" */
  header(period: string): string;
  /** The filters in force, or null when there are none. */
  filters(paidOnly: boolean, goods: string[]): string | null;
  totals(count: number, paidCount: number, paidOnly: boolean): string;
  revenue(paidRevenue: string, averageCheck: string | null): string;
  noOrders(period: string): string;
  noName: string;
  noItems: string;
  status: Record<KnownStatus, string>;
  otherStatus(status: string): string;
  /** What was not understood, then how to say it. `command` is /orders or /export. */
  periodError(error: PeriodError, command?: string): string;
  examples(command?: string): string;
}

const quoteEn = (s: string) => `“${e(s)}”`;
const quoteRu = (s: string) => `«${e(s)}»`;
const goodsList = (goods: string[]) => e(goods.join(', '));

export const ordersText: Record<Lang, OrdersText> = {
  en: {
    header: (period) => `📦 <b>Orders — ${e(period)}</b>`,
    filters: (paidOnly, goods) => {
      const parts = [paidOnly ? 'paid only' : null, goods.length > 0 ? `goods: ${goodsList(goods)}` : null].filter(Boolean);
      return parts.length > 0 ? `🔎 ${parts.join(' · ')}` : null;
    },
    totals: (count, paidCount, paidOnly) => (paidOnly ? `Paid orders: <b>${count}</b>` : `Orders: <b>${count}</b> · paid: <b>${paidCount}</b>`),
    revenue: (paidRevenue, averageCheck) =>
      `Revenue: <b>${e(paidRevenue)}</b>${averageCheck === null ? '' : ` · average check: ${e(averageCheck)}`}`,
    noOrders: (period) => `No orders for ${e(period)}.`,
    noName: 'no name',
    noItems: '—',
    status: { paid: '✅ paid', waiting: '⏳ awaiting payment', cancel: '❌ cancelled', moneyback: '↩️ refunded' },
    otherStatus: (status) => `❔ ${e(status)}`,
    periodError: (err, command = '/orders') => {
      const f = quoteEn(err.fragment);
      const what = {
        'unknown-word': `I did not understand ${f}.`,
        'impossible-date': `There is no such date: ${f}.`,
        'reversed-range': `The period ${f} ends before it starts.`,
        'future-range': `The period ${f} has not begun yet.`,
        'range-too-long': `The period ${f} is longer than ${MAX_PERIOD_DAYS} days: ask for a shorter one.`,
        'goods-without-ids': `After ${f} write product ids, e.g. <code>goods 12,14</code>.`,
        'two-periods': `Give one period only: ${f} is a second one.`,
        'paid-and-all': `${f}: choose either paid or all.`,
      }[err.code];
      return `${what}\n\n${ordersText.en.examples(command)}`;
    },
    examples: (command = '/orders') =>
      [
        'For example:',
        `<code>${e(command)}</code> — today`,
        `<code>${e(command)} yesterday paid</code>`,
        `<code>${e(command)} week</code> — since Monday · <code>month</code> — since the 1st`,
        `<code>${e(command)} 7d</code> — the last 7 days`,
        `<code>${e(command)} 01.11</code> · <code>${e(command)} 2026-11-01</code>`,
        `<code>${e(command)} 01.11-15.11</code> · <code>${e(command)} 2026-11-01..2026-11-15</code>`,
        `<code>${e(command)} month paid goods 12,14</code>`,
      ].join('\n'),
  },
  ru: {
    header: (period) => `📦 <b>Заказы — ${e(period)}</b>`,
    filters: (paidOnly, goods) => {
      const parts = [paidOnly ? 'только оплаченные' : null, goods.length > 0 ? `товары: ${goodsList(goods)}` : null].filter(Boolean);
      return parts.length > 0 ? `🔎 ${parts.join(' · ')}` : null;
    },
    totals: (count, paidCount, paidOnly) =>
      paidOnly ? `Оплаченных заказов: <b>${count}</b>` : `Заказов: <b>${count}</b> · оплачено: <b>${paidCount}</b>`,
    revenue: (paidRevenue, averageCheck) =>
      `Выручка: <b>${e(paidRevenue)}</b>${averageCheck === null ? '' : ` · средний чек: ${e(averageCheck)}`}`,
    noOrders: (period) => `Заказов нет (${e(period)}).`,
    noName: 'без имени',
    noItems: '—',
    status: { paid: '✅ оплачен', waiting: '⏳ ждёт оплаты', cancel: '❌ отменён', moneyback: '↩️ возврат' },
    otherStatus: (status) => `❔ ${e(status)}`,
    periodError: (err, command = '/orders') => {
      const f = quoteRu(err.fragment);
      const what = {
        'unknown-word': `Не понял ${f}.`,
        'impossible-date': `Такой даты нет: ${f}.`,
        'reversed-range': `Период ${f} кончается раньше, чем начинается.`,
        'future-range': `Период ${f} ещё не наступил.`,
        'range-too-long': `Период ${f} длиннее ${MAX_PERIOD_DAYS} дней: попросите период короче.`,
        'goods-without-ids': `После ${f} напишите номера товаров, например <code>товары 12,14</code>.`,
        'two-periods': `Укажите один период: ${f} — уже второй.`,
        'paid-and-all': `${f}: выберите что-то одно — оплаченные или все.`,
      }[err.code];
      return `${what}\n\n${ordersText.ru.examples(command)}`;
    },
    examples: (command = '/orders') =>
      [
        'Например:',
        `<code>${e(command)}</code> — сегодня`,
        `<code>${e(command)} вчера оплаченные</code>`,
        `<code>${e(command)} неделя</code> — с понедельника · <code>месяц</code> — с 1-го числа`,
        `<code>${e(command)} 7д</code> — последние 7 дней`,
        `<code>${e(command)} 01.11</code> · <code>${e(command)} 2026-11-01</code>`,
        `<code>${e(command)} 01.11-15.11</code> · <code>${e(command)} 2026-11-01..2026-11-15</code>`,
        `<code>${e(command)} месяц оплаченные товары 12,14</code>`,
      ].join('\n'),
  },
};
