// The words after /orders and /export as today's OrdersQuery: a thin adapter over parseRequest
// (domain/request.ts) that keeps the old error codes until the commands use parseRequest themselves.
import type { OrdersQuery } from './justclick.js';
import type { Period } from './calendar-periods.js';
import { readRequest, type RequestErrorCode } from './request.js';

export { MAX_PERIOD_DAYS, type Period } from './calendar-periods.js';

export type PeriodErrorCode =
  | 'unknown-word' // a word that is none of the period, filter or goods words
  | 'impossible-date' // 31.02, 2026-13-01, a year before 2000
  | 'reversed-range' // 15.11-01.11
  | 'future-range' // a date or range that starts after now
  | 'range-too-long' // more than MAX_PERIOD_DAYS days
  | 'goods-without-ids' // "goods" with nothing after it
  | 'two-periods' // "today week"
  | 'paid-and-all'; // "paid all"

export interface PeriodError {
  code: PeriodErrorCode;
  /** The words as the user typed them (at most 64 characters). */
  fragment: string;
}

export type ParseResult = { ok: true; value: { query: OrdersQuery; period: Period } } | { ok: false; error: PeriodError };

/** The request codes today's messages know; the others read as a word not understood. */
const OLD_CODE: Record<RequestErrorCode, PeriodErrorCode> = {
  'unknown-word': 'unknown-word',
  'impossible-date': 'impossible-date',
  'reversed-range': 'reversed-range',
  'future-range': 'future-range',
  'range-too-long': 'range-too-long',
  'goods-without-ids': 'goods-without-ids',
  'two-periods': 'two-periods',
  'conflicting-status': 'paid-and-all',
  'ambiguous-product': 'unknown-word',
  'mixed-request': 'unknown-word',
  'buyer-without-contact': 'unknown-word',
};

const cut = (s: string) => Array.from(s).slice(0, 64).join('');

/**
 * Parses what follows /orders or /export into the query today's commands run: a period, paid or all,
 * product ids. What they cannot answer yet (a status filter, one order, one buyer) is refused as a
 * word not understood. Never throws on any text.
 */
export function parseOrdersArgs(text: string, ctx: { now: Date; timeZone: string }): ParseResult {
  const read = readRequest(text, ctx);
  if (!read.ok) {
    const code = read.error.code === 'conflicting-status' && !/\b(all|все|всё)\b/iu.test(read.error.fragment) ? 'unknown-word' : OLD_CODE[read.error.code];
    return { ok: false, error: { code, fragment: read.error.fragment } };
  }
  const request = read.request;
  if (request.kind !== 'orders') return { ok: false, error: { code: 'unknown-word', fragment: cut(text.trim()) } };
  if (request.status !== null) return { ok: false, error: { code: 'unknown-word', fragment: cut(read.statusWords ?? request.status) } };
  const { period } = request;
  return { ok: true, value: { query: { from: period.from, to: period.to, paidOnly: request.list === 'paid', goods: request.goods }, period } };
}
