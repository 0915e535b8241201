// Records test/fixtures/php-vectors.json from php-cli, so the encoding tests mean something on machines
// without PHP. Run after changing the cases: `npx tsx test/fakes/justclick-php/record-vectors.ts`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QueryValue } from '../../../src/justclick/query.js';
import { runPhpOracle, tag } from './oracle.js';

const OUT = fileURLToPath(new URL('../../fixtures/php-vectors.json', import.meta.url));

const build: { note: string; params: QueryValue; login?: string; key?: string }[] = [
  { note: 'getOrdersWithGoods, one product', params: { begin_date: '01.11.2026', end_date: '28.11.2026', paid: true, goods: 'kurs-1' } },
  { note: 'getOrdersWithGoods, several products', params: { begin_date: '01.11.2026', end_date: '01.11.2026', goods: ['a', 'b', 'c'] } },
  { note: 'GetOrders in unix seconds', params: { date_s: 1793480400, date_e: 1795986000, paid: true } },
  { note: 'no params at all', params: {} },
  { note: 'false is 0, true is 1', params: { a: false, b: true } },
  { note: 'null, undefined and empty arrays are left out', params: { a: null, b: undefined, c: [], d: {}, e: 'kept' } },
  { note: 'null inside a list keeps the other indices', params: { goods: ['x', null, 'z'] } },
  { note: 'nested map', params: { utm: { source: 'vk', medium: 'cpc', campaign: 'осень 2026' } } },
  { note: 'deep nesting, keys encoded at every level', params: { 'a b': { 'c&d': { 'e=f': ['g h'] } } } },
  { note: 'every ASCII punctuation character', params: { p: ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' } },
  { note: 'tilde is encoded (unlike RFC 3986)', params: { '~key': '~value~' } },
  { note: 'Cyrillic', params: { title: 'Курс «Продажи» — ёжик' } },
  { note: 'emoji (4-byte UTF-8)', params: { name: 'Анна 😀👍🏽 👨‍👩‍👧' } },
  { note: 'control characters and NUL', params: { t: 'a\u0000b\tc\nd\re\u007f' } },
  { note: 'integers', params: { zero: 0, neg: -42, big: Number.MAX_SAFE_INTEGER, min: Number.MIN_SAFE_INTEGER } },
  { note: 'floats print with precision 14', params: { f: [0.1, 0.30000000000000004, 1 / 3, -2.5, 1e-7, 0.0001, 0.00001, 123456.789] } },
  { note: 'floats switch to exponent form', params: { f: [1e15 + 0.5, 1e21, 1.5e300, 5e-324, 2 ** 53 + 2, -1e100] } },
  { note: 'exact ties round half to even', params: { f: [2 ** -21, 123456789012345.5, 0.5 + 2 ** -40] } },
  { note: 'INF, -INF and NAN', params: { f: [Infinity, -Infinity, NaN] } },
  {
    note: 'integer-like map keys keep their insertion order',
    params: new Map<string, QueryValue>([
      ['b', '1'],
      ['5', '2'],
      ['1', '3'],
    ]),
  },
  { note: 'keys that look like brackets', params: { 'a[b]': 'c', '[]': 'd' } },
  { note: 'empty key and empty value', params: { '': 'x', y: '' } },
  { note: 'hostile login and key in the signature', params: { a: '1' }, login: 'shop-1', key: 'k&e=y:: %ключ' },
];

const parse: { note: string; body: string }[] = [
  { note: 'plain pairs', body: 'a=1&b=2' },
  { note: '+ and %20 are spaces, broken % escapes stay', body: 'a=x+y%20z&b=100%&c=%zz%4&d=%e2%82%ac' },
  { note: 'lists and maps', body: 'goods%5B0%5D=1&goods%5B1%5D=2&utm%5Bsource%5D=vk' },
  { note: '[] appends after the largest integer key', body: 'a[5]=x&a[]=y&a[-3]=z&a[]=w' },
  { note: 'negative keys', body: 'a[-5]=x&a[]=y' },
  { note: 'a later plain value replaces an array and vice versa', body: 'a[x]=1&a=2&a[]=3&b=1&b[c]=2' },
  { note: 'the first position of a repeated key is kept', body: 'b=1&c=2&b=3' },
  { note: 'dots and spaces in names become underscores, leading spaces go', body: 'p.q r=1&%20%20lead=2&a.b[c.d]=3' },
  { note: 'unclosed bracket', body: 'x[y=1&m[n][o=2&m[n][p][q=3' },
  { note: 'text after ] is ignored', body: 'a[b]c=1&a[d]=2' },
  { note: 'a single space index appends', body: 'a[ ]=1&a[ b]=2' },
  { note: 'empty names and segments are ignored', body: '=1&&[x]=2&b&c=' },
  { note: 'NUL cuts the name, not the value', body: 'na%00me=v%00al' },
  { note: 'more than 64 levels drop the variable', body: `keep=1&deep${'[x]'.repeat(65)}=1&ok${'[x]'.repeat(64)}=2` },
  { note: 'hash field of a signed request', body: 'begin_date=01.11.2026&end_date=28.11.2026&paid=1&hash=0123456789abcdef0123456789abcdef' },
];

const answer = runPhpOracle({
  build: build.map((c) => ({ params: tag(c.params), login: c.login ?? 'shop', key: c.key ?? 'secret-key' })),
  parse: parse.map((c) => c.body),
});

const vectors = {
  comment: 'Recorded from php-cli by test/fakes/justclick-php/record-vectors.ts; do not edit by hand.',
  php: spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }).stdout,
  build: build.map((c, i) => ({
    note: c.note,
    params: tag(c.params),
    login: c.login ?? 'shop',
    key: c.key ?? 'secret-key',
    query: answer.build[i]!.query,
    sign: answer.build[i]!.sign,
  })),
  parse: parse.map((c, i) => ({ note: c.note, body: c.body, canon: answer.parse[i]!.canon, requery: answer.parse[i]!.requery })),
};
// One vector per line: readable, and a re-recording shows up as a clean diff.
const list = (items: unknown[]) => items.map((v) => `    ${JSON.stringify(v)}`).join(',\n');
writeFileSync(
  OUT,
  `{\n  "comment": ${JSON.stringify(vectors.comment)},\n  "php": ${JSON.stringify(vectors.php)},\n` +
    `  "build": [\n${list(vectors.build)}\n  ],\n  "parse": [\n${list(vectors.parse)}\n  ]\n}\n`,
);
console.log(`wrote ${vectors.build.length} build and ${vectors.parse.length} parse vectors to ${OUT}`);
