// Buttons that ask again: "Did you mean …?", tappable examples, and the products an ambiguous name fits.
// A button carries only a short random id and an index; what it runs is kept here for an hour, with who
// asked, so that a stranger's press in a group can be refused.
import { randomBytes } from 'node:crypto';
import { keySpace, type KeySpace } from './keys.js';
import type { Redis } from './redis.js';

/** One button: the words to run, and the products to set aside (the other ones an ambiguous name fits). */
export interface ChoiceOption {
  text: string;
  without?: string[];
}

export interface PendingChoice {
  /** The Telegram user who asked: the only one whose presses count. */
  userId: number;
  chatId: number;
  /** The command the words go to (plain text and aliases run as orders). */
  command: 'orders' | 'export';
  options: ChoiceOption[];
}

const ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

export class ChoiceStore {
  private readonly keys: KeySpace;

  constructor(
    private readonly redis: Redis,
    keys: KeySpace | string = 'jcb:',
    private readonly ttlSeconds = 3600,
  ) {
    this.keys = keySpace(keys);
  }

  /** Stores the choice and returns an id of 11 URL-safe characters (8 random bytes). */
  async save(choice: PendingChoice): Promise<string> {
    const id = randomBytes(8).toString('base64url');
    const byUser = this.userKey(choice.userId);
    // The words may hold what a buyer gave (an e-mail typed into a question): indexed per user so /unlink can forget them.
    // The choice and the user's index are in different cluster slots: the index first, so /unlink finds every choice.
    await this.redis.multi().sadd(byUser, id).expire(byUser, this.ttlSeconds).exec();
    await this.redis.set(this.key(id), JSON.stringify(choice), 'EX', this.ttlSeconds);
    return id;
  }

  /** The stored choice, or null when the id is malformed, expired or unreadable. */
  async get(id: string): Promise<PendingChoice | null> {
    if (!ChoiceStore.isChoiceId(id)) return null;
    const raw = await this.redis.get(this.key(id));
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as PendingChoice;
    } catch {
      return null;
    }
  }

  /** Forgets every pending choice of this user; returns how many were still there. */
  async forgetUser(userId: number): Promise<number> {
    const byUser = this.userKey(userId);
    const ids = await this.redis.smembers(byUser);
    // One DEL per choice: on a cluster each has its own slot.
    const removed = (await Promise.all(ids.map((id) => this.redis.del(this.key(id))))).reduce((a, b) => a + b, 0);
    await this.redis.del(byUser);
    return removed;
  }

  static isChoiceId(id: string): boolean {
    return ID_PATTERN.test(id);
  }

  private key(id: string): string {
    return this.keys.plain('choice', id);
  }

  private userKey(userId: number): string {
    return this.keys.user('choice-user', userId);
  }
}
