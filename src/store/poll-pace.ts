// When each watched account is next due for a check, and what the checks have learned of it (the newest
// sale seen, when a push last missed one): the sorted set the poll tick takes due accounts from.
import { intOrUndefined, userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import { LuaScript } from './lua.js';
import type { Redis } from './redis.js';

/** What a check remembers of an account between checks (ms). */
export interface PaceFacts {
  saleAt?: number;
  missedAt?: number;
}

/** The facts as stored (the `saleAt` and `missedAt` fields of an account's `alert:pace` hash). */
export function paceFacts(saleAt: string | null, missedAt: string | null): PaceFacts {
  const facts: PaceFacts = {};
  const sale = intOrUndefined(saleAt);
  const missed = intOrUndefined(missedAt);
  if (sale !== undefined) facts.saleAt = sale;
  if (missed !== undefined) facts.missedAt = missed;
  return facts;
}

/** Kept as long as the last-check time: an account unwatched for that long starts afresh. */
const FACTS_TTL_SECONDS = 40 * 86_400;

// Takes up to ARGV[3] accounts due by ARGV[1] and leases them until ARGV[2]: a second tick (or a re-run of this
// one) does not take them again while their check runs; a check that never finishes is retried after the lease.
const claimScript = new LuaScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, owner in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], owner) end
return due
`);

// Sets the facts (ARGV[2..]) and their expiry (ARGV[1] seconds) in one step.
const rememberScript = new LuaScript(`
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
`);

export class PollPaceStore {
  readonly #redis: Redis;
  readonly #keys: KeySpace;

  constructor(redis: Redis, keys: KeySpace | string) {
    this.#redis = redis;
    this.#keys = keySpace(keys);
  }

  /** One sorted set of every watched account, used alone (never with an account's keys): no hash tag. */
  get dueKey(): string {
    return this.#keys.plain('alert:due');
  }

  #factsKey(ownerId: number): string {
    return this.#keys.account('alert:pace', ownerId);
  }

  /** Watched accounts not yet scheduled become due at once; the others keep their time. */
  async enrol(ownerIds: number[], now: Date): Promise<void> {
    if (ownerIds.length === 0) return;
    const at = now.getTime();
    await this.#redis.zadd(this.dueKey, 'NX', ...ownerIds.flatMap((id) => [at, userIdPart(id)]));
  }

  /** Up to `limit` accounts due by `by`, each leased until `leaseUntil`. */
  async claimDue(by: Date, leaseUntil: Date, limit: number): Promise<number[]> {
    const owners = (await claimScript.run(this.#redis, [this.dueKey], [by.getTime(), leaseUntil.getTime(), limit])) as string[];
    return owners.map(Number);
  }

  /** The next check of a watched account (an unwatched one stays out). */
  async dueAt(ownerId: number, at: Date): Promise<void> {
    await this.#redis.zadd(this.dueKey, 'XX', at.getTime(), userIdPart(ownerId));
  }

  /** A push came: the next check is no later than `by` (a quiet shop's hour-long wait ends with its first sale). */
  async dueBy(ownerId: number, by: Date): Promise<void> {
    await this.#redis.zadd(this.dueKey, 'XX', 'LT', by.getTime(), userIdPart(ownerId));
  }

  /** When the account is due, or null when it is not scheduled. */
  async due(ownerId: number): Promise<Date | null> {
    const score = await this.#redis.zscore(this.dueKey, userIdPart(ownerId));
    return score === null ? null : new Date(Number(score));
  }

  async facts(ownerId: number): Promise<PaceFacts> {
    const [saleAt, missedAt] = await this.#redis.hmget(this.#factsKey(ownerId), 'saleAt', 'missedAt');
    return paceFacts(saleAt ?? null, missedAt ?? null);
  }

  async remember(ownerId: number, facts: PaceFacts): Promise<void> {
    const fields = Object.entries(facts).flatMap(([k, v]) => (v === undefined ? [] : [k, String(v)]));
    if (fields.length === 0) return;
    // A script, not MULTI: as atomic, and it leaves in the same write as the check's other bookkeeping (#14).
    await rememberScript.run(this.#redis, [this.#factsKey(ownerId)], [FACTS_TTL_SECONDS, ...fields]);
  }

  /** The account is no longer watched: out of the schedule (its facts expire by themselves). */
  async forget(ownerId: number): Promise<void> {
    await this.#redis.zrem(this.dueKey, userIdPart(ownerId));
  }
}
