// How sellers ask, checked end to end against the instants each phrase must mean: every phrasing at
// several moments (a month end on a Monday, New Year's first half hour, the days after both DST switches,
// just after Monday midnight) in Moscow, Yekaterinburg and Berlin. Expectations are written as local
// wall-clock dates and turned into instants here with TZDate, never with the code under test.
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { parseRequest, type OrdersRequest, type RequestErrorCode } from '../../src/domain/request.js';

const ZONES = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Europe/Berlin'] as const;
const DAY = 86_400_000;

/** "2026-11-30" (local midnight), "2026-11-30 14:00", "now", or "-7d" (now minus 7×24 hours). */
type When = string;
/** P paid list, S summary, U unpaid, C cancelled, R refunded; nothing: orders created, a list. */
type Row = [phrase: string, from: When, to: When, flags?: string];

function local(when: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(when);
  if (!m) throw new Error(`bad local time ${when}`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0, zone).getTime();
}

function instant(when: When, now: number, zone: string): number {
  if (when === 'now') return now;
  const rolling = /^-(\d+)d$/.exec(when);
  if (rolling) return now - Number(rolling[1]) * DAY;
  return local(when, zone);
}

/** The same phrasings, each meaning [from, to). */
const same = (phrases: string[], from: When, to: When, flags = ''): Row[] => phrases.map((p) => [p, from, to, flags]);

interface Moment {
  name: string;
  now: string;
  rows: Row[];
}

