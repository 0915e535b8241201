// Deletes a family of keys by pattern, walked with SCAN (never KEYS): for forgetting what an account or a chat
// left behind when access to it ends. On a Redis Cluster every master is walked (SCAN sees one node's keys).
import { Cluster } from 'ioredis';
import type { Redis } from './redis.js';

/** Deletes every key matching the glob `pattern` (and `only` accepts); returns how many went. */
export async function deleteMatching(redis: Redis, pattern: string, only: (key: string) => boolean = () => true): Promise<number> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  let removed = 0;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      // One DEL per key: on a cluster the keys found on one node may still sit in different slots.
      for (const key of keys) if (only(key)) removed += await redis.del(key);
    } while (cursor !== '0');
  }
  return removed;
}
