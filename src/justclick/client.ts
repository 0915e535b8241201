// The JustClick API client: signed POSTs over undici, response hash checked before anything is trusted,
// retries only where retrying can help, a hard back-off on "limit reached", and the precise range fetch.
import { TZDate } from '@date-fns/tz';
import { hash } from 'node:crypto';
import { type Dispatcher, errors } from 'undici';
import { HostPools } from './host-pools.js';
import type { Logger } from '../logger.js';
import { JustClickError, type JustClickErrorKind } from './errors.js';
import { apiBaseUrl, DEFAULT_API_URL } from './login.js';
import { parseOrdersResult } from './orders.js';
import { httpBuildQuery, type QueryParams } from './query.js';
import { signQuery, verifyResponseHash } from './signature.js';
import type { Credentials, Order, OrderSets, OrdersMethod, OrdersQuery } from './types.js';
import { JUSTCLICK_TIME_ZONE } from '../domain/justclick.js';

/** What `call` returns for error codes 400/401 ("order(s) not found"): an empty answer, not a failure. */
export const NOT_FOUND: unique symbol = Symbol('JustClick: not found');

/** Per-call reading of the answer. */
export interface CallOptions {
  /** More error codes that mean "nothing there" for this method (GetAllGoods: 700): NOT_FOUND once the hash checks out. */
  notFoundCodes?: readonly number[];
}

export interface JustClickClientOptions {
  /** URL template with `{login}`, e.g. `https://{login}.justclick.ru/api`. */
  apiUrl?: string;
  connectTimeoutMs?: number;
  /** Whole-attempt deadline: connect, headers and body. */
  timeoutMs?: number;
  /** Extra attempts after the first, on network errors, timeouts and 5xx only. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** After error code 8 the login is left alone this long: no request at all, calls fail at once. */
  limitedBackoffMs?: number;
  /** Answers larger than this are refused (a 10,000-order answer is ~15 MB). */
  maxResponseBytes?: number;
  /** Keep-alive connections per JustClick host (each account is its own host in production). */
  connectionsPerHost?: number;
  /**
   * How long an idle connection is kept for the next call to the same host (default 30 s). The poller sets it past
   * its interval, so that each check reuses the connection of the one before instead of opening another (#14);
   * a server that announces a shorter keep-alive (Keep-Alive: timeout=N) still has the last word.
   */
  keepAliveMs?: number;
  /** Hosts whose connections are kept at most (least recently used close first); default 10,000. */
  maxHosts?: number;
  logger?: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Days per getOrdersWithGoods call. The server cuts a range longer than "a month" silently; 28 days is under every month. */
export const MAX_DAYS_PER_CALL = 28;

const CODE_KINDS: Partial<Record<number, { kind: JustClickErrorKind; what: string }>> = {
  1: { kind: 'protocol', what: 'the request had no hash (error 1)' },
  2: { kind: 'protocol', what: 'the request had no data (error 2)' },
  3: { kind: 'protocol', what: 'the request data was wrong (error 3)' },
  4: { kind: 'wrong-key', what: 'the API key is wrong (error 4)' },
  5: { kind: 'unknown-login', what: 'there is no such login (error 5)' },
  6: { kind: 'ip-denied', what: 'API access is denied for this IP address (error 6)' },
  7: { kind: 'account-disabled', what: 'the account is disabled (error 7)' },
  8: { kind: 'api-limited', what: 'the request limit is reached or the API is switched off (error 8)' },
};

type Attempt = { ok: true; status: number; text: string } | { ok: false; retry: boolean; reason: string; cause?: unknown };

export class JustClickClient {
  private readonly agent: HostPools;
  private readonly apiUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly limitedBackoffMs: number;
  private readonly maxResponseBytes: number;
  private readonly logger: Logger | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /**
   * API base and key → instant (ms) before which we do not call with them again (a signed error code 8). Keyed
   * by the key too: only JustClick, answering for this very key, can hold these credentials back, not another
   * user of the same login.
   */
  private readonly limitedUntil = new Map<string, number>();