// Monday 30 Nov 2026, 14:00: the last day of a month, the first day of a week.
const MONTH_END: Moment = {
  name: 'Monday 2026-11-30 14:00',
  now: '2026-11-30 14:00',
  rows: [
    ...same(
      ['', 'сегодня', 'Сегодня', 'СЕГОДНЯ', 'today', 'Today', 'TODAY', 'за сегодня', 'заказы сегодня', 'заказы за сегодня', 'покажи заказы за сегодня',
        'покажи мне заказы за сегодня, пожалуйста', 'show me today', 'orders today', 'today orders', "today's orders", 'show me orders for today please',
        'what orders today?', 'сегодняшние заказы', 'заказы', 'orders', 'за день', 'this day', 'что сегодня?', 'а сегодня?', 'today?', 'сегодня!',
        'какие заказы сегодня', 'какие заказы были сегодня?', 'заказы на сегодня', 'orders for today', 'all orders today', 'все заказы сегодня',
        '/today', 'today please', 'сегодня пожалуйста', 'list orders today', 'на сегодня', 'orders so far today', '30.11', '30.11.2026', '2026-11-30',
        '30/11', '30 ноября', '30 nov', 'Nov 30', 'November 30th', 'в понедельник', 'monday', 'today...', 'что там сегодня',
        'какие заказы есть сегодня', 'заказы за 30 ноября', 'orders on Nov 30', 'on the 30th of November'],
      '2026-11-30', 'now',
    ),
    ...same(['продажи сегодня', 'оплаченные сегодня', 'today paid', 'paid today', 'sales today', 'оплаченные заказы за сегодня', 'оплаты за сегодня', 'payments today', '/sales', 'все оплаченные сегодня', 'all paid today', 'кто оплатил сегодня'], '2026-11-30', 'now', 'P'),
    ...same(['сколько продаж сегодня?', 'how many sales today', 'how many sales today?', 'выручка сегодня', 'выручка за сегодня', 'revenue today', "today's revenue", '/revenue', 'сколько заработал сегодня', 'how much did I make today', 'сколько денег сегодня', 'сумма продаж за сегодня', 'income today', 'итого продажи сегодня', 'total sales today'], '2026-11-30', 'now', 'PS'),
    ...same(['сколько заказов сегодня', 'how many orders today?', 'статистика за сегодня', 'stats today', '/stats', 'итоги дня', 'сводка за сегодня', 'total orders today'], '2026-11-30', 'now', 'S'),
    ...same(['неоплаченные сегодня', 'unpaid today', 'pending today', 'ждут оплаты', 'заказы которые ждут оплаты', 'не оплачены', 'не оплаченные сегодня', 'not paid today', 'awaiting payment', 'ожидают оплаты сегодня'], '2026-11-30', 'now', 'U'),
    ...same(['сколько неоплаченных сегодня', 'how many unpaid today'], '2026-11-30', 'now', 'US'),
    ...same(['отменённые сегодня', 'отмененные сегодня', 'cancelled today', 'canceled today', 'отмены за сегодня'], '2026-11-30', 'now', 'C'),
    ...same(['возвраты сегодня', 'refunds today', 'refunded today', 'возвраты за сегодня'], '2026-11-30', 'now', 'R'),

    ...same(['вчера', 'Вчера', 'yesterday', 'за вчера', 'заказы вчера', 'заказы за вчера', 'покажи вчера', 'show yesterday', 'orders yesterday', "yesterday's orders",
      'вчерашние заказы', 'что было вчера?', 'какие заказы были вчера', 'orders from yesterday', 'вчера все', 'all yesterday', 'yesterday please', '29.11', '29.11.2026',
      '2026-11-29', '29/11', '29 ноября', 'Nov 29', '29 nov', 'в воскресенье', 'sunday', 'на вчера', 'вчера?', 'yday', '/yesterday', 'вчерашний день', 'за 29 ноября',
      'за вчерашний день', 'previous day', 'прошлый день'], '2026-11-29', '2026-11-30'),
    ...same(['сколько продаж вчера?', 'сколько продаж вчера', 'выручка вчера', 'выручка за вчера', 'revenue yesterday', "yesterday's revenue", 'how many sales yesterday?', 'how much did we make yesterday', 'сколько заработали вчера', 'сумма оплат за вчера', 'итого за вчера продажи'], '2026-11-29', '2026-11-30', 'PS'),
    ...same(['оплаченные вчера', 'Оплаченные вчера', 'вчера оплаченные', 'продажи вчера', 'продажи за вчера', 'yesterday paid', 'paid yesterday', 'sales yesterday', 'вчерашние продажи', 'оплаты вчера', 'кто оплатил вчера', 'yesterday sales'], '2026-11-29', '2026-11-30', 'P'),
    ...same(['неоплаченные вчера', 'вчера неоплаченные', 'unpaid yesterday', 'pending yesterday', 'вчера не оплатили'], '2026-11-29', '2026-11-30', 'U'),
    ...same(['ждут оплаты со вчера', 'unpaid since yesterday', 'неоплаченные со вчерашнего дня'], '2026-11-29', 'now', 'U'),
    ...same(['сколько заказов вчера', 'how many orders yesterday', 'статистика за вчера', 'stats yesterday'], '2026-11-29', '2026-11-30', 'S'),
    ...same(['отменённые вчера', 'cancelled yesterday'], '2026-11-29', '2026-11-30', 'C'),
    ...same(['возвраты вчера', 'refunds yesterday'], '2026-11-29', '2026-11-30', 'R'),

    ...same(['позавчера', 'за позавчера', 'заказы позавчера', 'day before yesterday', 'the day before yesterday', 'orders the day before yesterday', 'позавчерашние заказы',
      '28.11', '28 ноября', 'nov 28', 'в субботу', 'saturday', 'two days ago', '2026-11-28'], '2026-11-28', '2026-11-29'),
    ...same(['продажи позавчера', 'sales day before yesterday'], '2026-11-28', '2026-11-29', 'P'),
    ...same(['в пятницу', 'friday', 'в прошлую пятницу', 'last friday', '27.11', '27 ноября'], '2026-11-27', '2026-11-28'),
    ...same(['в прошлый понедельник', 'last monday', '23.11', '23 ноября', 'Nov 23rd'], '2026-11-23', '2026-11-24'),

    ...same(['неделя', 'неделю', 'week', 'эта неделя', 'за эту неделю', 'на этой неделе', 'this week', 'за неделю', 'заказы за неделю', 'orders this week',
      'текущая неделя', 'current week', 'за текущую неделю', 'с понедельника', 'since monday', 'с понедельника по сегодня', 'на неделе', 'for the week', 'this week please',
      'заказы на этой неделе', 'week orders', 'нынешняя неделя'], '2026-11-30', 'now'),
    ...same(['продажи за неделю', 'paid this week', 'sales this week', 'оплаченные на этой неделе'], '2026-11-30', 'now', 'P'),
    ...same(['выручка за неделю', 'revenue this week', 'сколько продаж на этой неделе'], '2026-11-30', 'now', 'PS'),

    ...same(['прошлая неделя', 'Прошлая неделя', 'на прошлой неделе', 'за прошлую неделю', 'заказы за прошлую неделю', 'last week', 'past week', 'previous week',
      'the previous week', 'orders last week', 'прошедшая неделя', 'за прошедшую неделю', 'предыдущая неделя', 'на предыдущей неделе', 'минувшая неделя',
      'last week orders', 'с 23 по 29 ноября', '23-29 ноября', '23.11-29.11', 'nov 23-29', 'from Nov 23 to Nov 29', '2026-11-23..2026-11-29', 'с 23.11 по 29.11',
      'between nov 23 and nov 29', 'с прошлого понедельника по вчера', '23.11.2026-29.11.2026', '23 - 29 nov', 'с 23 ноября по 29 ноября'], '2026-11-23', '2026-11-30'),
    ...same(['выручка за прошлую неделю', 'revenue last week', 'сколько продаж на прошлой неделе', 'how many sales last week', 'сколько заработали за прошлую неделю', 'sales total last week'], '2026-11-23', '2026-11-30', 'PS'),
    ...same(['продажи за прошлую неделю', 'оплаченные на прошлой неделе', 'paid last week', 'last week sales'], '2026-11-23', '2026-11-30', 'P'),
    ...same(['неоплаченные за прошлую неделю', 'unpaid last week', 'pending orders last week', 'не оплатили на прошлой неделе'], '2026-11-23', '2026-11-30', 'U'),
    ...same(['отменённые на прошлой неделе', 'cancelled last week'], '2026-11-23', '2026-11-30', 'C'),
    ...same(['возвраты за прошлую неделю', 'refunds last week'], '2026-11-23', '2026-11-30', 'R'),

    ...same(['месяц', 'month', 'этот месяц', 'в этом месяце', 'за этот месяц', 'this month', 'за месяц', 'текущий месяц', 'current month', 'в текущем месяце',
      'заказы за месяц', 'orders this month', 'ноябрь', 'Ноябрь', 'в ноябре', 'за ноябрь', 'ноября', 'november', 'November', 'Nov', 'nov.', 'in November', 'for november',
      'ноябрь 2026', 'November 2026', 'nov 2026', 'в ноябре 2026 года', 'за ноябрь 2026 года', 'с 1 ноября', 'since nov 1', 'since November 1st', 'с 1 по 30 ноября',
      '1-30 ноября', 'nov 1-30', '01.11-30.11', 'с 01.11 по 30.11', 'from 1 to 30 november', 'с ноября', 'from november', '2026-11-01..2026-11-30', '01.11.2026-30.11.2026',
      'нынешний месяц', 'ноябре'], '2026-11-01', 'now'),
    ...same(['продажи за месяц', 'оплаченные за ноябрь', 'paid this month', 'sales in november', 'продажи в ноябре'], '2026-11-01', 'now', 'P'),
    ...same(['выручка за месяц', 'выручка за ноябрь', 'revenue this month', 'how much did I make this month', 'сколько продаж в ноябре?', 'november revenue', 'оборот за ноябрь'], '2026-11-01', 'now', 'PS'),
    ...same(['отменённые в ноябре', 'cancelled in november', 'отмены за месяц'], '2026-11-01', 'now', 'C'),
    ...same(['возвраты за месяц', 'refunds this month', 'возвраты в ноябре'], '2026-11-01', 'now', 'R'),
    ...same(['неоплаченные за месяц', 'unpaid this month', 'брошенные заказы за месяц'], '2026-11-01', 'now', 'U'),

    ...same(['прошлый месяц', 'в прошлом месяце', 'за прошлый месяц', 'last month', 'previous month', 'past month', 'the previous month', 'orders last month',
      'прошедший месяц', 'за предыдущий месяц', 'в предыдущем месяце', 'октябрь', 'в октябре', 'за октябрь', 'october', 'Oct', 'in october', 'октябрь 2026',
      'October 2026', 'oct 2026', '1-31 октября', 'с 1 по 31 октября', 'oct 1-31', '01.10-31.10', 'с 01.10 по 31.10', 'from Oct 1 to Oct 31', 'с октября по октябрь',
      'за октябрь 2026 года', '2026-10-01..2026-10-31', 'last month orders'], '2026-10-01', '2026-11-01'),
    ...same(['выручка за прошлый месяц', 'revenue last month', 'сколько продаж в прошлом месяце', 'how many sales last month', 'выручка за октябрь', 'october revenue', 'доход за прошлый месяц'], '2026-10-01', '2026-11-01', 'PS'),
    ...same(['продажи за прошлый месяц', 'paid last month', 'оплаченные в октябре'], '2026-10-01', '2026-11-01', 'P'),
    ...same(['возвраты за прошлый месяц', 'refunds last month'], '2026-10-01', '2026-11-01', 'R'),

    ...same(['сентябрь', 'в сентябре', 'september', 'sept', 'sep 2026', 'сентябрь 2026'], '2026-09-01', '2026-10-01'),
    ...same(['январь', 'в январе', 'january', 'jan', 'январь 2026', 'за январь'], '2026-01-01', '2026-02-01'),
    ...same(['февраль', 'в феврале', 'february', 'feb 2026'], '2026-02-01', '2026-03-01'),
    ...same(['декабрь', 'в декабре', 'december', 'dec', 'декабрь 2025', 'December 2025', 'прошлый декабрь', 'last december', 'за декабрь'], '2025-12-01', '2026-01-01'),
    ...same(['ноябрь 2025', 'November 2025', 'nov 2025', 'в ноябре 2025', 'за ноябрь 2025 года', 'прошлый ноябрь', 'last november', '01.11.2025-30.11.2025'], '2025-11-01', '2025-12-01'),
    ...same(['май', 'в мае', 'may', 'за май', 'May 2026'], '2026-05-01', '2026-06-01'),
    ...same(['с октября по ноябрь', 'from october to november', 'с 1 октября по сегодня', 'октябрь-ноябрь', 'oct-nov'], '2026-10-01', 'now'),

    ...same(['квартал', 'этот квартал', 'в этом квартале', 'this quarter', 'current quarter', 'Q4', 'q4', 'Q4 2026', '4 квартал', '4-й квартал', '4 кв', '4 квартал 2026',
      'четвертый квартал', 'fourth quarter', 'текущий квартал', 'за квартал'], '2026-10-01', 'now'),
    ...same(['прошлый квартал', 'в прошлом квартале', 'за прошлый квартал', 'last quarter', 'previous quarter', 'Q3', 'q3 2026', '3 квартал', '3-й квартал 2026 года',
      'третий квартал', 'third quarter', 'предыдущий квартал'], '2026-07-01', '2026-10-01'),
    ...same(['выручка за прошлый квартал', 'revenue last quarter'], '2026-07-01', '2026-10-01', 'PS'),
    ...same(['Q1', 'первый квартал', '1 квартал', 'first quarter', 'q1 2026'], '2026-01-01', '2026-04-01'),
    ...same(['Q2', '2 квартал', 'second quarter'], '2026-04-01', '2026-07-01'),
    ...same(['Q4 2025', '4 квартал 2025', 'q4 2025', '4 кв 2025'], '2025-10-01', '2026-01-01'),

    ...same(['год', 'этот год', 'в этом году', 'за этот год', 'this year', 'current year', 'за год', 'текущий год', 'в текущем году', '2026', 'за 2026 год', 'в 2026 году',
      '2026 год', 'year', 'с 1 января', 'since january 1', 'с января', 'since january'], '2026-01-01', 'now'),
    ...same(['выручка за год', 'revenue this year', 'выручка за 2026 год'], '2026-01-01', 'now', 'PS'),
    ...same(['прошлый год', 'в прошлом году', 'за прошлый год', 'last year', 'previous year', '2025', 'за 2025 год', 'в 2025 году', '2025 год', '2025 г',
      'прошедший год', 'за 2025'], '2025-01-01', '2026-01-01'),
    ...same(['выручка за прошлый год', 'revenue last year', 'revenue 2025'], '2025-01-01', '2026-01-01', 'PS'),
    ...same(['2024', 'за 2024 год'], '2024-01-01', '2025-01-01'),

    ...same(['7d', '7D', '7д', '7дн', '7 дней', '7 days', '7days', '7 d', 'last 7 days', 'past 7 days', 'последние 7 дней', 'за последние 7 дней', 'за 7 дней',
      'for the last 7 days', 'семь дней', 'последняя неделя', 'за последнюю неделю', 'last seven days', 'over the last 7 days', '1 неделя', '1 week',
      'заказы за 7 дней', 'orders in the last 7 days'], '-7d', 'now'),
    ...same(['продажи за 7 дней', 'sales last 7 days', 'оплаченные за последние 7 дней'], '-7d', 'now', 'P'),
    ...same(['выручка за 7 дней', 'revenue last 7 days', 'сколько продаж за последние 7 дней'], '-7d', 'now', 'PS'),
    ...same(['3d', '3д', '3 дня', '3 days', 'последние 3 дня', 'за последние 3 дня', 'last 3 days', 'past 3 days', 'три дня', 'за три дня', 'three days'], '-3d', 'now'),
    ...same(['30d', '30д', '30 дней', 'за 30 дней', 'за последние 30 дней', 'last 30 days', 'past 30 days', 'последний месяц', 'за последний месяц', '30 days'], '-30d', 'now'),
    ...same(['14d', '14 дней', '2 недели', 'за 2 недели', 'last 2 weeks', 'past 14 days', 'последние 2 недели', 'two weeks', 'пару недель', 'за последние две недели', '2w', '14 days'], '-14d', 'now'),
    ...same(['1d', '1 день', 'последний день', 'last 1 day'], '-1d', 'now'),
    ...same(['90d', '90 дней', 'last 90 days', '3 месяца', 'за 3 месяца', 'last 3 months'], '-90d', 'now'),
    ...same(['366d', '366 дней'], '-366d', 'now'),
    ...same(['полгода', 'за полгода', 'half a year', 'за последние полгода'], '-182d', 'now'),
    ...same(['за последний год', 'last 365 days', '365d', 'за 365 дней'], '-365d', 'now'),

    ...same(['25.11', '25.11.2026', '25.11.26', '2026-11-25', '25/11', '25/11/2026', '25 ноября', '25 ноября 2026', 'Nov 25', '25 nov', 'November 25th', 'nov 25 2026',
      'за 25 ноября', 'заказы 25 ноября', 'orders on 25 nov', 'the 25th of November', '25-го ноября', 'в среду', 'wednesday', '25 Nov 2026', 'November 25, 2026'], '2026-11-25', '2026-11-26'),
    ...same(['продажи 25 ноября', 'sales on nov 25'], '2026-11-25', '2026-11-26', 'P'),
    ...same(['25 ноября 2025', '25.11.2025', '2025-11-25', 'Nov 25 2025', '25 nov 2025'], '2025-11-25', '2025-11-26'),
    ...same(['01.12', '1 декабря', 'Dec 1', '1.12'], '2025-12-01', '2025-12-02'),
    ...same(['01.11', '1.11', '1 ноября', 'Nov 1', '1st of november', '2026-11-01', '01.11.26'], '2026-11-01', '2026-11-02'),
    ...same(['29.02.2024', '29 февраля 2024'], '2024-02-29', '2024-03-01'),

    ...same(['1-15 ноября', 'с 1 по 15 ноября', '1 - 15 ноября', 'nov 1-15', 'Nov 1 - 15', 'from 1 to 15 november', 'from Nov 1 to Nov 15', '01.11-15.11', '01.11 - 15.11',
      '01.11–15.11', '2026-11-01..2026-11-15', 'с 01.11 по 15.11', 'с 1 ноября по 15 ноября', 'от 1 до 15 ноября', 'between 1 and 15 november', 'between nov 1 and nov 15',
      '1.11-15.11.2026', '01.11..15.11', 'заказы с 1 по 15 ноября', 'from 1st to 15th november', 'с 1-го по 15-е ноября', 'november 1 to 15',
      'nov 1 to nov 15', '01/11-15/11', '2026-11-01 - 2026-11-15'], '2026-11-01', '2026-11-16'),
    ...same(['выручка с 1 по 15 ноября', 'revenue nov 1-15'], '2026-11-01', '2026-11-16', 'PS'),
    ...same(['с 25 октября по 5 ноября', 'from Oct 25 to Nov 5', '25.10-05.11', '25 октября - 5 ноября', 'oct 25 - nov 5', 'с 25.10 по 05.11', 'between 25 oct and 5 nov'], '2026-10-25', '2026-11-06'),
    ...same(['20.12-05.01', 'с 20 декабря по 5 января', 'dec 20 - jan 5'], '2025-12-20', '2026-01-06'),
    ...same(['с 20 ноября', 'since nov 20', 'с 20.11', 'from 20 november', 'с 20 ноября по сегодня', 'from nov 20 to today', '20.11-30.11', 'с 20 по 30 ноября'], '2026-11-20', 'now'),
    ...same(['с 20 по 31 декабря 2025', '20.12.2025-31.12.2025'], '2025-12-20', '2026-01-01'),
    ...same(['с позавчера по вчера', 'from day before yesterday to yesterday', '28-29 ноября'], '2026-11-28', '2026-11-30'),
  ],
};

