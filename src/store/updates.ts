// Remembers Telegram update ids for an hour: Telegram redelivers a webhook update it thinks failed.
import type { Redis } from 'ioredis';

const REMEMBER_SECONDS = 3600;

export class UpdateLog {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix = 'jcb:') {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /** True when this update was seen before (drop it); otherwise records it and answers false. */
  async seenUpdate(updateId: number): Promise<boolean> {
    if (!Number.isSafeInteger(updateId) || updateId < 0) throw new TypeError(`not an update id: ${String(updateId)}`);
    const fresh = await this.#redis.set(`${this.#prefix}upd:${updateId}`, '1', 'EX', REMEMBER_SECONDS, 'NX');
    return fresh === null;
  }
}
