// Builds the ioredis connections the bot uses (store and BullMQ) with one policy for retries, logging and shutdown,
// to one Redis (`redis://`) or to a Redis Cluster (`redis+cluster://host1:6379,host2:6379`).
import { Cluster, Redis as OneRedis } from 'ioredis';
import type { Logger } from '../logger.js';
import { withDeadline } from '../deadline.js';

/** A connection to one Redis or to a Redis Cluster: every store speaks to either. */
export type Redis = OneRedis | Cluster;

/** Every key of this bot starts with it; BullMQ's live under `<PREFIX>bull:`. */
export const PREFIX = 'jcb:';

/** Where REDIS_URL points: one server (the URL as ioredis reads it), or the seed nodes of a cluster. */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: { host: string; port: number }[]; tls: boolean; username?: string; password?: string };

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#@]+)(\/0?)?$/;
const NODE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * Reads REDIS_URL. `redis://` and `rediss://` name one server; `redis+cluster://[user:pass@]host1:6379,host2:6379`
 * (or `rediss+cluster://` for TLS) names a cluster by any of its nodes, the credentials applying to every node.
 * Throws with the reason when the form is wrong (config.ts turns it into one line).
 */
export function parseRedisUrl(url: string): RedisTarget {
  if (/^rediss?:\/\//.test(url)) return { kind: 'single', url };
  if (!/^rediss?\+cluster:\/\//.test(url)) throw new Error('must start with redis://, rediss://, redis+cluster:// or rediss+cluster://');
  const m = CLUSTER_URL.exec(url);
  if (!m) throw new Error('a cluster is written redis+cluster://[user:password@]host1:6379,host2:6379 (database 0 only, no options)');
  const [, scheme, userinfo, hostList] = m;
  const nodes = (hostList ?? '').split(',').map((part) => {
    const n = NODE.exec(part.trim());
    const port = Number(n?.[2] ?? 6379);
    if (!n?.[1] || port < 1 || port > 65535) throw new Error(`"${part}" is not host:port`);
    return { host: n[1].replace(/^\[|\]$/g, ''), port };
  });
  const target: RedisTarget = { kind: 'cluster', nodes, tls: scheme === 'rediss' };
  if (userinfo !== undefined) {
    const colon = userinfo.indexOf(':');
    const username = decodeURIComponent(colon < 0 ? userinfo : userinfo.slice(0, colon));
    const password = colon < 0 ? '' : decodeURIComponent(userinfo.slice(colon + 1));
    if (username) target.username = username;
    if (password) target.password = password;
  }
  return target;
}

/** True when REDIS_URL names a cluster: keys then carry hash tags (see keys.ts) and BullMQ a tagged prefix. */
export function isClusterUrl(url: string): boolean {
  return parseRedisUrl(url).kind === 'cluster';
}

export interface RedisConnectionOptions {
  logger: Logger;
  /** Shown in logs and as CLIENT SETNAME, e.g. `store`, `queue`, `worker`. */
  name: string;
  /** BullMQ needs commands to wait for a reconnect forever (it blocks on BRPOPLPUSH and friends). */
  forBullMQ?: boolean;
  /**
   * Commands issued in the same tick go out in one write (ioredis' auto-pipelining; one server only). On by
   * default for store connections: the poller's checks run side by side and each write and read is a syscall on
   * both ends (#14). Off only for the benchmark's baseline.
   */
  autoPipelining?: boolean;
}

/** How often the same connection error is logged again while it persists. */
const REPEAT_LOG_MS = 30_000;

const retryStrategy = (times: number): number => Math.min(100 * 2 ** Math.min(times, 5), 3_000);

export function createRedis(url: string, { logger, name, forBullMQ = false, autoPipelining = true }: RedisConnectionOptions): Redis {
  const log = logger.child({ redis: name });
  const options = {
    connectionName: `jcb-${name}`,
    // Store calls fail after a few reconnect attempts so that a handler answers "try later" instead of hanging.
    maxRetriesPerRequest: forBullMQ ? null : 3,
    enableReadyCheck: true,
  };
  const target = parseRedisUrl(url);
  const redis: Redis =
    target.kind === 'single'
      ? new OneRedis(url, { ...options, lazyConnect: false, retryStrategy, enableAutoPipelining: autoPipelining && !forBullMQ })
      : new Cluster(target.nodes, {
          clusterRetryStrategy: retryStrategy,
          // ioredis' Cluster.connect() never settles when its ready check meets `cluster_state:fail` (it
          // reconnects on its own but leaves the first promise pending). BullMQ awaits connect() when it
          // renews a blocking connection after a stuck BZPOPMIN, which is what a killed master causes: the
          // worker then waited forever, silently. Without the check connect() settles; a command sent while
          // the cluster is down gets CLUSTERDOWN and ioredis retries it (retryDelayOnClusterDown).
          enableReadyCheck: !forBullMQ,
          // A failover (a replica promoted) takes about cluster-node-timeout: keep retrying the command
          // meanwhile instead of failing it, a little slower than ioredis' default.
          retryDelayOnFailover: 200,
          retryDelayOnClusterDown: 300,
          // Each retry above (and each MOVED/ASK) spends one redirection. A store call gives up after 16 of
          // them (3–5 s, then the handler says "try later", as maxRetriesPerRequest does on one Redis);
          // BullMQ's connections keep going through a whole failover at Redis' default cluster-node-timeout
          // of 15 s plus the election (120 × 200–300 ms: 24–36 s), or a worker would fail jobs it could run.
          maxRedirections: forBullMQ ? 120 : 16,
          // CLUSTER SLOTS on a busy node may take longer than ioredis' 1 s; a timed-out refresh keeps the old map.
          slotsRefreshTimeout: 2_000,
          // ioredis reads the slot map only at connect and on MOVED; replicas that joined or came back after a
          // failover (which confirmWrites waits for) would stay unknown. One CLUSTER SLOTS per connection a minute.
          slotsRefreshInterval: 60_000,
          redisOptions: {
            ...options,
            ...(target.username !== undefined && { username: target.username }),
            ...(target.password !== undefined && { password: target.password }),
            ...(target.tls && { tls: {} }),
          },
        });

  // ioredis emits an 'error' per failed reconnect (several a second); without a listener Node would crash,
  // with a naive one the log drowns. Log a new message at once, the same one at most every REPEAT_LOG_MS.
  let lastMessage = '';
  let lastLoggedAt = 0;
  let failing = false;
  redis.on('error', (err: Error) => {
    failing = true;
    const now = Date.now();
    if (err.message === lastMessage && now - lastLoggedAt < REPEAT_LOG_MS) return;
    lastMessage = err.message;
    lastLoggedAt = now;
    log.error({ err: { message: err.message, code: (err as NodeJS.ErrnoException).code } }, 'redis connection error');
  });
  redis.on('ready', () => {
    if (failing) log.info('redis connection restored');
    failing = false;
    lastMessage = '';
  });
  return redis;
}

/**
 * Every key matching `pattern`, in batches: SCAN on one Redis, SCAN on every master of a cluster (each
 * master answers only for its own slots).
 */
export async function* scanKeys(redis: Redis, pattern: string, count = 500): AsyncGenerator<string[]> {
  const servers = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, keys] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }
}

