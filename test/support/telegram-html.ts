// An independent, strict parser of Telegram's HTML parse mode, for tests and the fake Bot API: it returns the
// visible text and entities Telegram would show, or the "can't parse entities" error it would answer.
// Stricter than Telegram where Telegram is lenient but the result would be wrong on screen: a bare `&` or `>`,
// named entities other than the four, a missing `;`, unknown attributes, and nesting Telegram silently drops.

export type EntityType =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'code'
  | 'pre'
  | 'text_link'
  | 'blockquote'
  | 'expandable_blockquote'
  | 'custom_emoji';

export interface Entity {
  type: EntityType;
  /** In UTF-16 code units of `text`, as the Bot API counts. */
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export type ParsedHtml = { ok: true; text: string; entities: Entity[] } | { ok: false; error: string };

const PREFIX = "Bad Request: can't parse entities: ";

const TAG_TYPE: Record<string, EntityType> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

/** Attributes each tag may carry; Telegram ignores others, we refuse them so typos do not pass. */
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  code: ['class'],
  span: ['class'],
  'tg-emoji': ['emoji-id'],
  blockquote: ['expandable'],
};

const LINK_SCHEMES = new Set(['http:', 'https:', 'tg:', 'mailto:']);

interface Open {
  tag: string;
  type: EntityType;
  start: number;
  bytePos: number;
  url?: string;
  language?: string;
  emojiId?: string;
  /** A `<code>` directly inside `<pre>`: it only names the pre's language. */
  inPre?: boolean;
}

class HtmlError extends Error {}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function parseTelegramHtml(html: string): ParsedHtml {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(html)) {
    return { ok: false, error: 'Bad Request: strings must be encoded in UTF-8' };
  }
  try {
    return { ok: true, ...parse(html) };
  } catch (err) {
    if (err instanceof HtmlError) return { ok: false, error: PREFIX + err.message };
    throw err;
  }
}

