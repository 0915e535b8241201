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

  static isChoiceId(id: string): boolean {
    return ID_PATTERN.test(id);
  }

  private key(id: string): string {
    return this.keys.plain('choice', id);
  }
}
