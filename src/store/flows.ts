// Short-lived question flows ("/link" asks for the login, then the key), one per user per chat.
// A flow holds only what is needed to ask the next question: never the key itself.
import { userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import type { Redis } from './redis.js';

/** `kind` names the flow (`link`), `step` the question being waited for; other fields are plain values. */
export interface Flow {
  kind: string;
  step: string;
  [field: string]: string | number | boolean;
}

// Field names that would mean a secret is being parked in Redis in clear text.
const SECRET_FIELD = /key|secret|token|password|hash/i;

export class FlowStore {
  readonly #redis: Redis;
  readonly #keys: KeySpace;

  constructor(redis: Redis, keys: KeySpace | string = 'jcb:') {
    this.#redis = redis;
    this.#keys = keySpace(keys);
  }

  #flow(userId: number, chatId: number): string {
    return this.#keys.chat('flow', chatId, userIdPart(userId));
  }

  /** Starts or advances a flow; it expires on its own after `ttlSeconds`. */
  async set(userId: number, chatId: number, flow: Flow, ttlSeconds = 600): Promise<void> {
    const secret = Object.keys(flow).find((f) => SECRET_FIELD.test(f));
    if (secret) throw new TypeError(`a flow must not hold secrets (field "${secret}")`);
    await this.#redis.set(this.#flow(userId, chatId), JSON.stringify(flow), 'EX', ttlSeconds);
  }

  /** The flow waiting for this user's answer in this chat, or null. */
  async get(userId: number, chatId: number): Promise<Flow | null> {
    const raw = await this.#redis.get(this.#flow(userId, chatId));
    if (raw === null) return null;
    try {
      const flow = JSON.parse(raw) as unknown;
      if (flow && typeof flow === 'object' && typeof (flow as Flow).kind === 'string' && typeof (flow as Flow).step === 'string') {
        return flow as Flow;
      }
    } catch {
      // Unreadable state is treated as no flow: the user just starts again.
    }
    return null;
  }

  async clear(userId: number, chatId: number): Promise<void> {
    await this.#redis.del(this.#flow(userId, chatId));
  }
}
