// splitMessage: long answers become several messages that each fit Telegram's limit and each parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTelegramHtml, escapeHtml, visibleLength, visibleText } from '../../src/domain/format/html.js';
import { splitMessage } from '../../src/domain/format/split.js';

function expectValidChunks(chunks: string[], limit: number): void {
  for (const c of chunks) {
    expect(checkTelegramHtml(c), c).toBeNull();
    expect(visibleLength(c)).toBeLessThanOrEqual(limit);
    expect(visibleLength(c)).toBeGreaterThan(0);
  }
}

describe('splitMessage', () => {
  it('leaves a message that fits untouched', () => {
    const html = `<b>Orders</b>\n${'x'.repeat(4000)}`;
    expect(splitMessage(html)).toEqual([html]);
  });

  it('cuts at line ends, keeping whole lines together', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `order ${i}: ${'·'.repeat(20)}`);
    const chunks = splitMessage(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    expectValidChunks(chunks, 4096);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(lines.join('\n'));
  });

  it('closes a <pre> at the cut and opens it again in the next message', () => {
    const html = `<pre>${Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n')}</pre>`;
    const chunks = splitMessage(html, 20);
    expectValidChunks(chunks, 20);
    expect(chunks[0]).toBe('<pre>line 0\nline 1\n</pre>');
    expect(chunks[1]).toBe('<pre>line 2\nline 3\n</pre>');
    for (const c of chunks) expect(c.startsWith('<pre>') && c.endsWith('</pre>')).toBe(true);
  });

  it('reopens nested tags with their attributes, outermost first', () => {
    const html = '<a href="https://e.com/?a=1&amp;b=2"><b>aaaa bbbb cccc dddd</b></a>';
    const chunks = splitMessage(html, 10);
    expectValidChunks(chunks, 10);
    expect(chunks[1]).toMatch(/^<a href="https:\/\/e\.com\/\?a=1&amp;b=2"><b>/);
    expect(chunks.map(visibleText).join('')).toBe('aaaa bbbb cccc dddd');
  });

  it('cuts a line that is too long at a space', () => {
    const chunks = splitMessage('alpha beta gamma delta', 12);
    expect(chunks).toEqual(['alpha beta ', 'gamma delta']);
  });

  it('cuts a word longer than the limit between characters, never inside an entity or an emoji', () => {
    const word = '&amp;😀'.repeat(10); // 30 visible units, alternating 1 and 2
    const chunks = splitMessage(word, 4);
    expectValidChunks(chunks, 4);
    for (const c of chunks) expect(c).toMatch(/^(?:&amp;|😀)+$/u);
    expect(chunks.join('')).toBe(word);
  });

  it('does not leave an empty tag pair behind a cut', () => {
    const chunks = splitMessage('aaaa <b>bbbb</b>', 5);
    expect(chunks).toEqual(['aaaa ', '<b>bbbb</b>']);
  });

  it('refuses input that is not valid Telegram HTML', () => {
    expect(() => splitMessage('1 < 2'.repeat(2000))).toThrow(/valid Telegram HTML/);
  });

  // Random valid Telegram HTML: escaped text with spaces and line breaks inside nested tags.
  const text = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(' ', '\n', '\n\n', '<&>"', '😀👍🏽')), { maxLength: 8 })
    .map((parts) => escapeHtml(parts.join('')));
  const { inline } = fc.letrec<{ inline: string }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc
        .tuple(fc.constantFrom('b', 'i', 'u', 's', 'tg-spoiler'), fc.array(tie('inline'), { maxLength: 4 }))
        .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
      text.map((t) => `<a href="https://example.com/x?y=1&amp;z=2">${t}</a>`),
    ),
  }));
  const block = fc.oneof(
    inline,
    text.map((t) => `<pre>${t}</pre>`),
    text.map((t) => `<pre><code class="language-ts">${t}</code></pre>`),
    text.map((t) => `<code>${t}</code>`),
    fc.array(inline, { maxLength: 3 }).map((kids) => `<blockquote expandable>${kids.join('')}</blockquote>`),
  );
  const message = fc.array(block, { minLength: 1, maxLength: 12 }).map((blocks) => blocks.join('\n'));

  it('any valid message: every chunk parses, fits, and together they show the original text', () => {
    fc.assert(
      fc.property(message, fc.integer({ min: 2, max: 120 }), (html, limit) => {
        expect(checkTelegramHtml(html)).toBeNull();
        const chunks = splitMessage(html, limit);
        if (visibleLength(html) === 0) {
          expect(chunks).toEqual([html]);
          return;
        }
        expectValidChunks(chunks, limit);
        expect(chunks.map(visibleText).join('')).toBe(visibleText(html));
      }),
      { numRuns: 500 },
    );
  });
});
