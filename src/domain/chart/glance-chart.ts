// A period's revenue chart with the previous equal period behind it, from orders or from stored figures:
// the digest's delivery job keeps a few numbers per bar (never the PNG) and draws them when it sends.
import { isoDate, localDateOf, type TimeRange } from '../calendar.js';
import type { Period } from '../calendar-periods.js';
import { formatDaysInWords } from '../format/dates.js';
import { glanceText } from '../i18n/glance.js';
import type { Lang } from '../i18n/lang.js';
import type { Glance } from '../glance.js';
import type { Minor, Order } from '../justclick.js';
import { revenueSeries, type Granularity, type RevenueSeries } from '../revenue-series.js';
import { renderRevenueChart, type ChartTheme, type StackPart } from './revenue-chart.js';

/** A chart's numbers, JSON-safe (instants as ISO strings): what a queued job may carry instead of a picture. */
export interface ChartFigures {
  timeZone: string;
  granularity: Granularity;
  current: SeriesFigures & { until: string };
  previous: SeriesFigures;
}

interface SeriesFigures {
  from: string;
  to: string;
  revenue: Minor[];
  count: number[];
}

const figuresOf = (series: RevenueSeries, range: TimeRange): SeriesFigures => ({
  from: range.from.toISOString(),
  to: range.to.toISOString(),
  revenue: series.buckets.map((b) => b.revenue),
  count: series.buckets.map((b) => b.count),
});

/** The bars of `current` (counted up to `until`) and of `previous`, by the granularity `current` calls for. */
export function chartFigures(orders: readonly Order[], current: TimeRange, previous: TimeRange, timeZone: string, until: Date): ChartFigures {
  const now = revenueSeries(orders, current, timeZone, { until });
  const before = revenueSeries(orders, previous, timeZone, { granularity: now.granularity });
  return { timeZone, granularity: now.granularity, current: { ...figuresOf(now, current), until: until.toISOString() }, previous: figuresOf(before, previous) };
}

/** The series again, with the same edges (they follow from the range, zone and granularity) and the stored sums. */
function seriesOf(f: SeriesFigures, timeZone: string, granularity: Granularity, until?: string): RevenueSeries {
  const empty = revenueSeries([], { from: new Date(f.from), to: new Date(f.to) }, timeZone, { granularity, ...(until ? { until: new Date(until) } : {}) });
  const buckets = empty.buckets.map((b, i) => ({ ...b, revenue: f.revenue[i] ?? 0, count: f.count[i] ?? 0 }));
  return { granularity, buckets, revenue: buckets.reduce((s, b) => s + b.revenue, 0), count: buckets.reduce((s, b) => s + b.count, 0) };
}

export interface ChartLook {
  lang: Lang;
  currency: string;
  theme: ChartTheme;
  /** Plain text drawn at the top; default "Revenue · 15–28 Nov" from the current range. */
  title?: string;
}

/** "15–28 Nov": the local days of the current range. */
function figuresDays(f: ChartFigures, lang: Lang): string {
  const last = new Date(Math.max(Date.parse(f.current.from), Date.parse(f.current.to) - 1));
  return formatDaysInWords(localDateOf(new Date(f.current.from), f.timeZone), localDateOf(last, f.timeZone), lang);
}

export function renderChartFigures(f: ChartFigures, look: ChartLook): Buffer {
  return renderStackedFigures(f, null, look);
}

/** One account's figures, named as the seller knows it. */
export interface AccountFigures {
  label: string;
  figures: ChartFigures;
}

/**
 * Several accounts' figures of the same ranges (asked at the same instant, in the same zone) added up bar by
 * bar: what a chart of all of them stands on.
 */
export function sumChartFigures(first: ChartFigures, ...rest: readonly ChartFigures[]): ChartFigures {
  const all = [first, ...rest];
  // Bar by bar: the i-th bar of every account is the same stretch of time.
  const total = (pick: (f: ChartFigures) => readonly number[]) => pick(first).map((_, i) => all.reduce((sum, f) => sum + (pick(f)[i] ?? 0), 0));
  return {
    ...first,
    current: { ...first.current, revenue: total((f) => f.current.revenue), count: total((f) => f.current.count) },
    previous: { ...first.previous, revenue: total((f) => f.previous.revenue), count: total((f) => f.previous.count) },
  };
}

/**
 * The chart of several accounts ("@all"): the total's bars split by account, each named in the legend, the
 * previous period's total faintly behind. Stacked rather than a line each: a bar's height is still the
 * total the caption gives, and a small school stays visible on top of a big one.
 */
export function renderAccountsChart(parts: readonly AccountFigures[], look: ChartLook): Buffer {
  const [first, ...rest] = parts;
  if (!first) throw new Error('a chart of accounts needs at least one');
  const total = sumChartFigures(first.figures, ...rest.map((p) => p.figures));
  return renderStackedFigures(
    total,
    parts.map((p) => ({ label: p.label, revenue: p.figures.current.revenue })),
    look,
  );
}

function renderStackedFigures(f: ChartFigures, stack: readonly StackPart[] | null, look: ChartLook): Buffer {
  const t = glanceText[look.lang];
  return renderRevenueChart({
    current: seriesOf(f.current, f.timeZone, f.granularity, f.current.until),
    previous: seriesOf(f.previous, f.timeZone, f.granularity),
    title: look.title ?? t.chartTitle(figuresDays(f, look.lang)),
    lang: look.lang,
    currency: look.currency,
    theme: look.theme,
    ...(stack ? { stack } : {}),
  });
}

/** The chart of a glance: the whole period (the hours or days to come left empty), the previous one behind. */
export function glanceChartFigures(orders: readonly Order[], glance: Glance, timeZone: string): ChartFigures {
  const c = glance.comparison;
  return chartFigures(orders, c.currentWhole, c.previousWhole, timeZone, glance.now);
}

/** revenue-2026-11-15_2026-11-28.png: the local days it shows. */
export function chartFilename(period: Period): string {
  const first = isoDate(period.firstDay);
  const last = isoDate(period.lastDay);
  return first === last ? `revenue-${first}.png` : `revenue-${first}_${last}.png`;
}
