// The end of a check in one script (src/store/check-end.ts) leaves Redis exactly as the stores' own methods do
// one by one: same keys, values and expiries, the watch list and the schedule included, for a linked account with
// errors and marks, a clean one, an unlinked one (not brought back), one taken off the schedule (stays off), on
// plain names (one script) and on cluster-style hash-tagged names (the script, then the two global writes). The
// end with the ledger reads (checkedUnlessNew) answers as AlertLedger.missing does and, when nothing is new, leaves
// the same as `checked` (on one Redis in the same script); when something is new it writes nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { CheckEnd, type LedgerRead } from '../../src/store/check-end.js';
import { KeySpace } from '../../src/store/keys.js';
import { AlertLedger, WatchList } from '../../src/store/ledger.js';
import type { PaceFacts } from '../../src/store/poll-pace.js';
import { PollPaceStore } from '../../src/store/poll-pace.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { Vault } from '../../src/store/vault.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const logger = createLogger('warn', { write: () => undefined });
const vault = new Vault(randomBytes(32));
const OWNER = 4242;
const AT = new Date(Date.UTC(2026, 11, 1, 9, 30, 15, 250));
const NEXT = new Date(AT.getTime() + 15 * 60_000);

/** Every key under the prefix: type, value and expiry (whole seconds as TTL reports them), the prefix cut off. */
async function snapshot(redis: Redis, prefix: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of (await redis.keys(`${prefix}*`)).sort()) {
    const type = await redis.type(key);
    const value =
      type === 'hash'
        ? await redis.hgetall(key)
        : type === 'string'
          ? await redis.get(key)
          : type === 'set'
            ? (await redis.smembers(key)).sort()
            : type === 'zset'
              ? await redis.zrange(key, '0', '-1', 'WITHSCORES')
              : type;
    out[key.slice(prefix.length)] = { value, ttl: await redis.ttl(key) };
  }
  return out;
}