function parse(html: string): { text: string; entities: Entity[] } {
  const byteAt = (i: number): number => Buffer.byteLength(html.slice(0, i), 'utf8');
  const stack: Open[] = [];
  const entities: Entity[] = [];
  let text = '';
  let i = 0;

  /** Decodes the entity at `pos` (which holds `&`); returns the character and the position after it. */
  const entityAt = (pos: number): [string, number] => {
    const m = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/.exec(html.slice(pos, pos + 12));
    if (m) {
      if (m[1]) return [{ lt: '<', gt: '>', amp: '&', quot: '"' }[m[1]]!, pos + m[0].length];
      const code = m[2] !== undefined ? Number(m[2]) : parseInt(m[3]!, 16);
      if (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) return [String.fromCodePoint(code), pos + m[0].length];
    }
    throw new HtmlError(
      `Unsupported HTML entity or unescaped "&" at byte offset ${byteAt(pos)}: only &lt; &gt; &amp; &quot; and numeric entities ending in ";" are understood`,
    );
  };

  while (i < html.length) {
    const c = html[i]!;
    if (c === '&') {
      const [ch, next] = entityAt(i);
      text += ch;
      i = next;
      continue;
    }
    if (c === '>') throw new HtmlError(`Unescaped ">" at byte offset ${byteAt(i)}: write &gt;`);
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }

    const begin = i;
    if (html[i + 1] === '/') {
      i += 2;
      const nameStart = i;
      while (i < html.length && html[i] !== '>' && !isSpace(html[i])) i++;
      const name = html.slice(nameStart, i).toLowerCase();
      while (isSpace(html[i])) i++;
      if (html[i] !== '>') throw new HtmlError(`Unclosed end tag at byte offset ${byteAt(begin)}`);
      i++;
      const open = stack.pop();
      if (!open) throw new HtmlError(`Unexpected end tag at byte offset ${byteAt(begin)}`);
      if (name !== '' && name !== open.tag) {
        throw new HtmlError(`Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${open.tag}>", found "</${name}>"`);
      }
      close(open, text.length, entities);
      continue;
    }

    i++;
    const nameStart = i;
    while (i < html.length && html[i] !== '>' && !isSpace(html[i])) i++;
    if (i >= html.length) throw new HtmlError(`Unclosed start tag at byte offset ${byteAt(begin)}`);
    const tag = html.slice(nameStart, i).toLowerCase();
    const type = TAG_TYPE[tag];
    if (!type) throw new HtmlError(`Unsupported start tag "${tag}" at byte offset ${byteAt(begin)}`);

    const attrs = new Map<string, string>();
    for (;;) {
      while (isSpace(html[i])) i++;
      if (i >= html.length) throw new HtmlError(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      if (html[i] === '>') break;
      const attrStart = i;
      while (i < html.length && html[i] !== '=' && html[i] !== '>' && !isSpace(html[i])) i++;
      const attr = html.slice(attrStart, i).toLowerCase();
      if (attr === '') throw new HtmlError(`Empty attribute name in the tag "${tag}" at byte offset ${byteAt(begin)}`);
      if (!ATTRIBUTES[tag]?.includes(attr)) {
        throw new HtmlError(`Unsupported attribute "${attr}" in the tag "${tag}" at byte offset ${byteAt(begin)}`);
      }
      while (isSpace(html[i])) i++;
      if (html[i] !== '=') {
        if (tag === 'blockquote' && attr === 'expandable') {
          attrs.set(attr, '');
          continue;
        }
        throw new HtmlError(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteAt(begin)}`);
      }
      i++;
      while (isSpace(html[i])) i++;
      if (i >= html.length) throw new HtmlError(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      let value = '';
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        i++;
        while (i < html.length && html[i] !== quote) {
          const ch = html[i]!;
          if (ch === '&') {
            const [decoded, next] = entityAt(i);
            value += decoded;
            i = next;
          } else if (ch === '<' || ch === '>') {
            throw new HtmlError(`Unescaped "${ch}" in an attribute value at byte offset ${byteAt(i)}`);
          } else {
            value += ch;
            i++;
          }
        }
        if (i >= html.length) throw new HtmlError(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        i++;
      } else {
        const valueStart = i;
        while (i < html.length && /[A-Za-z0-9.-]/.test(html[i]!)) i++;
        if (i === valueStart) throw new HtmlError(`Expected quote or name token in an attribute value at byte offset ${byteAt(begin)}`);
        value = html.slice(valueStart, i);
      }
      attrs.set(attr, value);
    }
    i++; // '>'

    const open: Open = { tag, type, start: text.length, bytePos: byteAt(begin) };
    const at = `at byte offset ${open.bytePos}`;
    const parent = stack[stack.length - 1];
    const literal = stack.find((o) => o.type === 'code' || o.type === 'pre');
    if (literal && !(tag === 'code' && parent?.type === 'pre' && !parent.language)) {
      throw new HtmlError(`Tag "${tag}" can't be nested inside "${literal.tag}" ${at}: pre and code show their text as is`);
    }
    if (tag === 'a') {
      if (stack.some((o) => o.type === 'text_link')) throw new HtmlError(`Tag "a" can't be nested inside "a" ${at}`);
      const href = attrs.get('href') ?? '';
      let url: URL | undefined;
      try {
        url = new URL(href);
      } catch {
        url = undefined;
      }
      if (!url || !LINK_SCHEMES.has(url.protocol)) throw new HtmlError(`Tag "a" needs an http(s), tg or mailto href ${at}`);
      open.url = href;
    }
    if (type === 'blockquote') {
      if (stack.some((o) => o.type === 'blockquote' || o.type === 'expandable_blockquote')) {
        throw new HtmlError(`Tag "blockquote" can't be nested inside "blockquote" ${at}`);
      }
      if (attrs.has('expandable')) open.type = 'expandable_blockquote';
    }
    if (tag === 'span' && attrs.get('class') !== 'tg-spoiler') {
      throw new HtmlError(`Tag "span" must have class "tg-spoiler" ${at}`);
    }
    if (tag === 'tg-emoji') {
      const id = attrs.get('emoji-id') ?? '';
      if (!/^\d+$/.test(id)) throw new HtmlError(`Tag "tg-emoji" must have a numeric emoji-id ${at}`);
      open.emojiId = id;
    }
    if (tag === 'code') {
      const cls = attrs.get('class');
      if (parent?.type === 'pre') {
        open.inPre = true;
        if (cls !== undefined) {
          if (!cls.startsWith('language-') || cls.length === 'language-'.length) {
            throw new HtmlError(`Tag "code" inside "pre" may only have class "language-<name>" ${at}`);
          }
          parent.language = cls.slice('language-'.length);
        }
      } else if (cls !== undefined) {
        throw new HtmlError(`Programming language can't be specified for standalone code tags ${at}`);
      }
    }
    stack.push(open);
  }

  const unclosed = stack[stack.length - 1];
  if (unclosed) throw new HtmlError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return trim(text, entities);
}

function close(open: Open, end: number, entities: Entity[]): void {
  // The language of <pre><code class="language-x"> belongs to the pre; the code adds no entity of its own.
  if (open.inPre) return;
  if (end === open.start) return; // Telegram drops empty entities.
  const entity: Entity = { type: open.type, offset: open.start, length: end - open.start };
  if (open.url !== undefined) entity.url = open.url;
  if (open.language !== undefined) entity.language = open.language;
  if (open.emojiId !== undefined) entity.custom_emoji_id = open.emojiId;
  entities.push(entity);
}

/** Telegram strips leading and trailing whitespace from a message; entities move and shrink with it. */
function trim(text: string, entities: Entity[]): { text: string; entities: Entity[] } {
  const lead = /^[ \t\r\n]*/.exec(text)![0].length;
  const visible = text.slice(lead).replace(/[ \t\r\n]+$/, '');
  const out: Entity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(visible.length, e.offset + e.length - lead);
    if (end > start) out.push({ ...e, offset: start, length: end - start });
  }
  out.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: visible, entities: out };
}
