// A fake JustClick API on 127.0.0.1 for every test that needs orders: accounts, raw PHP-shaped orders,
// both listing methods with their date rules, the lookups (getOrderDetails, GetBills, GetAllGoods),
// the server's signature check, and injectable faults.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TZDate } from '@date-fns/tz';
import { httpBuildQuery, parsePhpQuery, phpArrayToObject, type PhpArray } from '../../src/justclick/query.js';
import type { NotificationStatus } from '../../src/justclick/notification.js';
import type { OrdersQuery } from '../../src/justclick/types.js';
import { GET_ORDERS_FIELDS, type RawItem, type RawOrder, type RawPartner } from '../../src/justclick/wire.js';

export { startPhpJustClick, type PhpJustClick } from './justclick-php/standin.js';

export type { RawItem, RawOrder, RawPartner } from '../../src/justclick/wire.js';

export interface RawOrderInput extends Partial<Omit<RawOrder, 'id' | 'created' | 'paid' | 'items' | 'price'>> {
  id?: string | number;
  /** Unix seconds. */
  created?: number | string;
  /** Unix seconds; 0/null for unpaid. Sets pay_status to `paid` unless given. */
  paid?: number | string | null;
  /** Rubles as JustClick writes them ("4990.00") or a number of rubles. */
  price?: string | number;
  items?: (Partial<Omit<RawItem, 'partners'>> & { partners?: Partial<RawPartner>[] })[];
  /** Buyer fields full of `<`, `&`, quotes, emoji and Cyrillic, as real buyers type them. */
  hostile?: boolean;
}

let nextId = 1000;

const HOSTILE = {
  first_name: '<b>Анна</b> & "Co"',
  last_name: "O'Брайен <3",
  middle_name: '😀 Иванович',
  email: 'anna+test@пример.рф',
  phone: '+7 (900) 000-00-00',
  city: 'Санкт-Петербург & <область>',
  comment: 'Позвоните после 18:00 <script>alert(1)</script> 💳',
  address: 'ул. "Ленина", д. 1 & кв. 2',
};

/** A realistic raw order; everything not given gets a plausible value. */
export function rawOrder(input: RawOrderInput = {}): RawOrder {
  const { hostile, id, created, paid, price, items, ...fields } = input;
  const priceText = money(price ?? '4990.00');
  const paidText = paid === null || paid === undefined ? '0' : String(paid);
  const itemList: RawItem[] = (items ?? [{}]).map((item, i) => ({
    id: item.id ?? String(i + 1),
    title: item.title ?? (hostile ? 'Курс «Продажи» <PRO> & "VIP"' : 'Курс «Продажи»'),
    sum: item.sum ?? priceText,
    price: item.price ?? priceText,
    partners: (item.partners ?? []).map((p, j) => ({
      partner_lvl: p.partner_lvl ?? String(j + 1),
      partner_id: p.partner_id ?? String(500 + j),
      partner_name: p.partner_name ?? 'Партнёр',
      partner_fee: p.partner_fee ?? '100.00',
    })),
  }));
  return {
    id: String(id ?? nextId++),
    first_name: 'Анна',
    last_name: 'Петрова',
    middle_name: '',
    email: 'anna@example.com',
    phone: '+79000000000',
    city: 'Москва',
    country: 'Россия',
    address: '',
    region: '',
    postalcode: '',
    ...(hostile ? HOSTILE : {}),
    created: String(created ?? Math.floor(Date.now() / 1000)),
    pay_status: paidText === '0' ? 'waiting' : 'paid',
    paid: paidText,
    type: 'bill',
    payway: paidText === '0' ? '' : 'card',
    comment: '',
    domain: 'shop.justclick.ru',
    link: '',
    utm: [],
    price: priceText,
    good_count: String(itemList.length),
    is_recurrent: '0',
    bill_sum_topay: paidText === '0' ? priceText : '0.00',
    tag: '',
    kupon: '',
    ...fields,
    items: itemList,
  };
}

/** A product as GetAllGoods lists it. `good_type` is whatever JustClick calls the kind (undocumented). */
export interface RawProduct {
  good_name: string;
  good_title: string;
  good_type: string;
  good_sum: string;
}

