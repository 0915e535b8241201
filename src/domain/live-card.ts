// The pinned "today so far" card: today's paid sum and count, the change against yesterday by the same
// wall-clock time, and a forecast for the whole day from the hour-of-day profile of the last four same
// weekdays. Pure: the orders and the clock come in, HTML goes out.
import { addLocalDays, localDateOf, localDayRange, sameWallClockOn, type LocalDate, type TimeRange } from './calendar.js';
import { describeChange } from './comparison.js';
import { formatDay, formatTime } from './format/dates.js';
import { joinHtml, type Html } from './format/html.js';
import { formatMoney } from './format/money.js';
import { liveCardText } from './i18n/live-card.js';
import type { Lang } from './i18n/lang.js';
import type { Minor, Order } from './justclick.js';
import { isPaid, uniqueOrders } from './order-facts.js';

/** How many past same weekdays the forecast learns from. */
const FORECAST_WEEKS = 4;

export interface LiveCardRanges {
  date: LocalDate;
  /** Today from its first instant up to now. */
  today: TimeRange;
  /** Yesterday up to the same wall-clock time (DST-correct: 14:00 is 14:00 on a 23-hour day too). */
  yesterday: TimeRange;
  /** The same weekday 1…FORECAST_WEEKS weeks ago, whole days. */
  sameWeekdays: TimeRange[];
}

export function liveCardRanges(now: Date, timeZone: string): LiveCardRanges {
  const date = localDateOf(now, timeZone);
  const yesterday = addLocalDays(date, -1);
  return {
    date,
    today: { from: localDayRange(date, timeZone).from, to: now },
    yesterday: { from: localDayRange(yesterday, timeZone).from, to: sameWallClockOn(yesterday, now, timeZone) },
    sameWeekdays: Array.from({ length: FORECAST_WEEKS }, (_, i) => localDayRange(addLocalDays(date, -7 * (i + 1)), timeZone)),
  };
}

export interface LiveCardInput {
  /** Paid orders of today so far (the fetch may return more; only those within the range count). */
  today: Order[];
  /** Paid orders of yesterday; counted up to the same wall-clock time. */
  yesterday: Order[];
  /** Paid orders of each of the same weekdays, whole days, in the order of `sameWeekdays`. */
  sameWeekdays: Order[][];
}

export interface LiveCard {
  date: LocalDate;
  asOf: Date;
  revenue: Minor;
  count: number;
  yesterdayRevenue: Minor;
  /** Today's revenue / the mean share of a day's revenue those weekdays had by this time; null without history. */
  forecast: Minor | null;
}

const paidWithin = (orders: readonly Order[], from: number, to: number) =>
  uniqueOrders(orders).filter((o) => isPaid(o) && o.paid !== null && o.paid * 1000 >= from && o.paid * 1000 < to);
const sum = (orders: readonly Order[]) => orders.reduce((s, o) => s + o.price, 0);

/**
 * The card's figures. The forecast takes the days among the same weekdays that sold anything: on each, the
 * share of its revenue paid by this wall-clock time; today so far divided by their mean share. No such day,
 * or none of them sold anything by now (a share of 0 forecasts nothing): null, shown as "—".
 */
export function computeLiveCard(input: LiveCardInput, now: Date, timeZone: string): LiveCard {
  const ranges = liveCardRanges(now, timeZone);
  const today = paidWithin(input.today, ranges.today.from.getTime(), ranges.today.to.getTime());
  const revenue = sum(today);
  const shares: number[] = [];
  ranges.sameWeekdays.forEach((day, i) => {
    const whole = sum(paidWithin(input.sameWeekdays[i] ?? [], day.from.getTime(), day.to.getTime()));
    if (whole <= 0) return;
    const byNow = sameWallClockOn(localDateOf(day.from, timeZone), now, timeZone).getTime();
    shares.push(sum(paidWithin(input.sameWeekdays[i] ?? [], day.from.getTime(), byNow)) / whole);
  });
  const meanShare = shares.length === 0 ? 0 : shares.reduce((a, b) => a + b, 0) / shares.length;
  return {
    date: ranges.date,
    asOf: now,
    revenue,
    count: today.length,
    yesterdayRevenue: sum(paidWithin(input.yesterday, ranges.yesterday.from.getTime(), ranges.yesterday.to.getTime())),
    forecast: meanShare > 0 ? Math.round(revenue / meanShare) : null,
  };
}

export function renderLiveCard(card: LiveCard, timeZone: string, lang: Lang, currency: string): Html {
  const t = liveCardText[lang];
  const money = (m: Minor) => formatMoney(m, currency, lang);
  const time = formatTime(card.asOf, timeZone);
  return joinHtml(
    [
      t.title(formatDay(card.date, lang), time),
      t.sales(money(card.revenue), card.count),
      t.vsYesterday(time, describeChange(card.revenue, card.yesterdayRevenue, lang, currency)),
      t.forecast(card.forecast === null ? null : money(card.forecast)),
    ],
    '\n',
  );
}
