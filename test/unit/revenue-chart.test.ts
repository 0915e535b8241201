// Revenue charts decoded back from PNG: the right size, something drawn, and the text really drawn with
// the bundled font (a render without it differs exactly where the text is).
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { localDayRange } from '../../src/domain/calendar.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  renderRevenueChart,
  renderSvgToPng,
  revenueChartSvg,
  type RevenueChartInput,
} from '../../src/domain/chart/revenue-chart.js';
import { formatShortMoney, revenueTicks } from '../../src/domain/chart/ticks.js';
import { revenueSeries } from '../../src/domain/revenue-series.js';
import type { Order } from '../../src/domain/justclick.js';

const tz = 'Europe/Moscow';

function paidAt(id: string, iso: string, price: number): Order {
  const t = Math.floor(new Date(iso).getTime() / 1000);
  // biome-ignore format: an order, packed by hand
  return {
    id, firstName: '', lastName: '', middleName: '', email: '', phone: '', city: '', country: '', address: '', region: '',
    postalcode: '', created: t, paid: t, payStatus: 'paid', type: '', payway: '', comment: '', domain: '', link: '', utm: {},
    price, toPay: null, isRecurrent: false, tag: '', kupon: '', items: [],
  };
}

const november = { from: localDayRange({ year: 2026, month: 11, day: 1 }, tz).from, to: localDayRange({ year: 2026, month: 12, day: 1 }, tz).from };
const october = { from: localDayRange({ year: 2026, month: 10, day: 1 }, tz).from, to: november.from };
const orders = [
  ...Array.from({ length: 27 }, (_, i) => paidAt(`n${i}`, `2026-11-${String(i + 1).padStart(2, '0')}T09:00:00Z`, (5_000 + i * 700) * 100)),
  ...Array.from({ length: 31 }, (_, i) => paidAt(`o${i}`, `2026-10-${String(i + 1).padStart(2, '0')}T09:00:00Z`, 9_000 * 100)),
];
const now = new Date('2026-11-27T12:00:00Z');
const input = (p: Partial<RevenueChartInput> = {}): RevenueChartInput => {
  const current = revenueSeries(orders, november, tz, { until: now });
  return {
    current,
    previous: revenueSeries(orders, october, tz, { granularity: current.granularity }),
    title: 'Выручка · ноябрь 2026',
    lang: 'ru',
    currency: 'RUB',
    theme: 'light',
    ...p,
  };
};

const decode = (png: Buffer) => PNG.sync.read(png);
const pixel = (img: PNG, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
/** Pixels whose colour differs between two images of the same size. */
function differing(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  }
  return n;
}
/** Pixels not of the background colour (the top-left corner's). */
function inked(img: PNG): number {
  const [r, g, b] = pixel(img, 0, 0);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] !== r || img.data[i + 1] !== g || img.data[i + 2] !== b) n++;
  return n;
}

