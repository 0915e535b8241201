// The JustClick client against the fake server over real HTTP: every error kind, what is retried and
// what is not, the back-off after "limit reached", and that no error or log line ever carries the key.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JustClickClient, type JustClickClientOptions } from '../../src/justclick/client.js';
import type { JustClickError, JustClickErrorKind } from '../../src/justclick/errors.js';
import type { Credentials, OrdersQuery } from '../../src/justclick/types.js';
import { createLogger } from '../../src/logger.js';
import { startFakeJustClick, type FakeJustClick, type Fault } from '../fakes/justclick.js';
import { failure } from '../support/justclick-failure.js';

const KEY = 'Zk3y-SECRET-do-not-leak_42';
const NOW = Date.parse('2026-11-10T12:00:00+03:00');
const creds: Credentials = { login: 'shop', region: 'ru', key: KEY };
const today: OrdersQuery = { from: new Date('2026-11-10T00:00:00+03:00'), to: new Date('2026-11-11T00:00:00+03:00'), paidOnly: false, goods: [] };

let fake: FakeJustClick;
let client: JustClickClient;
let sleeps: number[];
let logLines: string[];

function makeClient(options: JustClickClientOptions = {}): JustClickClient {
  const logs = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  return new JustClickClient({
    apiUrl: fake.url,
    timeoutMs: 1_000,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    logger: createLogger('debug', logs),
    ...options,
  });
}

beforeEach(async () => {
  fake = await startFakeJustClick();
  fake.setNow(() => NOW);
  fake.addAccount('shop', KEY);
  sleeps = [];
  logLines = [];
  client = makeClient();
});

afterEach(async () => {
  await client.close();
  await fake.close();
});

