// PHP's form encoding, byte for byte: JustClick signs http_build_query($_POST), so our request body and
// our signature must match what PHP 8.2 builds and parses. Checked against php-cli in test/unit/justclick-query.
// Do not "simplify" to URLSearchParams/encodeURIComponent: both differ from PHP on ~ ! * ' ( ) and spaces.

/** A value PHP's http_build_query understands. Maps keep their insertion order (PHP arrays do). */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [k: string]: QueryValue } | ReadonlyMap<string, QueryValue>;

export type QueryParams = { [k: string]: QueryValue } | ReadonlyMap<string, QueryValue>;

/** What PHP puts into $_POST: strings, and ordered arrays of them keyed by string (integer keys as decimal text). */
export type PhpArray = Map<string, PhpValue>;
export type PhpValue = string | PhpArray;

const ENC_HEX = Array.from({ length: 256 }, (_, i) => `%${i.toString(16).toUpperCase().padStart(2, '0')}`);
// encodeURIComponent keeps these five and `~`, PHP's urlencode does not.
const URIC_EXTRA = /[!'()*~]/g;
const UNRESERVED = /^[A-Za-z0-9._-]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PHP `urlencode`: A-Z a-z 0-9 - _ . kept, space → +, every other UTF-8 byte → %XX (upper-case hex). */
export function phpUrlencode(text: string): string {
  if (UNRESERVED.test(text)) return text; // dates, ids, field names: nothing to do
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    // A lone surrogate cannot be UTF-8; Buffer.from and TextEncoder write U+FFFD for it, so do we.
    encoded = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(URIC_EXTRA, (c) => ENC_HEX[c.charCodeAt(0)]!).replace(/%20/g, '+');
}

/**
 * PHP 8.2 `http_build_query($params)` with default arguments: explicit indices for lists
 * (`goods%5B0%5D=1`), nested maps as `utm%5Bsource%5D=vk`, true → 1, false → 0, null/undefined and
 * empty arrays left out, insertion order kept. Safe integers print as PHP ints; every other number
 * prints as a PHP float does under `precision=14` (`0.1`, `1.0E+20`, `INF`).
 */
export function httpBuildQuery(params: QueryParams): string {
  const out: string[] = [];
  for (const [key, value] of entriesOf(params)) appendPair(out, phpUrlencode(key), value);
  return out.join('&');
}

function appendPair(out: string[], encodedKey: string, value: QueryValue): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    // Holes and undefined keep their index, like a PHP list with a null in it.
    for (let i = 0; i < value.length; i++) appendPair(out, `${encodedKey}%5B${i}%5D`, value[i]);
    return;
  }
  if (typeof value === 'object') {
    const prefix = `${encodedKey}%5B`;
    for (const [k, v] of entriesOf(value)) appendPair(out, `${prefix}${phpUrlencode(k)}%5D`, v);
    return;
  }
  out.push(`${encodedKey}=${scalarText(value)}`);
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'string') return phpUrlencode(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Number.isSafeInteger(value)) return String(value);
  return phpUrlencode(phpFloatToString(value));
}

function entriesOf(value: QueryParams): Iterable<[string, QueryValue]> {
  if (value instanceof Map) return value as ReadonlyMap<string, QueryValue>;
  return Object.entries(value as { [k: string]: QueryValue });
}

/**
 * A float as PHP 8 prints it (`(string)$f`, precision=14): 14 significant digits rounded half-to-even
 * on the exact binary value, trailing zeros dropped, exponent form `1.0E+20` below 1e-4 or from 1e15.
 */
