// The one splitter for outgoing Telegram HTML: chunks that each fit Telegram's limit and each parse on
// their own, cut at a line break when possible, never inside a tag or an entity.
import { tokenizeTelegramHtml, type HtmlToken } from './html.js';

/** Telegram's limit on a message's text after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

type Atom = HtmlToken;
type OpenTag = Extract<HtmlToken, { type: 'open' }>;

/**
 * Splits at the last line break that fits, else at the last space, else hard (between characters,
 * never inside a surrogate pair or entity). A tag open at a cut (a <pre> or <b> spanning lines) is
 * closed at the end of the chunk and opened again at the start of the next one, so every chunk is
 * valid on its own and the chunks' visible texts concatenate to the original's.
 * Throws when `html` itself is not valid Telegram HTML: that is a bug in the caller, not in the text.
 */
export function splitMessage(html: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`splitMessage: limit must be an integer ≥ 2, got ${limit}`);
  const { tokens, problem } = tokenizeTelegramHtml(html);
  if (problem) throw new Error(`splitMessage needs valid Telegram HTML: ${problem}`);

  const atoms = toAtoms(tokens);
  const total = atoms.reduce((n, a) => n + (a.type === 'text' ? a.text.length : 0), 0);
  if (total <= limit) return [html];

  let lastText = -1;
  atoms.forEach((a, i) => {
    if (a.type === 'text') lastText = i;
  });

  const chunks: string[] = [];
  let start = 0;
  let openAtStart: OpenTag[] = [];
  while (start < atoms.length) {
    let end = findCut(atoms, start, limit);
    while (end - 1 > start && atoms[end - 1]?.type === 'open') end--; // an opening tag belongs with its text
    while (end < atoms.length && atoms[end]?.type === 'close') end++; // a closing tag belongs with its text
    if (end > lastText) end = atoms.length; // only markup left: keep it in this chunk

    const open = [...openAtStart];
    let body = '';
    for (let i = start; i < end; i++) {
      const a = atoms[i] as Atom;
      if (a.type === 'open') open.push(a);
      else if (a.type === 'close') open.pop();
      body += a.raw;
    }
    const reopen = openAtStart.map((t) => t.raw).join('');
    const close = open
      .map((t) => `</${t.name}>`)
      .reverse()
      .join('');
    chunks.push(reopen + body + close);
    start = end;
    openAtStart = open;
  }
  return chunks;
}

/** The index to cut before: after the last newline that fits, else after the last space, else where the limit is hit. */
function findCut(atoms: Atom[], start: number, limit: number): number {
  let used = 0;
  let afterNewline = -1;
  let afterSpace = -1;
  let i = start;
  for (; i < atoms.length; i++) {
    const a = atoms[i] as Atom;
    if (a.type !== 'text') continue;
    if (used + a.text.length > limit) break;
    used += a.text.length;
    if (a.text === '\n') afterNewline = i + 1;
    else if (a.text === ' ') afterSpace = i + 1;
  }
  if (i >= atoms.length) return atoms.length;
  if (afterNewline > start) return afterNewline;
  if (afterSpace > start) return afterSpace;
  return Math.max(i, start + 1);
}

/** Text runs become single code points so that a cut can fall between any two characters but not inside one. */
function toAtoms(tokens: HtmlToken[]): Atom[] {
  const atoms: Atom[] = [];
  for (const t of tokens) {
    if (t.type !== 'text' || t.raw.startsWith('&')) atoms.push(t);
    else for (const ch of t.raw) atoms.push({ type: 'text', raw: ch, text: ch });
  }
  return atoms;
}
