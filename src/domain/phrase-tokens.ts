// A seller's message cut into the pieces the grammar combines: words looked up by meaning (i18n/grammar.ts),
// numbers, typed dates, range dashes, order numbers, e-mails and phones, each with where it was typed.
import { GRAMMAR, type Meaning } from './i18n/grammar.js';

/** A date as typed: the year is missing for "01.11". */
export interface TypedDate {
  year: number | null;
  month: number;
  day: number;
}

interface Place {
  /** Offsets in the original text, for fragments and for "Did you mean …?". */
  start: number;
  end: number;
  /** Which whitespace-separated chunk of the text it came from. */
  chunk: number;
}

export type Token = Place &
  (
    | { t: 'word'; norm: string; meaning: Meaning | null }
    | { t: 'num'; n: number; digits: string }
    | { t: 'date'; date: TypedDate }
    | { t: 'dash' }
    | { t: 'hash' }
    | { t: 'orderId'; id: string }
    | { t: 'email'; email: string }
    | { t: 'phone'; phone: string; plus: boolean }
  );

export interface Chunk {
  start: number;
  end: number;
  text: string;
}

/** Lower case, ё as е: the forms in the grammar are written that way. */
export const normalizeWord = (s: string): string => s.toLowerCase().replaceAll('ё', 'е');

