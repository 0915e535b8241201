// The one HTTP server: Telegram webhook, JustClick paid-invoice notifications, /healthz, /metrics.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

export const WEBHOOK_PATH = '/telegram/webhook';
export const NOTIFY_PATH = '/justclick/notify/';
const MAX_BODY = 1024 * 1024;

export interface HttpDeps {
  logger: Logger;
  metrics: Metrics;
  /** Readiness: resolves true when Redis answers. */
  healthy: () => Promise<boolean>;
  /** Webhook mode only. */
  webhook?: {
    secret: string;
    /** Returns false for an update already seen (Telegram redelivers on slow or failed answers). */
    accept: (updateId: number) => Promise<boolean>;
    handle: (update: unknown) => Promise<void>;
  };
  notifications: (token: string, rawBody: string) => Promise<{ status: number; body: string }>;
}

function constantTimeEqual(a: string, b: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and no early exit on a length mismatch.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge());
        req.destroy();
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

export function createHttpServer(deps: HttpDeps): Server {
  const { logger, metrics } = deps;
  const requests = metrics.counter('jcb_http_requests_total', 'HTTP requests by route and status');

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/healthz') {
      const ok = await deps.healthy().catch(() => false);
      send(res, ok ? 200 : 503, ok ? 'ok\n' : 'redis unavailable\n');
      return 'healthz';
    }
    if (req.method === 'GET' && path === '/metrics') {
      send(res, 200, await metrics.render(), 'text/plain; version=0.0.4');
      return 'metrics';
    }
    if (path === WEBHOOK_PATH && deps.webhook) {
      if (req.method !== 'POST') return (send(res, 405, 'method not allowed\n'), 'webhook');
      const given = req.headers['x-telegram-bot-api-secret-token'];
      if (typeof given !== 'string' || !constantTimeEqual(given, deps.webhook.secret)) {
        send(res, 401, 'unauthorized\n');
        return 'webhook';
      }
      const update = JSON.parse(await readBody(req)) as { update_id?: unknown };
      if (typeof update.update_id !== 'number') return (send(res, 400, 'no update_id\n'), 'webhook');
      if (!(await deps.webhook.accept(update.update_id))) return (send(res, 200, 'duplicate\n'), 'webhook');
      // Answer at once: Telegram redelivers on slow answers, and handlers may wait on JustClick.
      send(res, 200, 'ok\n');
      deps.webhook.handle(update).catch((err: unknown) => logger.error({ err, updateId: update.update_id }, 'update failed'));
      return 'webhook';
    }
    if (path.startsWith(NOTIFY_PATH)) {
      if (req.method !== 'POST') return (send(res, 405, 'method not allowed\n'), 'notify');
      const token = path.slice(NOTIFY_PATH.length);
      const result = await deps.notifications(token, await readBody(req));
      send(res, result.status, result.body);
      return 'notify';
    }
    send(res, 404, 'not found\n');
    return 'other';
  };

  return createServer((req, res) => {
    route(req, res)
      .then((name) => requests({ route: name, status: String(res.statusCode) }))
      .catch((err: unknown) => {
        if (!res.headersSent) {
          if (err instanceof BodyTooLarge) send(res, 413, 'too large\n');
          else if (err instanceof SyntaxError) send(res, 400, 'bad json\n');
          else {
            logger.error({ err }, 'http handler failed');
            send(res, 500, 'internal error\n');
          }
        }
        requests({ route: 'error', status: String(res.statusCode) });
      });
  });
}
