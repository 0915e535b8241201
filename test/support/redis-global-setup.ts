// Vitest global setup: one redis-server for the whole run; each test file takes its own key prefix.
import type { TestProject } from 'vitest/node';
import { redisServerAvailable, startRedisServer, type RedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
    redisSkipReason: string | null;
  }
}

let server: RedisServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!redisServerAvailable()) {
    const reason = 'redis-server is not installed (apt-get install redis-server): Redis tests are skipped';
    if (process.env.CI === 'true') throw new Error(`${reason.split(':')[0]}, and CI=true does not allow skipping`);
    console.warn(`\n[tests] ${reason}\n`);
    project.provide('redisUrl', null);
    project.provide('redisSkipReason', reason);
    return;
  }
  server = await startRedisServer();
  project.provide('redisUrl', server.url);
  project.provide('redisSkipReason', null);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
