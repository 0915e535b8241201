// The silence alert's rule: learned from four weeks of paid orders by hour of the week; told only when orders
// were really expected, after a few hours without one, and never at night.
import { describe, expect, it } from 'vitest';
import { expectedBetween, hourOfWeek, learnProfile, profileRange, silenceAlert, type WeekProfile } from '../../src/domain/silence.js';

const zone = 'Europe/Moscow';
const sec = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** A shop that sells one order an hour from 09:00 to 21:00 Moscow every day of the four weeks before `now`. */
function busyShop(now: Date): WeekProfile {
  const range = profileRange(now, zone);
  const paid: number[] = [];
  for (let t = range.from.getTime(); t < range.to.getTime(); t += 3_600_000) {
    const h = hourOfWeek(new Date(t), zone) % 24;
    if (h >= 9 && h < 21) paid.push(Math.floor(t / 1000) + 600);
  }
  return learnProfile(paid, range, zone);
}

// Monday 14 Dec 2026, 15:00 Moscow.
const monday3pm = new Date('2026-12-14T12:00:00Z');

describe('silence alert', () => {
  it('learns one order an hour in the shop hours and none at night', () => {
    const profile = busyShop(monday3pm);
    expect(profile[hourOfWeek(new Date('2026-12-14T07:30:00Z'), zone)]).toBe(1); // Monday 10:30
    expect(profile[hourOfWeek(new Date('2026-12-14T00:30:00Z'), zone)]).toBe(0); // Monday 03:30
    expect(expectedBetween(profile, new Date('2026-12-14T06:00:00Z'), monday3pm, zone)).toBe(6); // 09:00–15:00
  });

  it('tells a busy shop with nothing paid since Sunday 20:50 at 15:00 on Monday: 18 h, usually 6 by now', () => {
    const silence = silenceAlert({
      profile: busyShop(monday3pm),
      lastPaidAt: sec('2026-12-13T17:50:00Z'),
      watchingSince: sec('2026-12-01T00:00:00Z'),
      now: monday3pm,
      timeZone: zone,
      quiet: undefined,
    });
    expect(silence).toEqual({ silentHours: 18, usualByNow: 6, weekday: 1 });
  });

  it('says nothing on a normal day: the last order an hour ago', () => {
    expect(
      silenceAlert({
        profile: busyShop(monday3pm),
        lastPaidAt: sec('2026-12-14T11:00:00Z'),
        watchingSince: 0,
        now: monday3pm,
        timeZone: zone,
        quiet: undefined,
      }),
    ).toBeNull();
  });

  it('says nothing when so few orders were expected that a gap is normal', () => {
    const sparse = busyShop(monday3pm).map((n) => n / 10);
    expect(
      silenceAlert({ profile: sparse, lastPaidAt: sec('2026-12-13T17:50:00Z'), watchingSince: 0, now: monday3pm, timeZone: zone, quiet: undefined }),
    ).toBeNull();
  });

  it('never at night: 22:00–08:00 without quiet hours, or inside the chat’s own quiet hours', () => {
    const profile = new Array<number>(168).fill(2);
    const facts = { profile, lastPaidAt: sec('2026-12-13T12:00:00Z'), watchingSince: 0, timeZone: zone, quiet: undefined };
    expect(silenceAlert({ ...facts, now: new Date('2026-12-14T20:30:00Z') })).toBeNull(); // 23:30
    expect(silenceAlert({ ...facts, now: new Date('2026-12-14T17:30:00Z') })).not.toBeNull(); // 20:30
    expect(silenceAlert({ ...facts, now: new Date('2026-12-14T17:30:00Z'), quiet: { from: '20:00', to: '09:00' } })).toBeNull();
  });

  it('counts the silence from when alerts were switched on, not from before', () => {
    const facts = { profile: busyShop(monday3pm), lastPaidAt: null, now: monday3pm, timeZone: zone, quiet: undefined };
    expect(silenceAlert({ ...facts, watchingSince: sec('2026-12-14T11:00:00Z') })).toBeNull();
    expect(silenceAlert({ ...facts, watchingSince: sec('2026-12-14T06:00:00Z') })?.silentHours).toBe(6);
  });
});
