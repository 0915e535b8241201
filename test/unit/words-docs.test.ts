// /help, /help words and the README say exactly what the grammar understands: generated from its word
// tables, and every example shown is a phrase that parses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visibleLength, visibleText } from '../../src/domain/format/html.js';
import { grammarWords, wordsHelp, wordsMarkdown } from '../../src/domain/format/words.js';
import { botText, HELP_EXAMPLES } from '../../src/domain/i18n/bot.js';
import { GRAMMAR, PHRASE_EXAMPLES } from '../../src/domain/i18n/grammar.js';
import { LANGS } from '../../src/domain/i18n/lang.js';
import { ERROR_EXAMPLES, ordersText } from '../../src/domain/i18n/orders.js';
import { parseRequest } from '../../src/domain/request.js';

const now = new Date('2026-11-28T09:00:00Z');
const parses = (phrase: string) => parseRequest(phrase, { now, timeZone: 'Europe/Moscow' }).ok;

describe('the README lists every word', () => {
  it('its section is the generated one, byte for byte (regenerate it from wordsMarkdown() when the tables change)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = /<!-- words:start -->\n([\s\S]*?)\n<!-- words:end -->/.exec(readme)?.[1];
    expect(section).toBe(wordsMarkdown());
  });

  it('every form of every language is in the table', () => {
    const table = wordsMarkdown();
    for (const entry of GRAMMAR) for (const lang of LANGS) for (const form of entry[lang]) expect(table).toContain(`\`${form}\``);
  });

  it('lists the new commands', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const command of ['/today', '/yesterday', '/sales', '/revenue', '/stats', '/help words']) expect(readme).toContain(command);
  });
});

describe('/help words', () => {
  it.each(LANGS)('%s: every form of the reader’s language, grouped, and every example with its meaning', (lang) => {
    const shown = visibleText(wordsHelp(lang));
    for (const { words } of grammarWords(lang)) for (const w of words) expect(shown).toContain(w);
    for (const { phrase, meaning } of PHRASE_EXAMPLES[lang]) expect(shown).toContain(`${phrase} — ${meaning}`);
  });
});

describe('examples shown to the seller', () => {
  it.each(LANGS)('%s: /help and error examples are the grammar’s own examples, and they parse', (lang) => {
    const known = PHRASE_EXAMPLES[lang].map((x) => x.phrase);
    for (const phrase of [...HELP_EXAMPLES[lang], ...ERROR_EXAMPLES[lang]]) {
      expect(known).toContain(phrase);
      expect(parses(phrase)).toBe(true);
    }
  });

  it.each(LANGS)('%s: the shortcuts’ words parse to what the shortcut promises', (lang) => {
    const words = ordersText[lang].aliasWords;
    const read = (w: string) => {
      const r = parseRequest(w, { now, timeZone: 'Europe/Moscow' });
      if (!r.ok || r.request.kind !== 'orders') throw new Error(`${w} does not parse`);
      return r.request;
    };
    expect(read(words.today).period.kind).toBe('today');
    expect(read(words.yesterday).period.kind).toBe('yesterday');
    expect(read(words.sales)).toMatchObject({ list: 'paid', focus: 'list' });
    expect(read(words.revenue)).toMatchObject({ list: 'paid', focus: 'summary' });
    expect(read(words.stats)).toMatchObject({ list: 'created', focus: 'summary' });
  });

  it.each(LANGS)('%s: /help fits one message', (lang) => {
    expect(visibleLength(botText[lang].help)).toBeLessThanOrEqual(4096);
  });
});