// Friday 1 Jan 2027, 00:30: the first half hour of a year, a month and a quarter.
const NEW_YEAR: Moment = {
  name: 'Friday 2027-01-01 00:30',
  now: '2027-01-01 00:30',
  rows: [
    ...same(['сегодня', 'today', '01.01', '1 января', 'Jan 1', '2027-01-01', 'в пятницу', 'friday'], '2027-01-01', 'now'),
    ...same(['вчера', 'yesterday', '31.12', '31 декабря', 'Dec 31', '31.12.2026', 'в четверг'], '2026-12-31', '2027-01-01'),
    ...same(['позавчера', 'day before yesterday', '30.12'], '2026-12-30', '2026-12-31'),
    ...same(['неделя', 'эта неделя', 'this week', 'на этой неделе', 'с понедельника'], '2026-12-28', 'now'),
    ...same(['прошлая неделя', 'last week', 'на прошлой неделе', '21-27 декабря', 'dec 21-27'], '2026-12-21', '2026-12-28'),
    ...same(['месяц', 'этот месяц', 'this month', 'январь', 'в январе', 'january', 'январь 2027', 'Q1', 'этот квартал', 'this quarter', 'квартал', 'год', 'этот год',
      'в этом году', 'this year', '2027', 'за 2027 год'], '2027-01-01', 'now'),
    ...same(['прошлый месяц', 'last month', 'в прошлом месяце', 'декабрь', 'в декабре', 'december', 'декабрь 2026', 'с 1 по 31 декабря', 'dec 1-31', '01.12-31.12'], '2026-12-01', '2027-01-01'),
    ...same(['выручка за прошлый месяц', 'revenue in december', 'сколько продаж в декабре'], '2026-12-01', '2027-01-01', 'PS'),
    ...same(['ноябрь', 'в ноябре', 'november', 'ноябрь 2026'], '2026-11-01', '2026-12-01'),
    ...same(['прошлый квартал', 'last quarter', 'Q4', '4 квартал', 'Q4 2026'], '2026-10-01', '2027-01-01'),
    ...same(['прошлый год', 'last year', 'в прошлом году', '2026', 'за 2026 год'], '2026-01-01', '2027-01-01'),
    ...same(['выручка за прошлый год', 'revenue last year'], '2026-01-01', '2027-01-01', 'PS'),
    ...same(['7d', '7 дней', 'last 7 days', 'последние 7 дней'], '-7d', 'now'),
    ...same(['1d', 'последний день'], '-1d', 'now'),
    ...same(['20.12-05.01', 'с 20 декабря по 5 января', 'dec 20 - jan 5', 'с 20 декабря', 'since dec 20'], '2026-12-20', 'now'),
    ...same(['25.12', '25 декабря', 'Dec 25', '25/12'], '2026-12-25', '2026-12-26'),
  ],
};

