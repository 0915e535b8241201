// How often an account is checked: push-healthy accounts rarely, the rest at the poll interval, quiet shops
// less and less often, and every one of them faster again after a sale.
import { describe, expect, it } from 'vitest';
import { MAX_QUIET_MS, nextCheck, pushWorks, QUIET_AFTER_MS } from '../../src/domain/poll-pace.js';

const now = new Date('2026-12-01T12:00:00Z');
const t = now.getTime();
const MIN = 60_000;
const DAY = 86_400_000;
const pace = { pollMs: MIN, reconcileMs: 15 * MIN };

describe('the next check of an account', () => {
  it('an account that sold today and gets no push is checked every poll interval', () => {
    expect(nextCheck({ lastSaleAt: t - 3_600_000 }, now, pace)).toEqual({ mode: 'poll', inMs: MIN });
  });

  it('an account whose pushes arrive is only reconciled every 15 minutes', () => {
    expect(nextCheck({ lastSaleAt: t - MIN, lastPushAt: t - MIN }, now, pace)).toEqual({ mode: 'push', inMs: 15 * MIN });
  });

  it('a push that missed a sale puts the account back on the poll interval, until a push comes again', () => {
    const missed = { lastSaleAt: t - MIN, lastPushAt: t - 2 * DAY, pushMissedAt: t - MIN };
    expect(pushWorks(missed)).toBe(false);
    expect(nextCheck(missed, now, pace)).toEqual({ mode: 'poll', inMs: MIN });
    expect(nextCheck({ ...missed, lastPushAt: t - 1_000 }, now, pace).mode).toBe('push');
  });

  it('a shop silent for two weeks backs off, doubling each further day up to an hour', () => {
    const silentFor = (days: number) => nextCheck({ lastSaleAt: t - QUIET_AFTER_MS + DAY - days * DAY }, now, pace);
    expect(silentFor(0).inMs).toBe(MIN);
    expect(silentFor(1)).toEqual({ mode: 'quiet', inMs: 2 * MIN });
    expect(silentFor(2).inMs).toBe(4 * MIN);
    expect(silentFor(5).inMs).toBe(32 * MIN);
    expect(silentFor(6).inMs).toBe(MAX_QUIET_MS);
    expect(silentFor(400).inMs).toBe(MAX_QUIET_MS);
  });

  it('a sale speeds a quiet shop up to the poll interval at once', () => {
    expect(nextCheck({ lastSaleAt: t - 60 * DAY }, now, pace).inMs).toBe(MAX_QUIET_MS);
    expect(nextCheck({ lastSaleAt: t }, now, pace)).toEqual({ mode: 'poll', inMs: MIN });
  });

  it('a quiet shop with a working push is checked at the longer of the two', () => {
    expect(nextCheck({ lastSaleAt: t - 60 * DAY, lastPushAt: t - 60 * DAY }, now, pace)).toEqual({ mode: 'push', inMs: MAX_QUIET_MS });
  });

  it('never checks more often than the poll interval, whatever the reconciliation is set to', () => {
    expect(nextCheck({ lastSaleAt: t, lastPushAt: t }, now, { pollMs: 20 * MIN, reconcileMs: 5 * MIN }).inMs).toBe(20 * MIN);
    expect(nextCheck({ lastSaleAt: t - 60 * DAY }, now, { pollMs: 2 * MAX_QUIET_MS, reconcileMs: MIN }).inMs).toBe(2 * MAX_QUIET_MS);
  });
});