describe('JustClickClient against the fake server', () => {
  it('gets orders with a signed call the server accepts', async () => {
    const raw = fake.addOrder('shop', { created: Date.parse('2026-11-10T09:00:00+03:00') / 1000 });
    const orders = await client.fetchOrders(creds, today, 'getOrdersWithGoods');
    expect(orders.map((o) => o.id)).toEqual([raw.id]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'getOrdersWithGoods', login: 'shop', params: { begin_date: '10.11.2026', end_date: '10.11.2026' } });
  });

  it('reads "nothing found" as no orders: 401 from GetOrders, 401 or [] from getOrdersWithGoods', async () => {
    expect(await client.fetchOrders(creds, today, 'GetOrders')).toEqual([]);
    expect(await client.fetchOrders(creds, today, 'getOrdersWithGoods')).toEqual([]);
    fake.addAccount('shop', KEY, { emptyAs: '401' });
    expect(await client.fetchOrders(creds, today, 'getOrdersWithGoods')).toEqual([]);
  });

  it('reads a result keyed by id', async () => {
    fake.addAccount('shop', KEY, { resultAs: 'object' });
    const a = fake.addOrder('shop', { created: Date.parse('2026-11-10T09:00:00+03:00') / 1000 });
    const b = fake.addOrder('shop', { created: Date.parse('2026-11-10T10:00:00+03:00') / 1000 });
    expect((await client.fetchOrders(creds, today, 'GetOrders')).map((o) => o.id)).toEqual([b.id, a.id]);
  });

  describe('error kinds', () => {
    const cases: [string, () => void, Credentials, JustClickErrorKind][] = [
      ['a wrong key', () => {}, { ...creds, key: 'not-the-key' }, 'wrong-key'],
      ['an unknown login', () => {}, { ...creds, login: 'nobody' }, 'unknown-login'],
      ['an IP the account does not allow', () => fake.setAccountState('shop', 'ip-denied'), creds, 'ip-denied'],
      ['a disabled account', () => fake.setAccountState('shop', 'disabled'), creds, 'account-disabled'],
      ['a limited account', () => fake.setAccountState('shop', 'limited'), creds, 'api-limited'],
      ['error 4 from the server', () => fake.inject({ errorCode: 4 }), creds, 'wrong-key'],
      ['error 5 from the server', () => fake.inject({ errorCode: 5 }), creds, 'unknown-login'],
      ['error 7 from the server', () => fake.inject({ errorCode: 7 }), creds, 'account-disabled'],
      ['error 8 from the server', () => fake.inject({ errorCode: 8 }), creds, 'api-limited'],
      ['error 1 (no hash) from the server', () => fake.inject({ errorCode: 1 }), creds, 'protocol'],
      ['error 3 (wrong data) from the server', () => fake.inject({ errorCode: 3 }), creds, 'protocol'],
      ['an unknown error code', () => fake.inject({ errorCode: 99, errorText: 'Something new' }), creds, 'protocol'],
      ['an answer with a tampered hash', () => fake.inject('tampered-hash'), creds, 'protocol'],
      ['an answer that is not JSON', () => fake.inject('garbage'), creds, 'protocol'],
      ['a redirect', () => fake.inject('redirect'), creds, 'protocol'],
      ['HTTP 404', () => fake.inject({ status: 404 }), creds, 'protocol'],
      // Unsigned: anyone on the way (or a throttle on our IP) can send it, so it is no "limit reached".
      ['HTTP 429', () => fake.inject({ status: 429 }), creds, 'unavailable'],
    ];
    for (const [what, arrange, who, kind] of cases) {
      it(`${what} is ${kind}, asked once, not retried`, async () => {
        arrange();
        const error = await failure(() => client.fetchOrders(who, today, 'getOrdersWithGoods'));
        expect(error.kind).toBe(kind);
        expect(error.message).toContain(`getOrdersWithGoods for ${who.login}`);
        expect(fake.requests).toHaveLength(1);
        expect(sleeps).toEqual([]);
      });
    }
  });

  it('does not believe an OK answer whose hash was made with another key', async () => {
    fake.addOrder('shop', { created: Date.parse('2026-11-10T09:00:00+03:00') / 1000 });
    fake.inject('tampered-hash');
    const error = await failure(() => client.fetchOrders(creds, today, 'getOrdersWithGoods'));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/hash does not match/);
  });

  it('follows no redirect: the redirect target is never asked', async () => {
    fake.inject('redirect');
    const error = await failure(() => client.call(creds, 'GetOrders', {}));
    expect(error.message).toMatch(/redirect \(HTTP 302\)/);
    expect(fake.requests.map((r) => r.method)).toEqual(['GetOrders']);
  });

  describe('retries', () => {
    it('retries a 5xx and succeeds, with full-jitter exponential back-off', async () => {
      fake.inject('5xx', 2);
      await client.fetchOrders(creds, today, 'getOrdersWithGoods');
      expect(fake.requests).toHaveLength(3);
      expect(sleeps).toHaveLength(2);
      expect(sleeps[0]).toBeGreaterThanOrEqual(0);
      expect(sleeps[0]).toBeLessThanOrEqual(500);
      expect(sleeps[1]).toBeLessThanOrEqual(1000);
    });

    it('spreads the back-off by the random draw (jitter), up to base × 2^attempt', async () => {
      const draws = [1, 0.5, 0];
      const jittered = makeClient({ random: () => draws.shift() ?? 0, backoffBaseMs: 100 });
      fake.inject('5xx', 3);
      await jittered.fetchOrders(creds, today, 'getOrdersWithGoods');
      await jittered.close();
      expect(sleeps).toEqual([100, 100, 0]);
    });

    it('gives up after the configured retries with "unavailable"', async () => {
      fake.inject('5xx', 10);
      const error = await failure(() => client.fetchOrders(creds, today, 'getOrdersWithGoods'));
      expect(error.kind).toBe('unavailable');
      expect(error.message).toMatch(/no usable answer after 4 attempts \(last: HTTP 503\)/);
      expect(fake.requests).toHaveLength(4);
    });

    it('retries a dropped connection', async () => {
      fake.inject('reset');
      await client.fetchOrders(creds, today, 'getOrdersWithGoods');
      expect(fake.requests).toHaveLength(2);
    });

    it('retries a server that never answers, after the per-attempt timeout', async () => {
      const impatient = makeClient({ timeoutMs: 200, retries: 1 });
      fake.inject('hang');
      await impatient.fetchOrders(creds, today, 'getOrdersWithGoods');
      expect(fake.requests).toHaveLength(2);
      fake.inject('hang', 2);
      const error = await failure(() => impatient.fetchOrders(creds, today, 'getOrdersWithGoods'));
      await impatient.close();
      expect(error.kind).toBe('unavailable');
      expect(error.message).toMatch(/timed out after 200 ms/);
    });

    it('ends an answer whose body trickles in past the deadline: the timeout covers the whole attempt', async () => {
      // Headers at once, then a byte every 50 ms: undici's between-chunks timeout never fires, only ours can.
      const server = createServer((req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        const drip = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(drip));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const impatient = makeClient({ apiUrl: `http://127.0.0.1:${port}/{login}/api`, timeoutMs: 200, retries: 0 });
      try {
        const started = Date.now();
        const error = await failure(() => impatient.call(creds, 'GetOrders', {}));
        expect(error.kind).toBe('unavailable');
        expect(error.message).toMatch(/timed out after 200 ms/);
        // The whole answer would take 50 s.
        expect(Date.now() - started).toBeLessThan(10_000);
      } finally {
        await impatient.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('waits out a slow answer within the timeout without retrying', async () => {
      fake.inject({ latencyMs: 150 });
      await client.fetchOrders(creds, today, 'getOrdersWithGoods');
      expect(fake.requests).toHaveLength(1);
    });

    it('reports a server that is not there as unavailable', async () => {
      const nowhere = makeClient({ apiUrl: 'http://127.0.0.1:1/{login}/api', retries: 1 });
      const error = await failure(() => nowhere.call(creds, 'GetOrders', {}));
      await nowhere.close();
      expect(error.kind).toBe('unavailable');
      expect(error.message).toMatch(/ECONNREFUSED/);
    });
  });

  describe('on the wire', () => {
    // A signed "OK" answer carrying `result`, as JustClick sends it.
    const signed = (result: unknown) =>
      JSON.stringify({ error_code: 0, error_text: 'OK', hash: createHash('md5').update(`0::OK::${KEY}`).digest('hex'), result });

    /** A loopback server answering the nth request (from 0) with `answer`; counts the connections it accepted. */
    async function serve(answer: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
      let requests = 0;
      let connections = 0;
      const server = createServer((req, res) => {
        const n = requests++;
        req.resume();
        req.on('end', () => answer(req, res, n));
      });
      server.on('connection', () => connections++);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        apiUrl: `http://127.0.0.1:${port}/{login}/api`,
        requests: () => requests,
        connections: () => connections,
        close: async () => {
          server.closeAllConnections();
          await new Promise((resolve) => server.close(resolve));
        },
      };
    }

    it('takes the final answer after informational ones (102, 103)', async () => {
      const server = await serve((_req, res) => {
        res.writeProcessing();
        res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(signed(['after hints']));
      });
      const wire = makeClient({ apiUrl: server.apiUrl });
      try {
        expect(await wire.call(creds, 'GetOrders', {})).toEqual(['after hints']);
      } finally {
        await wire.close();
        await server.close();
      }
    });

    it('retries a 5xx on the same connection: its error page is read and thrown away', async () => {
      const server = await serve((_req, res, n) => {
        if (n === 0) {
          res.writeHead(503, { 'content-type': 'text/html' });
          res.end(`<h1>503 Service Unavailable</h1>${'<p>down</p>'.repeat(2_000)}`);
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(signed(['second try']));
        }
      });
      const wire = makeClient({ apiUrl: server.apiUrl });
      try {
        expect(await wire.call(creds, 'GetOrders', {})).toEqual(['second try']);
        expect(server.requests()).toBe(2);
        expect(server.connections()).toBe(1);
      } finally {
        await wire.close();
        await server.close();
      }
    });

    it('does not read a long 5xx page: its connection is closed and the retry succeeds', async () => {
      let cut: Promise<boolean> | undefined;
      const server = await serve((_req, res, n) => {
        if (n === 0) {
          // No length announced: 16 KiB every 5 ms, 1 MiB in all.
          res.writeHead(502, { 'content-type': 'text/html' });
          let sent = 0;
          const drip = setInterval(() => {
            res.write('x'.repeat(16 * 1024));
            if (++sent === 64) res.end();
          }, 5);
          cut = once(res, 'close').then(() => {
            clearInterval(drip);
            return !res.writableFinished;
          });
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(signed(['fresh connection']));
        }
      });
      const wire = makeClient({ apiUrl: server.apiUrl, retries: 1 });
      try {
        expect(await wire.call(creds, 'GetOrders', {})).toEqual(['fresh connection']);
        expect(await cut).toBe(true);
        expect(server.connections()).toBeGreaterThanOrEqual(2);
      } finally {
        await wire.close();
        await server.close();
      }
    });

    it('cuts an answer off once it passes maxResponseBytes, and does not retry it', async () => {
      let cut: Promise<boolean> | undefined;
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(400 * 4096) });
        const drip = setInterval(() => res.write('x'.repeat(4096)), 5);
        cut = once(res, 'close').then(() => {
          clearInterval(drip);
          return !res.writableFinished;
        });
      });
      const wire = makeClient({ apiUrl: server.apiUrl, maxResponseBytes: 10_000 });
      try {
        const error = await failure(() => wire.call(creds, 'GetOrders', {}));
        expect(error.kind).toBe('protocol');
        expect(error.message).toMatch(/answer larger than 10000 bytes/);
        expect(server.requests()).toBe(1);
        // The connection is closed long before the 1.6 MB (2 s of drip) are sent.
        expect(await cut).toBe(true);
      } finally {
        await wire.close();
        await server.close();
      }
    });

    it('decodes a character split across two chunks', async () => {
      const body = Buffer.from(signed(['Привет, мир']), 'utf8');
      const middle = body.indexOf(Buffer.from('и', 'utf8')) + 1;
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        res.write(body.subarray(0, middle));
        setTimeout(() => res.end(body.subarray(middle)), 30);
      });
      const wire = makeClient({ apiUrl: server.apiUrl });
      try {
        expect(await wire.call(creds, 'GetOrders', {})).toEqual(['Привет, мир']);
      } finally {
        await wire.close();
        await server.close();
      }
    });
  });

  describe('after "limit reached" (error 8)', () => {
    it('fails at once without touching the network until the back-off has passed', async () => {
      let now = NOW;
      const limitedClient = makeClient({ now: () => now, limitedBackoffMs: 15 * 60_000 });
      fake.inject({ errorCode: 8 });
      expect((await failure(() => limitedClient.fetchOrders(creds, today, 'getOrdersWithGoods'))).kind).toBe('api-limited');
      expect(fake.requests).toHaveLength(1);

      now += 14 * 60_000;
      const fast = await failure(() => limitedClient.fetchOrders(creds, today, 'getOrdersWithGoods'));
      expect(fast.kind).toBe('api-limited');
      expect(fast.message).toMatch(/not asking again until 2026-11-10T09:15:00.000Z/);
      expect(fake.requests).toHaveLength(1);

      now += 60_000;
      await limitedClient.fetchOrders(creds, today, 'getOrdersWithGoods');
      await limitedClient.close();
      expect(fake.requests).toHaveLength(2);
    });

    it('an HTTP 429 sets no back-off: the next call goes out', async () => {
      fake.inject({ status: 429 });
      expect((await failure(() => client.fetchOrders(creds, today, 'getOrdersWithGoods'))).kind).toBe('unavailable');
      await client.fetchOrders(creds, today, 'getOrdersWithGoods');
      expect(fake.requests).toHaveLength(2);
    });

    it('an error 8 that does not verify (another key on the same login) backs nobody off', async () => {
      fake.inject({ errorCode: 8 });
      expect((await failure(() => client.fetchOrders({ ...creds, key: 'a-guess' }, today, 'getOrdersWithGoods'))).kind).toBe('protocol');
      await client.fetchOrders(creds, today, 'getOrdersWithGoods');
      expect(fake.requests).toHaveLength(2);
    });

    it('backs off only the login that was limited', async () => {
      fake.addAccount('other', 'other-key');
      fake.inject({ errorCode: 8 });
      await failure(() => client.fetchOrders(creds, today, 'getOrdersWithGoods'));
      await client.fetchOrders({ login: 'other', region: 'ru', key: 'other-key' }, today, 'getOrdersWithGoods');
      expect(fake.requests.map((r) => r.login)).toEqual(['shop', 'other']);
    });
  });

  describe('checkKey', () => {
    it('passes with the right key on both methods, in one request each', async () => {
      await client.checkKey(creds, 'getOrdersWithGoods');
      await client.checkKey(creds, 'GetOrders');
      expect(fake.requests.map((r) => [r.method, r.params.paid])).toEqual([
        ['getOrdersWithGoods', '1'],
        ['GetOrders', '1'],
      ]);
    });

    it('names what is wrong: key, login or account', async () => {
      expect((await failure(() => client.checkKey({ ...creds, key: 'nope' }))).kind).toBe('wrong-key');
      expect((await failure(() => client.checkKey({ ...creds, login: 'nobody' }))).kind).toBe('unknown-login');
      fake.setAccountState('shop', 'disabled');
      expect((await failure(() => client.checkKey(creds, 'GetOrders'))).kind).toBe('account-disabled');
    });
  });

  it('never puts the key or the request hash into an error or a log line', async () => {
    const errors: JustClickError[] = [];
    const faults: Fault[] = ['tampered-hash', 'garbage', 'redirect', { errorCode: 4 }, { errorCode: 8 }, { errorCode: 2 }];
    for (const fault of faults) {
      fake.inject(fault);
      errors.push(await failure(() => client.fetchOrders(creds, today, 'getOrdersWithGoods')));
      client = (await client.close(), makeClient());
    }
    errors.push(await failure(() => client.fetchOrders({ ...creds, key: `${KEY}-wrong` }, today, 'GetOrders')));
    fake.inject('5xx', 10);
    errors.push(await failure(() => client.fetchOrders(creds, today, 'GetOrders')));
    const hashes = fake.requests.map((r) => /hash=([0-9a-f]{32})/.exec(r.body)![1]!);
    expect(errors).toHaveLength(8);
    expect(hashes.length).toBeGreaterThanOrEqual(8);
    const seen = [...errors.flatMap((e) => [e.message, e.stack ?? '', JSON.stringify(e), String(e.cause ?? ''), JSON.stringify(e.details)]), ...logLines].join(
      '\n',
    );
    expect(logLines.length).toBeGreaterThan(0);
    expect(seen).not.toContain(KEY);
    for (const hash of hashes) expect(seen).not.toContain(hash);
  });
});
