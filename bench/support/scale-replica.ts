// A child process running one replica of the real bot (assemble from src/app.ts) for the scale-out benchmark:
// several of these share one Redis (or a cluster) as production replicas do. The parent queues the poll ticks and
// reads Redis itself; a replica only seeds (when asked), starts, reports its own CPU and stops politely.
import { assemble, type App } from '../../src/app.js';
import { benchAccount, engineConfig } from './accounts.js';
import { reply, serve } from './child.js';

const SEED_CONCURRENCY = 100;

export interface ReplicaSetup {
  redisUrl: string;
  /** Per-account JustClick hosts: `http://127.{login}:PORT/{login}/api`. */
  template: string;
  telegramApiRoot: string;
  botToken: string;
  pollConcurrency: number;
  /** Accounts to link with alerts on before starting (0: another replica seeded them). */
  seed: number;
}

let app: App | undefined;

/** As /link then /alerts on leave an account: linked, its private chat fed by it, alerts on (with the baseline call). */
async function seed(a: App, count: number): Promise<void> {
  const { accounts, chats } = a.stores;
  const linkedAt = Math.floor(Date.now() / 1000) - 86_400;
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        const { login, key, ownerId } = benchAccount(i);
        await accounts.link(ownerId, { login, region: 'ru', key }, linkedAt);
        await chats.update(ownerId, { ownerId });
        await a.engine.alerts.enable(ownerId, ownerId);
      }
    }),
  );
}

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

serve(async (message) => {
  if (message.type === 'setup') {
    const s = message as unknown as ReplicaSetup;
    app = assemble(engineConfig(s), { pollConcurrency: s.pollConcurrency });
    if (s.seed > 0) await seed(app, s.seed);
    reply({ type: 'ready' });
  } else if (message.type === 'start') {
    await app?.start();
    reply({ type: 'started' });
  } else if (message.type === 'cpu') {
    reply({ type: 'cpu', ms: cpuMs() });
  } else if (message.type === 'close') {
    await app?.stop(10_000);
    reply({ type: 'closed' });
  }
});
