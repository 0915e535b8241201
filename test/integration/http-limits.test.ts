// The public HTTP server against strangers (issue #13, items 4 and 10): an unknown notification URL is refused
// before its body is read, bodies and slow clients are capped, connections are counted, and /metrics is not
// served on the public port but on the internal one.
import { request, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { Metrics } from '../../src/http/metrics.js';
import { createHttpServer, createMetricsServer, HTTP_LIMITS, type HttpDeps, type HttpLimits } from '../../src/http/server.js';
import { waitFor } from '../support/wait.js';

const KNOWN = 'K'.repeat(32);

interface Seen {
  asked: string[];
  handled: { token: string; body: string }[];
}

function publicServer(limits: Partial<HttpLimits> = {}): { server: Server; seen: Seen } {
  const seen: Seen = { asked: [], handled: [] };
  const deps: HttpDeps = {
    logger: createLogger('silent'),
    metrics: new Metrics(),
    healthy: async () => true,
    notifications: {
      knows: async (token) => {
        seen.asked.push(token);
        return token === KNOWN;
      },
      handle: async (token, body) => {
        seen.handled.push({ token, body });
        return { status: 200, body: 'OK\n' };
      },
    },
    limits,
  };
  return { server: createHttpServer(deps), seen };
}

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** POSTs `body` whole; resolves with the status and the answer. */
async function post(port: number, path: string, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A raw connection whose every received byte and whose closing are recorded. */
async function rawSocket(port: number): Promise<{ socket: Socket; received: () => string; closed: () => boolean }> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let data = '';
  let closed = false;
  socket.on('data', (c: Buffer) => (data += c.toString('utf8')));
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => data, closed: () => closed };
}

describe('the public HTTP server', () => {
  it('refuses an unknown notification URL while the body is still on its way: the body is never read', async () => {
    const { server, seen } = publicServer();
    const port = await listen(server);
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/justclick/notify/unknown-token', headers: { 'content-length': '60000' } });
    req.on('error', () => undefined);
    // Only the first few bytes of a declared 60,000: a server waiting for the body would never answer.
    req.write('id=1&');
    const status = await new Promise<number>((resolve) => req.on('response', (res) => resolve(res.statusCode ?? 0)));
    req.destroy();
    expect(status).toBe(404);
    expect(seen.asked).toEqual(['unknown-token']);
    expect(seen.handled).toEqual([]);
  });

  it('caps a notification body at 64 KB with 413; one of 64 KB is read whole', async () => {
    const { server, seen } = publicServer();
    const port = await listen(server);
    const limit = 64 * 1024;
    expect(await post(port, `/justclick/notify/${KNOWN}`, 'a'.repeat(limit + 1))).toEqual({ status: 413, text: 'too large\n' });
    expect(seen.handled).toEqual([]);
    expect((await post(port, `/justclick/notify/${KNOWN}`, 'a'.repeat(limit))).status).toBe(200);
    expect(seen.handled.map((h) => h.body.length)).toEqual([limit]);
  });

  it('closes a connection whose headers never finish, instead of holding it for minutes', async () => {
    const { server } = publicServer({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const port = await listen(server);
    const slow = await rawSocket(port);
    slow.socket.write('POST /justclick/notify/x HTTP/1.1\r\nHost: bot\r\n');
    await waitFor(slow.closed, { timeoutMs: 5_000, message: 'the server to close the slow connection' });
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('accepts no more connections than maxConnections at once', async () => {
    const { server } = publicServer({ maxConnections: 2 });
    const port = await listen(server);
    const first = await rawSocket(port);
    const second = await rawSocket(port);
    const open = () => new Promise<number>((resolve) => server.getConnections((_err, n) => resolve(n)));
    await waitFor(async () => (await open()) === 2, { message: 'the server to hold both connections' });
    const third = await rawSocket(port);
    await waitFor(third.closed, { timeoutMs: 5_000, message: 'the third connection to be refused' });
    expect([first.closed(), second.closed()]).toEqual([false, false]);
  });

  it('has the documented limits by default', () => {
    const { server } = publicServer();
    servers.push(server);
    expect({
      headersTimeoutMs: server.headersTimeout,
      requestTimeoutMs: server.requestTimeout,
      keepAliveTimeoutMs: server.keepAliveTimeout,
      maxConnections: server.maxConnections,
    }).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
    expect(HTTP_LIMITS.maxBodyBytes).toBe(64 * 1024);
  });

  it('serves /metrics only on the internal server; /healthz on both', async () => {
    const metrics = new Metrics();
    metrics.gauge('jcb_takes_updates', 'test gauge', () => 1);
    const { server } = publicServer();
    const publicPort = await listen(server);
    const internalPort = await listen(createMetricsServer({ metrics, healthy: async () => true }));
    expect((await fetch(`http://127.0.0.1:${publicPort}/metrics`)).status).toBe(404);
    const internal = await fetch(`http://127.0.0.1:${internalPort}/metrics`);
    expect(internal.status).toBe(200);
    expect(await internal.text()).toContain('jcb_takes_updates 1');
    expect((await fetch(`http://127.0.0.1:${publicPort}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${internalPort}/healthz`)).status).toBe(200);
  });
});
