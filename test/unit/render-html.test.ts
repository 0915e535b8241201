// Telegram HTML: the escaper, the checker the outbound gateway relies on, and the length Telegram counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTelegramHtml, escapeHtml, visibleLength, visibleText } from '../../src/domain/format/html.js';

describe('escapeHtml', () => {
  it('turns a buyer name like "<3 Tom & Jerry" into text Telegram shows as typed', () => {
    const html = escapeHtml('<3 Tom & "Jerry">');
    expect(html).toBe('&lt;3 Tom &amp; &quot;Jerry&quot;&gt;');
    expect(checkTelegramHtml(html)).toBeNull();
    expect(visibleText(html)).toBe('<3 Tom & "Jerry">');
  });

  it('any string escaped is valid and shows exactly itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const html = escapeHtml(s);
        expect(checkTelegramHtml(html)).toBeNull();
        expect(visibleText(html)).toBe(s);
      }),
    );
  });
});

describe('checkTelegramHtml accepts what Telegram parses', () => {
  it.each([
    'plain text',
    '<b>bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>i</ins> <s>s</s> <strike>s</strike> <del>d</del>',
    '<code>x &lt; y</code>',
    '<pre>block</pre>',
    '<pre><code class="language-python">print(1)</code></pre>',
    '<a href="https://example.com/?a=1&amp;b=2">link</a>',
    '<blockquote>q</blockquote> <blockquote expandable>long</blockquote>',
    '<tg-spoiler>s</tg-spoiler> <span class="tg-spoiler">s</span>',
    '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    '<b>bold <i>and italic <u>and underlined</u></i></b>',
    '&#60; &#x3C; &lt;&gt;&amp;&quot;',
    '',
  ])('%s', (html) => {
    expect(checkTelegramHtml(html)).toBeNull();
  });
});

describe('checkTelegramHtml refuses what Telegram would reject or misread', () => {
  it.each([
    ['a raw <', '1 < 2', 'does not start a well-formed tag'],
    ['a raw >', '2 > 1', 'stray ">"'],
    ['a raw &', 'Tom & Jerry', '"&"'],
    ['an entity Telegram does not know', 'a&nbsp;b', '"&"'],
    ['an unknown tag', '<div>x</div>', '<div> is not a tag Telegram knows'],
    ['a tag left open', '<b>bold', '<b> is never closed'],
    ['tags closed crosswise', '<b><i>x</b></i>', '</b> closes <i>'],
    ['a closing tag with nothing open', 'x</b>', '</b> closes nothing'],
    ['a link without href', '<a>x</a>', 'needs the attribute href'],
    ['an attribute a tag does not take', '<b class="x">y</b>', 'does not take the attribute class'],
    ['an object-prototype name as attribute', '<b constructor>y</b>', 'does not take the attribute constructor'],
    ['a span that is not a spoiler', '<span class="red">x</span>', 'bad class value'],
    ['markup inside code', '<code><b>x</b></code>', '<b> inside <code>'],
    ['markup inside pre', '<pre><i>x</i></pre>', '<i> inside <pre>'],
    ['a quote inside a quote', '<blockquote><blockquote>x</blockquote></blockquote>', 'inside another <blockquote>'],
    ['a numeric entity for a surrogate', '&#xD800;', '"&"'],
    ['a numeric entity beyond Unicode', '&#1114112;', '"&"'],
    ['upper-case tags', '<B>x</B>', 'does not start a well-formed tag'],
    ['a bare ampersand in an href', '<a href="https://e.com/?a=1&b=2">x</a>', 'bad href value'],
  ])('%s', (_name, html, problem) => {
    expect(checkTelegramHtml(html)).toContain(problem);
  });

  it('says where the problem is', () => {
    expect(checkTelegramHtml('abc & def')).toContain('offset 4');
  });
});

describe('visibleLength counts what Telegram counts', () => {
  it('tags count nothing and entities one character', () => {
    expect(visibleLength('<b>ab</b>&amp;&lt;')).toBe(4);
  });

  it('counts UTF-16 units: an emoji is 2, a Cyrillic letter 1', () => {
    expect(visibleLength('😀')).toBe(2);
    expect(visibleLength('&#128512;')).toBe(2);
    expect(visibleLength('Привет')).toBe(6);
  });
});
