// Paid revenue per hour, day or week as a PNG a seller reads on a phone: our own SVG, rendered by resvg
// with the bundled DejaVu Sans (Cyrillic and ₽), so that an image without system fonts still draws text.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { Minor } from '../justclick.js';
import { chartText } from '../i18n/chart.js';
import type { Lang } from '../i18n/lang.js';
import type { RevenueBucket, RevenueSeries } from '../revenue-series.js';
import { encodePng } from './png.js';
import { formatShortMoney, revenueTicks } from './ticks.js';

/** Telegram shows a photo about 360–420 pt wide on a phone: 1080 px is three pixels to a point. */
export const CHART_WIDTH = 1080;
export const CHART_HEIGHT = 640;

/** Looked up in node_modules by path (not a system font) so it is there in a slim image too. */
export const CHART_FONT_FILE = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_FAMILY = 'DejaVu Sans';

export type ChartTheme = 'light' | 'dark';

interface Palette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  bar: string;
  previous: string;
}

/** Dark is Telegram's own night background, so the picture does not glare inside the chat. */
const PALETTES: Record<ChartTheme, Palette> = {
  light: { background: '#ffffff', text: '#1b1f24', muted: '#5b6570', grid: '#e3e7eb', bar: '#2a7de1', previous: '#c4ccd6' },
  dark: { background: '#17212b', text: '#eef2f6', muted: '#a3b0bd', grid: '#2c3b4a', bar: '#5eb5f7', previous: '#3f5265' },
};

export interface RevenueChartInput {
  /** The period's buckets (revenueSeries over the whole period, e.g. PeriodComparison.currentWhole). */
  current: RevenueSeries;
  /** The previous equal period, same granularity, drawn faintly behind bucket by bucket; null for none. */
  previous: RevenueSeries | null;
  /** Drawn at the top: what and when ("Выручка · 1–30 ноября"). Plain text; escaped here. */
  title: string;
  lang: Lang;
  currency: string;
  theme: ChartTheme;
  /** Legend words; default "This period" / "Previous period". */
  legend?: { current: string; previous: string };
  /**
   * The current bars split by account ("@all"), bottom to top, each with its name in the legend; every
   * bucket's parts add up to `current`'s. Absent: one colour.
   */
  stack?: readonly StackPart[];
}

/** One account's share of each current bucket (same length and order as `current.buckets`). */
export interface StackPart {
  label: string;
  revenue: readonly Minor[];
}

/** Colours of stacked accounts after the first (which is the palette's bar): apart from each other and from grey. */
const STACK_COLOURS: Record<ChartTheme, readonly string[]> = {
  light: ['#f08c2e', '#2fa86b', '#9b59d0', '#d6455d', '#18a5b5', '#8a6d3b'],
  dark: ['#f5a356', '#4cc98a', '#b783e6', '#ef6b80', '#3cc4d3', '#c9a468'],
};