  constructor(options: JustClickClientOptions = {}) {
    this.apiUrl = options.apiUrl ?? DEFAULT_API_URL;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retries = options.retries ?? 3;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
    this.limitedBackoffMs = options.limitedBackoffMs ?? 15 * 60_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.agent = new HostPools(options.maxHosts ?? 10_000, {
      connect: { timeout: options.connectTimeoutMs ?? 5_000 },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      keepAliveTimeout: options.keepAliveMs ?? 30_000,
      connections: options.connectionsPerHost ?? 16,
    });
  }

  /**
   * One signed API call. Returns `result` for error code 0 and NOT_FOUND for 400/401 (and `notFoundCodes`);
   * every other outcome is a JustClickError whose message names the method and login (never the key or hash).
   */
  async call(creds: Credentials, method: string, params: QueryParams, options: CallOptions = {}): Promise<unknown> {
    const base = apiBaseUrl(this.apiUrl, creds);
    const where = `JustClick ${method} for ${creds.login}`;
    const details = { method, login: creds.login };
    const limitKey = `${base} ${hash('sha256', creds.key, 'base64url')}`;
    const until = this.limitedUntil.get(limitKey);
    if (until !== undefined) {
      if (this.now() < until) {
        throw new JustClickError('api-limited', `${where}: the request limit was reached; not asking again until ${new Date(until).toISOString()}`, {
          ...details,
          code: 8,
        });
      }
      this.limitedUntil.delete(limitKey);
    }
    const query = httpBuildQuery(params);
    const hashField = `hash=${signQuery(query, creds.login, creds.key)}`;
    const body = query === '' ? hashField : `${query}&${hashField}`;
    const url = `${base}/${encodeURIComponent(method)}`;

    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(url, body);
      if (outcome.ok) return this.interpret(outcome.status, outcome.text, creds, limitKey, where, details, options);
      if (!outcome.retry) throw new JustClickError('protocol', `${where}: ${outcome.reason}`, details, { cause: outcome.cause });
      if (attempt >= this.retries) {
        throw new JustClickError('unavailable', `${where}: no usable answer after ${attempt + 1} attempts (last: ${outcome.reason})`, details, {
          cause: outcome.cause,
        });
      }
      // Full jitter: spreads retries of many accounts instead of hitting JustClick in waves.
      const delay = Math.round(this.random() * Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** attempt));
      this.logger?.warn({ method, login: creds.login, attempt: attempt + 1, reason: outcome.reason, delay }, 'JustClick call failed, retrying');
      await this.sleep(delay);
    }
  }

  /**
   * Orders in [from, to): created in it, or paid in it when `paidOnly`. Asks for a superset (whole
   * Moscow days for getOrdersWithGoods, split into short calls) and filters exactly; newest first, no duplicates.
   */
  async fetchOrders(creds: Credentials, query: OrdersQuery, method: OrdersMethod): Promise<Order[]> {
    const fetched = await this.collect(creds, ordersCalls(query, method), method);
    return inRange(fetched, query, query.paidOnly ? 'paid' : 'created');
  }

  /**
   * Both sets a period has: the orders created in [from, to) and the orders paid in it (`paidOnly` is
   * ignored). GetOrders answers both with one call (it lists orders created or paid in the interval);
   * getOrdersWithGoods needs its created calls and its paid=1 calls. Each set newest first.
   */
  async fetchOrderSets(creds: Credentials, query: Omit<OrdersQuery, 'paidOnly'>, method: OrdersMethod): Promise<OrderSets> {
    const all = { ...query, paidOnly: false };
    if (method === 'GetOrders') {
      const fetched = await this.collect(creds, ordersCalls(all, method), method);
      return { created: inRange(fetched, all, 'created'), paid: inRange(fetched, all, 'paid') };
    }
    const created = await this.collect(creds, ordersCalls(all, method), method);
    const paid = await this.collect(creds, ordersCalls({ ...all, paidOnly: true }, method), method);
    return { created: inRange(created, all, 'created'), paid: inRange(paid, all, 'paid') };
  }

  /** The orders these calls answer, each once, in the order first seen. */
  private async collect(creds: Credentials, calls: QueryParams[], method: OrdersMethod): Promise<Order[]> {
    const byId = new Map<string, Order>();
    for (const params of calls) {
      const result = await this.call(creds, method, params);
      if (result === NOT_FOUND) continue;
      let orders: Order[];
      try {
        orders = parseOrdersResult(result);
      } catch (error) {
        if (!(error instanceof JustClickError)) throw error;
        const what = error.message.replace(/^JustClick /, '');
        throw new JustClickError(error.kind, `JustClick ${method} for ${creds.login}: ${what}`, { method, login: creds.login });
      }
      for (const order of orders) if (!byId.has(order.id)) byId.set(order.id, order);
    }
    return [...byId.values()];
  }

  /** One cheap signed call (today's paid orders) that throws the JustClickError a bad key, login or account earns. */
  async checkKey(creds: Credentials, method: OrdersMethod = 'getOrdersWithGoods'): Promise<void> {
    const now = this.now();
    const params: QueryParams =
      method === 'GetOrders'
        ? { date_s: Math.floor(now / 1000) - 60, date_e: Math.floor(now / 1000), paid: true }
        : { begin_date: moscowDay(now), end_date: moscowDay(now), paid: true };
    await this.call(creds, method, params);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** One POST and its whole answer, never a rejection: how it went is the Attempt. */
  private attempt(url: string, body: string): Promise<Attempt> {
    return new Promise((settle) => {
      const answer = new Answer(this.timeoutMs, this.maxResponseBytes, settle);
      try {
        const { origin, path } = target(url);
        // A dispatch never follows redirects: a 3xx is reported by Answer instead of re-sent as GET.
        this.agent.dispatch({ origin, path, method: 'POST', headers: FORM_HEADERS, body }, answer);
      } catch (error) {
        answer.onResponseError(undefined, error as Error);
      }
    });
  }

  private interpret(
    status: number,
    text: string,
    creds: Credentials,
    limitKey: string,
    where: string,
    details: { method: string; login: string },
    options: CallOptions,
  ): unknown {
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = undefined;
    }
    if (!isEnvelope(answer)) {
      // A bare 429 is unsigned (a proxy, a throttle on our IP, or anyone in between): a failed call the next
      // tick retries, never a back-off or a pause.
      if (status === 429) throw new JustClickError('unavailable', `${where}: HTTP 429 without a JustClick answer`, { ...details, status });
      const what = status === 200 ? 'an answer that is not JustClick JSON' : `HTTP ${status} without a JustClick answer`;
      throw new JustClickError('protocol', `${where}: ${what}`, { ...details, status });
    }
    const code = Number(answer.error_code);
    const verified = verifyResponseHash(answer.error_code, answer.error_text, answer.hash, creds.key);
    // Codes 4 and 5 say the server does not share our key (or has none for this login), so it cannot sign
    // them with it. They are only believed as errors; nothing else is taken from an unverified answer.
    if (!verified && code !== 4 && code !== 5) {
      throw new JustClickError('protocol', `${where}: the answer's hash does not match (tampered or misrouted answer, error code ${code})`, {
        ...details,
        code,
        unverified: true,
      });
    }
    if (code === 0) return answer.result;
    if (code === 400 || code === 401 || options.notFoundCodes?.includes(code)) return NOT_FOUND;
    if (code === 8) return this.limited(limitKey, where, details, CODE_KINDS[8]!.what);
    const known = CODE_KINDS[code];
    const said = answer.error_text.length > 120 ? `${answer.error_text.slice(0, 120)}…` : answer.error_text;
    throw new JustClickError(known?.kind ?? 'protocol', `${where}: ${known?.what ?? `unexpected error code ${code}`} ("${said}")`, { ...details, code });
  }

  private limited(limitKey: string, where: string, details: { method: string; login: string }, what: string): never {
    const until = this.now() + this.limitedBackoffMs;
    this.limitedUntil.set(limitKey, until);
    this.logger?.warn({ ...details, until: new Date(until).toISOString() }, 'JustClick API limit reached, backing off');
    throw new JustClickError('api-limited', `${where}: ${what}; not asking again until ${new Date(until).toISOString()}`, { ...details, code: 8 });
  }
}

