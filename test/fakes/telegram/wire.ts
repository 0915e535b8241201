// The fake Telegram's wire format: how a Bot API request arrives (query, JSON, form or multipart with files)
// and how an answer leaves (the `{ ok, result }` / `{ ok: false, error_code, description }` envelope).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface UploadedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A refusal in Telegram's words; methods throw it, the server answers with it. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

export const bad = (description: string) => new ApiFailure(400, `Bad Request: ${description}`);

/** Booleans arrive as JSON booleans, or as "true" in form fields. */
export const flag = (v: unknown): boolean => v === true || v === 'true';

/** Fields that carry JSON inside a form or query string. */
const JSON_FIELDS = ['reply_markup', 'allowed_updates', 'commands', 'scope', 'reply_parameters', 'link_preview_options', 'entities'];

/** The call's parameters from the query string and the body, JSON fields parsed; throws on a malformed body. */
export async function readParameters(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const payload: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...(await readPayload(req)) };
  for (const field of JSON_FIELDS) {
    if (typeof payload[field] === 'string') payload[field] = JSON.parse(payload[field] as string) as unknown;
  }
  return payload;
}

export function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/** Telegram's error envelope; `parameters` (retry_after, migrate_to_chat_id) only when there are some. */
export function replyFailure(res: ServerResponse, code: number, description: string, parameters?: Record<string, number>): void {
  reply(res, code, {
    ok: false,
    error_code: code,
    description,
    ...(parameters && Object.keys(parameters).length > 0 ? { parameters } : {}),
  });
}

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (boundary) return parseMultipart(body, boundary[1] ?? boundary[2]!);
  throw new Error(`unsupported content type ${type}`);
}

/** multipart/form-data as telegraf sends it: text fields become strings, file parts UploadedFile. */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart body without boundary');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') throw new Error('malformed multipart delimiter');
    pos += 2;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), pos);
    if (next < 0) throw new Error('unterminated multipart part');
    const part = body.subarray(pos, next);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part without headers');
    const headers = part.subarray(0, split).toString('utf8').split('\r\n');
    const content = part.subarray(split + 4);
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h)) ?? '';
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (name === undefined) throw new Error('multipart part without a name');
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    if (filename !== undefined) {
      const contentType =
        headers
          .find((h) => /^content-type\s*:/i.test(h))
          ?.split(':')[1]
          ?.trim() ?? 'application/octet-stream';
      out[name] = { filename, contentType, content: Buffer.from(content) } satisfies UploadedFile;
    } else {
      out[name] = content.toString('utf8');
    }
    pos = next + 2;
  }
  // telegraf repeats the method name as a form field.
  delete out.method;
  return out;
}
