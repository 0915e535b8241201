// Paid revenue of a period cut into the buckets a chart draws: local hours for one day, local days up to
// two months, seven-day stretches beyond. Pure and DST-correct: a local day has 23, 24 or 25 hours.
import type { Minor, Order } from './justclick.js';
import { addLocalDays, compareLocalDates, daysBetween, localDateOf, startOfLocalDay, type LocalDate, type TimeRange } from './calendar.js';
import { isPaid, uniqueOrders } from './order-facts.js';

export type Granularity = 'hour' | 'day' | 'week';

/** Up to this many local days a chart has a bar per day (any two calendar months); longer ones go by weeks. */
const MAX_DAILY_BUCKETS = 62;

const HOUR_MS = 3_600_000;

export interface RevenueBucket {
  /** First instant of the bucket. */
  from: Date;
  /** The instant after its last: buckets are half-open [from, to) and follow each other without gaps. */
  to: Date;
  /** The local date the bucket starts on (for weeks: the first of its seven days). */
  date: LocalDate;
  /** The local hour it starts at, for hourly buckets (a 25-hour day shows one hour twice); null otherwise. */
  hour: number | null;
  /** Money paid within the bucket (and within the period), by orders still paid. */
  revenue: Minor;
  /** How many such orders. */
  count: number;
  /** The bucket starts at or after `until` (the rest of "today"): nothing can be in it yet. */
  ahead: boolean;
  /** `until` falls inside the bucket: it is still filling up (this hour, this week so far). */
  running: boolean;
}

export interface SeriesOptions {
  /** Default: granularityFor(range). Give the current period's to the previous one, so they line up. */
  granularity?: Granularity;
  /** Count only what was paid before this instant (now): the range stays the axis, the rest is `ahead`. */
  until?: Date;
}

export interface RevenueSeries {
  granularity: Granularity;
  buckets: RevenueBucket[];
  /** Sum over the buckets: the period's paid revenue. */
  revenue: Minor;
  count: number;
}

/** The local days a range touches, first and last inclusive; an empty range touches its first day only. */
function daysOf(range: TimeRange, timeZone: string): { first: LocalDate; last: LocalDate } {
  const first = localDateOf(range.from, timeZone);
  const lastInstant = new Date(Math.max(range.from.getTime(), range.to.getTime() - 1));
  return { first, last: localDateOf(lastInstant, timeZone) };
}

/** Hours for a range within one local day, days up to MAX_DAILY_BUCKETS local days, weeks beyond. */
export function granularityFor(range: TimeRange, timeZone: string): Granularity {
  const { first, last } = daysOf(range, timeZone);
  const days = daysBetween(first, last) + 1;
  return days === 1 ? 'hour' : days <= MAX_DAILY_BUCKETS ? 'day' : 'week';
}

type Slot = Pick<RevenueBucket, 'from' | 'to' | 'date' | 'hour'>;

/**
 * The buckets' edges. They cover the whole local days the range touches (weeks: seven-day stretches from
 * its first day, the last one cut at the end of its last day), so that "today so far" is drawn as a whole
 * day with the hours to come left empty.
 */
function slots(range: TimeRange, timeZone: string, granularity: Granularity): Slot[] {
  const { first, last } = daysOf(range, timeZone);
  const end = startOfLocalDay(addLocalDays(last, 1), timeZone).getTime();
  const out: Slot[] = [];
  if (granularity === 'hour') {
    // Real hours from the day's first instant: 23 of them on a spring-forward day, 25 on a fall-back one.
    for (let t = startOfLocalDay(first, timeZone).getTime(); t < end; t += HOUR_MS) {
      const from = new Date(t);
      out.push({ from, to: new Date(Math.min(t + HOUR_MS, end)), date: localDateOf(from, timeZone), hour: hourOf(from, timeZone) });
    }
    return out;
  }
  const step = granularity === 'day' ? 1 : 7;
  for (let date = first; compareLocalDates(date, last) <= 0; date = addLocalDays(date, step)) {
    const from = startOfLocalDay(date, timeZone);
    const to = Math.min(startOfLocalDay(addLocalDays(date, step), timeZone).getTime(), end);
    out.push({ from, to: new Date(to), date, hour: null });
  }
  return out;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function hourOf(instant: Date, timeZone: string): number {
  let f = hourFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, f);
  }
  return Number(f.format(instant));
}

/**
 * Paid revenue of `range` per bucket. Counts each order once, only while still paid (a refunded order
 * leaves), by its `paid` time, and only within [range.from, range.to) and before `until`. For "this month
 * so far" pass the whole month as the range and now as `until`: the days to come are drawn empty.
 */
export function revenueSeries(orders: readonly Order[], range: TimeRange, timeZone: string, options: SeriesOptions = {}): RevenueSeries {
  const granularity = options.granularity ?? granularityFor(range, timeZone);
  const from = range.from.getTime();
  const to = Math.min(range.to.getTime(), options.until?.getTime() ?? Infinity);
  const buckets: RevenueBucket[] = slots(range, timeZone, granularity).map((s) => ({
    ...s,
    revenue: 0,
    count: 0,
    ahead: s.from.getTime() >= to,
    running: s.from.getTime() < to && to < s.to.getTime(),
  }));
  let revenue = 0;
  let count = 0;
  for (const order of uniqueOrders(orders)) {
    if (!isPaid(order) || order.paid === null) continue;
    const at = order.paid * 1000;
    if (at < from || at >= to) continue;
    const bucket = findBucket(buckets, at);
    if (!bucket) continue;
    bucket.revenue += order.price;
    bucket.count += 1;
    revenue += order.price;
    count += 1;
  }
  return { granularity, buckets, revenue, count };
}

/** Binary search: the buckets are sorted and contiguous. */
function findBucket(buckets: RevenueBucket[], at: number): RevenueBucket | undefined {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (at < b.from.getTime()) hi = mid - 1;
    else if (at >= b.to.getTime()) lo = mid + 1;
    else return b;
  }
  return undefined;
}