/**
 * The calls that cover [from, to) for a method, in order. getOrdersWithGoods: the Moscow days that
 * overlap the range, at most MAX_DAYS_PER_CALL per call. GetOrders: one call in unix seconds, widened
 * to whole seconds on both ends (whether date_e is inclusive is undocumented; filtering makes it moot).
 */
export function ordersCalls(query: OrdersQuery, method: OrdersMethod): QueryParams[] {
  const from = query.from.getTime();
  const to = query.to.getTime();
  if (!(to > from)) return [];
  const filters: QueryParams = {};
  if (query.paidOnly) filters.paid = true;
  if (query.goods.length === 1) filters.goods = query.goods[0]!;
  else if (query.goods.length > 1) filters.goods = [...query.goods];
  if (method === 'GetOrders') {
    return [{ date_s: Math.floor(from / 1000), date_e: Math.ceil(to / 1000), ...filters }];
  }
  const first = moscowCalendarDay(from);
  const last = moscowCalendarDay(to - 1);
  const calls: QueryParams[] = [];
  for (let start = first; start <= last; start += MAX_DAYS_PER_CALL) {
    const end = Math.min(start + MAX_DAYS_PER_CALL - 1, last);
    calls.push({ begin_date: formatDay(start), end_date: formatDay(end), ...filters });
  }
  return calls;
}

