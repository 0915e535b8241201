// Which milestones a paid order reaches: the first sale of the day, a record day, a record order.
import { describe, expect, it } from 'vitest';
import { milestonesOf, salesHistory, type PaidSale } from '../../src/domain/milestones.js';

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const sale = (id: string, rubles: number, iso: string): PaidSale => ({ id, price: rubles * 100, paid: at(iso) });

describe('milestones', () => {
  const history = salesHistory(
    [sale('1', 4000, '2026-11-20T10:00:00+03:00'), sale('2', 6000, '2026-11-20T23:30:00+03:00'), sale('3', 7000, '2026-11-21T00:10:00+03:00')],
    'Europe/Moscow',
  );

  it('counts the window by the chat’s days: 23:30 and 00:10 Moscow are two days, one in UTC', () => {
    expect(history).toEqual({ bestDay: 1_000_000, bestOrder: 700_000 });
    expect(salesHistory([sale('2', 6000, '2026-11-20T23:30:00+03:00'), sale('3', 7000, '2026-11-21T00:10:00+03:00')], 'UTC').bestDay).toBe(1_300_000);
  });

  it('the day’s first paid order is its first sale, and no later one is', () => {
    const first = sale('10', 100, '2026-11-28T08:00:00+03:00');
    const second = sale('11', 100, '2026-11-28T09:00:00+03:00');
    expect(milestonesOf(first, [first, second], history)).toEqual([{ kind: 'first-sale' }]);
    expect(milestonesOf(second, [first, second], history)).toEqual([]);
  });

  it('the order that takes the day past the best day is the record day, the one after it is not', () => {
    const today = [sale('10', 5000, '2026-11-28T08:00:00+03:00'), sale('11', 6000, '2026-11-28T09:00:00+03:00'), sale('12', 100, '2026-11-28T10:00:00+03:00')];
    expect(milestonesOf(today[1]!, today, history)).toEqual([{ kind: 'record-day', total: 1_100_000 }]);
    expect(milestonesOf(today[2]!, today, history)).toEqual([]);
  });

  it('an order larger than every order of the window and of the day so far is a record order', () => {
    const big = sale('10', 7001, '2026-11-28T08:00:00+03:00');
    const bigger = sale('11', 7002, '2026-11-28T09:00:00+03:00');
    const smaller = sale('12', 7001.5, '2026-11-28T10:00:00+03:00');
    const today = [big, bigger, smaller];
    expect(milestonesOf(big, today, history)).toContainEqual({ kind: 'record-order' });
    expect(milestonesOf(bigger, today, history)).toContainEqual({ kind: 'record-order' });
    expect(milestonesOf(smaller, today, history)).not.toContainEqual({ kind: 'record-order' });
  });

  it('claims no record for a shop with no sales in the window', () => {
    const first = sale('10', 100, '2026-11-28T08:00:00+03:00');
    expect(milestonesOf(first, [first], { bestDay: 0, bestOrder: 0 })).toEqual([{ kind: 'first-sale' }]);
  });
});
