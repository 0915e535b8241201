// Telegram HTML: the Html type that only escaped or authored markup has, the one escaper for
// interpolated values, and a checker that accepts exactly the markup Telegram parses
// (https://core.telegram.org/bots/api#html-style), so bad text is refused before sending.

declare const htmlBrand: unique symbol;

/**
 * Telegram HTML whose every value was escaped. Only escapeHtml, html`…` and joinHtml make one (the
 * i18n tables return them), and the gateway sends nothing else: a raw string cannot reach a chat as markup.
 */
export type Html = string & { readonly [htmlBrand]: true };

/** Escapes a plain value for Telegram HTML: & < > and " (the last for attribute values). */
export function escapeHtml(s: string): Html {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;')) as Html;
}

/**
 * What html`…` accepts between its literal parts: Html and numbers. A plain string is a compile error,
 * not escaped silently: at run time Html is a string too, so only the type can tell them apart.
 * ('' is allowed for "nothing here".)
 */
export type HtmlValue = Html | number | '';

/**
 * Markup written in our source around values that are already Html: html`<b>${escapeHtml(name)}</b>`.
 * The literal parts are trusted because they are code.
 */
export function html(literals: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = literals[0] ?? '';
  values.forEach((value, i) => {
    out += String(value) + (literals[i + 1] ?? '');
  });
  return out as Html;
}

/** Only a separator written as a literal in our code: a variable string could carry markup. */
type LiteralSeparator<S extends string> = string extends S ? never : S;

/** Joins lines or parts with a literal separator, leaving out the null ones (an empty part stays: a blank line). */
export function joinHtml<S extends string>(parts: readonly (Html | null)[], separator: LiteralSeparator<S>): Html {
  return parts.filter((p): p is Html => p !== null).join(separator) as Html;
}

export type HtmlToken =
  | { type: 'open'; name: string; raw: string }
  | { type: 'close'; name: string; raw: string }
  /** Visible text; `raw` is how it is written (a run of plain characters or one entity), `text` what it shows. */
  | { type: 'text'; raw: string; text: string };

/** Tag → its allowed attributes (name → required value pattern, null = the attribute takes no value). */
interface TagRule {
  attrs: Map<string, RegExp | null>;
  required: string[];
}

