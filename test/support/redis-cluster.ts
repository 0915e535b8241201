// Starts a throw-away Redis Cluster on free loopback ports: three masters with one replica each (six
// redis-server processes), as the cluster tests and the failover drill need; stops and removes it after.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import { freePort, redisServerAvailable } from './redis-server.js';
import { holdsWithin } from './wait.js';

export interface RedisClusterNode {
  port: number;
  /** 'master' or 'replica', as the cluster last said (a failover swaps them). */
  role(): Promise<'master' | 'replica' | 'down'>;
}

export interface RedisCluster {
  /** REDIS_URL for the bot: `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,…`. */
  url: string;
  nodes: RedisClusterNode[];
  /** SIGKILLs the master that serves `slot`'s keys (default: any master) and resolves once its replica took over. */
  killMaster(opts?: { key?: string }): Promise<{ killed: number; promoted: number }>;
  stop(): Promise<void>;
}

/** Why the cluster tests cannot run here, or null when they can (redis-server and redis-cli installed). */
function clusterSkipReason(): string | null {
  if (!redisServerAvailable()) return 'redis-server is not installed (apt-get install redis-server)';
  if (spawnSync('redis-cli', ['--version'], { stdio: 'ignore' }).status !== 0) return 'redis-cli is not installed (apt-get install redis-tools)';
  return null;
}

/** How long a node may be unreachable before its replica is promoted: short, so the drill's failover takes ~2 s. */
const NODE_TIMEOUT_MS = 1_000;

async function ask<T>(port: number, command: (r: Redis) => Promise<T>): Promise<T | undefined> {
  const r = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return await command(r);
  } catch {
    return undefined;
  } finally {
    r.disconnect();
  }
}

/**
 * Six servers on ports that were free a moment ago: another test may take one of them (or its bus port, +10000)
 * in between, and the node then never starts. A fresh set of ports is tried before giving up.
 */
export async function startRedisCluster(): Promise<RedisCluster> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startClusterOnce();
    } catch (err) {
      if (attempt >= 3 || !/did not start|did not become ready|--cluster create failed/.test((err as Error).message)) throw err;
    }
  }
}

async function startClusterOnce(): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'jc-cluster-'));
  const ports: number[] = [];
  const children = new Map<number, ChildProcess>();
  while (ports.length < 6) {
    const port = await freePort();
    // The cluster bus listens on port + 10000: both must be free.
    if (!ports.includes(port) && port + 10_000 < 65_536) ports.push(port);
  }

  const launch = (port: number) => {
    const nodeDir = join(dir, String(port));
    mkdirSync(nodeDir, { recursive: true });
    const child = spawn(
      'redis-server',
      // biome-ignore format: one option and its value a line
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--dir', nodeDir,
        '--cluster-enabled', 'yes',
        '--cluster-config-file', 'nodes.conf',
        '--cluster-node-timeout', String(NODE_TIMEOUT_MS),
        '--save', '',
        '--appendonly', 'yes',
        '--appendfsync', 'always',
        '--maxmemory-policy', 'noeviction',
        '--protected-mode', 'no',
      ],
      { stdio: 'ignore' },
    );
    children.set(port, child);
  };

  const stop = async () => {
    await Promise.all(
      [...children.values()].map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const port of ports) launch(port);
    for (const port of ports) {
      if (!(await holdsWithin(async () => (await ask(port, (r) => r.ping())) === 'PONG', { timeoutMs: 10_000, intervalMs: 50 }))) {
        throw new Error(`redis-server did not start on port ${port}`);
      }
    }
    const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '1', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    const ready = async () => {
      for (const port of ports) {
        const info = await ask(port, (r) => r.cluster('INFO') as Promise<string>);
        if (!info?.includes('cluster_state:ok')) return false;
        // Every replica must be in sync before a test relies on a failover.
        const repl = await ask(port, (r) => r.info('replication'));
        if (repl?.includes('role:slave') && !repl.includes('master_link_status:up')) return false;
      }
      return true;
    };
    if (!(await holdsWithin(ready, { timeoutMs: 20_000, intervalMs: 100 }))) throw new Error('the Redis Cluster did not become ready');
  } catch (err) {
    await stop();
    throw err;
  }

  const role = async (port: number): Promise<'master' | 'replica' | 'down'> => {
    const r = await ask(port, (c) => c.info('replication'));
    if (r === undefined) return 'down';
    return r.includes('role:master') ? 'master' : 'replica';
  };

  return {
    url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`,
    nodes: ports.map((port) => ({ port, role: () => role(port) })),
    async killMaster({ key } = {}) {
      let victim: number | undefined;
      if (key !== undefined) {
        // Asked of a node still alive: an earlier kill may have taken the first one.
        let alive = ports[0]!;
        for (const port of ports) if ((await role(port)) === 'master') alive = port;
        const slot = await ask(alive, (r) => r.cluster('KEYSLOT', key) as Promise<number>);
        const slots = (await ask(alive, (r) => r.cluster('SLOTS'))) ?? [];
        victim = slots.find(([from, to]) => slot !== undefined && slot >= from && slot <= to)?.[2]?.[1];
      } else {
        for (const port of ports) if ((await role(port)) === 'master') victim = victim ?? port;
      }
      if (victim === undefined) throw new Error('no master to kill');
      const replicas: number[] = [];
      for (const port of ports) {
        const repl = await ask(port, (r) => r.info('replication'));
        if (repl?.includes(`master_port:${victim}`)) replicas.push(port);
      }
      const child = children.get(victim)!;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
      let promoted: number | undefined;
      const tookOver = async () => {
        for (const port of replicas) if ((await role(port)) === 'master') promoted = port;
        if (promoted === undefined) return false;
        const info = await ask(promoted, (r) => r.cluster('INFO') as Promise<string>);
        return info?.includes('cluster_state:ok') ?? false;
      };
      if (!(await holdsWithin(tookOver, { timeoutMs: 20_000, intervalMs: 100 }))) throw new Error(`no replica of ${victim} took over`);
      return { killed: victim, promoted: promoted! };
    },
    stop,
  };
}

/**
 * `describe` for a file that starts its own cluster; `describe.skip` with the reason printed when redis-server or
 * redis-cli is missing, except under CI=true, where a missing tool fails the run instead of hiding the tests.
 */
export const describeCluster: typeof describe = (() => {
  const reason = clusterSkipReason();
  if (reason === null) return describe;
  if (process.env.CI === 'true') throw new Error(`${reason}, and CI=true does not allow skipping the Redis Cluster tests`);
  console.warn(`[tests] skipped: ${reason}: Redis Cluster tests are skipped`);
  return describe.skip;
})() as typeof describe;
