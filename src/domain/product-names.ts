// Which of the account's products a few words name ("курс питон", "марафона", "python"): case-insensitive,
// partial, and tolerant of Russian endings, so that "курсу" finds "Курс" and "марафона" finds "Марафон".
import { normalizeWord } from './phrase-tokens.js';

export interface ProductTitle {
  id: string;
  title: string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
/** The shortest stem two forms of one Russian word share ("курс" in "курсы", "курсу", "курсом"). */
const STEM = 4;

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well a typed word fits a title's word: 3 the same, 2 its beginning, 1 another form of it, 0 not at all. */
function fit(typed: string, word: string): number {
  if (typed === word) return 3;
  if (typed.length >= STEM && word.startsWith(typed)) return 2;
  const shared = commonPrefix(typed, word);
  if (shared >= STEM && typed.length - shared <= 3 && word.length - shared <= 3) return 1;
  return 0;
}

/**
 * The products that every typed word fits, best first: only the best ones when one fits better
 * (so "курс" prefers "Курс" to "Курсы английского" only if it fits it better), all of them when they tie.
 */
export function matchProducts(words: readonly string[], catalog: readonly ProductTitle[]): ProductTitle[] {
  let best = 0;
  let found: ProductTitle[] = [];
  const typed = words.map(normalizeWord);
  for (const product of catalog) {
    const titleWords = normalizeWord(product.title).match(WORD_RE) ?? [];
    let score = 0;
    for (const w of typed) {
      let one = 0;
      for (const t of titleWords) one = Math.max(one, fit(w, t));
      if (one === 0) {
        score = 0;
        break;
      }
      score += one;
    }
    if (score === 0) continue;
    // A title said in full beats one that merely contains the words.
    if (titleWords.length === typed.length && titleWords.every((t, k) => t === typed[k])) score += 100;
    if (score > best) {
      best = score;
      found = [product];
    } else if (score === best && !found.some((p) => p.id === product.id)) found.push(product);
  }
  return found;
}