const money = (value: string | number) => (typeof value === 'number' ? value.toFixed(2) : value);

export type AccountState = 'ok' | 'disabled' | 'limited' | 'ip-denied';

export interface FakeAccountOptions {
  /** `object`: result keyed by id, as PHP's json_encode does for a non-sequential array. */
  resultAs?: 'list' | 'object';
  /** What getOrdersWithGoods answers when nothing matches (GetOrders always answers 401). */
  emptyAs?: '[]' | '401';
  state?: AccountState;
}

export type Fault =
  | '5xx'
  | 'hang'
  | 'garbage'
  | 'tampered-hash'
  | 'redirect'
  | 'reset'
  | { latencyMs: number }
  | { errorCode: number; errorText?: string }
  | { status: number }
  /** An OK answer, correctly signed, whose `result` is this value as it is (odd shapes JustClick might send). */
  | { result: unknown };

export interface RecordedRequest {
  method: string;
  login: string;
  /** The posted fields as PHP parsed them, without `hash`. */
  params: Record<string, unknown>;
  body: string;
  /** Relayed by the PHP stand-in after PHP itself verified the signature. */
  phpVerified: boolean;
  /** The fault this request met, if one was injected. */
  fault?: string;
  /** getOrdersWithGoods only: the range was longer than a month and was cut like the real server does. */
  cut?: boolean;
  /** When it arrived (Date.now()), before any injected latency. */
  at: number;
}

export interface FakeJustClick {
  /** API URL template for the client: `http://127.0.0.1:PORT/{login}/api`. */
  url: string;
  origin: string;
  /** Adding a login again replaces it (its orders too). */
  addAccount(login: string, key: string, options?: FakeAccountOptions): void;
  addOrder(login: string, input?: RawOrderInput): RawOrder;
  payOrder(login: string, id: string, atUnix: number): RawOrder;
  setOrderStatus(login: string, id: string, status: string): RawOrder;
  orders(login: string): readonly RawOrder[];
  /** A product GetAllGoods lists even with no order of it; its title wins over the orders' item titles. */
  addProduct(login: string, product: Partial<RawProduct> & { good_name: string }): RawProduct;
  readonly requests: RecordedRequest[];
  /** The fake's clock in ms (decides "today" when a call has no dates). */
  setNow(now: () => number): void;
  /** The next `count` API requests meet this fault instead of (or, for latency, before) the normal answer. */
  inject(fault: Fault, count?: number): void;
  /** Drops every fault not yet met (e.g. an open-ended latency once a benchmark run is over). */
  clearFaults(): void;
  setAccountState(login: string, state: AccountState): void;
  /** The key the PHP stand-in needs to check signatures; undefined for an unknown login. */
  keyOf(login: string): string | undefined;
  /** POST a signed notification about an order, like JustClick does, to `url`; resolves to the HTTP status. */
  notify(url: string, login: string, id: string, extra?: NotificationExtra): Promise<number>;
  close(): Promise<void>;
}

interface Account {
  key: string;
  state: AccountState;
  resultAs: 'list' | 'object';
  emptyAs: '[]' | '401';
  orders: RawOrder[];
  products: RawProduct[];
}