/** How long a sent mark waits for a replica to copy it (WAIT's timeout): a bounded pause, never a failure. */
const CONFIRM_TIMEOUT_MS = 200;

/**
 * On a Redis Cluster with replicas: waits until one replica of each master has every write this connection
 * sent it so far (WAIT 1), at most `timeoutMs`. Replication is asynchronous, so a master killed right after
 * a sent mark was written could lose it, and the delivery retried after the failover would send the alert
 * twice; after this the promoted replica has it. WAIT goes to every master that has a replica, in parallel, as
 * ioredis does not say which connection carried the write; a master with nothing left to copy answers at once.
 * On one Redis, or a cluster without replicas, it sends nothing. Resolves to the fewest replicas any master confirmed,
 * or null when nothing was asked or an answer did not come in time (the write itself already succeeded).
 */
export async function confirmWrites(redis: Redis, timeoutMs = CONFIRM_TIMEOUT_MS): Promise<number | null> {
  if (!(redis instanceof Cluster)) return null;
  // Masters that have a replica, as the slot map says (`host:port` first, its replicas after it).
  const replicated = new Set<string>();
  for (const owners of redis.slots) if (owners && owners.length > 1) replicated.add(owners[0]!);
  const masters = redis.nodes('master').filter((m) => replicated.has(`${m.options.host}:${m.options.port}`));
  if (masters.length === 0) return null;
  const answers = Promise.all(masters.map((master) => master.wait(1, timeoutMs)));
  let confirmed: number[] | undefined;
  const answered = await withDeadline(
    answers.then((counts) => {
      confirmed = counts;
    }),
    timeoutMs + 100,
  ).catch(() => false);
  answers.catch(() => undefined);
  return answered && confirmed ? Math.min(...confirmed) : null;
}

/** Ends a connection politely (QUIT lets pending replies arrive), or forcibly once `deadlineMs` has passed. */
export async function quitRedis(redis: Redis, deadlineMs = 2_000): Promise<void> {
  if (redis.status === 'end') return;
  const ended = new Promise<void>((resolve) => redis.once('end', () => resolve()));
  if (redis.status === 'ready') {
    redis.quit().catch(() => redis.disconnect());
  } else {
    // QUIT would sit in the offline queue until a reconnect that may never come.
    redis.disconnect();
    // Between reconnect attempts there is no socket whose close would emit 'end'; disconnect() cancelled
    // the next attempt, and that is all there is to end.
    if (redis.status === 'reconnecting') return;
  }
  if (!(await withDeadline(ended, deadlineMs))) redis.disconnect();
}
