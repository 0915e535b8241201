// What the weekly and monthly reports say, and the /report command's answers, in each language.
// Functions escape the values they are given and return Telegram HTML; amounts arrive formatted.
import { escapeHtml as e, html, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

export type Cadence = 'weekly' | 'monthly';

/** The words for each cadence after /report, in any language; lower case. */
export const CADENCE_WORDS: Record<Lang, Record<Cadence, readonly string[]>> = {
  en: { weekly: ['weekly', 'week'], monthly: ['monthly', 'month'] },
  ru: { weekly: ['еженедельный', 'еженедельно', 'неделя', 'недельный'], monthly: ['ежемесячный', 'ежемесячно', 'месяц', 'месячный'] },
};

export interface ReportText {
  /** "📊 Weekly report — last week, 23–29 Nov". */
  title(cadence: Cadence, period: string): Html;
  revenue(amount: string, change: string, cadence: Cadence): Html;
  paid(count: number, averageCheck: string | null): Html;
  topProducts: Html;
  topSources: Html;
  /** Traffic without a utm source (plain text). */
  direct: string;
  /** An order listed without its goods (plain text). */
  noGoods: string;
  refunds(count: number, sum: string): Html;
  waiting(count: number, sum: string): Html;
  /** The chart's caption. */
  chartCaption(cadence: Cadence, period: string): Html;
  /** The heading of one account's block in a report on several, and of their total. */
  account(label: string): Html;
  allAccounts: Html;
  /** Under an account whose JustClick did not answer, in a report on several. */
  noAnswer: Html;
  /** The chart's legend. */
  legend(cadence: Cadence): { current: string; previous: string };
  set(cadence: Cadence, time: string, timeZone: string): Html;
  off(cadence: Cadence | null): Html;
  state(weekly: string | null, monthly: string | null, timeZone: string): Html;
  usage(input: string | null): Html;
}

const when: Record<Lang, Record<Cadence, string>> = {
  en: { weekly: 'every Monday, on last week,', monthly: 'on the 1st of every month, on last month,' },
  ru: { weekly: 'каждый понедельник — за прошлую неделю —', monthly: '1-го числа каждого месяца — за прошлый месяц —' },
};

export const reportText: Record<Lang, ReportText> = {
  en: {
    title: (c, period) => html`📊 <b>${c === 'weekly' ? html`Weekly` : html`Monthly`} report — ${e(period)}</b>`,
    revenue: (amount, change, c) => html`💰 Revenue: <b>${e(amount)}</b> · vs the ${c === 'weekly' ? html`week` : html`month`} before: ${e(change)}`,
    paid: (count, avg) => html`✅ Paid orders: <b>${count}</b>${avg === null ? '' : html` · average check: ${e(avg)}`}`,
    topProducts: html`🏆 <b>Top products</b>`,
    topSources: html`🔗 <b>Traffic sources</b>`,
    direct: 'direct',
    noGoods: 'without goods',
    refunds: (count, sum) => html`↩️ Refunds: ${count} (${e(sum)})`,
    waiting: (count, sum) => html`⏳ Invoices still waiting: ${count} (${e(sum)})`,
    chartCaption: (c, period) => html`Paid revenue by day, ${e(period)}, against the ${c === 'weekly' ? html`week` : html`month`} before`,
    legend: (c) => (c === 'weekly' ? { current: 'This week', previous: 'Week before' } : { current: 'This month', previous: 'Month before' }),
    account: (label) => html`🏫 <b>${e(label)}</b>`,
    allAccounts: html`<b>All accounts</b>`,
    noAnswer: html`⚠️ JustClick did not answer: this account is not in the total below.`,
    set: (c, time, zone) => html`📊 The ${e(c)} report comes here ${e(when.en[c])} at <b>${e(time)}</b> (${e(zone)}).`,
    off: (c) => html`${c === null ? html`Weekly and monthly reports are` : html`The ${e(c)} report is`} off here.`,
    state: (weekly, monthly, zone) =>
      weekly === null && monthly === null
        ? html`No reports here. <code>/report weekly 09:00</code> — every Monday, <code>/report monthly 09:00</code> — on the 1st.`
        : html`📊 Reports here (${e(zone)}): weekly ${weekly === null ? html`off` : html`at <b>${e(weekly)}</b> on Mondays`}; monthly ${monthly === null ? html`off` : html`at <b>${e(monthly)}</b> on the 1st`}. <code>/report off</code> stops them.`,
    usage: (input) =>
      html`${input ? html`“${e(input)}” — I did not understand. ` : ''}<code>/report weekly 09:00</code> — every Monday, a report on last week\n<code>/report monthly 10:00</code> — on the 1st, a report on last month\n<code>/report weekly off</code>, <code>/report off</code> — stop them`,
  },
  ru: {
    title: (c, period) => html`📊 <b>${c === 'weekly' ? html`Отчёт за неделю` : html`Отчёт за месяц`} — ${e(period)}</b>`,
    revenue: (amount, change, c) =>
      html`💰 Выручка: <b>${e(amount)}</b> · к ${c === 'weekly' ? html`предыдущей неделе` : html`предыдущему месяцу`}: ${e(change)}`,
    paid: (count, avg) => html`✅ Оплачено заказов: <b>${count}</b>${avg === null ? '' : html` · средний чек: ${e(avg)}`}`,
    topProducts: html`🏆 <b>Лучшие товары</b>`,
    topSources: html`🔗 <b>Источники трафика</b>`,
    direct: 'прямые заходы',
    noGoods: 'без товаров',
    refunds: (count, sum) => html`↩️ Возвратов: ${count} (${e(sum)})`,
    waiting: (count, sum) => html`⏳ Счетов ждут оплаты: ${count} (${e(sum)})`,
    chartCaption: (c, period) => html`Оплаты по дням, ${e(period)}, в сравнении с ${c === 'weekly' ? html`предыдущей неделей` : html`предыдущим месяцем`}`,
    legend: (c) => (c === 'weekly' ? { current: 'Эта неделя', previous: 'Неделя до' } : { current: 'Этот месяц', previous: 'Месяц до' }),
    account: (label) => html`🏫 <b>${e(label)}</b>`,
    allAccounts: html`<b>Все аккаунты</b>`,
    noAnswer: html`⚠️ JustClick не ответил: этого аккаунта нет в итоге ниже.`,
    set: (c, time, zone) =>
      html`📊 ${c === 'weekly' ? html`Отчёт за неделю` : html`Отчёт за месяц`} придёт сюда ${e(when.ru[c])} в <b>${e(time)}</b> (${e(zone)}).`,
    off: (c) =>
      html`${c === null ? html`Еженедельный и ежемесячный отчёты здесь выключены` : c === 'weekly' ? html`Еженедельный отчёт здесь выключен` : html`Ежемесячный отчёт здесь выключен`}.`,
    state: (weekly, monthly, zone) =>
      weekly === null && monthly === null
        ? html`Отчётов здесь нет. <code>/report weekly 09:00</code> — по понедельникам, <code>/report monthly 09:00</code> — 1-го числа.`
        : html`📊 Отчёты здесь (${e(zone)}): за неделю — ${weekly === null ? html`выключен` : html`по понедельникам в <b>${e(weekly)}</b>`}; за месяц — ${monthly === null ? html`выключен` : html`1-го числа в <b>${e(monthly)}</b>`}. <code>/report off</code> — выключить.`,
    usage: (input) =>
      html`${input ? html`«${e(input)}» — не понял. ` : ''}<code>/report weekly 09:00</code> (еженедельный) — по понедельникам отчёт за прошлую неделю\n<code>/report monthly 10:00</code> (ежемесячный) — 1-го числа отчёт за прошлый месяц\n<code>/report weekly выкл</code>, <code>/report выкл</code> — выключить`,
  },
};
