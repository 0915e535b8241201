// Remembers Telegram update ids for an hour: Telegram redelivers a webhook update it thinks failed.
import { keySpace, type KeySpace } from './keys.js';
import type { Redis } from './redis.js';

const REMEMBER_SECONDS = 3600;

export class UpdateLog {
  readonly #redis: Redis;
  readonly #keys: KeySpace;

  constructor(redis: Redis, keys: KeySpace | string = 'jcb:') {
    this.#redis = redis;
    this.#keys = keySpace(keys);
  }

  /** True when this update was seen before (drop it); otherwise records it and answers false. */
  async seenUpdate(updateId: number): Promise<boolean> {
    if (!Number.isSafeInteger(updateId) || updateId < 0) throw new TypeError(`not an update id: ${String(updateId)}`);
    const fresh = await this.#redis.set(this.#keys.plain('upd', String(updateId)), '1', 'EX', REMEMBER_SECONDS, 'NX');
    return fresh === null;
  }
}
