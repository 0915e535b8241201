// A chat's own shape of a paid-order alert: the seller's text with placeholders ({sum}, {product} …), read
// and checked before it is saved (a clear refusal naming the problem), then filled in for each order. Pure.
import { editDistance } from './edit-distance.js';
import { escapeHtml, joinHtml, visibleText, type Html } from './format/html.js';
import { TELEGRAM_TEXT_LIMIT } from './format/split.js';

/** Every placeholder, in the order the help lists them; each names one thing today's alert shows. */
export const PLACEHOLDERS = [
  'title',
  'order',
  'amount',
  'sum',
  'product',
  'customer',
  'buyer',
  'email',
  'phone',
  'buyer_line',
  'payway',
  'source',
  'time',
  'milestones',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What a placeholder stands for in one alert: escaped Html, '' when the order has nothing there. */
export type TemplateValues = Record<Placeholder, Html>;

type Part = { text: string } | { placeholder: Placeholder };
/** A template read into lines of literal text and placeholders. */
export type AlertTemplate = readonly (readonly Part[])[];

/** Limits that keep any filled-in template, with every field at its longest, a message Telegram takes. */
export const TEMPLATE_MAX_CHARS = 1_000;
export const TEMPLATE_MAX_LINES = 30;
export const TEMPLATE_MAX_PLACEHOLDERS = 30;

export type TemplateProblem =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'too-many-lines'; lines: number; max: number }
  | { kind: 'too-many-placeholders'; count: number; max: number }
  /** `{name}` that is not a placeholder; `nearest` when one is a typo away. */
  | { kind: 'unknown'; name: string; nearest: Placeholder | null }
  /** A `{` with no `}` on its line (`near`: the text from there on, a few characters). */
  | { kind: 'unclosed'; near: string }
  /** A `}` with no `{` before it. */
  | { kind: 'stray-close'; near: string }
  /** Something that reads as an HTML tag: the alert's markup is the bot's, never the template's. */
  | { kind: 'markup'; tag: string };

export type TemplateReading = { ok: true; template: AlertTemplate; text: string } | { ok: false; problem: TemplateProblem };

const TAG = /<\s*\/?\s*[A-Za-z!?][^<>\n]{0,30}>?/;
const NAME = /^[a-z_]+$/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters other than the line end and tab: nothing a seller means to show.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Line ends made one kind, lone surrogate halves and control characters replaced, edge blank lines dropped. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const snippet = (s: string) => Array.from(s).slice(0, 20).join('');

/** Reads a template as typed after `/alerts template`; refuses it, naming the first problem, when it cannot be used. */
export function readAlertTemplate(input: string): TemplateReading {
  const text = tidy(input);
  const refuse = (problem: TemplateProblem): TemplateReading => ({ ok: false, problem });
  if (text.trim() === '') return refuse({ kind: 'empty' });
  if (text.length > TEMPLATE_MAX_CHARS) return refuse({ kind: 'too-long', length: text.length, max: TEMPLATE_MAX_CHARS });
  const tag = TAG.exec(text);
  if (tag) return refuse({ kind: 'markup', tag: tag[0] });
  const rawLines = text.split('\n');
  if (rawLines.length > TEMPLATE_MAX_LINES) return refuse({ kind: 'too-many-lines', lines: rawLines.length, max: TEMPLATE_MAX_LINES });

  const lines: Part[][] = [];
  let placeholders = 0;
  for (const raw of rawLines) {
    const parts: Part[] = [];
    let rest = raw;
    while (rest !== '') {
      const open = rest.indexOf('{');
      const close = rest.indexOf('}');
      if (close !== -1 && (open === -1 || close < open)) return refuse({ kind: 'stray-close', near: snippet(rest.slice(Math.max(0, close - 10))) });
      if (open === -1) {
        parts.push({ text: rest });
        break;
      }
      if (open > 0) parts.push({ text: rest.slice(0, open) });
      const end = rest.indexOf('}', open);
      const inner = end === -1 ? null : rest.slice(open + 1, end);
      if (inner === null || inner.includes('{')) return refuse({ kind: 'unclosed', near: snippet(rest.slice(open)) });
      const name = inner.trim().toLowerCase();
      if (!isPlaceholder(name)) return refuse({ kind: 'unknown', name: snippet(inner.trim()), nearest: nearestPlaceholder(name) });
      parts.push({ placeholder: name });
      placeholders++;
      rest = rest.slice(end + 1);
    }
    lines.push(parts);
  }
  if (placeholders > TEMPLATE_MAX_PLACEHOLDERS) return refuse({ kind: 'too-many-placeholders', count: placeholders, max: TEMPLATE_MAX_PLACEHOLDERS });
  return { ok: true, template: lines, text };
}

/** True when the stored text still reads as a template (the store's check). */
export const isAlertTemplate = (text: string): boolean => readAlertTemplate(text).ok;

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function nearestPlaceholder(name: string): Placeholder | null {
  if (!NAME.test(name.replace(/[\s-]/g, '_'))) return null;
  const typed = name.replace(/[\s-]/g, '_');
  let best: { p: Placeholder; d: number } | null = null;
  for (const p of PLACEHOLDERS) {
    const d = editDistance(typed, p, 2, true);
    if (d <= 2 && (best === null || d < best.d)) best = { p, d };
  }
  return best?.p ?? null;
}

/**
 * Fills a template in: the seller's text escaped, each placeholder replaced by its value. A line whose every
 * placeholder came out empty is left out (an order with no payment method shows no "Payment:" line); a line
 * with no placeholder at all is the seller's own text and always stays. Null when nothing visible is left
 * or the message would be longer than Telegram takes: the caller then uses a shorter form.
 */
export function fillAlertTemplate(template: AlertTemplate, values: TemplateValues): Html | null {
  const lines: Html[] = [];
  for (const parts of template) {
    const hasPlaceholder = parts.some((p) => 'placeholder' in p);
    if (hasPlaceholder && parts.every((p) => !('placeholder' in p) || values[p.placeholder] === '')) continue;
    lines.push(
      joinHtml(
        parts.map((p) => ('placeholder' in p ? values[p.placeholder] : escapeHtml(p.text))),
        '',
      ),
    );
  }
  const filled = joinHtml(lines, '\n');
  const visible = visibleText(filled);
  if (visible.trim() === '' || visible.length > TELEGRAM_TEXT_LIMIT) return null;
  return filled;
}
