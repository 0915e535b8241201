// Every word of the grammar, listed from its tables (i18n/grammar.ts) for /help words and the README, so
// that the documentation cannot drift from what the parser understands.
import { GRAMMAR, PHRASE_EXAMPLES, type Meaning } from '../i18n/grammar.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { WORD_GROUPS, wordsText, type WordGroup } from '../i18n/words.js';
import { escapeHtml, html, joinHtml, type Html } from './html.js';

/** Which group of the list a meaning belongs to. */
function groupOf(m: Meaning): WordGroup {
  switch (m.is) {
    case 'relativeDay':
      return 'day';
    case 'from':
    case 'to':
    case 'between':
    case 'and':
      return 'range';
    case 'status':
      return m.status;
    case 'payment':
      return 'paid';
    case 'not':
      return 'unpaid';
    default:
      return m.is;
  }
}

/** The words of each group in one language, in table order, each once. */
export function grammarWords(lang: Lang): { group: WordGroup; words: string[] }[] {
  const byGroup = new Map<WordGroup, Set<string>>(WORD_GROUPS.map((g) => [g, new Set<string>()]));
  for (const entry of GRAMMAR) for (const w of entry[lang]) byGroup.get(groupOf(entry.meaning))!.add(w);
  return WORD_GROUPS.map((group) => ({ group, words: [...byGroup.get(group)!] })).filter((g) => g.words.length > 0);
}

/** /help words: the examples with what they mean, then every word by kind, in the reader's language. */
export function wordsHelp(lang: Lang): Html {
  const t = wordsText[lang];
  return joinHtml(
    [
      html`<b>${escapeHtml(t.title)}</b>`,
      escapeHtml(t.intro),
      html``,
      html`<b>${escapeHtml(t.examples)}</b>`,
      ...PHRASE_EXAMPLES[lang].map((x) => html`<code>${escapeHtml(x.phrase)}</code> — ${escapeHtml(x.meaning)}`),
      html``,
      ...grammarWords(lang).map(({ group, words }) => html`<b>${escapeHtml(t.groups[group])}:</b> ${escapeHtml(words.join(', '))}`),
    ],
    '\n',
  );
}

/** The README's section body: the examples and a table of every word in both languages (checked by a test). */
export function wordsMarkdown(): string {
  const cell = (words: string[]) =>
    words
      .map((w) => `\`${w}\``)
      .join(', ')
      .replace(/\|/g, '\\|');
  const [first, second] = LANGS;
  const a = new Map(grammarWords(first).map((g) => [g.group, g.words]));
  const b = new Map(grammarWords(second).map((g) => [g.group, g.words]));
  const rows = WORD_GROUPS.filter((g) => a.has(g) || b.has(g)).map(
    (g) => `| ${wordsText[first].groups[g]} | ${cell(a.get(g) ?? [])} | ${cell(b.get(g) ?? [])} |`,
  );
  const examples = LANGS.flatMap((lang) => PHRASE_EXAMPLES[lang].map((x) => `| \`${x.phrase}\` | ${x.meaning} |`));
  return [
    `| example | ${wordsText[first].meaning} |`,
    '|---|---|',
    ...examples,
    '',
    `| ${wordsText[first].meaning} | ${first} | ${second} |`,
    '|---|---|---|',
    ...rows,
  ].join('\n');
}
