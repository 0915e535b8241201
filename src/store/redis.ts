// Builds the ioredis connections the bot uses (store and BullMQ) with one policy for retries, logging and shutdown.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { withDeadline } from '../deadline.js';

export type { Redis };

/** Every key of this bot starts with it; BullMQ's live under `<PREFIX>bull:`. */
export const PREFIX = 'jcb:';

export interface RedisConnectionOptions {
  logger: Logger;
  /** Shown in logs and as CLIENT SETNAME, e.g. `store`, `queue`, `worker`. */
  name: string;
  /** BullMQ needs commands to wait for a reconnect forever (it blocks on BRPOPLPUSH and friends). */
  forBullMQ?: boolean;
}

/** How often the same connection error is logged again while it persists. */
const REPEAT_LOG_MS = 30_000;

export function createRedis(url: string, { logger, name, forBullMQ = false }: RedisConnectionOptions): Redis {
  const log = logger.child({ redis: name });
  const redis = new Redis(url, {
    connectionName: `jcb-${name}`,
    lazyConnect: false,
    // Store calls fail after a few reconnect attempts so that a handler answers "try later" instead of hanging.
    maxRetriesPerRequest: forBullMQ ? null : 3,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 3_000),
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
