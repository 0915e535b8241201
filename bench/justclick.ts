// JustClick client hot paths: building and signing a request, and reading a big orders answer.
import { createHash } from 'node:crypto';
import { parseOrdersResult } from '../src/justclick/orders.js';
import { httpBuildQuery } from '../src/justclick/query.js';
import { signQuery } from '../src/justclick/signature.js';
import { phpJson, rawOrder } from '../test/fakes/justclick.js';
import type { Benchmark } from './run.js';

const LOGIN = 'shop';
const KEY = 'a-secret-api-key-of-typical-length-0123456789';
const params = { begin_date: '01.11.2026', end_date: '28.11.2026', paid: true, goods: ['kurs-1', 'курс продаж 2', 'vip pack (2026)'] };
// The same fields flattened the way URLSearchParams needs them: the obvious but PHP-incompatible way.
const flat: [string, string][] = [
  ['begin_date', params.begin_date],
  ['end_date', params.end_date],
  ['paid', '1'],
  ...params.goods.map((g, i): [string, string] => [`goods[${i}]`, g]),
];

let answer: string | undefined;

/** A getOrdersWithGoods answer with 10,000 realistic orders, encoded the way PHP's json_encode does. */
function bigAnswer(): string {
  if (answer !== undefined) return answer;
  const base = Date.parse('2026-11-01T00:00:00+03:00') / 1000;
  const orders = Array.from({ length: 10_000 }, (_, i) =>
    rawOrder({
      id: 100_000 + i,
      created: base + i * 60,
      paid: i % 3 === 0 ? 0 : base + i * 60 + 300,
      hostile: i % 2 === 0,
      utm: i % 4 === 0 ? [] : { source: 'vk', medium: 'cpc', campaign: 'осень' },
      items: [
        { id: 'kurs-1', sum: '4990.00', price: '5990.00', partners: i % 5 === 0 ? [{ partner_id: '77', partner_fee: '499.00' }] : [] },
        { id: 'bonus', sum: '0.00', price: '1000.00' },
      ],
    }),
  );
  answer = phpJson({ error_code: 0, error_text: 'OK', hash: '0'.repeat(32), result: orders });
  return answer;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'sign + encode: URLSearchParams + md5 (not PHP-exact)',
    measure: 'throughput',
    run: () => {
      const query = new URLSearchParams(flat).toString();
      return `${query}&hash=${createHash('md5').update(`${query}::${LOGIN}::${KEY}`).digest('hex')}`;
    },
  },
  {
    name: 'sign + encode: httpBuildQuery + md5 (request body)',
    measure: 'throughput',
    baseline: 'sign + encode: URLSearchParams + md5 (not PHP-exact)',
    run: () => {
      const query = httpBuildQuery(params);
      return `${query}&hash=${signQuery(query, LOGIN, KEY)}`;
    },
  },
  {
    name: '10,000-order answer: JSON.parse only',
    measure: 'latency',
    setup: bigAnswer,
    run: () => JSON.parse(bigAnswer()) as unknown,
  },
  {
    name: '10,000-order answer: JSON.parse + parseOrdersResult',
    measure: 'latency',
    baseline: '10,000-order answer: JSON.parse only',
    setup: bigAnswer,
    run: () => parseOrdersResult((JSON.parse(bigAnswer()) as { result: unknown }).result),
  },
];
