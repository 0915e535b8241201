// The client's connections: kept per host for the next call, at most maxHosts hosts, least recently used closing first.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostPools } from '../../src/justclick/host-pools.js';

let server: Server;
let port = 0;
/** Connections the server has accepted, and those still open. */
let accepted = 0;
let open = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => (req.url === '/slow' ? setTimeout(() => res.end('ok'), 100) : res.end('ok')));
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    accepted++;
    open++;
    socket.on('close', () => open--);
  });
  // Every loopback address reaches it: 127.0.0.1, 127.0.0.2 … are different hosts to the client.
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** One call, then a moment's pause: undici hands a connection back to its pool a tick after the answer is read. */
const call = async (pools: HostPools, host: number) => {
  const res = await request(`http://127.0.0.${host}:${port}/`, { method: 'POST', body: 'a=1', dispatcher: pools });
  const text = await res.body.text();
  await new Promise((r) => setTimeout(r, 20));
  return text;
};

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe('HostPools', () => {
  it('reuses a host’s connection for the next call', async () => {
    const pools = new HostPools(10, { keepAliveTimeout: 30_000, connections: 4 });
    const before = accepted;
    for (let i = 0; i < 5; i++) expect(await call(pools, 1)).toBe('ok');
    expect(accepted - before).toBe(1);
    await pools.close();
  });

  it('keeps at most maxHosts hosts: the least recently used host’s connection is closed', async () => {
    const pools = new HostPools(2, { keepAliveTimeout: 30_000, connections: 4 });
    const before = accepted;
    await call(pools, 11);
    await call(pools, 12);
    await call(pools, 11); // 12 is now the least recently used
    expect(accepted - before).toBe(2);
    await call(pools, 13); // 12 goes
    expect(pools.hosts).toBe(2);
    await until(() => open === 2);
    await call(pools, 11); // still open: no new connection
    expect(accepted - before).toBe(3);
    await call(pools, 12); // evicted: connects again
    expect(accepted - before).toBe(4);
    await pools.close();
    await until(() => open === 0);
  });

  it('lets a call already running on an evicted host finish', async () => {
    const pools = new HostPools(1, { keepAliveTimeout: 30_000, connections: 4 });
    const first = call(pools, 21);
    const second = call(pools, 22); // evicts 21 while its call is in flight
    await expect(Promise.all([first, second])).resolves.toEqual(['ok', 'ok']);
    await pools.close();
  });

  it('opens further connections only while calls to a host overlap, up to `connections`', async () => {
    const pools = new HostPools(10, { keepAliveTimeout: 30_000, connections: 3 });
    const before = accepted;
    const slow = () => request(`http://127.0.0.31:${port}/slow`, { method: 'POST', body: 'a=1', dispatcher: pools }).then((r) => r.body.text());
    expect(await Promise.all([slow(), slow(), slow(), slow()])).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(accepted - before).toBe(3);
    // One at a time again: the host's own connection serves them.
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 3; i++) await call(pools, 31);
    expect(accepted - before).toBe(3);
    await pools.close();
    await until(() => open === 0);
  });

  it('refuses a bound below one', () => {
    expect(() => new HostPools(0, {})).toThrow(RangeError);
  });
});
