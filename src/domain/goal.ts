// A monthly revenue goal: the sum as a seller writes it ("500k", "1,5 млн"), how far the month has come
// (percent and pace: "on track for 112%"), and which of the 50/90/100 % milestones are reached. Pure.
import { startOfLocalDay, localDateOf, type LocalDate } from './calendar.js';
import { formatMoney } from './format/money.js';
import type { Html } from './format/html.js';
import { CURRENCY_WORDS, goalText, SUM_MULTIPLIERS } from './i18n/goal.js';
import { LANGS, type Lang } from './i18n/lang.js';
import type { Minor, Order } from './justclick.js';
import { isPaid, uniqueOrders } from './order-facts.js';

/** Money paid within [from, to) by orders still paid: what a goal counts. */
export function paidRevenue(orders: readonly Order[], from: Date, to: Date): Minor {
  return uniqueOrders(orders)
    .filter((o) => isPaid(o) && o.paid !== null && o.paid * 1000 >= from.getTime() && o.paid * 1000 < to.getTime())
    .reduce((s, o) => s + o.price, 0);
}

/** The milestones a chat is told about, once each per month. */
const GOAL_MILESTONES = [50, 90, 100] as const;

/** A goal above this (a trillion roubles) is a typo, not a plan. */
const MAX_GOAL_MINOR = 100_000_000_000_000;

/** Pace is not shown before this much of the month has passed: a first morning's sales say nothing of the month. */
const MIN_ELAPSED_FOR_PACE = 1 / 31;

const MULTIPLIERS = new Map<string, number>(LANGS.flatMap((lang) => Object.entries(SUM_MULTIPLIERS[lang])));

/**
 * The sum a seller typed, in minor units: 500000 · 500 000 · 500k · 500 тыс · 1.5m · 1,5 млн · 250 000 ₽.
 * Null for anything else, for zero and for absurd sums. A comma is decimal after a multiplier or when it is
 * not followed by exactly three digits ("1,5 млн" vs "500,000").
 */
export function parseGoalSum(input: string): Minor | null {
  let s = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim();
  for (const word of CURRENCY_WORDS) {
    if (s.endsWith(word)) {
      s = s.slice(0, -word.length).replace(/\.$/, '').trim();
      break;
    }
  }
  if (s.startsWith('₽')) s = s.slice(1).trim();
  const m = /^(\d+(?: \d+)*(?:[.,]\d+)?)\s*([\p{L}]+)?\.?$/u.exec(s);
  if (!m) return null;
  const word = m[2];
  const multiplier = word === undefined ? 1 : MULTIPLIERS.get(word);
  if (multiplier === undefined) return null;
  let number = m[1]!;
  // Digit groups: "500 000"; a group must be three digits, so "5 00" is refused.
  if (number.includes(' ')) {
    if (!/^\d{1,3}( \d{3})+(?:[.,]\d+)?$/.test(number)) return null;
    number = number.replace(/ /g, '');
  }
  if (word === undefined && /^\d{1,3}(,\d{3})+$/.test(number)) number = number.replace(/,/g, '');
  const value = Number(number.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const minor = Math.round(value * multiplier * 100);
  return minor > 0 && minor <= MAX_GOAL_MINOR ? minor : null;
}

export interface GoalProgress {
  target: Minor;
  /** Paid revenue of the month up to `asOf`. */
  revenue: Minor;
  /** The month the goal is for. */
  month: { year: number; month: number };
  /** revenue / target in whole percent, rounded down (99.6% is not yet 100%). */
  percent: number;
  /** Month-to-date revenue / elapsed part of the month, against the target, in whole percent; null too early to say. */
  pace: number | null;
}

/**
 * Progress towards the goal of the month `asOf` falls in (the instant just before it, so that the end of
 * the last day still counts as that month). The elapsed part is in instants between the month's local
 * first and last moments, so a 23-hour DST day counts for what it is.
 */
export function goalProgress(target: Minor, revenue: Minor, asOf: Date, timeZone: string): GoalProgress {
  const day = localDateOf(new Date(asOf.getTime() - 1), timeZone);
  const first: LocalDate = { year: day.year, month: day.month, day: 1 };
  const next: LocalDate = day.month === 12 ? { year: day.year + 1, month: 1, day: 1 } : { year: day.year, month: day.month + 1, day: 1 };
  const start = startOfLocalDay(first, timeZone).getTime();
  const end = startOfLocalDay(next, timeZone).getTime();
  const elapsed = Math.min(1, Math.max(0, (asOf.getTime() - start) / (end - start)));
  return {
    target,
    revenue,
    month: { year: day.year, month: day.month },
    percent: Math.floor((revenue / target) * 100),
    pace: elapsed < MIN_ELAPSED_FOR_PACE ? null : Math.round((revenue / elapsed / target) * 100),
  };
}

/** The milestones `revenue` has reached against `target` (all of them once the goal is met). */
export function reachedMilestones(revenue: Minor, target: Minor): number[] {
  return GOAL_MILESTONES.filter((m) => revenue * 100 >= target * m);
}

/** The one progress line the digest and /orders month show. */
export function renderGoalLine(progress: GoalProgress, lang: Lang, currency: string): Html {
  const t = goalText[lang];
  const money = (m: Minor) => formatMoney(m, currency, lang);
  return t.progress(t.month(progress.month.month), money(progress.revenue), money(progress.target), progress.percent, progress.pace);
}

/** The message for a milestone reached. */
export function renderMilestone(milestone: number, progress: GoalProgress, lang: Lang, currency: string): Html {
  const t = goalText[lang];
  const money = (m: Minor) => formatMoney(m, currency, lang);
  return t.milestone(milestone, t.month(progress.month.month), money(progress.revenue), money(progress.target));
}