// Monday 30 Mar 2026, 10:00: the day after Berlin sprang forward (Sunday had 23 hours there).
const AFTER_SPRING: Moment = {
  name: 'Monday 2026-03-30 10:00',
  now: '2026-03-30 10:00',
  rows: [
    ...same(['сегодня', 'today', '30.03', '30 марта'], '2026-03-30', 'now'),
    ...same(['вчера', 'yesterday', '29.03', '29 марта', 'mar 29', 'в воскресенье', 'sunday'], '2026-03-29', '2026-03-30'),
    ...same(['позавчера', 'day before yesterday'], '2026-03-28', '2026-03-29'),
    ...same(['прошлая неделя', 'last week', 'на прошлой неделе', '23-29 марта', 'mar 23-29', '23.03-29.03'], '2026-03-23', '2026-03-30'),
    ...same(['неделя', 'this week'], '2026-03-30', 'now'),
    ...same(['7d', 'last 7 days', '7 дней', 'последние 7 дней', 'последняя неделя'], '-7d', 'now'),
    ...same(['3d', '3 дня'], '-3d', 'now'),
    ...same(['месяц', 'this month', 'март', 'в марте', 'march'], '2026-03-01', 'now'),
    ...same(['прошлый месяц', 'last month', 'февраль', 'february'], '2026-02-01', '2026-03-01'),
    ...same(['квартал', 'this quarter', 'Q1'], '2026-01-01', 'now'),
    ...same(['прошлый квартал', 'last quarter', 'Q4'], '2025-10-01', '2026-01-01'),
    ...same(['апрель', 'april', 'в апреле'], '2025-04-01', '2025-05-01'),
    ...same(['с 28 по 29 марта', 'mar 28-29', '28.03-29.03'], '2026-03-28', '2026-03-30'),
    ...same(['выручка вчера', 'revenue yesterday'], '2026-03-29', '2026-03-30', 'PS'),
  ],
};

