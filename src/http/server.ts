// The bot's HTTP servers. Public: Telegram webhook, JustClick paid-invoice notifications, /healthz.
// Internal (METRICS_PORT, loopback by default): /metrics and /healthz, for the operator only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

export const WEBHOOK_PATH = '/telegram/webhook';
export const NOTIFY_PATH = '/justclick/notify/';

/**
 * What one client may cost the public server (issue #13): a notification body is a few hundred bytes and a
 * Telegram update rarely more than a few KB, so 64 KB is plenty; slow clients are cut off instead of holding
 * a socket for Node's default 300 s.
 */
export interface HttpLimits {
  maxBodyBytes: number;
  /** Until the request's headers are in. */
  headersTimeoutMs: number;
  /** Until the whole request is in. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are refused at accept. */
  maxConnections: number;
}

export const HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 64 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

export interface HttpDeps {
  logger: Logger;
  metrics: Metrics;
  /** Resolves true when Redis answers. */
  healthy: () => Promise<boolean>;
  /** Webhook mode only. */
  webhook?: {
    secret: string;
    /** False until the bot can handle updates (it knows itself: getMe answered); until then updates get 503. */
    ready: () => boolean;
    /** Returns false for an update already seen (Telegram redelivers on slow or failed answers). */
    accept: (updateId: number) => Promise<boolean>;
    handle: (update: unknown) => Promise<void>;
  };
  notifications: {
    /** Is this a notification URL we handed out? Asked before a byte of the body is read. */
    knows: (token: string) => Promise<boolean>;
    handle: (token: string, rawBody: string) => Promise<{ status: number; body: string }>;
  };
  limits?: Partial<HttpLimits>;
}

function constantTimeEqual(a: string, b: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and no early exit on a length mismatch.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // A declared length over the cap is refused before any of it is read.
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        reject(new BodyTooLarge());
        req.pause();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers without reading the body, and closes the connection so the unread body costs nothing. */
function refuse(res: ServerResponse, status: number, body: string): void {
  res.shouldKeepAlive = false;
  send(res, status, body);
}

/** Applies the limits to a server; the internal one gets them too. */
function limit(server: Server, limits: HttpLimits): Server {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return server;
}

/** How often Node checks the header and request timeouts (its default, 30 s, would make them that coarse). */
const checkEveryMs = (limits: HttpLimits) => Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4)));

export function createHttpServer(deps: HttpDeps): Server {
  const { logger, metrics } = deps;
  const limits = { ...HTTP_LIMITS, ...deps.limits };
  const requests = metrics.counter('jcb_http_requests_total', 'HTTP requests by route and status');

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/healthz') {
      await answerHealth(res, deps);
      return 'healthz';
    }
    if (path === WEBHOOK_PATH && deps.webhook) {
      if (req.method !== 'POST') return (refuse(res, 405, 'method not allowed\n'), 'webhook');
      const given = req.headers['x-telegram-bot-api-secret-token'];
      if (typeof given !== 'string' || !constantTimeEqual(given, deps.webhook.secret)) {
        refuse(res, 401, 'unauthorized\n');
        return 'webhook';
      }
      // Telegram redelivers an update answered with a non-2xx: nothing is lost while the bot starts.
      if (!deps.webhook.ready()) return (refuse(res, 503, 'starting\n'), 'webhook');
      const update = JSON.parse(await readBody(req, limits.maxBodyBytes)) as { update_id?: unknown };
      if (typeof update.update_id !== 'number') return (send(res, 400, 'no update_id\n'), 'webhook');
      if (!(await deps.webhook.accept(update.update_id))) return (send(res, 200, 'duplicate\n'), 'webhook');
      // Answer at once: Telegram redelivers on slow answers, and handlers may wait on JustClick.
      send(res, 200, 'ok\n');
      deps.webhook.handle(update).catch((err: unknown) => logger.error({ err, updateId: update.update_id }, 'update failed'));
      return 'webhook';
    }
    if (path.startsWith(NOTIFY_PATH)) {
      if (req.method !== 'POST') return (refuse(res, 405, 'method not allowed\n'), 'notify');
      const token = path.slice(NOTIFY_PATH.length);
      // The token first: a stranger's request costs one Redis lookup, never a body read.
      if (!(await deps.notifications.knows(token))) return (refuse(res, 404, 'unknown notification URL\n'), 'notify');
      const result = await deps.notifications.handle(token, await readBody(req, limits.maxBodyBytes));
      send(res, result.status, result.body);
      return 'notify';
    }
    refuse(res, 404, 'not found\n');
    return 'other';
  };

  const server = createServer({ connectionsCheckingInterval: checkEveryMs(limits) }, (req, res) => {
    route(req, res)
      .then((name) => requests({ route: name, status: String(res.statusCode) }))
      .catch((err: unknown) => {
        if (!res.headersSent) {
          if (err instanceof BodyTooLarge) refuse(res, 413, 'too large\n');
          else if (err instanceof SyntaxError) send(res, 400, 'bad json\n');
          else {
            logger.error({ err }, 'http handler failed');
            send(res, 500, 'internal error\n');
          }
        }
        requests({ route: 'error', status: String(res.statusCode) });
      });
  });
  return limit(server, limits);
}

/** The internal server: /metrics for Prometheus, and /healthz as on the public one. */
export function createMetricsServer(deps: Pick<HttpDeps, 'metrics' | 'healthy' | 'webhook' | 'limits'>): Server {
  const limits = { ...HTTP_LIMITS, ...deps.limits };
  const server = createServer({ connectionsCheckingInterval: checkEveryMs(limits) }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const answered =
      req.method === 'GET' && path === '/metrics'
        ? deps.metrics.render().then((text) => send(res, 200, text, 'text/plain; version=0.0.4'))
        : req.method === 'GET' && path === '/healthz'
          ? answerHealth(res, deps)
          : Promise.resolve(refuse(res, 404, 'not found\n'));
    answered.catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error\n');
    });
  });
  return limit(server, limits);
}

/** 200 when Redis answers and, in webhook mode, the bot can handle updates; 503 with the reason otherwise. */
async function answerHealth(res: ServerResponse, deps: Pick<HttpDeps, 'healthy' | 'webhook'>): Promise<void> {
  if (deps.webhook && !deps.webhook.ready()) return send(res, 503, 'starting: cannot handle updates yet\n');
  const ok = await deps.healthy().catch(() => false);
  send(res, ok ? 200 : 503, ok ? 'ok\n' : 'redis unavailable\n');
}