/** The Moscow calendar day of an instant as `dd.mm.yyyy`. */
function moscowDay(instant: number): string {
  return formatDay(moscowCalendarDay(instant));
}

/** Days since 1970-01-01 of the Moscow calendar date at an instant (calendar arithmetic is then plain integers). */
function moscowCalendarDay(instant: number): number {
  // Since 1930 Moscow's offset is whole hours, so the date is the same all through a minute; the poller asks for the
  // same few minutes thousands of times a round, and a zoned date costs microseconds (#14).
  const minute = instant >= WHOLE_HOUR_OFFSETS_SINCE ? Math.floor(instant / 60_000) : undefined;
  const known = minute === undefined ? undefined : moscowDays.get(minute);
  if (known !== undefined) return known;
  const d = new TZDate(instant, JUSTCLICK_TIME_ZONE);
  const day = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
  if (minute === undefined) return day;
  if (moscowDays.size >= 256) moscowDays.clear();
  moscowDays.set(minute, day);
  return day;
}
const moscowDays = new Map<number, number>();
const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1930, 0, 1);

function formatDay(day: number): string {
  const d = new Date(day * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** The orders whose created (or paid) time falls in [from, to), newest first. */
function inRange(orders: readonly Order[], query: OrdersQuery, by: 'created' | 'paid'): Order[] {
  const from = query.from.getTime();
  const to = query.to.getTime();
  const when = (o: Order) => (by === 'paid' ? o.paid : o.created);
  return orders
    .filter((o) => {
      const t = when(o);
      return t !== null && t * 1000 >= from && t * 1000 < to;
    })
    .sort((a, b) => when(b)! - when(a)! || compareIds(b.id, a.id));
}

function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isEnvelope(value: unknown): value is { error_code: number | string; error_text: string; hash?: unknown; result?: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (typeof v.error_code === 'number' || (typeof v.error_code === 'string' && /^\d+$/.test(v.error_code))) && typeof v.error_text === 'string';
}

const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

/** Origin and path of a call's URL, split as undici's own request() splits one (query kept, fragment dropped). */
function target(url: string): { origin: string; path: string } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new errors.InvalidArgumentError('Invalid URL protocol: the URL must start with `http:` or `https:`.');
  }
  return { origin: parsed.origin, path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname };
}