// Sunday 25 Oct 2026, 12:00: the day Berlin falls back (it has 25 hours there).
const FALL_BACK: Moment = {
  name: 'Sunday 2026-10-25 12:00',
  now: '2026-10-25 12:00',
  rows: [
    ...same(['сегодня', 'today', '25.10', 'в воскресенье', 'sunday'], '2026-10-25', 'now'),
    ...same(['вчера', 'yesterday', '24.10', 'в субботу', 'saturday'], '2026-10-24', '2026-10-25'),
    ...same(['неделя', 'this week', 'на этой неделе'], '2026-10-19', 'now'),
    ...same(['прошлая неделя', 'last week', '12-18 октября'], '2026-10-12', '2026-10-19'),
    ...same(['в прошлое воскресенье', 'last sunday', '18.10'], '2026-10-18', '2026-10-19'),
    ...same(['7d', 'last 7 days', '7 дней'], '-7d', 'now'),
    ...same(['1d', 'последний день'], '-1d', 'now'),
    ...same(['месяц', 'октябрь', 'this month'], '2026-10-01', 'now'),
    ...same(['прошлый месяц', 'сентябрь', 'last month'], '2026-09-01', '2026-10-01'),
    ...same(['ноябрь', 'november'], '2025-11-01', '2025-12-01'),
    ...same(['с 20 по 25 октября', 'oct 20-25'], '2026-10-20', 'now'),
    ...same(['с 24 по 26 октября', '24.10-26.10'], '2026-10-24', 'now'),
  ],
};