describe('renderRevenueChart', () => {
  it('is a PNG of the chart size, opaque, with bars and text drawn on it', () => {
    const img = decode(renderRevenueChart(input()));
    expect([img.width, img.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(pixel(img, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(inked(img)).toBeGreaterThan(CHART_WIDTH * CHART_HEIGHT * 0.1);
  });

  it('the dark theme has a dark background and light text', () => {
    const img = decode(renderRevenueChart(input({ theme: 'dark' })));
    const [r, g, b] = pixel(img, 0, 0);
    expect(r! + g! + b!).toBeLessThan(3 * 64);
    expect(inked(img)).toBeGreaterThan(CHART_WIDTH * CHART_HEIGHT * 0.1);
  });

  it('draws its text with the bundled font: without it only the text is missing', () => {
    const svg = revenueChartSvg(input());
    const withFont = decode(renderSvgToPng(svg));
    const withoutFont = decode(renderSvgToPng(svg, { withFont: false }));
    const withoutText = decode(renderSvgToPng(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, '')));
    // Title, legend, axis labels: thousands of pixels of glyphs.
    expect(differing(withFont, withoutFont)).toBeGreaterThan(8_000);
    // Without the font resvg draws no text at all (a slim image with no fonts would send charts without words).
    expect(differing(withoutFont, withoutText)).toBe(0);
  });

  it('draws Cyrillic and the rouble sign, not empty boxes or nothing', () => {
    const only = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80" font-family="DejaVu Sans"><rect width="400" height="80" fill="#fff"/><text x="10" y="55" font-size="40">${text}</text></svg>`;
    const cyrillic = decode(renderSvgToPng(only('тыс. ₽')));
    expect(inked(cyrillic)).toBeGreaterThan(500);
    // A glyph the font lacks is left out by resvg: the same width of a missing character draws less.
    expect(differing(cyrillic, decode(renderSvgToPng(only('тыс. ₿'))))).toBeGreaterThan(50);
  });

  it('an empty period says so in the chat language', () => {
    const empty = revenueSeries([], november, tz, { until: now });
    const svg = revenueChartSvg(input({ current: empty, previous: null, lang: 'en' }));
    expect(svg).toContain('No paid orders in this period');
    expect(decode(renderRevenueChart(input({ current: empty, previous: null }))).width).toBe(CHART_WIDTH);
  });

  it('a title typed by anyone cannot break the picture', () => {
    const svg = revenueChartSvg(input({ title: '<script>"&\u0007' }));
    expect(svg).toContain('&lt;script&gt;&quot;&amp;');
    expect(svg).not.toContain('<script');
    expect(decode(renderSvgToPng(svg)).height).toBe(CHART_HEIGHT);
  });

  it('axis labels are short money in the chat language, on round steps above the tallest bar', () => {
    const svg = revenueChartSvg(input());
    expect(svg).toContain('20\u00a0тыс.\u00a0₽');
    expect(svg).toContain('>1 ноя<');
    const en = revenueChartSvg(input({ lang: 'en' }));
    expect(en).toContain('₽20K');
    expect(en).toContain('>Nov 1<');
    expect(revenueTicks(23_400_00)).toEqual([0, 10_000_00, 20_000_00, 30_000_00]);
    expect(revenueTicks(1_200_000_00)).toEqual([0, 500_000_00, 1_000_000_00, 1_500_000_00]);
    expect(formatShortMoney(1_500_000_00, 'RUB', 'ru')).toBe('1,5\u00a0млн\u00a0₽');
  });
});

describe('several accounts stacked ("/chart @all")', () => {
  const current = revenueSeries(orders, november, tz, { until: now });
  // Two thirds of every bar to one school, a third to the other.
  const parts = [
    { label: 'Школа йоги', revenue: current.buckets.map((b) => Math.round((b.revenue * 2) / 3)) },
    { label: 'Танцы', revenue: current.buckets.map((b) => b.revenue - Math.round((b.revenue * 2) / 3)) },
  ];

  it('draws each account’s part of a bar in its own colour, one on top of the other, and names both', () => {
    const svg = revenueChartSvg(input({ stack: parts }));
    expect(svg).toContain('>Школа йоги<');
    expect(svg).toContain('>Танцы<');
    const rects = (colour: string) => [
      ...svg.matchAll(new RegExp(`<rect x="([\\d.]+)" y="([\\d.]+)" width="[\\d.]+" height="([\\d.]+)" fill="${colour}"`, 'g')),
    ];
    const first = rects('#2a7de1').filter((m) => Number(m[3]) > 0 && m[1] !== undefined);
    const second = rects('#f08c2e');
    // 26 days with sales and this day running: each has both parts (the legend swatch of the first has rx).
    expect(second).toHaveLength(27);
    expect(first.length).toBeGreaterThanOrEqual(27);
    // The second part sits right on top of the first in the same column.
    const [bottom] = first.filter((m) => m[1] === second[0]![1]);
    expect(Number(bottom![2])).toBeCloseTo(Number(second[0]![2]) + Number(second[0]![3]), 0);
  });

  it('a legend too wide for one row wraps and pushes the plot down, every name there (a long one cut)', () => {
    const many = ['Школа йоги и пилатеса «Гармония»', 'Танцы для взрослых', 'Курсы английского', 'Фотошкола Москва', 'Кулинарная студия'].map((label, i) => ({
      label,
      revenue: current.buckets.map((b) => (i === 0 ? b.revenue : 0)),
    }));
    const svg = revenueChartSvg(input({ stack: many }));
    for (const { label } of many) expect(svg).toContain(`>${label.slice(0, 16)}`);
    expect(svg).toContain('>Школа йоги и пилатеса «Г…<');
    const legendRows = new Set([...svg.matchAll(/<rect x="[\d.]+" y="(\d+)" width="28" height="28"/g)].map((m) => m[1]));
    expect(legendRows.size).toBe(3);
    // The plot's top grid line starts below the last legend row (one row: at 162).
    const gridTops = [...svg.matchAll(/<line x1="[\d.]+" y1="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...gridTops)).toBe(242);
    const png = decode(renderRevenueChart(input({ stack: many })));
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });
});
