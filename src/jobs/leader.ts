// Leader election over one Redis key: exactly one replica at a time holds it (e.g. to consume Telegram
// updates by long polling, or to upsert the poll-tick scheduler); when the holder dies its key expires
// and another replica takes over within ttlMs + renewMs.
import { randomUUID } from 'node:crypto';
import type { Redis } from '../store/redis.js';
import type { Logger } from '../logger.js';
import { Locks } from '../store/locks.js';

export interface LeaderOptions {
  /** The full Redis key of the lock, e.g. `jcb:leader:updates`. */
  key: string;
  ttlMs?: number;
  renewMs?: number;
  onAcquire?: () => void | Promise<void>;
  onLose?: () => void | Promise<void>;
  logger?: Logger;
}

export interface Leader {
  isLeader(): boolean;
  /** Stops campaigning; gives the lock back (and calls onLose) when we held it. */
  stop(): Promise<void>;
}

export function createLeader(redis: Redis, opts: LeaderOptions): Leader {
  const { key, ttlMs = 15_000, renewMs = 5_000, onAcquire, onLose, logger } = opts;
  if (renewMs >= ttlMs) throw new Error('leader renewMs must be shorter than ttlMs');
  const locks = new Locks(redis, '');
  const token = randomUUID();
  let leading = false;
  let lastHeldAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const stepDown = async (why: string) => {
    leading = false;
    logger?.warn({ lock: key, why }, 'leadership lost');
    try {
      await onLose?.();
    } catch (err) {
      logger?.error({ err, lock: key }, 'leader onLose failed');
    }
  };

  const round = async () => {
    try {
      if (leading) {
        if (await locks.renew(key, token, ttlMs)) lastHeldAt = Date.now();
        else await stepDown('lock taken or expired');
      } else if (await locks.tryAcquire(key, token, ttlMs)) {
        leading = true;
        lastHeldAt = Date.now();
        logger?.info({ lock: key }, 'leadership acquired');
        try {
          await onAcquire?.();
        } catch (err) {
          // Give the lock back so that this replica (or another) retries the whole takeover.
          logger?.error({ err, lock: key }, 'leader onAcquire failed; releasing');
          leading = false;
          await locks.release(key, token).catch(() => undefined);
        }
      }
    } catch (err) {
      logger?.warn({ err, lock: key }, 'leader lock round failed');
      // Without Redis we cannot prove the lock is still ours: once it may have expired, act as if it has.
      if (leading && Date.now() - lastHeldAt >= ttlMs) await stepDown('could not renew before expiry');
    }
  };

  const loop = () => {
    if (stopped) return;
    inFlight = round().finally(() => {
      if (!stopped) timer = setTimeout(loop, renewMs);
    });
  };
  loop();

  return {
    isLeader: () => leading && Date.now() - lastHeldAt < ttlMs,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      if (leading) {
        leading = false;
        await locks.release(key, token).catch((err: unknown) => logger?.warn({ err, lock: key }, 'leader release failed'));
        try {
          await onLose?.();
        } catch (err) {
          logger?.error({ err, lock: key }, 'leader onLose failed');
        }
      }
    },
  };
}
