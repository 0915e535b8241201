// Sent marks on a Redis Cluster outlive a master killed right after they were written: markSent returns only
// once a replica holds them (WAIT 1), so the promoted replica still says "sent" and a retried delivery stays
// silent. A stalled replica delays markSent by the short timeout, never fails it; one Redis is never asked to WAIT.
import { type Cluster, Redis as OneRedis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PREFIX } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { KeySpace } from '../../src/store/keys.js';
import { AlertLedger } from '../../src/store/ledger.js';
import { confirmWrites, createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { describeCluster, startRedisCluster, type RedisCluster } from '../support/redis-cluster.js';
import { startRedisServer } from '../support/redis-server.js';
import { holdsWithin } from '../support/wait.js';

const logger = createLogger('silent');
const keys = new KeySpace(PREFIX, true);

/** Asks one node directly. */
async function onNode<T>(port: number, command: (r: OneRedis) => Promise<T>): Promise<T> {
  const direct = new OneRedis(port, '127.0.0.1');
  try {
    return await command(direct);
  } finally {
    direct.disconnect();
  }
}

/** The replica of the master serving `key`, and its process id. */
async function replicaOf(cluster: RedisCluster, redis: Redis, key: string): Promise<{ port: number; pid: number }> {
  const slot = (await redis.call('CLUSTER', 'KEYSLOT', key)) as number;
  const ranges = (await redis.call('CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
  const master = ranges.find(([from, to]) => slot >= from && slot <= to)![2][1];
  for (const { port } of cluster.nodes) {
    const replication = await onNode(port, (r) => r.info('replication'));
    if (replication.includes(`master_port:${master}`)) {
      return { port, pid: Number(/process_id:(\d+)/.exec(await onNode(port, (r) => r.info('server')))![1]) };
    }
  }
  throw new Error(`no replica of ${master}`);
}

describeCluster('sent marks on a Redis Cluster', () => {
  let cluster: RedisCluster;
  let redis: Redis;
  let ledger: AlertLedger;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = createRedis(cluster.url, { logger, name: 'store' });
    ledger = new AlertLedger(redis, keys);
    // The nodes learn who replicates whom by gossip, a little after the cluster says ok; so does ioredis.
    const knowsReplicas = async () => {
      const cluster = redis as Cluster;
      cluster.refreshSlotsCache();
      return cluster.nodes('slave').length === 3;
    };
    expect(await holdsWithin(knowsReplicas, { timeoutMs: 20_000, intervalMs: 200 })).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await quitRedis(redis);
    await cluster.stop();
  });

  it('a stalled replica holds markSent back for the short timeout, then lets it return with the mark written', async () => {
    const chatId = 7301;
    const key = keys.chat('alert:sent', chatId, 'o1');
    const replica = await replicaOf(cluster, redis, key);
    process.kill(replica.pid, 'SIGSTOP');
    try {
      const started = performance.now();
      await ledger.markSent(chatId, ['o1']);
      const waited = performance.now() - started;
      // WAIT 1 200 found no replica acknowledging: markSent waited for it, about 200 ms, not forever.
      expect(waited).toBeGreaterThanOrEqual(180);
      expect(waited).toBeLessThan(2_000);
      expect(await ledger.sentAmong(chatId, ['o1'])).toEqual(new Set(['o1']));
    } finally {
      process.kill(replica.pid, 'SIGCONT');
    }
  });

  it("once markSent returned, the master's replica holds the mark, and after the master is killed the mark is still there", async () => {
    const chatId = 7302;
    const key = keys.chat('alert:sent', chatId, 'o2');
    const replica = await replicaOf(cluster, redis, key);
    await ledger.markSent(chatId, ['o2']);
    const onReplica = new OneRedis(replica.port, '127.0.0.1');
    try {
      await onReplica.readonly();
      expect(await onReplica.get(key)).toBe('1');
    } finally {
      onReplica.disconnect();
    }
    const failover = await cluster.killMaster({ key });
    expect(failover.promoted).toBe(replica.port);
    expect(await ledger.sentAmong(chatId, ['o2', 'o3'])).toEqual(new Set(['o2']));
  }, 60_000);
});

describeCluster('sent marks on one Redis', () => {
  it('are written without a WAIT: confirmWrites asks nothing of a single server', async () => {
    const server = await startRedisServer();
    const redis = createRedis(server.url, { logger, name: 'store' });
    try {
      await new AlertLedger(redis, new KeySpace(PREFIX, false)).markSent(7303, ['o4']);
      expect(await confirmWrites(redis)).toBeNull();
      expect(await redis.info('commandstats')).not.toContain('cmdstat_wait');
      expect(await redis.info('commandstats')).toContain('cmdstat_set');
    } finally {
      await quitRedis(redis);
      await server.stop();
    }
  });
});
