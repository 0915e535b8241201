// Answer pages kept for an hour so ◀ ▶ buttons can edit a message in place: rendered ones, and an order
// listing whose other pages are rendered when pressed for. The button carries only a short random id, and
// whoever asked is recorded so a stranger's press can be refused.
import type { Html } from '../domain/format/html.js';
import type { OrdersListing } from '../domain/format/orders.js';
import { IndexedRecords } from './indexed-records.js';
import { keySpace, type KeySpace } from './keys.js';
import type { Redis } from './redis.js';

export interface PagedAnswer {
  /** The Telegram user who asked: the only one whose presses turn the pages. */
  userId: number;
  /** Whose JustClick account the orders came from (so /unlink can forget them). */
  ownerId: number;
  chatId: number;
  /** Rendered by us before they were stored: Html again when read back. Page i is this, when there is one. */
  pages: Html[];
  /** The orders of the pages not rendered yet (and their header, Html again when read back). */
  listing?: OrdersListing;
}

export class PageStore {
  readonly #records: IndexedRecords<PagedAnswer>;

  constructor(redis: Redis, keys: KeySpace | string = 'jcb:', ttlSeconds = 3600) {
    const space = keySpace(keys);
    this.#records = new IndexedRecords(
      redis,
      (id) => space.plain('page', id),
      (ownerId) => space.account('page-owner', ownerId),
      ttlSeconds,
    );
  }

  /** Stores the pages and returns an id of 11 URL-safe characters (8 random bytes). */
  save(answer: PagedAnswer): Promise<string> {
    return this.#records.save(answer.ownerId, answer);
  }

  /** The stored answer, or null when the id is malformed, expired or forgotten. */
  get(id: string): Promise<PagedAnswer | null> {
    return this.#records.get(id);
  }

  /** Forgets every page answered from this owner's account; returns how many were still there. */
  forgetOwner(ownerId: number): Promise<number> {
    return this.#records.forget(ownerId);
  }

  /** Forgets the pages this user was shown from this account (they left the team, or lost sight of contacts). */
  forgetUser(ownerId: number, userId: number): Promise<number> {
    return this.#records.forget(ownerId, (answer) => answer.userId === userId);
  }

  static isPageId(id: string): boolean {
    return IndexedRecords.isId(id);
  }
}
