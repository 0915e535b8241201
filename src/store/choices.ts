// Buttons that ask again: "Did you mean …?", tappable examples, and the products an ambiguous name fits.
// A button carries only a short random id and an index; what it runs is kept here for an hour, with who
// asked, so that a stranger's press in a group can be refused.
import { IndexedRecords } from './indexed-records.js';
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

export class ChoiceStore {
  readonly #records: IndexedRecords<PendingChoice>;

  constructor(redis: Redis, keys: KeySpace | string = 'jcb:', ttlSeconds = 3600) {
    const space = keySpace(keys);
    // The words may hold what a buyer gave (an e-mail typed into a question): indexed per user so /unlink can forget them.
    this.#records = new IndexedRecords(
      redis,
      (id) => space.plain('choice', id),
      (userId) => space.user('choice-user', userId),
      ttlSeconds,
    );
  }

  /** Stores the choice and returns an id of 11 URL-safe characters (8 random bytes). */
  save(choice: PendingChoice): Promise<string> {
    return this.#records.save(choice.userId, choice);
  }

  /** The stored choice, or null when the id is malformed, expired or unreadable. */
  get(id: string): Promise<PendingChoice | null> {
    return this.#records.get(id);
  }

  /** Forgets every pending choice of this user; returns how many were still there. */
  forgetUser(userId: number): Promise<number> {
    return this.#records.forget(userId);
  }

  static isChoiceId(id: string): boolean {
    return IndexedRecords.isId(id);
  }
}