/** How much of a 3xx or 5xx body is read and thrown away to keep the connection; past it the connection is closed instead. */
const DRAIN_LIMIT = 128 * 1024;

/**
 * Collects one answer straight from the connection for `attempt` and settles it exactly once. undici's request()
 * did the same through a stream and an abort signal, for about 20 µs more CPU a call (#14). The deadline covers
 * connect, headers and body; once it has passed, nothing later (an error, a late chunk) changes the outcome.
 */
class Answer implements Dispatcher.DispatchHandler {
  readonly #maxBytes: number;
  readonly #timeoutMs: number;
  readonly #settle: (outcome: Attempt) => void;
  readonly #timer: NodeJS.Timeout;
  #controller: Dispatcher.DispatchController | undefined;
  #settled = false;
  #status = 0;
  /** Set for a 3xx or 5xx: the status alone is the outcome and the body is only drained. */
  #failure: Attempt | undefined;
  #chunks: Buffer[] = [];
  #size = 0;

  constructor(timeoutMs: number, maxBytes: number, settle: (outcome: Attempt) => void) {
    this.#timeoutMs = timeoutMs;
    this.#maxBytes = maxBytes;
    this.#settle = settle;
    this.#timer = setTimeout(expire, timeoutMs, this);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // The deadline passed while the request waited for a connection: it is not sent at all.
    if (this.#settled) controller.abort(new errors.RequestAbortedError());
    else this.#controller = controller;
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    // 1xx informational answers (102, 103) come before the real one.
    if (statusCode < 200 || this.#settled) return;
    this.#status = statusCode;
    if (statusCode >= 500) this.#failure = { ok: false, retry: true, reason: `HTTP ${statusCode}` };
    else if (statusCode >= 300 && statusCode < 400) {
      this.#failure = {
        ok: false,
        retry: false,
        reason: `answered with a redirect (HTTP ${statusCode}); redirects are not followed, check the login and API URL`,
      };
    } else return;
    // A long error page is not worth reading to keep the connection.
    if (Number(headers['content-length']) > DRAIN_LIMIT) this.#stop(controller, this.#failure);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#size += chunk.length;
    if (this.#failure) {
      if (this.#size > DRAIN_LIMIT) this.#stop(controller, this.#failure);
      return;
    }
    if (this.#size > this.#maxBytes) {
      this.#stop(controller, { ok: false, retry: false, reason: `answer larger than ${this.#maxBytes} bytes` });
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    if (this.#failure) {
      this.#finish(this.#failure);
      return;
    }
    const chunks = this.#chunks;
    // One concat at the end, so that a character split across chunks decodes whole.
    const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, this.#size).toString('utf8');
    this.#finish({ ok: true, status: this.#status, text });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    // A 3xx or 5xx stays that status if its body breaks off: the status decided the outcome, the body was only drained.
    this.#finish(this.#failure ?? { ok: false, retry: true, reason: networkReason(error), cause: error });
  }

  /** The deadline: whatever stage the attempt is at, it ends now. */
  expire(): void {
    if (this.#settled) return;
    const error = new errors.RequestAbortedError();
    this.#finish(this.#failure ?? { ok: false, retry: true, reason: `timed out after ${this.#timeoutMs} ms`, cause: error });
    this.#controller?.abort(error);
  }

  /** Settles with `outcome` and closes the connection, so nothing more is read. */
  #stop(controller: Dispatcher.DispatchController, outcome: Attempt): void {
    this.#chunks = [];
    this.#finish(outcome);
    controller.abort(new errors.RequestAbortedError());
  }

  #finish(outcome: Attempt): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#settle(outcome);
  }
}

function expire(answer: Answer): void {
  answer.expire();
}

function networkReason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return 'network error';
}
