// Leader election on real Redis: one holder at a time, and a fail-over when the holder stops renewing.
import { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLeader, type Leader } from '../../src/jobs/leader.js';
import { describeRedis, freshPrefix, requireRedisUrl } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

describeRedis('leader lock', () => {
  let redis: Redis;
  let key: string;
  const leaders: Leader[] = [];

  beforeEach(() => {
    redis = new Redis(requireRedisUrl(), { maxRetriesPerRequest: null });
    key = `${freshPrefix('leader')}leader`;
  });
  afterEach(async () => {
    await Promise.all(leaders.splice(0).map((l) => l.stop()));
    redis.disconnect();
  });

  const campaign = (events: string[], name: string) => {
    const leader = createLeader(redis, {
      key,
      ttlMs: 600,
      renewMs: 150,
      onAcquire: () => void events.push(`${name} acquired`),
      onLose: () => void events.push(`${name} lost`),
    });
    leaders.push(leader);
    return leader;
  };

  it('lets exactly one of two replicas lead', async () => {
    const events: string[] = [];
    const a = campaign(events, 'a');
    const b = campaign(events, 'b');
    await waitFor(() => a.isLeader() || b.isLeader());
    // Several renew rounds later the same single replica still leads.
    await new Promise((r) => setTimeout(r, 500));
    expect([a.isLeader(), b.isLeader()].filter(Boolean)).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('hands leadership over when the holder dies without letting go (its key expires)', async () => {
    const events: string[] = [];
    const doomed = new Redis(requireRedisUrl(), { maxRetriesPerRequest: null });
    const a = createLeader(doomed, {
      key,
      ttlMs: 600,
      renewMs: 150,
      onAcquire: () => void events.push('a acquired'),
      onLose: () => void events.push('a lost'),
    });
    await waitFor(() => a.isLeader());
    const b = campaign(events, 'b');
    // The holder's process "dies": its connection is cut, so it can neither renew nor release the key.
    doomed.disconnect();
    await waitFor(() => b.isLeader(), { timeoutMs: 5_000 });
    expect(a.isLeader()).toBe(false);
    expect(events).toContain('b acquired');
    expect(events.indexOf('b acquired')).toBeGreaterThan(events.indexOf('a acquired'));
    await a.stop();
  });

  it('gives the lock back on stop so another replica takes over at once', async () => {
    const events: string[] = [];
    const a = campaign(events, 'a');
    await waitFor(() => a.isLeader());
    const b = campaign(events, 'b');
    await a.stop();
    expect(await redis.get(key)).toBeNull();
    await waitFor(() => b.isLeader());
    expect(events).toEqual(['a acquired', 'a lost', 'b acquired']);
  });
});
