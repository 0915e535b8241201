// The request encoding and signature must be byte-for-byte PHP's, or every signed call fails with "wrong key".
// Fixed vectors recorded from PHP run everywhere; the generated oracle runs against php-cli itself.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpBuildQuery, parsePhpQuery, phpUrlencode, type QueryValue } from '../../src/justclick/query.js';
import { signQuery } from '../../src/justclick/signature.js';
import { canonOf, runPhpOracle, tag, untag, wellFormed, type Canon, type Tagged } from '../fakes/justclick-php/oracle.js';
import { describePhp } from '../fakes/justclick-php/describe-php.js';

interface Vectors {
  build: { note: string; params: Tagged; login: string; key: string; query: string; sign: string }[];
  parse: { note: string; body: string; canon: Canon; requery: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../fixtures/php-vectors.json', import.meta.url), 'utf8')) as Vectors;

describe('httpBuildQuery and the request signature match vectors recorded from PHP 8.2', () => {
  it('has vectors to check', () => {
    expect(vectors.build.length).toBeGreaterThan(20);
    expect(vectors.parse.length).toBeGreaterThan(10);
  });
  for (const v of vectors.build) {
    it(`builds: ${v.note}`, () => {
      const params = untag(v.params) as ReadonlyMap<string, QueryValue>;
      expect(httpBuildQuery(params)).toBe(v.query);
      expect(signQuery(httpBuildQuery(params), v.login, v.key)).toBe(v.sign);
    });
  }
  for (const v of vectors.parse) {
    it(`parses like $_POST: ${v.note}`, () => {
      const parsed = parsePhpQuery(v.body);
      expect(canonOf(parsed)).toEqual(v.canon);
      expect(httpBuildQuery(parsed)).toBe(v.requery);
    });
  }
});

describe('PHP urlencode rules', () => {
  it('keeps only A-Z a-z 0-9 - _ . and turns spaces into +', () => {
    expect(phpUrlencode('AZaz09-_. ')).toBe('AZaz09-_.+');
    expect(phpUrlencode("~!*'()")).toBe('%7E%21%2A%27%28%29');
  });

  it('differs from URLSearchParams where PHP does (the reason it exists)', () => {
    const params = { q: "it's ~(fine)*!" };
    expect(httpBuildQuery(params)).not.toBe(new URLSearchParams(params).toString());
  });

  it('writes a lone surrogate as U+FFFD, as the UTF-8 body will carry it', () => {
    expect(phpUrlencode('x\uD800y')).toBe('x%EF%BF%BDy');
    expect(phpUrlencode('\uDC00')).toBe('%EF%BF%BD');
  });

  it('keeps insertion order and never sorts', () => {
    expect(httpBuildQuery({ z: 1, a: 2, m: 3 })).toBe('z=1&a=2&m=3');
  });

  it('gives a parsed "__proto__" field no power over the object it lands in', () => {
    const parsed = parsePhpQuery('__proto__[polluted]=1&a=2');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(httpBuildQuery(parsed)).toBe('__proto__%5Bpolluted%5D=1&a=2');
  });
});

// Strings that stress the encoder: every ASCII punctuation mark, Cyrillic, emoji, spaces, controls.
const hostileChar = fc.oneof(
  fc.constantFrom(...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split('')),
  fc.constantFrom('ж', 'Ё', 'я', '«', '»', '—', '№', '😀', '👍🏽', '\u200d', '\u00a0', '\t', '\n', '\u0000', '\u007f', '\uD800'),
  fc.string({ unit: 'binary', maxLength: 1 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 1 }),
);
const hostileString = fc.array(hostileChar, { maxLength: 12 }).map((cs) => cs.join(''));
const phpNumber = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.constantFrom(0.1, 0.5, 1 / 3, 2 ** -21, 123456789012345.5, 1e14, 1e15 + 0.5, 1e-5, 1e-4, 1e21, -0.25, Infinity, -Infinity, NaN),
  fc.double({ noDefaultInfinity: true, noNaN: true }),
);
const key = fc.oneof(hostileString, fc.constantFrom('goods', 'utm', '0', '5', '-1', '01', 'a b', 'a[b]'));
const { value: queryValue } = fc.letrec<{ value: QueryValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    phpNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.uniqueArray(fc.tuple(key, tie('value')), { maxLength: 4, selector: ([k]) => k }).map((e) => new Map(e)),
  ),
}));
const params = fc.uniqueArray(fc.tuple(key, queryValue), { maxLength: 6, selector: ([k]) => k }).map((e) => new Map(e));

// A body built from pieces PHP's parser treats specially: brackets, dots, spaces, bad escapes, NUL.
const bodyPiece = fc.oneof(
  fc.constantFrom('a', 'b', 'x', '0', '5', '-2', '[', ']', '[]', '[ ]', '.', ' ', '+', '=', '&', '%', '%2', '%zz', '%00', '%5B', '%5D', '%20', '%26', '%3D'),
  hostileString.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))),
);
const body = fc.array(bodyPiece, { maxLength: 30 }).map((ps) => ps.join(''));

describePhp('httpBuildQuery, the request signature and parsePhpQuery agree with php-cli on generated input', () => {
  it('builds the same query and signature as PHP for 1,500 generated parameter sets', () => {
    const cases = fc.sample(params, { numRuns: 1500, seed: 20261101 });
    const logins = fc.sample(hostileString, { numRuns: cases.length, seed: 7 });
    const keys = fc.sample(hostileString, { numRuns: cases.length, seed: 8 });
    const answer = runPhpOracle({ build: cases.map((p, i) => ({ params: tag(p), login: wellFormed(logins[i]!), key: wellFormed(keys[i]!) })) });
    expect(answer.build).toHaveLength(1500);
    const mismatches = cases.flatMap((p, i) => {
      const ours = { query: httpBuildQuery(p), sign: signQuery(httpBuildQuery(p), logins[i]!, keys[i]!) };
      return ours.query === answer.build[i]!.query && ours.sign === answer.build[i]!.sign ? [] : [{ params: tag(p), ours, php: answer.build[i] }];
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it('parses 1,000 generated bodies into the same structure as PHP', () => {
    const bodies = fc.sample(body, { numRuns: 1000, seed: 20261102 });
    const answer = runPhpOracle({ parse: bodies });
    const mismatches = bodies.flatMap((b, i) => {
      const parsed = parsePhpQuery(b);
      const php = answer.parse[i]!;
      return JSON.stringify(canonOf(parsed)) === JSON.stringify(php.canon) && httpBuildQuery(parsed) === php.requery
        ? []
        : [{ body: b, ours: canonOf(parsed), php: php.canon }];
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
  });
});
