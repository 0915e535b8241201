// Short-lived Redis locks and once-only claims: the leader lock, per-chat send pacing, digest-per-day claims,
// report-per-period and goal-milestone claims, and "has this changed" marks.
// A lock holds a random token so that only its holder can renew or release it (compare-and-act in Lua).
import type { Redis } from './redis.js';

// Both scripts act only when the key still holds our token: a lock that expired and was taken by someone
// else must not be extended or deleted by the old holder.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export class Locks {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every lock name to make its Redis key, e.g. `jcb:lock:`. */
    private readonly keyPrefix: string,
  ) {}

  private key(name: string): string {
    return `${this.keyPrefix}${name}`;
  }

  /** Takes the lock if nobody holds it. */
  async tryAcquire(name: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(name), token, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
  }

  /** Extends (or shortens) our lock to `ttlMs` from now; false when it is no longer ours. */
  async renew(name: string, token: string, ttlMs: number): Promise<boolean> {
    return Number(await this.redis.eval(RENEW, 1, this.key(name), token, String(Math.max(1, Math.ceil(ttlMs))))) === 1;
  }

  /** Drops our lock; false when it was not ours (any more). */
  async release(name: string, token: string): Promise<boolean> {
    return Number(await this.redis.eval(RELEASE, 1, this.key(name), token)) === 1;
  }

  /** Milliseconds until the lock frees itself; 0 when it is free. */
  async remainingMs(name: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.key(name)));
  }

  /** A once-only claim (no owner token): true for the first caller until it expires or is given back. */
  async claim(name: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(this.key(name), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK';
  }

  /**
   * True when `value` differs from the one last stored under `name` (or none was), which it then becomes:
   * "something changed since anyone last looked", for one caller per change.
   */
  async changed(name: string, value: string, ttlSeconds: number): Promise<boolean> {
    const previous = await this.redis.set(this.key(name), value, 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'GET');
    return previous !== value;
  }

  async unclaim(name: string): Promise<void> {
    await this.redis.del(this.key(name));
  }
}
