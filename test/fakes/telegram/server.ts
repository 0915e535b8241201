// The fake Telegram's HTTP side: routes /bot<token>/<method>, records every call, lets an injected fault
// answer before the method does, and wraps what the method returns or refuses in Telegram's envelope.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureAnswer, type Faults } from './faults.js';
import type { Method } from './methods.js';
import { ApiFailure, readParameters, reply, replyFailure } from './wire.js';

export interface RecordedCall {
  method: string;
  /** As received; uploaded files appear as `{ filename, contentType, content }`. */
  payload: Record<string, unknown>;
  /** Date.now() when it arrived. */
  at: number;
  /** What the fake answered when it refused the call. */
  error?: { code: number; description: string };
}

/** Listens on a free loopback port; `calls` receives every call as it arrives. */
export async function listenAsTelegram({
  token,
  calls,
  faults,
  methods,
}: {
  token: string;
  calls: RecordedCall[];
  faults: Faults;
  methods: Record<string, Method>;
}): Promise<{ server: Server; port: number }> {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match || decodeURIComponent(match[1]!) !== token) {
      reply(res, match ? 401 : 404, { ok: false, error_code: match ? 401 : 404, description: match ? 'Unauthorized' : 'Not Found' });
      return;
    }
    const method = match[2]!;
    let payload: Record<string, unknown>;
    try {
      payload = await readParameters(req, url);
    } catch {
      const description = "Bad Request: can't parse request body";
      calls.push({ method, payload: {}, at: Date.now(), error: { code: 400, description } });
      reply(res, 400, { ok: false, error_code: 400, description });
      return;
    }
    const call: RecordedCall = { method, payload, at: Date.now() };
    calls.push(call);

    const failure = faults.meet(method, payload.chat_id === undefined ? undefined : Number(payload.chat_id));
    if (failure) {
      if ('network' in failure) {
        call.error = { code: 0, description: 'connection reset' };
        req.socket.destroy();
        return;
      }
      if ('htmlPage' in failure) {
        const page = `<html><head><title>${failure.htmlPage}</title></head><body><center><h1>${failure.htmlPage}</h1></center><hr><center>nginx</center></body></html>`;
        call.error = { code: failure.htmlPage, description: 'an HTML page' };
        res.writeHead(failure.htmlPage, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page) });
        res.end(page);
        return;
      }
      const { code, description, parameters } = failureAnswer(failure);
      call.error = { code, description };
      replyFailure(res, code, description, parameters);
      return;
    }

    const impl = methods[method.toLowerCase()];
    if (!impl) {
      call.error = { code: 404, description: 'Not Found: method not found' };
      reply(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      return;
    }
    try {
      const result = await impl(payload, res);
      if (!res.writableEnded && !res.destroyed) reply(res, 200, { ok: true, result });
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      call.error = { code: err.code, description: err.description };
      replyFailure(res, err.code, err.description, err.parameters);
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
