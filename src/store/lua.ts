// A Lua script run by its SHA (EVALSHA), loaded on first use: for the few store operations that must be atomic.
import { createHash } from 'node:crypto';
import { Cluster } from 'ioredis';
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

/** The most calls one batched script runs (the poller's jobs of 50 and their steps fit well within it). */
const MAX_BATCH = 256;

interface BatchedCall {
  keys: string[];
  args: (string | number)[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/**
 * A script that many callers run at once, as the poller's checks do side by side (#14): on one Redis, the calls made
 * in the same tick leave as one EVALSHA (up to 256 calls) that runs the body for each in turn, instead of one
 * command each (ioredis spends more CPU on a command than Redis spends running it). `body` is the inside of a Lua
 * function of K (the call's keys) and A (its arguments) that returns a value other than nil. Each call stays atomic, and so is the
 * whole batch; an error in one call fails that call alone (its writes before the error stay, as for any script).
 * On a cluster the keys of different calls sit in different slots: each call runs as a script of its own.
 */
export class BatchedScript {
  readonly #one: LuaScript;
  readonly #many: LuaScript;
  readonly #pending = new Map<Redis, BatchedCall[]>();

  constructor(body: string) {
    const fn = `local function one(K, A)\n${body}\nend\n`;
    this.#one = new LuaScript(`${fn}return one(KEYS, ARGV)`);
    // ARGV: the number of calls m, each call's number of keys, each call's number of arguments, then the arguments of
    // each call in turn; KEYS: the keys of each call in turn. Each answer comes back as {1, value} or {0, error}.
    this.#many = new LuaScript(`${fn}
local m = tonumber(ARGV[1])
local out = {}
local k, a = 0, 1 + 2 * m
for i = 1, m do
  local nk, na = tonumber(ARGV[1 + i]), tonumber(ARGV[1 + m + i])
  local K, A = {}, {}
  for j = 1, nk do K[j] = KEYS[k + j] end
  for j = 1, na do A[j] = ARGV[a + j] end
  k, a = k + nk, a + na
  local ok, res = pcall(one, K, A)
  if ok then
    out[i] = { 1, res }
  else
    out[i] = { 0, type(res) == 'table' and res.err or tostring(res) }
  end
end
return out
`);
  }

  run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    if (redis instanceof Cluster) return this.#one.run(redis, keys, args);
    return new Promise((resolve, reject) => {
      let calls = this.#pending.get(redis);
      if (!calls) {
        calls = [];
        this.#pending.set(redis, calls);
        // After the current tick: every check that reached this step in it joins the batch.
        process.nextTick(() => this.#flush(redis));
      }
      calls.push({ keys, args, resolve, reject });
      // A bounded batch: one script holds Redis up while it runs, and its answer arrives in one piece.
      if (calls.length >= MAX_BATCH) this.#flush(redis);
    });
  }

  #flush(redis: Redis): void {
    const calls = this.#pending.get(redis);
    // Already sent: the batch was full before its tick ended.
    if (!calls) return;
    this.#pending.delete(redis);
    if (calls.length === 1) {
      const [call] = calls as [BatchedCall];
      this.#one.run(redis, call.keys, call.args).then(call.resolve, call.reject);
      return;
    }
    const keys: string[] = [];
    const args: (string | number)[] = [calls.length];
    for (const c of calls) args.push(c.keys.length);
    for (const c of calls) args.push(c.args.length);
    for (const c of calls) {
      for (const key of c.keys) keys.push(key);
      for (const arg of c.args) args.push(arg);
    }
    this.#many.run(redis, keys, args).then(
      (reply) => {
        const answers = reply as [0 | 1, unknown][];
        calls.forEach((c, i) => {
          const [ok, value] = answers[i]!;
          if (ok === 1) c.resolve(value);
          else c.reject(new Error(String(value)));
        });
      },
      (err: unknown) => {
        for (const c of calls) c.reject(err as Error);
      },
    );
  }
}
