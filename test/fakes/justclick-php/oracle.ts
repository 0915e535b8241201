// PHP as the reference: run oracle.php once over a batch of cases, and move values between JS and PHP
// without losing their PHP type (int vs float, list vs ordered map).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PhpArray, QueryValue } from '../../../src/justclick/query.js';

const ORACLE = fileURLToPath(new URL('./oracle.php', import.meta.url));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What PHP receives of a JS string as UTF-8: a lone surrogate can only be U+FFFD (and JSON would refuse it). */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

export type Tagged = ['s', string] | ['i', string] | ['f', string] | ['b', boolean] | ['n'] | ['l', Tagged[]] | ['m', [string, Tagged][]];

/** PHP's parsed structure, comparable as JSON: a string, or [key, value] pairs in order. */
export type Canon = string | [string, Canon][];

export interface BuildCase {
  params: Tagged;
  login: string;
  key: string;
}

export interface OracleAnswer {
  build: { query: string; sign: string }[];
  parse: { canon: Canon; requery: string }[];
}

/** Null when php-cli can run, else why not. */
export function phpMissingReason(): string | null {
  const probe = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'php-cli is not installed (apt-get install php-cli)';
  return null;
}

export function runPhpOracle(job: { build?: BuildCase[]; parse?: string[] }): OracleAnswer {
  const run = spawnSync('php', ['-d', 'memory_limit=1G', ORACLE], {
    input: JSON.stringify(job),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`oracle.php failed (${run.status}): ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout) as OracleAnswer;
}

/** A JS value as PHP will see it: safe integers are ints, other numbers floats, Maps and objects ordered arrays. */
export function tag(value: QueryValue): Tagged {
  if (value === null || value === undefined) return ['n'];
  if (typeof value === 'string') return ['s', wellFormed(value)];
  if (typeof value === 'boolean') return ['b', value];
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return ['i', String(value)];
    if (Number.isNaN(value)) return ['f', 'NAN'];
    if (!Number.isFinite(value)) return ['f', value > 0 ? 'INF' : '-INF'];
    return ['f', String(value)];
  }
  if (Array.isArray(value)) return ['l', Array.from({ length: value.length }, (_, i) => tag(value[i]))];
  const entries = value instanceof Map ? [...(value as ReadonlyMap<string, QueryValue>)] : Object.entries(value);
  return ['m', entries.map(([k, v]): [string, Tagged] => [wellFormed(k), tag(v)])];
}

/** The inverse of `tag`, for fixed vectors stored as JSON; maps come back as Maps so their order holds. */
export function untag(t: Tagged): QueryValue {
  switch (t[0]) {
    case 's':
      return t[1];
    case 'i':
      return Number(t[1]);
    case 'f':
      return t[1] === 'INF' ? Infinity : t[1] === '-INF' ? -Infinity : t[1] === 'NAN' ? NaN : Number(t[1]);
    case 'b':
      return t[1];
    case 'n':
      return null;
    case 'l':
      return t[1].map(untag);
    case 'm':
      return new Map(t[1].map(([k, v]) => [k, untag(v)]));
  }
}

export function canonOf(value: PhpArray | string): Canon {
  if (typeof value === 'string') return value;
  return [...value].map(([k, v]): [string, Canon] => [k, canonOf(v)]);
}
