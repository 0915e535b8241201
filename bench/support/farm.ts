// A child process holding the fake JustClick with thousands of accounts, each reachable at its own loopback
// address (http://127.<login>:PORT/...), as real accounts each have their own host: the client keeps one
// connection pool per host, so one shared test host would cap the bot at a pool that production never meets.
// Runs apart from the engine under test so that the fake's CPU is not counted as the bot's.
import { createServer as createHttpServer, request, Agent } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { startFakeJustClick } from '../../test/fakes/justclick.js';
import { freePort } from '../../test/support/redis-server.js';
import { benchAccount, hostOf } from './accounts.js';
import { reply, serve } from './child.js';

const fake = await startFakeJustClick();
const upstream = new URL(fake.origin);
const agent = new Agent({ keepAlive: true, maxSockets: 512 });
// Every account address lands here; requests go on to the fake unchanged.
const proxy = createHttpServer((req, res) => {
  const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
    // Hop-by-hop headers stay with the hop (RFC 9110 §7.6.1): the fake's own keep-alive is not the farm's.
    const { connection: _connection, 'keep-alive': _keepAlive, ...headers } = answer.headers;
    res.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(res);
  });
  forward.on('error', () => res.destroy());
  req.pipe(forward);
});
// Idle connections are kept 75 s, as nginx does by default (keepalive_timeout): a check a minute after the last
// finds its connection open. Node's own default, 5 s, would make every check of a minute's round connect anew.
proxy.keepAliveTimeout = 75_000;
let port = 0;

async function listen(port: number, host: string): Promise<void> {
  const listener = createTcpServer((socket) => proxy.emit('connection', socket));
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(port, host, resolve);
  });
}

serve(async (message) => {
  if (message.type === 'start') {
    const count = Number(message.accounts);
    // Optional: several farms share the accounts (account i goes to farm i % shards), each on its own
    // addresses but the same port, so that one farm process's CPU does not cap a multi-replica bot.
    const shards = Number(message.shards ?? 1);
    const shard = Number(message.shard ?? 0);
    port = message.port === undefined ? await freePort() : Number(message.port);
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < count; i++) {
      if (i % shards !== shard) continue;
      const { login, key } = benchAccount(i);
      fake.addAccount(login, key);
      // Paid before alerts are switched on (the baseline takes them), so a check finds orders but alerts none.
      fake.addOrder(login, { created: now - 3 * 3600, paid: now - 2 * 3600 });
      fake.addOrder(login, { created: now - 26 * 3600, paid: now - 25 * 3600 });
      fake.addOrder(login, { created: now - 3600, paid: null });
      // Alone, the farm takes every loopback address at once (below): one descriptor, not one per account, so that
      // the connections the bot keeps open fit in the process's file limit beside them.
      if (shards > 1) await listen(port, hostOf(login));
    }
    if (shards === 1) await listen(port, '0.0.0.0');
    reply({ type: 'started', template: `http://127.{login}:${port}/{login}/api`, oneOrigin: fake.url, port });
  } else if (message.type === 'latency') {
    // The next `count` requests are answered after `ms`, like a distant JustClick.
    fake.inject({ latencyMs: Number(message.ms) }, Number(message.count));
    reply({ type: 'latency' });
  } else if (message.type === 'cpu') {
    const used = process.cpuUsage();
    reply({ type: 'cpu', ms: (used.user + used.system) / 1000 });
  } else if (message.type === 'clear') {
    fake.clearFaults();
    reply({ type: 'clear' });
  } else if (message.type === 'calls') {
    // Who was called since request number `since`: one check per account per round shows as `max` 1.
    const perLogin = new Map<string, number>();
    for (const r of fake.requests.slice(Number(message.since))) perLogin.set(r.login, (perLogin.get(r.login) ?? 0) + 1);
    const counts = [...perLogin.values()];
    reply({ type: 'calls', total: fake.requests.length, accounts: perLogin.size, max: Math.max(0, ...counts) });
  } else if (message.type === 'requests') {
    reply({ type: 'requests', total: fake.requests.length, faulted: fake.requests.filter((r) => r.fault !== undefined).length });
  }
});
