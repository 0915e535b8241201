// An alert template previewed and not yet saved: one per chat, kept for an hour, so that the Save button carries
// only a short random id (Telegram's callback data is at most 64 bytes), never the template itself.
import { randomBytes } from 'node:crypto';
import { keySpace, type KeySpace } from './keys.js';
import { LuaScript } from './lua.js';
import type { Redis } from './redis.js';

const ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

// Hands the draft out once, and only to the button of the latest preview. KEYS[1] the chat's draft, ARGV[1] the id.
const takeScript = new LuaScript(`
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return false end
local text = redis.call('HGET', KEYS[1], 'text')
redis.call('DEL', KEYS[1])
return text
`);

export class TemplateDrafts {
  readonly #redis: Redis;
  readonly #keys: KeySpace;
  readonly #ttlSeconds: number;

  constructor(redis: Redis, keys: KeySpace | string = 'jcb:', ttlSeconds = 3600) {
    this.#redis = redis;
    this.#keys = keySpace(keys);
    this.#ttlSeconds = ttlSeconds;
  }

  #draft(chatId: number): string {
    return this.#keys.chat('alert-template-draft', chatId);
  }

  /** Keeps the template as the chat's draft (replacing an older one) and returns the id its buttons carry. */
  async propose(chatId: number, text: string): Promise<string> {
    const id = randomBytes(8).toString('base64url');
    await this.#redis.multi().del(this.#draft(chatId)).hset(this.#draft(chatId), 'id', id, 'text', text).expire(this.#draft(chatId), this.#ttlSeconds).exec();
    return id;
  }

  /** The draft's text, removed; null when the id is not the chat's latest draft (replaced, taken, expired). */
  async take(chatId: number, id: string): Promise<string | null> {
    if (!ID_PATTERN.test(id)) return null;
    const text = await takeScript.run(this.#redis, [this.#draft(chatId)], [id]);
    return typeof text === 'string' ? text : null;
  }
}