/** Legend rows sit this far apart; a second row pushes the plot down by as much. */
const LEGEND_ROW = 40;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Keeps a title within the picture: DejaVu Sans averages about 0.6 em per character. */
function clip(text: string, fontSize: number, width: number): string {
  const max = Math.floor(width / (fontSize * 0.6));
  const chars = [...text.replace(/[\u0000-\u001f\u007f]/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function bucketLabel(b: RevenueBucket, lang: Lang, withMonth: boolean): string {
  if (b.hour !== null) return `${pad2(b.hour)}:00`;
  const t = chartText[lang];
  return withMonth ? t.dayLabel(b.date.day, t.months[b.date.month - 1]!) : String(b.date.day);
}

/** Every how many buckets an axis label fits: at most about eight labels across. */
function labelStep(count: number, granularity: RevenueSeries['granularity']): number {
  if (granularity === 'hour') return count <= 12 ? 2 : 3;
  for (const step of [1, 2, 3, 5, 7, 10, 14]) if (count / step <= 8) return step;
  return Math.ceil(count / 8);
}

const px = (n: number) => Math.round(n * 10) / 10;

/** The chart as an SVG document (exported for tests, which render it with and without the font). */
export function revenueChartSvg(input: RevenueChartInput): string {
  const p = PALETTES[input.theme];
  const t = chartText[input.lang];
  const legend = input.legend ?? { current: t.current, previous: t.previous };
  const buckets = input.current.buckets;
  const previous = input.previous?.buckets.slice(0, buckets.length) ?? [];

  const max = Math.max(0, ...buckets.filter((b) => !b.ahead).map((b) => b.revenue), ...previous.map((b) => b.revenue));
  const ticks = revenueTicks(max);
  const top = ticks.at(-1)!;
  const tickLabels = ticks.map((v) => formatShortMoney(v, input.currency, input.lang));

  const stack = input.stack && input.stack.length > 0 ? input.stack : null;
  const colourOf = (i: number) => (i === 0 ? p.bar : STACK_COLOURS[input.theme][(i - 1) % STACK_COLOURS[input.theme].length]!);
  // Legend under the title: a swatch and a word for each series, wrapping onto another row when the accounts are many.
  const legendItems: [string, string][] = stack ? stack.map((part, i) => [colourOf(i), part.label]) : [[p.bar, legend.current]];
  if (input.previous) legendItems.push([p.previous, legend.previous]);
  const legendOut: string[] = [];
  let lx = 36;
  let ly = 94;
  for (const [colour, word] of legendItems) {
    // Room for an account's full domain ("yogadigest.justclick.ru"); longer names are cut, and rows wrap.
    const label = clip(word, 28, 420);
    const width = 40 + [...label].length * 28 * 0.6;
    if (lx > 36 && lx + width > CHART_WIDTH - 36) {
      lx = 36;
      ly += LEGEND_ROW;
    }
    legendOut.push(`<rect x="${px(lx)}" y="${ly}" width="28" height="28" rx="6" fill="${colour}"/>`);
    legendOut.push(`<text x="${px(lx + 40)}" y="${ly + 24}" font-size="28" fill="${p.muted}">${escapeXml(label)}</text>`);
    lx += width + 48;
  }

  const axisFont = 30;
  const left = 28 + Math.max(...tickLabels.map((l) => [...l].length)) * axisFont * 0.6 + 16;
  const right = CHART_WIDTH - 36;
  const plotTop = 162 + (ly - 94);
  const plotBottom = CHART_HEIGHT - 78;
  const y = (v: Minor) => plotBottom - (v / top) * (plotBottom - plotTop);
  const slot = (right - left) / Math.max(1, buckets.length);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${FONT_FAMILY}">`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="${p.background}"/>`,
    `<text x="36" y="64" font-size="42" fill="${p.text}">${escapeXml(clip(input.title, 42, CHART_WIDTH - 72))}</text>`,
    ...legendOut,
  ];

  ticks.forEach((v, i) => {
    const gy = px(y(v));
    out.push(`<line x1="${px(left)}" y1="${gy}" x2="${right}" y2="${gy}" stroke="${p.grid}" stroke-width="2"/>`);
    out.push(`<text x="${px(left - 16)}" y="${px(gy + 9)}" font-size="${axisFont}" fill="${p.muted}" text-anchor="end">${escapeXml(tickLabels[i]!)}</text>`);
  });

  // The previous period: wide faint bars behind; the current one: narrower solid bars in front.
  const bar = (i: number, v: Minor, widthShare: number, colour: string, opacity = 1) => {
    if (v <= 0) return;
    const w = Math.max(2, slot * widthShare);
    const x = left + i * slot + (slot - w) / 2;
    const h = plotBottom - y(v);
    out.push(
      `<rect x="${px(x)}" y="${px(plotBottom - h)}" width="${px(w)}" height="${px(h)}" rx="${px(Math.min(6, w / 4))}" fill="${colour}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}/>`,
    );
  };
  for (const [i, b] of previous.entries()) bar(i, b.revenue, 0.86, p.previous);
  // A bucket still filling up (this hour, this week so far) is paler: its height is not final.
  for (const [i, b] of buckets.entries()) {
    if (b.ahead) continue;
    if (!stack) {
      bar(i, b.revenue, 0.58, p.bar, b.running ? 0.55 : 1);
      continue;
    }
    // Stacked: each account's part on top of the ones before it, square-cornered so the parts meet.
    const w = Math.max(2, slot * 0.58);
    const x = left + i * slot + (slot - w) / 2;
    let base = 0;
    for (const [k, part] of stack.entries()) {
      const v = part.revenue[i] ?? 0;
      if (v <= 0) continue;
      const yTop = y(base + v);
      out.push(
        `<rect x="${px(x)}" y="${px(yTop)}" width="${px(w)}" height="${px(y(base) - yTop)}" fill="${colourOf(k)}"${b.running ? ' fill-opacity="0.55"' : ''}/>`,
      );
      base += v;
    }
  }

  const step = labelStep(buckets.length, input.current.granularity);
  let lastMonth = -1;
  buckets.forEach((b, i) => {
    if (i % step !== 0) return;
    // Days show their month on the first label and where the month changes; weeks and a week's days always.
    const withMonth = input.current.granularity === 'week' || buckets.length <= 8 || b.date.month !== lastMonth;
    lastMonth = b.date.month;
    const label = bucketLabel(b, input.lang, withMonth);
    // Centred under its bar, but never cut by the picture's edge.
    const half = ([...label].length * axisFont * 0.6) / 2;
    const cx = px(Math.min(Math.max(left + i * slot + slot / 2, half + 12), CHART_WIDTH - half - 12));
    out.push(`<text x="${cx}" y="${CHART_HEIGHT - 30}" font-size="${axisFont}" fill="${p.muted}" text-anchor="middle">${escapeXml(label)}</text>`);
  });

  if (input.current.revenue === 0 && !previous.some((b) => b.revenue > 0)) {
    out.push(
      `<text x="${px((left + right) / 2)}" y="${px((plotTop + plotBottom) / 2)}" font-size="32" fill="${p.muted}" text-anchor="middle">${escapeXml(t.noSales)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

/** Renders an SVG to PNG; `withFont: false` leaves the bundled font out (tests prove it is what draws the text). */
export function renderSvgToPng(svg: string, options: { withFont?: boolean } = {}): Buffer {
  const image = new Resvg(svg, {
    font: { fontFiles: options.withFont === false ? [] : [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    logLevel: 'off',
  }).render();
  return encodePng(image.pixels, image.width, image.height);
}

/** The chart as a PNG, CHART_WIDTH × CHART_HEIGHT. */
export function renderRevenueChart(input: RevenueChartInput): Buffer {
  return renderSvgToPng(revenueChartSvg(input));
}
