// Milestones told once each per chat (src/domain/milestones.ts): a claim per chat and milestone, whose value is
// the order that reached it, so that only that order's alert tells it (also when that delivery is retried,
// on any replica); and the window's best day and order per account, worked out once a day.
import type { Redis } from './redis.js';
import { deleteMatching } from './scan.js';
import type { SalesHistory } from '../domain/milestones.js';
import { chatIdPart } from './ids.js';

/** A day's claims outlive the day in every zone; a record order's, the alert's retries. */
const CLAIM_SECONDS = 3 * 86_400;
const HISTORY_SECONDS = 26 * 3_600;

export class MilestoneStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix = 'jcb:') {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /** True when `orderId` reached `milestone` first in this chat (or had already: the same alert, retried). */
  async claim(chatId: number, milestone: string, orderId: string): Promise<boolean> {
    const key = `${this.#prefix}milestone:${chatIdPart(chatId)}:${milestone}`;
    if ((await this.#redis.set(key, orderId, 'EX', CLAIM_SECONDS, 'NX')) === 'OK') return true;
    return (await this.#redis.get(key)) === orderId;
  }

  async history(account: { login: string; region: string }, timeZone: string, today: string): Promise<SalesHistory | null> {
    const stored = await this.#redis.get(this.#historyKey(account, timeZone, today));
    if (stored === null) return null;
    const parsed = JSON.parse(stored) as Partial<SalesHistory>;
    return typeof parsed.bestDay === 'number' && typeof parsed.bestOrder === 'number' ? { bestDay: parsed.bestDay, bestOrder: parsed.bestOrder } : null;
  }

  async rememberHistory(account: { login: string; region: string }, timeZone: string, today: string, history: SalesHistory): Promise<void> {
    await this.#redis.set(this.#historyKey(account, timeZone, today), JSON.stringify(history), 'EX', HISTORY_SECONDS);
  }

  /** The account was unlinked: its sales history goes. */
  async forgetAccount(account: { login: string; region: string }): Promise<number> {
    return deleteMatching(this.#redis, `${this.#prefix}milestone:history:${account.region}:${account.login}:*`);
  }

  /** The chat is no longer fed by the account: which order reached which milestone there goes. */
  async forgetChat(chatId: number): Promise<number> {
    return deleteMatching(this.#redis, `${this.#prefix}milestone:${chatIdPart(chatId)}:*`);
  }

  #historyKey(account: { login: string; region: string }, timeZone: string, today: string): string {
    return `${this.#prefix}milestone:history:${account.region}:${account.login}:${timeZone}:${today}`;
  }
}
