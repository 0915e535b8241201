// What a Redis-using test file needs: the shared server's URL and a key prefix of its own.
import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';

export const redisUrl = inject('redisUrl');

/** `describe` when Redis is there, `describe.skip` (with the reason printed once) when it is not. */
export const describeRedis: typeof describe = (() => {
  if (redisUrl) return describe;
  console.warn(`[tests] skipped: ${inject('redisSkipReason')}`);
  return describe.skip;
})() as typeof describe;

/** A fresh key prefix, so files and tests sharing one Redis never see each other's keys. */
export function freshPrefix(name = 't'): string {
  return `${name}-${randomBytes(4).toString('hex')}:`;
}

export function requireRedisUrl(): string {
  if (!redisUrl) throw new Error('Redis is not available');
  return redisUrl;
}