const MOSCOW = 'Europe/Moscow';
const STATE_ERRORS: Record<Exclude<AccountState, 'ok'>, [number, string]> = {
  'ip-denied': [6, 'Permission denied for this IP'],
  disabled: [7, 'Account disabled'],
  limited: [8, 'Request limit reached'],
};
const ERROR_TEXTS: Record<number, string> = {
  1: 'Hash missing',
  2: 'No data',
  3: 'Wrong posted data',
  4: 'Incorrect hash',
  5: 'Invalid user name',
  6: 'Permission denied for this IP',
  7: 'Account disabled',
  8: 'Request limit reached',
  400: 'Order not found',
  401: 'Orders not found',
  700: 'Goods not found',
};

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export async function startFakeJustClick(options: { now?: () => number } = {}): Promise<FakeJustClick> {
  const accounts = new Map<string, Account>();
  const requests: RecordedRequest[] = [];
  const faults: { fault: Fault; left: number }[] = [];
  const sockets = new Set<Socket>();
  let now = options.now ?? (() => Date.now());

  const account = (login: string): Account => {
    const found = accounts.get(login);
    if (!found) throw new Error(`fake JustClick: no account "${login}" (addAccount first)`);
    return found;
  };
  const order = (login: string, id: string): RawOrder => {
    const found = account(login).orders.find((o) => o.id === id);
    if (!found) throw new Error(`fake JustClick: no order ${id} for "${login}"`);
    return found;
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(`fake JustClick crashed: ${String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', origin).pathname;
    const keyPath = /^\/__fake\/key\/([^/]+)$/.exec(path);
    if (keyPath) {
      const key = accounts.get(decodeURIComponent(keyPath[1]!))?.key;
      res.writeHead(key === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(key === undefined ? { error: 'unknown login' } : { key }));
      return;
    }
    const route = /^\/([^/]+)\/api\/([^/]+)$/.exec(path);
    const body = await readBody(req);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>404 Not Found</h1>');
      return;
    }
    const login = decodeURIComponent(route[1]!);
    const method = decodeURIComponent(route[2]!);
    const posted = parsePhpQuery(body);
    const hash = posted.get('hash');
    const fields: PhpArray = new Map(posted);
    fields.delete('hash');
    const recorded: RecordedRequest = {
      method,
      login,
      params: phpArrayToObject(fields),
      body,
      phpVerified: req.headers['x-php-verified'] === '1',
      at: Date.now(),
    };
    requests.push(recorded);

    const fault = takeFault();
    if (fault !== undefined) recorded.fault = typeof fault === 'string' ? fault : JSON.stringify(fault);
    if (typeof fault === 'object' && 'latencyMs' in fault) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault === 'hang') return; // never answered; close() ends the socket
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === '5xx') return send(res, 503, '<h1>503 Service Unavailable</h1>', 'text/html');
    if (typeof fault === 'object' && 'status' in fault) return send(res, fault.status, `HTTP ${fault.status}`, 'text/plain');
    if (fault === 'redirect') {
      res.writeHead(302, { location: `${origin}/${encodeURIComponent(login)}/api/Redirected` });
      res.end();
      return;
    }
    if (fault === 'garbage') return send(res, 200, '<html><body>Fatal error: Allowed memory size exhausted', 'text/html');

    const acct = accounts.get(login);
    let answer: Envelope;
    if (typeof fault === 'object' && 'result' in fault) {
      answer = envelope(0, 'OK', acct?.key ?? '', fault.result);
    } else if (typeof fault === 'object' && 'errorCode' in fault) {
      answer = envelope(fault.errorCode, fault.errorText ?? ERROR_TEXTS[fault.errorCode] ?? 'Error', acct?.key ?? '');
    } else if (!acct) {
      answer = envelope(5, ERROR_TEXTS[5]!, '');
    } else if (typeof hash !== 'string' || hash === '') {
      answer = envelope(1, ERROR_TEXTS[1]!, acct.key);
    } else if (md5(`${httpBuildQuery(fields)}::${login}::${acct.key}`) !== hash.toLowerCase()) {
      answer = envelope(4, ERROR_TEXTS[4]!, acct.key);
    } else if (acct.state !== 'ok') {
      const [code, text] = STATE_ERRORS[acct.state];
      answer = envelope(code, text, acct.key);
    } else {
      answer = answerMethod(acct, method, fields, recorded);
    }
    if (fault === 'tampered-hash') answer.hash = md5(`${answer.hash}tampered`);
    send(res, 200, phpJson(answer), 'application/json; charset=utf-8');
  }

  function takeFault(): Fault | undefined {
    const head = faults[0];
    if (!head) return undefined;
    if (--head.left <= 0) faults.shift();
    return head.fault;
  }

  function answerMethod(acct: Account, method: string, fields: PhpArray, recorded: RecordedRequest): Envelope {
    const goods = goodsFilter(fields.get('goods'));
    const paidOnly = truthy(fields.get('paid'));
    const matchesGoods = (o: RawOrder) => goods === null || o.items.some((item) => goods.has(item.id));
    const paidAt = (o: RawOrder) => Number(o.paid) || null;

    if (method === 'getOrdersWithGoods') {
      const today = moscowDay(now());
      const begin = fields.has('begin_date') ? parseDay(fields.get('begin_date')) : today;
      const end = fields.has('end_date') ? parseDay(fields.get('end_date')) : today;
      if (begin === null || end === null) return envelope(3, ERROR_TEXTS[3]!, acct.key);
      // "At most one month; a longer one is cut to a month ending at end_date."
      const earliest = monthBefore(end) + 1;
      const first = Math.max(begin, earliest);
      if (begin < earliest) recorded.cut = true;
      const windowStart = moscowMidnight(first);
      const windowEnd = moscowMidnight(end + 1);
      const inWindow = (t: number | null) => t !== null && t >= windowStart && t < windowEnd;
      const found = acct.orders.filter((o) => matchesGoods(o) && (paidOnly ? inWindow(paidAt(o)) : inWindow(Number(o.created))));
      if (found.length === 0 && acct.emptyAs === '401') return envelope(401, ERROR_TEXTS[401]!, acct.key);
      return envelope(
        0,
        'OK',
        acct.key,
        shape(
          acct,
          found.map((o) => structuredClone(o)),
        ),
      );
    }
    if (method === 'GetOrders') {
      const dateS = fields.has('date_s') ? unix(fields.get('date_s')) : moscowMidnight(moscowDay(now()));
      const dateE = fields.has('date_e') ? unix(fields.get('date_e')) : Math.floor(now() / 1000);
      if (dateS === null || dateE === null) return envelope(3, ERROR_TEXTS[3]!, acct.key);
      const inInterval = (t: number | null) => t !== null && t >= dateS && t <= dateE;
      // Server comment: orders created OR paid inside the interval.
      const found = acct.orders.filter((o) => matchesGoods(o) && (!paidOnly || paidAt(o) !== null) && (inInterval(Number(o.created)) || inInterval(paidAt(o))));
      if (found.length === 0) return envelope(401, ERROR_TEXTS[401]!, acct.key);
      const listed = found.map((o) => Object.fromEntries(GET_ORDERS_FIELDS.map((f) => [f, structuredClone(o[f])])));
      return envelope(0, 'OK', acct.key, shape(acct, listed));
    }
    if (method === 'getOrderDetails') {
      const id = phpInt(fields.get('bill_id'));
      const found = acct.orders.find((o) => o.id === id);
      if (!found) return envelope(400, ERROR_TEXTS[400]!, acct.key);
      return envelope(0, 'OK', acct.key, structuredClone(found));
    }
    if (method === 'GetBills') {
      const email = fields.get('email');
      const status = fields.get('pay_status');
      // Undocumented what the server says without an e-mail; "wrong posted data" is the closest code.
      if (typeof email !== 'string' || email === '') return envelope(3, ERROR_TEXTS[3]!, acct.key);
      const found = acct.orders
        .filter((o) => o.email.toLowerCase() === email.toLowerCase() && (typeof status !== 'string' || status === '' || o.pay_status === status))
        .sort((a, b) => Number(a.id) - Number(b.id));
      if (found.length === 0) return envelope(400, ERROR_TEXTS[400]!, acct.key);
      const bills = phpArray(found.map((o) => [o.id, phpArray(o.items.map((i) => [i.id, { good_name: i.id, good_title: i.title }]))]));
      return envelope(0, 'OK', acct.key, bills);
    }
    if (method === 'GetAllGoods') {
      const goods = productsOf(acct);
      if (goods.length === 0) return envelope(700, ERROR_TEXTS[700]!, acct.key);
      return envelope(0, 'OK', acct.key, goods);
    }
    return envelope(3, 'Unknown method', acct.key);
  }

  const fake: FakeJustClick = {
    url: `${origin}/{login}/api`,
    origin,
    requests,
    addAccount(login, key, options = {}) {
      accounts.set(login, {
        key,
        state: options.state ?? 'ok',
        resultAs: options.resultAs ?? 'list',
        emptyAs: options.emptyAs ?? '[]',
        orders: [],
        products: [],
      });
    },
    addOrder(login, input = {}) {
      const acct = account(login);
      const raw = rawOrder({ created: Math.floor(now() / 1000), ...input });
      acct.orders.push(raw);
      return raw;
    },
    payOrder(login, id, atUnix) {
      const raw = order(login, id);
      raw.paid = String(atUnix);
      raw.pay_status = 'paid';
      raw.bill_sum_topay = '0.00';
      if (raw.payway === '') raw.payway = 'card';
      return raw;
    },
    setOrderStatus(login, id, status) {
      const raw = order(login, id);
      raw.pay_status = status;
      return raw;
    },
    orders: (login) => account(login).orders,
    addProduct(login, product) {
      const acct = account(login);
      const raw: RawProduct = { good_title: product.good_name, good_type: 'digital', good_sum: '0.00', ...product };
      acct.products = [...acct.products.filter((p) => p.good_name !== raw.good_name), raw];
      return raw;
    },
    setNow(fn) {
      now = fn;
    },
    inject(fault, count = 1) {
      faults.push({ fault, left: count });
    },
    clearFaults() {
      faults.length = 0;
    },
    setAccountState(login, state) {
      account(login).state = state;
    },
    keyOf: (login) => accounts.get(login)?.key,
    async notify(url, login, id, extra = {}) {
      const acct = account(login);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: notificationBody(order(login, id), acct.key, extra),
      });
      await res.arrayBuffer();
      return res.status;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/**
 * The right answer to a question, by brute force over raw orders: for comparing what the client (or the
 * bot) shows with what it should show. Newest first, by paid time when paidOnly, else by created time.
 */
export function ordersMatching(orders: readonly RawOrder[], q: OrdersQuery): RawOrder[] {
  const from = q.from.getTime() / 1000;
  const to = q.to.getTime() / 1000;
  const at = (o: RawOrder) => (q.paidOnly ? Number(o.paid) : Number(o.created));
  return orders
    .filter((o) => q.goods.length === 0 || o.items.some((i) => q.goods.includes(i.id)))
    .filter((o) => (!q.paidOnly || Number(o.paid) > 0) && at(o) >= from && at(o) < to)
    .sort((a, b) => at(b) - at(a) || Number(b.id) - Number(a.id));
}

export interface NotificationExtra {
  /** Omitted for the paid-invoice notification, which carries no status. */
  status?: NotificationStatus;
  prepayment_sum?: string;
  last_payment_sum?: string;
  /** Sign with this key instead of the account's (to test a wrong hash). */
  key?: string;
}

/**
 * The body JustClick POSTs for an order (help article 613): the order fields, `utm[...]`,
 * `items[n][...]` with partners, then `hash = md5(id . email . paid . key)`. Built with
 * URLSearchParams on purpose, so the parser is not only ever fed our own encoder's output.
 */
export function notificationBody(raw: RawOrder, key: string, extra: NotificationExtra = {}): string {
  const body = new URLSearchParams();
  for (const f of [
    'id',
    'first_name',
    'last_name',
    'middle_name',
    'email',
    'phone',
    'city',
    'country',
    'address',
    'region',
    'postalcode',
    'created',
    'paid',
  ] as const) {
    body.append(f, raw[f]);
  }
  body.append('last_payment_sum', extra.last_payment_sum ?? (raw.paid === '0' ? '0.00' : raw.price));
  for (const f of ['comment', 'tag', 'kupon', 'type', 'payway', 'domain', 'is_recurrent'] as const) body.append(f, raw[f]);
  if (!Array.isArray(raw.utm)) for (const [k, v] of Object.entries(raw.utm)) body.append(`utm[${k}]`, v);
  raw.items.forEach((item, n) => {
    for (const f of ['id', 'title', 'sum', 'price'] as const) body.append(`items[${n}][${f}]`, item[f]);
    item.partners.forEach((p, m) => {
      for (const [k, v] of Object.entries(p)) body.append(`items[${n}][partners][${m}][${k}]`, v);
    });
  });
  if (extra.status) body.append('status', extra.status);
  if (extra.prepayment_sum !== undefined) body.append('prepayment_sum', extra.prepayment_sum);
  body.append('hash', md5(`${raw.id}${raw.email}${raw.paid}${extra.key ?? key}`));
  return body.toString();
}

interface Envelope {
  error_code: number;
  error_text: string;
  hash: string;
  result?: unknown;
}

function envelope(code: number, text: string, key: string, result?: unknown): Envelope {
  const answer: Envelope = { error_code: code, error_text: text, hash: md5(`${code}::${text}::${key}`) };
  if (code === 0) answer.result = result;
  return answer;
}

/**
 * What GetAllGoods lists: the seeded products, then every other product code the orders' items name,
 * titled and priced by its latest order (the fake has no catalogue of its own).
 */
function productsOf(acct: { orders: readonly RawOrder[]; products: readonly RawProduct[] }): RawProduct[] {
  const byCode = new Map<string, RawProduct>();
  const newestFirst = [...acct.orders].sort((a, b) => Number(b.id) - Number(a.id));
  for (const o of newestFirst) {
    for (const item of o.items) {
      if (!byCode.has(item.id)) byCode.set(item.id, { good_name: item.id, good_title: item.title, good_type: 'digital', good_sum: item.price });
    }
  }
  for (const p of acct.products) byCode.delete(p.good_name);
  return [...acct.products.map((p) => ({ ...p })), ...[...byCode.values()].sort((a, b) => (a.good_name < b.good_name ? -1 : 1))];
}

/**
 * A PHP array as json_encode writes it: a list when its keys are exactly 0, 1, 2… in order, else an
 * object (so `{"1": …}` for one product coded "1", and `[…]` for one coded "0").
 */
function phpArray(entries: [string, unknown][]): unknown {
  if (entries.every(([k], i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

function shape(acct: Account, list: { id?: unknown }[]): unknown {
  list.sort((a, b) => Number(a.id) - Number(b.id));
  return acct.resultAs === 'object' ? Object.fromEntries(list.map((o) => [String(o.id), o])) : list;
}

/** json_encode's defaults: `/` escaped, everything beyond ASCII as \uXXXX. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function send(res: ServerResponse, status: number, text: string, type: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** PHP truthiness of a posted field: "" and "0" are false. */
const truthy = (v: unknown) => (typeof v === 'string' ? v !== '' && v !== '0' : v instanceof Map ? v.size > 0 : false);

function goodsFilter(v: unknown): Set<string> | null {
  if (typeof v === 'string') return v === '' ? null : new Set([v]);
  if (v instanceof Map) return new Set([...v.values()].filter((x): x is string => typeof x === 'string'));
  return null;
}

/** A posted field as PHP's (int) reads it, as decimal text: leading digits (exactly, beyond 2^53), else 0. */
function phpInt(v: unknown): string {
  const m = typeof v === 'string' ? /^\s*([+-]?)(\d+)/.exec(v) : null;
  if (!m) return '0';
  const n = BigInt(`${m[1]}${m[2]}`);
  const max = 9223372036854775807n;
  return String(n > max ? max : n < -max - 1n ? -max - 1n : n);
}

function unix(v: unknown): number | null {
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
}

/** Calendar days are counted as days since 1970-01-01 so that month arithmetic is plain integers. */
function parseDay(v: unknown): number | null {
  const m = typeof v === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v) : null;
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return ms / 86_400_000;
}

function moscowDay(ms: number): number {
  const t = new TZDate(ms, MOSCOW);
  return Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()) / 86_400_000;
}

/** Unix seconds of 00:00 Moscow time on a calendar day. */
function moscowMidnight(day: number): number {
  const d = new Date(day * 86_400_000);
  return new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), MOSCOW).getTime() / 1000;
}

/** The same day of the month one month earlier (clamped to the month's end, like date-fns subMonths). */
function monthBefore(day: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() - 1;
  const lastOfPrev = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfPrev)) / 86_400_000;
}