const plain: TagRule = { attrs: new Map(), required: [] };
const TAGS = new Map<string, TagRule>([
  ...['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'tg-spoiler', 'pre'].map((t) => [t, plain] as const),
  ['code', { attrs: new Map([['class', /^language-[\w+#.-]+$/]]), required: [] }],
  ['a', { attrs: new Map([['href', /^\S+$/]]), required: ['href'] }],
  ['blockquote', { attrs: new Map([['expandable', null]]), required: [] }],
  ['span', { attrs: new Map([['class', /^tg-spoiler$/]]), required: ['class'] }],
  ['tg-emoji', { attrs: new Map([['emoji-id', /^\d+$/]]), required: ['emoji-id'] }],
]);

const TAG_RE = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"<>]*")?)*)\s*>/y;
const ATTR_RE = /\s+([a-z][a-z0-9-]*)(?:="([^"<>]*)")?/g;
const ENTITY_RE = /&(?:(lt|gt|amp|quot)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * Splits Telegram HTML into tags and visible text. Lenient: a piece that is not valid markup is kept
 * as visible text, and the first such problem (or a nesting problem) is reported in `problem`.
 */
export function tokenizeTelegramHtml(html: string): { tokens: HtmlToken[]; problem: string | null } {
  const tokens: HtmlToken[] = [];
  const open: string[] = [];
  let problem: string | null = null;
  const note = (p: string) => {
    problem ??= p;
  };
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) tokens.push({ type: 'text', raw: html.slice(textStart, end), text: html.slice(textStart, end) });
  };

  while (i < html.length) {
    const c = html[i];
    if (c === '<') {
      flushText(i);
      TAG_RE.lastIndex = i;
      const m = TAG_RE.exec(html);
      const tag = m ? checkTag(m, open) : { problem: 'a "<" that does not start a well-formed tag: write &lt;' };
      if ('problem' in tag) {
        note(`${tag.problem} (offset ${i})`);
        tokens.push({ type: 'text', raw: '<', text: '<' });
        i += 1;
      } else {
        if (tag.type === 'open') open.push(tag.name);
        else open.pop();
        tokens.push(tag);
        i += tag.raw.length;
      }
      textStart = i;
    } else if (c === '&') {
      flushText(i);
      ENTITY_RE.lastIndex = i;
      const m = ENTITY_RE.exec(html);
      const text = m ? decodeEntity(m) : null;
      if (m && text !== null) {
        tokens.push({ type: 'text', raw: m[0], text });
        i += m[0].length;
      } else {
        note(`a "&" that is not &lt; &gt; &amp; &quot; or a numeric entity: write &amp; (offset ${i})`);
        tokens.push({ type: 'text', raw: '&', text: '&' });
        i += 1;
      }
      textStart = i;
    } else {
      if (c === '>') note(`a stray ">": write &gt; (offset ${i})`);
      i += 1;
    }
  }
  flushText(i);
  if (open.length > 0) note(`<${open[open.length - 1]}> is never closed`);
  return { tokens, problem };
}

function checkTag(m: RegExpExecArray, open: string[]): Exclude<HtmlToken, { type: 'text' }> | { problem: string } {
  const closing = m[1] === '/';
  const name = m[2] as string;
  const attrText = m[3] ?? '';
  const rule = TAGS.get(name);
  if (!rule) return { problem: `<${name}> is not a tag Telegram knows` };

  if (closing) {
    if (attrText.trim() !== '') return { problem: `</${name}> carries attributes` };
    const top = open[open.length - 1];
    if (top !== name) return { problem: top ? `</${name}> closes <${top}>` : `</${name}> closes nothing` };
    return { type: 'close', name, raw: m[0] };
  }

  const seen = new Set<string>();
  for (const a of attrText.matchAll(ATTR_RE)) {
    const attr = a[1] as string;
    const value = a[2];
    const pattern = rule.attrs.get(attr);
    if (pattern === undefined) return { problem: `<${name}> does not take the attribute ${attr}` };
    if (seen.has(attr)) return { problem: `<${name}> repeats the attribute ${attr}` };
    seen.add(attr);
    if (pattern === null ? value !== undefined : value === undefined || !pattern.test(value) || !entitiesValid(value)) {
      return { problem: `<${name}> has a bad ${attr} value` };
    }
  }
  for (const attr of rule.required) if (!seen.has(attr)) return { problem: `<${name}> needs the attribute ${attr}` };

  // Telegram's own limits on nesting: nothing inside code (except <pre><code>), no quote in a quote, no link in a link.
  const parent = open[open.length - 1];
  if (parent === 'code' || (parent === 'pre' && name !== 'code')) return { problem: `<${name}> inside <${parent}>` };
  if ((name === 'blockquote' || name === 'a' || name === 'pre') && open.includes(name)) {
    return { problem: `<${name}> inside another <${name}>` };
  }
  return { type: 'open', name, raw: m[0] };
}

function decodeEntity(m: RegExpExecArray): string | null {
  if (m[1]) return NAMED[m[1]] ?? null;
  const cp = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3] as string, 16);
  if (cp < 1 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp);
}

function entitiesValid(value: string): boolean {
  for (let i = value.indexOf('&'); i !== -1; i = value.indexOf('&', i + 1)) {
    ENTITY_RE.lastIndex = i;
    const m = ENTITY_RE.exec(value);
    if (!m || decodeEntity(m) === null) return false;
  }
  return true;
}

/** Null when Telegram will parse the HTML as intended; otherwise what is wrong and where. */
export function checkTelegramHtml(html: string): string | null {
  return tokenizeTelegramHtml(html).problem;
}

/** The visible text after Telegram parses the markup. */
export function visibleText(html: string): string {
  let out = '';
  for (const t of tokenizeTelegramHtml(html).tokens) if (t.type === 'text') out += t.text;
  return out;
}

/** What Telegram's 4096 limit counts: UTF-16 units of the text after entity parsing. */
export function visibleLength(html: string): number {
  return visibleText(html).length;
}
