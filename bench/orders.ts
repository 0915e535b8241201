// `/orders 30d` over 1,000 orders: the bot's own work (parse the words, decode the orders, list them and
// render the first page, as the command does) timed apart from the JustClick calls, with the real domain
// functions and the real client; beside it, rendering every page up front as the bot did before.
import { listOrders, pageCount, renderListingPage, renderOrdersPages, type OrdersPageOptions } from '../src/domain/format/orders.js';
import { parseRequest } from '../src/domain/request.js';
import { JustClickClient, NOT_FOUND, ordersCalls } from '../src/justclick/client.js';
import { parseOrdersResult } from '../src/justclick/orders.js';
import type { Credentials, Order } from '../src/justclick/types.js';
import { startFakeJustClick } from '../test/fakes/justclick.js';
import type { Study, StudyTable } from './run.js';

const ORDERS = 1_000;
const DAY = 86_400;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function run({ quick }: { quick: boolean }): Promise<StudyTable[]> {
  const jc = await startFakeJustClick();
  const client = new JustClickClient({ apiUrl: jc.url });
  try {
    const creds: Credentials = { login: 'shop', region: 'ru', key: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
    jc.addAccount(creds.login, creds.key);
    const now = Math.floor(Date.now() / 1000);
    // 1,000 orders over the last 30 days, two in three paid, a third of the buyers typing hostile text.
    for (let i = 0; i < ORDERS; i++) {
      const created = now - Math.floor(((i + 0.5) / ORDERS) * 30 * DAY);
      jc.addOrder(creds.login, {
        created,
        paid: i % 3 === 2 ? null : created + 600,
        hostile: i % 3 === 0,
        price: `${990 + (i % 7) * 1000}.00`,
        utm: i % 2 === 0 ? { source: 'vk', medium: 'cpc', campaign: 'осень' } : [],
      });
    }

    const samples = quick ? 30 : 200;
    const times = {
      parse: [] as number[],
      calls: [] as number[],
      decode: [] as number[],
      render: [] as number[],
      own: [] as number[],
      fetch: [] as number[],
      renderAll: [] as number[],
      ownBefore: [] as number[],
    };
    let pages = 0;
    let listed = 0;
    let calls = 0;
    for (let s = -5; s < samples; s++) {
      const at = new Date();
      let t = performance.now();
      const parsed = parseRequest('30d', { now: at, timeZone: 'Europe/Moscow' });
      const parse = performance.now() - t;
      if (!parsed.ok || parsed.request.kind !== 'orders') throw new Error('/orders 30d did not parse');
      const { period } = parsed.request;
      const query = { from: period.from, to: period.to, paidOnly: false, goods: [] };

      // The calls alone: HTTP, JSON.parse and the answer's hash check.
      const requests = ordersCalls(query, 'getOrdersWithGoods');
      const results: unknown[] = [];
      t = performance.now();
      for (const params of requests) results.push(await client.call(creds, 'getOrdersWithGoods', params));
      const callTime = performance.now() - t;

      t = performance.now();
      const decoded = results.flatMap((r) => (r === NOT_FOUND ? [] : parseOrdersResult(r)));
      const decode = performance.now() - t;

      // What /orders does end to end on the JustClick side: the calls, decoding, the exact range and the order.
      t = performance.now();
      const sets = await client.fetchOrderSets(creds, query, 'getOrdersWithGoods');
      const orders: Order[] = sets.created;
      const fetch = performance.now() - t;

      const opts: OrdersPageOptions = {
        period,
        list: 'created',
        status: null,
        goods: [],
        timeZone: 'Europe/Moscow',
        lang: 'ru',
        currency: 'RUB',
        maskContacts: false,
        now: at,
      };
      // What /orders does now: list the orders, render the first page, and serialize the listing for the
      // page store (the other pages are rendered when ◀ ▶ is pressed, one at a time).
      t = performance.now();
      const listing = listOrders(sets, opts);
      const first = renderListingPage(listing, 0);
      JSON.stringify({ pages: [first], listing });
      const render = performance.now() - t;

      // What it did before: every page rendered up front.
      t = performance.now();
      const rendered = renderOrdersPages(sets, opts);
      const renderAll = performance.now() - t;
      if (rendered.length !== pageCount(listing) || rendered[0] !== first) throw new Error('the first page differs from the whole answer');

      if (decoded.length < orders.length) throw new Error('the calls returned fewer orders than fetchOrderSets');
      if (s < 0) continue; // warm-up
      pages = rendered.length;
      listed = orders.length;
      calls = requests.length;
      times.parse.push(parse);
      times.calls.push(callTime);
      times.decode.push(decode);
      times.render.push(render);
      times.own.push(parse + decode + render);
      times.renderAll.push(renderAll);
      times.ownBefore.push(parse + decode + renderAll);
      times.fetch.push(fetch);
    }

    const row = (what: string, xs: number[]) => [what, ms(percentile(xs, 50)), ms(percentile(xs, 99))];
    return [
      {
        title: '5. `/orders 30d` with 1,000 orders: the bot against the JustClick call',
        method:
          `A fake JustClick account with ${ORDERS.toLocaleString('en-US')} orders over 30 days (a third with hostile buyer text); ` +
          `${samples} runs after 5 warm-ups, each timing the steps of one \`/orders 30d\` separately with the real functions: ` +
          '`parseRequest`, the signed calls (`JustClickClient.call`), `parseOrdersResult`, `listOrders` + `renderListingPage` for the ' +
          'first page + JSON of the kept listing (what /orders does), `renderOrdersPages` for every page (what it did before), and ' +
          '`fetchOrderSets` whole (the created and the paid calls, decoding, exact range filters, sorting) as the command runs it. The fake answers on ' +
          'loopback with no added latency: a real JustClick call takes 150 ms and more.',
        columns: ['step', 'p50', 'p99'],
        rows: [
          row('parse `30d` (period grammar)', times.parse),
          row(`decode ${listed.toLocaleString('en-US')} orders (parseOrdersResult)`, times.decode),
          row(`list, render page 1 of ${pages}, keep the listing`, times.render),
          row("**the bot's own time** (parse + decode + list + first page)", times.own),
          row(`before: render all ${pages} pages up front`, times.renderAll),
          row("before: the bot's own time (parse + decode + every page)", times.ownBefore),
          row(`JustClick calls of the created set (${calls}: HTTP, JSON, hash check; loopback)`, times.calls),
          row('fetchOrderSets as /orders runs it (both sets: calls + decode + filter + sort)', times.fetch),
        ],
        figures: {
          orders: ORDERS,
          listed,
          pages,
          calls,
          samples,
          p50Ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, percentile(v, 50)])),
          p99Ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, percentile(v, 99)])),
        },
      },
    ];
  } finally {
    await client.close();
    await jc.close();
  }
}

export const studies: Study[] = [{ name: '/orders 30d', order: 5, run }];
