// A Lua script run by its SHA (EVALSHA), loaded on first use: for the few store operations that must be atomic.
import { createHash } from 'node:crypto';
import type { Redis } from './redis.js';

export class LuaScript {
  readonly #lua: string;
  readonly #sha: string;

  constructor(lua: string) {
    this.#lua = lua;
    this.#sha = createHash('sha1').update(lua).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, keys.length, ...keys, ...args);
    } catch (err) {
      // After a restart or SCRIPT FLUSH the cache is empty; EVAL loads it again.
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await redis.eval(this.#lua, keys.length, ...keys, ...args);
    }
  }
}

/** A hash that a script returns as HGETALL does (field, value, field, value …), as ioredis' hgetall() gives it. */
export function hashOfReply(flat: readonly string[]): Record<string, string> {
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) hash[flat[i]!] = flat[i + 1]!;
  return hash;
}

/** HSET only when the hash exists, so a late write after a delete does not resurrect a half record. */
export const hsetIfExists = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
`);