// Monday 23 Nov 2026, 00:10: ten minutes into a new week.
const MONDAY_MIDNIGHT: Moment = {
  name: 'Monday 2026-11-23 00:10',
  now: '2026-11-23 00:10',
  rows: [
    ...same(['сегодня', 'today', 'неделя', 'this week', 'на этой неделе', '23.11', 'в понедельник'], '2026-11-23', 'now'),
    ...same(['вчера', 'yesterday', 'в воскресенье', '22.11'], '2026-11-22', '2026-11-23'),
    ...same(['прошлая неделя', 'last week', 'на прошлой неделе', '16-22 ноября'], '2026-11-16', '2026-11-23'),
    ...same(['24.11', '24 ноября', 'nov 24'], '2025-11-24', '2025-11-25'),
    ...same(['с 20 по 25 ноября', 'nov 20-25'], '2026-11-20', 'now'),
    ...same(['1d', '1 день'], '-1d', 'now'),
    ...same(['ноябрь', 'этот месяц'], '2026-11-01', 'now'),
    ...same(['в прошлый понедельник', 'last monday'], '2026-11-16', '2026-11-17'),
  ],
};

const MOMENTS = [MONTH_END, NEW_YEAR, AFTER_SPRING, FALL_BACK, MONDAY_MIDNIGHT];

