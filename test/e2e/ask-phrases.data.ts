// Everyday questions as sellers type them, each with what it asks written out by hand (Moscow wall clock;
// now is Saturday 28 Nov 2026, 12:00). The end-to-end table sends each as a plain message and checks the
// figures against a brute-force count of the seeded orders.
import { msk } from '../support/e2e.js';
import { NOW_S, type Asked } from './ask-shop.js';

const at = (day: string, time = '00:00') => msk(day, time);
const DAY = 86_400;

const today: Asked = { from: at('2026-11-28'), to: NOW_S };
const yesterday: Asked = { from: at('2026-11-27'), to: at('2026-11-28') };
const dayBefore: Asked = { from: at('2026-11-26'), to: at('2026-11-27') };
const thisWeek: Asked = { from: at('2026-11-23'), to: NOW_S };
const lastWeek: Asked = { from: at('2026-11-16'), to: at('2026-11-23') };
const thisMonth: Asked = { from: at('2026-11-01'), to: NOW_S };
const october: Asked = { from: at('2026-10-01'), to: at('2026-11-01') };
const rolling = (days: number): Asked => ({ from: NOW_S - days * DAY, to: NOW_S });
const days = (first: string, last: string): Asked => ({ from: at(first), to: at(last) + DAY });

const paid = (a: Asked): Asked => ({ ...a, list: 'paid' });
const sum = (a: Asked): Asked => ({ ...a, summary: true });
const revenue = (a: Asked): Asked => ({ ...a, list: 'paid', summary: true });
const status = (s: NonNullable<Asked['status']>, a: Asked): Asked => ({ ...a, status: s });
const goods = (ids: string[], a: Asked): Asked => ({ ...a, goods: ids });

export const RU_PHRASES: [string, Asked][] = [
  ['заказы сегодня', today],
  ['сегодня', today],
  ['что там сегодня?', today],
  ['продажи сегодня', paid(today)],
  ['сколько продаж вчера?', revenue(yesterday)],
  ['выручка за вчера', revenue(yesterday)],
  ['сколько денег вчера', revenue(yesterday)],
  ['вчерашние заказы', yesterday],
  ['Заказы вчера', yesterday],
  ['итого за вчера', sum(yesterday)],
  ['позавчера', dayBefore],
  ['оплаченные позавчера', paid(dayBefore)],
  ['покажи заказы за позавчера', dayBefore],
  ['выручка за прошлую неделю', revenue(lastWeek)],
  ['заказы на этой неделе', thisWeek],
  ['продажи за неделю', paid(thisWeek)],
  ['за прошлую неделю', lastWeek],
  ['статистика за неделю', sum(thisWeek)],
  ['в этом месяце', thisMonth],
  ['выручка в этом месяце', revenue(thisMonth)],
  ['сколько заказов в этом месяце', sum(thisMonth)],
  ['за прошлый месяц', october],
  ['продажи в октябре', paid(october)],
  ['октябрь', october],
  ['заказы за ноябрь', thisMonth],
  ['за последние 7 дней', rolling(7)],
  ['последние 3 дня', rolling(3)],
  ['7д', rolling(7)],
  ['продажи за 30 дней', paid(rolling(30))],
  ['продажи за 2 недели', paid(rolling(14))],
  ['25.11', days('2026-11-25', '2026-11-25')],
  ['25 ноября', days('2026-11-25', '2026-11-25')],
  ['с 1 по 15 ноября', days('2026-11-01', '2026-11-15')],
  ['1-15 ноября', days('2026-11-01', '2026-11-15')],
  ['с 25 октября по 5 ноября', days('2026-10-25', '2026-11-05')],
  ['заказы с 20 по 25 ноября', days('2026-11-20', '2026-11-25')],
  ['с 1 ноября', thisMonth],
  ['с понедельника', thisWeek],
  ['за пятницу', yesterday],
  ['2026-11-20', days('2026-11-20', '2026-11-20')],
  ['оплаченные 20.11', paid(days('2026-11-20', '2026-11-20'))],
  ['неоплаченные за неделю', status('unpaid', thisWeek)],
  ['ждут оплаты вчера', status('unpaid', yesterday)],
  ['отменённые в ноябре', status('cancelled', thisMonth)],
  ['возвраты за месяц', status('refunded', thisMonth)],
  ['вебинар за прошлый месяц', goods(['103'], october)],
  ['продажи python в ноябре', paid(goods(['101'], thisMonth))],
  ['в этом квартале', { from: at('2026-10-01'), to: NOW_S }],
  ['в прошлом квартале', { from: at('2026-07-01'), to: at('2026-10-01') }],
];

export const EN_PHRASES: [string, Asked][] = [
  ['orders today', today],
  ['how many sales today?', revenue(today)],
  ['sales yesterday', paid(yesterday)],
  ['yesterday paid', paid(yesterday)],
  ['paid yesterday', paid(yesterday)],
  ['earnings yesterday', revenue(yesterday)],
  ['stats for yesterday', sum(yesterday)],
  ['cancelled yesterday', status('cancelled', yesterday)],
  ['pending orders yesterday', status('unpaid', yesterday)],
  ['day before yesterday', dayBefore],
  ['friday', yesterday],
  ['revenue last week', revenue(lastWeek)],
  ['how much did I make last week', revenue(lastWeek)],
  ['sold last week', paid(lastWeek)],
  ['past week', lastWeek],
  ['orders this week', thisWeek],
  ['orders since monday', thisWeek],
  ['unpaid this week', status('unpaid', thisWeek)],
  ['masterclass this week', goods(['104'], thisWeek)],
  ['this month', thisMonth],
  ['total this month', sum(thisMonth)],
  ['income this month', revenue(thisMonth)],
  ['refunds this month', status('refunded', thisMonth)],
  ['python sales this month', paid(goods(['101'], thisMonth))],
  ['November', thisMonth],
  ['cancelled in November', status('cancelled', thisMonth)],
  ['since Nov 1', thisMonth],
  ['last month', october],
  ['revenue last month', revenue(october)],
  ['in October', october],
  ['javascript orders last month', goods(['102'], october)],
  ['refunded orders last month', status('refunded', october)],
  ['last 7 days', rolling(7)],
  ['3 days', rolling(3)],
  ['30 days', rolling(30)],
  ['Nov 25', days('2026-11-25', '2026-11-25')],
  ['25 nov', days('2026-11-25', '2026-11-25')],
  ['nov 1-15', days('2026-11-01', '2026-11-15')],
  ['from 1 to 15 november', days('2026-11-01', '2026-11-15')],
  ['from Oct 25 to Nov 5', days('2026-10-25', '2026-11-05')],
  ['this quarter', { from: at('2026-10-01'), to: NOW_S }],
];