function phpFloatToString(x: number): string {
  if (Number.isNaN(x)) return 'NAN';
  if (!Number.isFinite(x)) return x > 0 ? 'INF' : '-INF';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const sign = x < 0 ? '-' : '';
  const { digits, decpt } = roundedDigits(Math.abs(x), 14);
  if (decpt < 0 ? decpt < -3 : decpt > 14) {
    const exp = decpt - 1;
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : `${digits}.0`;
    return `${sign}${mantissa}E${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (digits.length <= decpt) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** Significant digits (no trailing zeros) and decimal point position: x = 0.DIGITS × 10^decpt. Exact. */
function roundedDigits(x: number, precision: number): { digits: string; decpt: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biasedExp = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biasedExp === 0 ? fraction : fraction | (1n << 52n);
  const exp2 = (biasedExp === 0 ? 1 : biasedExp) - 1075;
  // x = mantissa × 2^exp2 exactly; as a decimal: intDigits × 10^-scale.
  let intDigits: string;
  let scale: number;
  if (exp2 >= 0) {
    intDigits = (mantissa << BigInt(exp2)).toString();
    scale = 0;
  } else {
    intDigits = (mantissa * 5n ** BigInt(-exp2)).toString();
    scale = -exp2;
  }
  let decpt = intDigits.length - scale;
  let digits = intDigits;
  if (digits.length > precision) {
    const kept = digits.slice(0, precision);
    const rest = digits.slice(precision);
    const half = rest[0]! > '5' || (rest[0] === '5' && /[1-9]/.test(rest.slice(1)));
    const tie = rest[0] === '5' && !/[1-9]/.test(rest.slice(1));
    const roundUp = half || (tie && Number(kept[kept.length - 1]) % 2 === 1);
    if (roundUp) {
      const bumped = (BigInt(kept) + 1n).toString();
      if (bumped.length > kept.length) decpt += 1;
      digits = bumped.slice(0, precision);
    } else {
      digits = kept;
    }
  }
  digits = digits.replace(/0+$/, '');
  return { digits, decpt };
}

const INT_KEY = /^(?:0|-?[1-9][0-9]*)$/;
const PHP_INT_MAX = 9223372036854775807n;
const PHP_INT_MIN = -9223372036854775808n;
const MAX_NESTING = 64; // PHP's max_input_nesting_level default

/** PHP treats "5" and "-3" as integer keys (it matters for where `a[]=` appends). */
function phpIntKey(key: string): bigint | null {
  if (!INT_KEY.test(key)) return null;
  const n = BigInt(key);
  return n >= PHP_INT_MIN && n <= PHP_INT_MAX ? n : null;
}

/** PHP `urldecode` on bytes: `+` → space, `%XX` → byte, a broken `%` stays as it is. */
function phpUrldecode(text: string): Buffer {
  const src = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === 0x2b) {
      out[n++] = 0x20;
    } else if (c === 0x25 && i + 2 < src.length && isHex(src[i + 1]!) && isHex(src[i + 2]!)) {
      out[n++] = parseInt(String.fromCharCode(src[i + 1]!, src[i + 2]!), 16);
      i += 2;
    } else {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * An urlencoded body parsed the way PHP fills `$_POST` (php_register_variable_ex, PHP 8.2): `a[b][]=1`
 * nests, `[]` appends after the largest integer key, a later plain `a=` replaces an array, ` ` and `.`
 * in the top-level name become `_`, an unclosed `[` is kept as `_`, text after `]` that is not `[` is
 * ignored, names are cut at a NUL byte, nesting deeper than 64 drops the variable. Bytes are read as
 * UTF-8 (invalid sequences become U+FFFD, the one place this differs from PHP, which keeps raw bytes).
 */
export function parsePhpQuery(body: string): PhpArray {
  const root: PhpArray = new Map();
  const nextFree = new WeakMap<PhpArray, bigint>();
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const nameBytes = phpUrldecode(rawName);
    const nul = nameBytes.indexOf(0);
    const name = (nul === -1 ? nameBytes : nameBytes.subarray(0, nul)).toString('utf8');
    register(root, name, phpUrldecode(rawValue).toString('utf8'), nextFree);
  }
  return root;
}

function register(root: PhpArray, fullName: string, value: string, nextFree: WeakMap<PhpArray, bigint>): void {
  const name = fullName.replace(/^ +/, '');
  const bracket = name.indexOf('[');
  let base = (bracket === -1 ? name : name.slice(0, bracket)).replace(/[ .]/g, '_');
  if (base.length === 0) return;
  if (bracket === -1) {
    store(root, base, value, nextFree);
    return;
  }
  // Walk the `[index]` groups; `rest` starts just after a '['.
  let rest = name.slice(bracket + 1);
  let table = root;
  let index: string | null = base;
  let level = 0;
  for (;;) {
    if (++level > MAX_NESTING) {
      root.delete(base);
      return;
    }
    let next: string | null;
    const close = rest.indexOf(']');
    if (rest.startsWith(']') || rest.startsWith(' ]')) {
      next = null;
    } else if (close === -1) {
      // Not an index after all: PHP turns this '[' into '_' and keeps the rest as part of the name.
      const tail = rest.replace(/[ .[]/g, '_');
      if (level === 1) base = `${base}_${tail}`;
      store(table, level === 1 ? base : index, value, nextFree);
      return;
    } else {
      next = rest.slice(0, close);
    }
    table = childArray(table, index, nextFree);
    index = next;
    rest = rest.slice(rest.indexOf(']') + 1);
    if (!rest.startsWith('[')) break;
    rest = rest.slice(1);
  }
  store(table, index, value, nextFree);
}

function childArray(table: PhpArray, index: string | null, nextFree: WeakMap<PhpArray, bigint>): PhpArray {
  if (index !== null) {
    const existing = table.get(index);
    if (existing instanceof Map) return existing;
  }
  const child: PhpArray = new Map();
  store(table, index, child, nextFree);
  return child;
}

function store(table: PhpArray, index: string | null, value: PhpValue, nextFree: WeakMap<PhpArray, bigint>): void {
  let key: string;
  if (index === null) {
    const next = nextFree.get(table) ?? 0n;
    if (next > PHP_INT_MAX) return; // PHP refuses to append past PHP_INT_MAX
    key = next.toString();
  } else {
    key = index;
  }
  const asInt = phpIntKey(key);
  if (asInt !== null) {
    const next = nextFree.get(table);
    if (next === undefined || asInt >= next) nextFree.set(table, asInt + 1n);
  }
  table.set(key, value);
}

/** A parsed body as plain objects, for code that only reads fields. Own properties only, no prototype tricks. */
export function phpArrayToObject(value: PhpArray): Record<string, unknown> {
  return Object.fromEntries([...value].map(([k, v]) => [k, v instanceof Map ? phpArrayToObject(v) : v]));
}