function expectedFlags(flags: string): Pick<OrdersRequest, 'list' | 'status' | 'focus'> {
  return {
    list: flags.includes('P') ? 'paid' : 'created',
    status: flags.includes('U') ? 'unpaid' : flags.includes('C') ? 'cancelled' : flags.includes('R') ? 'refunded' : null,
    focus: flags.includes('S') ? 'summary' : 'list',
  };
}

describe('the phrase corpus', () => {
  it('holds well over 400 distinct phrasings, Russian and English', () => {
    const phrases = new Set(MOMENTS.flatMap((m) => m.rows.map(([p]) => p.toLowerCase())));
    expect(phrases.size).toBeGreaterThanOrEqual(400);
    expect([...phrases].filter((p) => /[а-я]/.test(p)).length).toBeGreaterThanOrEqual(150);
    expect([...phrases].filter((p) => /[a-z]/.test(p)).length).toBeGreaterThanOrEqual(150);
  });

  for (const moment of MOMENTS) {
    for (const zone of ZONES) {
      it(`${moment.name} in ${zone}: every phrasing means its exact instants and filters`, () => {
        const now = local(moment.now, zone);
        const wrong: string[] = [];
        for (const [phrase, from, to, flags = ''] of moment.rows) {
          const r = parseRequest(phrase, { now: new Date(now), timeZone: zone });
          if (!r.ok) {
            wrong.push(`"${phrase}": ${r.error.code} "${r.error.fragment}"`);
            continue;
          }
          if (r.request.kind !== 'orders') {
            wrong.push(`"${phrase}": ${r.request.kind}`);
            continue;
          }
          const got = { from: r.request.period.from.getTime(), to: r.request.period.to.getTime(), ...pick(r.request) };
          const want = { from: instant(from, now, zone), to: instant(to, now, zone), ...expectedFlags(flags) };
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            wrong.push(`"${phrase}": got ${new Date(got.from).toISOString()}..${new Date(got.to).toISOString()} ${got.list}/${got.status}/${got.focus}, ` +
              `want ${new Date(want.from).toISOString()}..${new Date(want.to).toISOString()} ${want.list}/${want.status}/${want.focus}`);
          }
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});

const pick = (r: OrdersRequest) => ({ list: r.list, status: r.status, focus: r.focus });

describe('phrases that cannot be answered say why', () => {
  const now = local('2026-11-30 14:00', 'Europe/Moscow');
  const cases: [string, RequestErrorCode, string][] = [
    ['завтра', 'future-range', 'завтра'],
    ['tomorrow', 'future-range', 'tomorrow'],
    ['next week', 'future-range', 'next week'],
    ['на следующей неделе', 'future-range', 'следующей неделе'],
    ['следующий месяц', 'future-range', 'следующий месяц'],
    ['декабрь 2026', 'future-range', 'декабрь 2026'],
    ['2027', 'future-range', '2027'],
    ['Q1 2027', 'future-range', 'Q1 2027'],
    ['01.12.2026', 'future-range', '01.12.2026'],
    ['с 1 по 5 декабря 2026', 'future-range', 'с 1 по 5 декабря 2026'],
    ['next 7 days', 'future-range', 'next 7 days'],
    ['31.02', 'impossible-date', '31.02'],
    ['31 февраля', 'impossible-date', '31 февраля'],
    ['29 февраля', 'impossible-date', '29 февраля'],
    ['Q5', 'impossible-date', 'Q5'],
    ['30.02-05.03', 'impossible-date', '30.02'],
    ['15.11-01.11', 'reversed-range', '15.11-01.11'],
    ['с 15 по 1 ноября', 'reversed-range', 'с 15 по 1 ноября'],
    ['400d', 'range-too-long', '400d'],
    ['2 года', 'range-too-long', '2 года'],
    ['2024-01-01..2026-01-01', 'range-too-long', '2024-01-01..2026-01-01'],
    ['вчера и сегодня', 'two-periods', 'сегодня'],
    ['today last week', 'two-periods', 'last week'],
    ['ноябрь 7d', 'two-periods', '7d'],
    ['paid unpaid', 'conflicting-status', 'paid unpaid'],
    ['оплаченные отменённые', 'conflicting-status', 'оплаченные отменённые'],
    ['выручка неоплаченных', 'conflicting-status', 'выручка неоплаченных'],
    ['paid all', 'conflicting-status', 'paid all'],
    ['goods', 'goods-without-ids', 'goods'],
    ['товары неделя', 'goods-without-ids', 'товары'],
    ['покупатель', 'buyer-without-contact', 'покупатель'],
    ['ivan@example.com вчера', 'mixed-request', 'вчера'],
    ['заказ 12345 оплаченные', 'mixed-request', 'оплаченные'],
    ['#1 #2', 'mixed-request', '#2'],
    ['заказы на марс', 'unknown-word', 'марс'],
    ['последние', 'unknown-word', 'последние'],
    ['0d', 'unknown-word', '0d'],
  ];
  it.each(cases)('%s → %s', (text, code, fragment) => {
    const r = parseRequest(text, { now: new Date(now), timeZone: 'Europe/Moscow' });
    expect(r.ok ? 'ok' : { code: r.error.code, fragment: r.error.fragment }).toEqual({ code, fragment });
  });
});
