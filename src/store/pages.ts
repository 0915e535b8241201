// Answer pages kept for an hour so ◀ ▶ buttons can edit a message in place: rendered ones, and an order
// listing whose other pages are rendered when pressed for. The button carries only a short random id, and
// whoever asked is recorded so a stranger's press can be refused.
import type { Html } from '../domain/format/html.js';
import type { OrdersListing } from '../domain/format/orders.js';
import { randomBytes } from 'node:crypto';
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

const ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

export class PageStore {
  private readonly keys: KeySpace;

  constructor(
    private readonly redis: Redis,
    keys: KeySpace | string = 'jcb:',
    private readonly ttlSeconds = 3600,
  ) {
    this.keys = keySpace(keys);
  }

  /** Stores the pages and returns an id of 11 URL-safe characters (8 random bytes). */
  async save(answer: PagedAnswer): Promise<string> {
    const id = randomBytes(8).toString('base64url');
    const byOwner = this.ownerKey(answer.ownerId);
    // The page and the owner's index are in different cluster slots: the index first, so that /unlink
    // finds every page stored. It lives as long as its newest page; ids of missing pages in it are harmless.
    await this.redis.multi().sadd(byOwner, id).expire(byOwner, this.ttlSeconds).exec();
    await this.redis.set(this.pageKey(id), JSON.stringify(answer), 'EX', this.ttlSeconds);
    return id;
  }

  /** The stored answer, or null when the id is malformed, expired or forgotten. */
  async get(id: string): Promise<PagedAnswer | null> {
    if (!ID_PATTERN.test(id)) return null;
    const raw = await this.redis.get(this.pageKey(id));
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as PagedAnswer;
    } catch {
      return null;
    }
  }

  /** Forgets every page answered from this owner's account; returns how many were still there. */
  async forgetOwner(ownerId: number): Promise<number> {
    const byOwner = this.ownerKey(ownerId);
    const ids = await this.redis.smembers(byOwner);
    if (ids.length === 0) return 0;
    // One DEL per page: on a cluster each page has its own slot.
    const removed = (await Promise.all(ids.map((id) => this.redis.del(this.pageKey(id))))).reduce((a, b) => a + b, 0);
    await this.redis.del(byOwner);
    return removed;
  }

  /** Forgets the pages this user was shown from this account (they left the team, or lost sight of contacts). */
  async forgetUser(ownerId: number, userId: number): Promise<number> {
    const ids = await this.redis.smembers(this.ownerKey(ownerId));
    let removed = 0;
    for (const id of ids) {
      const answer = await this.get(id);
      if (answer?.userId !== userId) continue;
      removed += await this.redis.del(this.pageKey(id));
      await this.redis.srem(this.ownerKey(ownerId), id);
    }
    return removed;
  }

  static isPageId(id: string): boolean {
    return ID_PATTERN.test(id);
  }

  private pageKey(id: string): string {
    return this.keys.plain('page', id);
  }

  private ownerKey(ownerId: number): string {
    return this.keys.account('page-owner', ownerId);
  }
}
