// Short-lived JSON records behind a random id a button can carry (answer pages, "Did you mean" choices),
// each also listed under whoever it belongs to, so that /unlink and team changes can forget them all.
import { randomBytes } from 'node:crypto';
import type { Redis } from './redis.js';

/** 11 URL-safe characters: the 8 random bytes of an id. */
const ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

export class IndexedRecords<T> {
  constructor(
    private readonly redis: Redis,
    private readonly recordKey: (id: string) => string,
    private readonly indexKey: (owner: number) => string,
    private readonly ttlSeconds: number,
  ) {}

  static isId(id: string): boolean {
    return ID_PATTERN.test(id);
  }

  /** Stores the record under a new id, listed under `owner`; returns the id. */
  async save(owner: number, record: T): Promise<string> {
    const id = randomBytes(8).toString('base64url');
    const index = this.indexKey(owner);
    // The record and the index are in different cluster slots: the index first, so that forgetting finds every
    // record stored. It lives as long as its newest record; ids of missing records in it are harmless.
    await this.redis.multi().sadd(index, id).expire(index, this.ttlSeconds).exec();
    await this.redis.set(this.recordKey(id), JSON.stringify(record), 'EX', this.ttlSeconds);
    return id;
  }

  /** The stored record, or null when the id is malformed, expired, forgotten or unreadable. */
  async get(id: string): Promise<T | null> {
    if (!IndexedRecords.isId(id)) return null;
    const raw = await this.redis.get(this.recordKey(id));
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  }

  /** Forgets every record listed under `owner` (those `which` picks, when given); returns how many were still there. */
  async forget(owner: number, which?: (record: T) => boolean): Promise<number> {
    const index = this.indexKey(owner);
    const ids = await this.redis.smembers(index);
    let removed = 0;
    // One DEL per record: on a cluster each has its own slot.
    for (const id of ids) {
      if (which) {
        const record = await this.get(id);
        if (record === null || !which(record)) continue;
        await this.redis.srem(index, id);
      }
      removed += await this.redis.del(this.recordKey(id));
    }
    if (!which) await this.redis.del(index);
    return removed;
  }
}
