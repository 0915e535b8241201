// "Did you mean …?": the nearest phrase the grammar understands, found by fixing each word not understood,
// either as a typo (Damerau-Levenshtein over the grammar's words) or as typed in the wrong keyboard layout
// ("ghjikfz ytltkz" → "прошлая неделя"); a suggestion is offered only when the fixed text parses.
import { editDistance } from './edit-distance.js';
import { FORM_RANK, LEXICON } from './phrase-tokens.js';

type Reparse = (text: string) => { ok: true } | { ok: false; error: { code: string }; span: [number, number] };

const EN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const RU = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const TO_RU = new Map(Array.from(EN, (c, i) => [c, RU[i]!] as const));
const TO_EN = new Map(Array.from(RU, (c, i) => [c, EN[i]!] as const));
/** Each grammar word once, by length, for the typo search; words under 3 letters are too short to guess. */
const VOCABULARY: string[][] = [];
for (const form of LEXICON.keys()) {
  if (form.includes(' ') || form.length < 3) continue;
  (VOCABULARY[form.length] ??= []).push(form);
}
const MAX_ROUNDS = 4;

/** The text typed on the other layout: Latin keys to the Russian letters in their place, or back. */
function otherLayout(text: string): string {
  const lower = text.toLowerCase();
  const latin = (lower.match(/[a-z]/g) ?? []).length;
  const cyrillic = (lower.match(/[а-яё]/g) ?? []).length;
  const map = latin >= cyrillic ? TO_RU : TO_EN;
  return Array.from(lower, (c) => map.get(c) ?? c).join('');
}

/** Grammar words within 1 typo (2 for words of 6 letters or more), nearest first. */
function nearestWords(word: string): string[] {
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  if (lower.length < 3) return [];
  const max = lower.length >= 6 ? 2 : 1;
  const found: [number, string][] = [];
  for (let len = lower.length - max; len <= lower.length + max; len++) {
    for (const form of VOCABULARY[len] ?? []) {
      const d = editDistance(lower, form, max, true);
      if (d <= max) found.push([d, form]);
    }
  }
  return found.sort((x, y) => x[0] - y[0] || (FORM_RANK.get(x[1]) ?? 0) - (FORM_RANK.get(y[1]) ?? 0)).map(([, form]) => form);
}

/** What the word not understood might have been: its chunk on the other layout first, then typos. */
function replacements(text: string, [start, end]: [number, number]): { start: number; end: number; by: string }[] {
  const out: { start: number; end: number; by: string }[] = [];
  // The whole whitespace chunk: on the wrong layout "ноябрь" is typed "yjz,hm", punctuation included.
  let cs = start;
  while (cs > 0 && !/\s/u.test(text[cs - 1]!)) cs--;
  let ce = end;
  while (ce < text.length && !/\s/u.test(text[ce]!)) ce++;
  const chunk = text.slice(cs, ce).replace(/[?!]+$/u, '');
  const flipped = otherLayout(chunk);
  if (flipped !== chunk.toLowerCase()) {
    out.push({ start: cs, end: cs + chunk.length, by: flipped });
    for (const near of nearestWords(flipped)) out.push({ start: cs, end: cs + chunk.length, by: near });
  }
  for (const near of nearestWords(text.slice(start, end))) out.push({ start, end, by: near });
  return out;
}

/**
 * The user's text with each word not understood replaced, when the result parses; undefined otherwise.
 * Greedy, a few words at most: each step keeps the first replacement that gets further into the text.
 */
export function nearestPhrase(text: string, span: [number, number], reparse: Reparse): string | undefined {
  // A whole message on the wrong layout ("ntrobq vtczw") is fixed as a whole first, then word by word.
  const flipped = otherLayout(text);
  if (flipped !== text.toLowerCase() && !hasGrammarWord(text)) {
    const result = reparse(flipped);
    if (result.ok) return flipped;
    if (result.error.code === 'unknown-word') {
      const fixed = fixWords(flipped, result.span, reparse);
      if (fixed !== undefined) return fixed;
    }
  }
  const fixed = fixWords(text, span, reparse);
  return fixed === text ? undefined : fixed;
}

/** True when some word of the text is a grammar word as typed: then its layout is right. */
function hasGrammarWord(text: string): boolean {
  return (
    text
      .toLowerCase()
      .replaceAll('ё', 'е')
      .match(/\p{L}+/gu) ?? []
  ).some((w) => w.length > 1 && LEXICON.has(w));
}

function fixWords(text: string, span: [number, number], reparse: Reparse): string | undefined {
  let current = text;
  let at = span;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let progressed = false;
    for (const r of replacements(current, at).slice(0, 8)) {
      const candidate = `${current.slice(0, r.start)}${r.by}${current.slice(r.end)}`;
      const result = reparse(candidate);
      if (result.ok) return candidate;
      if (result.error.code === 'unknown-word' && result.span[0] >= r.start + r.by.length) {
        current = candidate;
        at = result.span;
        progressed = true;
        break;
      }
    }
    if (!progressed) return undefined;
  }
  return undefined;
}