describeRedis('CheckEnd: the end of a check as one script', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = createRedis(redisUrl!, { logger, name: 'test' });
  });
  afterAll(async () => {
    await quitRedis(redis);
  });

  /** The same starting state under two prefixes: one ended by the stores one by one, the other by the script. */
  async function compare(
    cluster: boolean,
    setup: (accounts: AccountStore, watch: WatchList, pace: PollPaceStore, keys: KeySpace) => Promise<void>,
    facts: PaceFacts,
    reads?: LedgerRead[],
  ) {
    const [a, b] = [freshPrefix('end-a'), freshPrefix('end-b')];
    const ka = new KeySpace(a, cluster);
    const kb = new KeySpace(b, cluster);
    const stores = (k: KeySpace) => [new AccountStore(redis, vault, k, logger), new WatchList(redis, k), new PollPaceStore(redis, k)] as const;
    const [accA, watchA, paceA] = stores(ka);
    const [accB, watchB, paceB] = stores(kb);
    await setup(accA, watchA, paceA, ka);
    await setup(accB, watchB, paceB, kb);

    await watchA.checked(OWNER, AT);
    await accA.markOk(OWNER, Math.floor(AT.getTime() / 1000));
    await paceA.remember(OWNER, facts);
    await watchA.add(OWNER);
    await paceA.dueAt(OWNER, NEXT);
    const end = new CheckEnd(redis, kb, watchB, paceB, new AlertLedger(redis, kb));
    if (reads) {
      const missing = await end.checkedUnlessNew(OWNER, AT, facts, NEXT, reads);
      // On a cluster the ledgers are read on their own, nothing is ended, and the caller ends the check.
      if (cluster) {
        expect(missing).toEqual(reads.map(() => []));
        await end.checked(OWNER, AT, facts, NEXT);
      } else expect(missing).toBeNull();
    } else await end.checked(OWNER, AT, facts, NEXT);

    const [sa, sb] = [await snapshot(redis, a), await snapshot(redis, b)];
    expect(Object.keys(sa).length).toBeGreaterThan(0);
    // The account's key (sealed API key included) is the same record on both sides, only the seal's nonce differs.
    for (const s of [sa, sb])
      for (const v of Object.values(s) as { value: unknown }[]) if (v.value && typeof v.value === 'object') delete (v.value as Record<string, unknown>).key;
    expect(sb).toEqual(sa);
    return sb;
  }

  const failing = async (accounts: AccountStore, watch: WatchList, pace: PollPaceStore) => {
    await accounts.link(OWNER, { login: 'school', region: 'ru', key: 'k'.repeat(32) }, 1_700_000_000);
    await accounts.markError(OWNER, { kind: 'api-limited', message: 'limit reached' }, 1_700_000_100);
    await watch.limitedSince(OWNER, new Date(1_700_000_100_000));
    await watch.claimPauseNotice(OWNER);
    await pace.remember(OWNER, { saleAt: 5, missedAt: 6 });
    // Scheduled, beside another watched account whose place nothing may touch.
    await pace.enrol([OWNER, OWNER + 1], new Date(1_700_000_000_000));
    await watch.add(OWNER + 1);
  };

  for (const cluster of [false, true]) {
    const names = cluster ? 'hash-tagged names' : 'plain names';
    it(`ends a failing streak: errors and marks cleared, facts merged (${names})`, async () => {
      const after = await compare(cluster, failing, { saleAt: 1_764_581_415_000 });
      const keys = Object.keys(after).join(' ');
      expect(keys).not.toMatch(/limited|paused-told/);
      expect(JSON.stringify(after)).not.toMatch(/errKind|errMessage/);
      expect(JSON.stringify(after)).toContain('"missedAt":"6"');
      const schedule = Object.entries(after).find(([key]) => key.endsWith('alert:due'))?.[1];
      expect(schedule).toEqual({ value: [String(OWNER + 1), '1700000000000', String(OWNER), String(NEXT.getTime())], ttl: -1 });
    });

    it(`a clean account: last check and last good call set (${names})`, async () => {
      await compare(cluster, (accounts) => accounts.link(OWNER, { login: 'school', region: 'ru', key: 'k'.repeat(32) }, 1_700_000_000).then(() => undefined), {
        saleAt: 10,
        missedAt: 20,
      });
    });

    it(`an account taken off the schedule meanwhile stays off it (${names})`, async () => {
      const offSchedule = async (accounts: AccountStore, _watch: WatchList, pace: PollPaceStore) => {
        await accounts.link(OWNER, { login: 'school', region: 'ru', key: 'k'.repeat(32) }, 1_700_000_000);
        await pace.enrol([OWNER, OWNER + 1], new Date(1_700_000_000_000));
        await pace.forget(OWNER);
      };
      const after = await compare(cluster, offSchedule, { saleAt: 10 });
      const schedule = Object.entries(after).find(([key]) => key.endsWith('alert:due'))?.[1];
      expect(schedule).toEqual({ value: [String(OWNER + 1), '1700000000000'], ttl: -1 });
      expect(Object.entries(after).find(([key]) => key.endsWith('alert:owners'))?.[1]).toEqual({ value: [String(OWNER)], ttl: -1 });
    });

    it(`an unlinked account is not brought back (${names})`, async () => {
      const after = await compare(cluster, async () => undefined, { saleAt: 10 });
      expect(Object.keys(after).join(' ')).not.toMatch(/acct/);
    });

    // Two chats the account alerts: its own (the chat's records) and another's it feeds (its own records there).
    const withLedgers = async (accounts: AccountStore, watch: WatchList, pace: PollPaceStore, keys: KeySpace) => {
      await failing(accounts, watch, pace);
      const ledger = new AlertLedger(redis, keys);
      await ledger.record(
        OWNER,
        [
          { orderId: '101', paidAt: 1_796_110_000 },
          { orderId: '102', paidAt: 1_796_110_100 },
        ],
        AT,
      );
      await ledger.record(77, [{ orderId: '101', paidAt: 1_796_110_000 }], AT, OWNER);
    };
    const seen: LedgerRead[] = [
      { chatId: OWNER, scope: undefined, orderIds: ['102', '101'] },
      { chatId: 77, scope: OWNER, orderIds: ['101'] },
      { chatId: 78, scope: OWNER, orderIds: [] },
    ];

    it(`nothing new: the ledgers are read and the check ends as checked() ends it (${names})`, async () => {
      const after = await compare(cluster, withLedgers, { saleAt: 1_764_581_415_000 }, seen);
      expect(JSON.stringify(after)).not.toMatch(/errKind/);
    });

    it(`no ledger to read: the check ends as checked() ends it (${names})`, async () => {
      await compare(cluster, failing, { saleAt: 10 }, []);
    });

    it(`something new: what each ledger lacks, as AlertLedger.missing says, and nothing written (${names})`, async () => {
      const prefix = freshPrefix('end-new');
      const keys = new KeySpace(prefix, cluster);
      const [accounts, watch, pace, ledger] = [
        new AccountStore(redis, vault, keys, logger),
        new WatchList(redis, keys),
        new PollPaceStore(redis, keys),
        new AlertLedger(redis, keys),
      ];
      await withLedgers(accounts, watch, pace, keys);
      // Enough orders for the script to read one ledger in slices.
      const many = Array.from({ length: 2_500 }, (_, i) => String(5_000 + i));
      await ledger.record(
        77,
        many.filter((_, i) => i % 7 !== 0).map((orderId) => ({ orderId, paidAt: 1_796_110_000 })),
        AT,
        OWNER,
      );
      const reads: LedgerRead[] = [
        { chatId: OWNER, scope: undefined, orderIds: ['103', '102', '101'] },
        { chatId: 77, scope: OWNER, orderIds: ['102', '101', ...many] },
        { chatId: 78, scope: OWNER, orderIds: [] },
      ];
      const before = await snapshot(redis, prefix);
      const missing = await new CheckEnd(redis, keys, watch, pace, ledger).checkedUnlessNew(OWNER, AT, { saleAt: 10 }, NEXT, reads);
      expect(missing).toEqual(await Promise.all(reads.map((r) => ledger.missing(r.chatId, r.orderIds, r.scope))));
      expect(missing![0]).toEqual(['103']);
      expect(missing![1]).toEqual(['102', ...many.filter((_, i) => i % 7 === 0)]);
      expect(missing![2]).toEqual([]);
      expect(await snapshot(redis, prefix)).toEqual(before);
    });
  }
});
