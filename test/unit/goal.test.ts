// /goal: the sum as sellers write it, progress and pace through the month in the chat's zone, milestones.
import { describe, expect, it } from 'vitest';
import { goalProgress, parseGoalSum, reachedMilestones, renderGoalLine, renderMilestone } from '../../src/domain/goal.js';
import { seen } from '../support/orders.js';

describe('parseGoalSum', () => {
  it.each([
    ['500000', 500_000_00],
    ['500 000', 500_000_00],
    ['500\u00a0000', 500_000_00],
    ['500k', 500_000_00],
    ['500K', 500_000_00],
    ['500 тыс', 500_000_00],
    ['500 тыс.', 500_000_00],
    ['500к', 500_000_00],
    ['1.5m', 1_500_000_00],
    ['1,5 млн', 1_500_000_00],
    ['2 млн ₽', 2_000_000_00],
    ['250 000 руб', 250_000_00],
    ['500,000', 500_000_00],
    ['99.90', 99_90],
  ])('reads %s', (input, minor) => {
    expect(parseGoalSum(input)).toBe(minor);
  });

  it.each(['', 'off', '0', '-5', '5 00', '500 коров', '1e9', '12:00', '10 трлн'])('refuses %s', (input) => {
    expect(parseGoalSum(input)).toBeNull();
  });
});

describe('goalProgress', () => {
  const msk = 'Europe/Moscow';
  it('on 16 Nov at 00:00 half of November has passed: ₽300,000 of ₽500,000 is on track for 120%', () => {
    const p = goalProgress(500_000_00, 300_000_00, new Date('2026-11-15T21:00:00Z'), msk);
    expect(p).toEqual({ target: 500_000_00, revenue: 300_000_00, month: { year: 2026, month: 11 }, percent: 60, pace: 120 });
  });

  it('the end of the last day still counts as that month, and pace equals the result', () => {
    const p = goalProgress(500_000_00, 520_000_00, new Date('2026-11-30T21:00:00Z'), msk);
    expect(p.month).toEqual({ year: 2026, month: 11 });
    expect([p.percent, p.pace]).toEqual([104, 104]);
  });

  it('does not guess a pace in the first hours of a month', () => {
    expect(goalProgress(500_000_00, 10_000_00, new Date('2026-12-01T05:00:00Z'), msk).pace).toBeNull();
  });

  it('counts the month in real time across a DST change (New York, November has 30 days and one 25-hour day)', () => {
    // Half of November's 721 hours in New York: 360.5 h after 1 Nov 00:00 EDT (04:00Z).
    const half = new Date(Date.parse('2026-11-01T04:00:00Z') + 360.5 * 3_600_000);
    expect(goalProgress(100_00, 50_00, half, 'America/New_York').pace).toBe(100);
  });

  it('99.6% is not yet 100%', () => {
    expect(goalProgress(1000_00, 996_00, new Date('2026-11-20T00:00:00Z'), msk).percent).toBe(99);
  });
});

describe('milestones and lines', () => {
  it('reaches 50, 90 and 100 exactly at those shares', () => {
    expect(reachedMilestones(49_99, 100_00)).toEqual([]);
    expect(reachedMilestones(50_00, 100_00)).toEqual([50]);
    expect(reachedMilestones(90_00, 100_00)).toEqual([50, 90]);
    expect(reachedMilestones(250_00, 100_00)).toEqual([50, 90, 100]);
  });

  it('says progress and pace in both languages', () => {
    const p = goalProgress(500_000_00, 300_000_00, new Date('2026-11-15T21:00:00Z'), 'Europe/Moscow');
    expect(seen(renderGoalLine(p, 'en', 'RUB'))).toBe('🎯 Goal for November: ₽300,000 of ₽500,000 (60%) · on track for 120%');
    expect(seen(renderGoalLine(p, 'ru', 'RUB'))).toBe('🎯 Цель на ноябрь: 300 000 ₽ из 500 000 ₽ (60%) · при таком темпе 120%');
    expect(seen(renderMilestone(50, p, 'en', 'RUB'))).toContain('50% of the goal for November');
    expect(seen(renderMilestone(100, p, 'ru', 'RUB'))).toContain('Цель на ноябрь достигнута!');
  });
});