/** A Map, not an object literal: "constructor" typed by a user must not find Object.prototype. */
export const LEXICON = new Map<string, Meaning>();
/** A form's place in its list: the first forms are the usual ones, preferred when guessing a typo. */
export const FORM_RANK = new Map<string, number>();
let longestPhrase = 1;
/** First words of the forms of several words: only these need the longer look-up. */
const PHRASE_STARTS = new Set<string>();
for (const entry of GRAMMAR) {
  for (const [rank, form] of [...entry.ru.entries(), ...entry.en.entries()]) {
    const key = normalizeWord(form);
    if (!LEXICON.has(key)) LEXICON.set(key, entry.meaning);
    if (!FORM_RANK.has(key)) FORM_RANK.set(key, rank);
    const words = key.split(' ');
    longestPhrase = Math.max(longestPhrase, words.length);
    if (words.length > 1) PHRASE_STARTS.add(words[0]!);
  }
}

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
const PHONE_RE = /\+?\(?\d(?:[ ()-]{0,3}\d){9,14}(?![\p{L}\p{N}]|[./-]\d)/uy;
const ISO_DATE_RE = /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y;
const DM_DATE_RE = /(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?(?!\d|[./]\d)/y;
const DASH_RE = /\.\.\.?|…|[-–—]/y;
const NUMBER_RE = /(\d{1,12})(?:(?:st|nd|rd|th)(?!\p{L})|-(?:го|ого|ое|ий|ый|ой|ая|й|я|е)(?!\p{L}))?(?!\d)/uy;
const ORDER_ID_RE = /[#№]\s?(\d{1,12})(?!\d)/uy;
const HASH_RE = /[#№]/uy;
const WORD_RE = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/uy;
const LONG_NUMBER_RE = /\d+/y;
const PLAIN_WORD_RE = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*/uy;
const LETTER_RE = /\p{L}/u;
const DIGIT_START_RE = /[\d+(]/;
const SPACE_RE = /\s+/uy;
const ANY_RE = /[^\s]/uy;

function placeAt(pos: number, len: number, chunk: number): Place {
  return { start: pos, end: pos + len, chunk };
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** A phone is 10–15 digits; one typed with spaces must start like one (+, 8, 7 or a bracket). */
function phoneDigits(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 10 || digits.length > 15) return null;
  if (/\s/.test(raw) && !/^[+(87]/.test(raw)) return null;
  return digits;
}

/** Cuts the text into tokens (punctuation other than dashes and # is dropped) and whitespace chunks. */
export function tokenize(text: string): { tokens: Token[]; chunks: Chunk[] } {
  const raw: Token[] = [];
  const chunks: Chunk[] = [];
  let chunk = -1;
  let pos = 0;
  let afterSpace = true;
  while (pos < text.length) {
    const space = at(SPACE_RE, text, pos);
    if (space) {
      pos += space[0].length;
      afterSpace = true;
      continue;
    }
    if (afterSpace) {
      chunk++;
      const end = text.slice(pos).search(/\s/u);
      const stop = end === -1 ? text.length : pos + end;
      chunks.push({ start: pos, end: stop, text: text.slice(pos, stop) });
      afterSpace = false;
    }
    const c = text[pos]!;
    const letter = LETTER_RE.test(c);
    const digitLike = !letter && DIGIT_START_RE.test(c);
    let m: RegExpExecArray | null;
    // Each pattern is tried only where it can start: this is the hot loop of every parse.
    if ((letter || digitLike) && chunks[chunks.length - 1]!.text.includes('@') && (m = at(EMAIL_RE, text, pos))) {
      raw.push({ t: 'email', email: m[0].toLowerCase(), ...placeAt(pos, m[0].length, chunk) });
    } else if (digitLike && (m = at(PHONE_RE, text, pos)) && phoneDigits(m[0]) !== null) {
      raw.push({ t: 'phone', phone: phoneDigits(m[0])!, plus: m[0].startsWith('+'), ...placeAt(pos, m[0].length, chunk) });
      // A phone typed with spaces spans several chunks: the next chunk starts after it.
      const last = chunks[chunks.length - 1]!;
      if (last.end < pos + m[0].length) {
        last.end = pos + m[0].length;
        last.text = text.slice(last.start, last.end);
      }
    } else if (digitLike && (m = at(ISO_DATE_RE, text, pos))) {
      raw.push({ t: 'date', date: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, ...placeAt(pos, m[0].length, chunk) });
    } else if (digitLike && (m = at(DM_DATE_RE, text, pos))) {
      const y = m[3];
      const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
      raw.push({ t: 'date', date: { year, month: Number(m[2]), day: Number(m[1]) }, ...placeAt(pos, m[0].length, chunk) });
    } else if ((m = at(DASH_RE, text, pos))) {
      raw.push({ t: 'dash', ...placeAt(pos, m[0].length, chunk) });
    } else if (digitLike && (m = at(NUMBER_RE, text, pos))) {
      raw.push({ t: 'num', n: Number(m[1]), digits: m[1]!, ...placeAt(pos, m[0].length, chunk) });
    } else if ((m = at(ORDER_ID_RE, text, pos))) {
      raw.push({ t: 'orderId', id: m[1]!, ...placeAt(pos, m[0].length, chunk) });
    } else if ((m = at(HASH_RE, text, pos))) {
      raw.push({ t: 'hash', ...placeAt(pos, m[0].length, chunk) });
    } else if (letter && (m = at(WORD_RE, text, pos))) {
      // "e-mail" is one word, "октябрь-ноябрь" a range: a hyphenated word stays whole only when the grammar knows it.
      if (/[-]/u.test(m[0]) && !LEXICON.has(normalizeWord(m[0]))) m = at(PLAIN_WORD_RE, text, pos)!;
      raw.push({ t: 'word', norm: normalizeWord(m[0]), meaning: null, ...placeAt(pos, m[0].length, chunk) });
    } else {
      // A number too long to be anything stays one unknown word; other punctuation is dropped.
      m = at(LONG_NUMBER_RE, text, pos) ?? at(ANY_RE, text, pos);
      if (!m) break;
      if (/\d/u.test(m[0])) raw.push({ t: 'word', norm: m[0], meaning: null, ...placeAt(pos, m[0].length, chunk) });
    }
    pos += m[0].length;
  }
  return { tokens: joinPhrases(raw), chunks };
}

/** Looks words up, the longest phrase first: "day before yesterday" before "day". */
function joinPhrases(raw: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i]!;
    if (tok.t !== 'word') {
      out.push(tok);
      continue;
    }
    let joined: Token | null = null;
    const longest = PHRASE_STARTS.has(tok.norm) ? Math.min(longestPhrase, raw.length - i) : 1;
    for (let len = longest; len >= 1 && !joined; len--) {
      const words = raw.slice(i, i + len);
      if (!words.every((w) => w.t === 'word')) continue;
      const key = words.map((w) => (w as { norm: string }).norm).join(' ');
      const meaning = LEXICON.get(key);
      if (meaning) {
        joined = { t: 'word', norm: key, meaning, start: tok.start, end: words[len - 1]!.end, chunk: tok.chunk };
        i += len - 1;
      }
    }
    out.push(joined ?? tok);
  }
  return out;
}
