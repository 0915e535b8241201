// A chart's input as plain JSON, for job data: numbers and words only (no orders, no PNG bytes), so that the
// delivery worker draws the picture when it sends it and a retry draws it again.
import type { RevenueBucket, RevenueSeries } from '../revenue-series.js';
import type { RevenueChartInput } from './revenue-chart.js';

type BucketData = Omit<RevenueBucket, 'from' | 'to'> & { from: number; to: number };
type SeriesData = Omit<RevenueSeries, 'buckets'> & { buckets: BucketData[] };

export type ChartData = Omit<RevenueChartInput, 'current' | 'previous'> & { current: SeriesData; previous: SeriesData | null };

const seriesData = (s: RevenueSeries): SeriesData => ({
  ...s,
  buckets: s.buckets.map((b) => ({ ...b, from: b.from.getTime(), to: b.to.getTime() })),
});
const series = (s: SeriesData): RevenueSeries => ({
  ...s,
  buckets: s.buckets.map((b) => ({ ...b, from: new Date(b.from), to: new Date(b.to) })),
});

export function toChartData(input: RevenueChartInput): ChartData {
  return { ...input, current: seriesData(input.current), previous: input.previous && seriesData(input.previous) };
}

export function fromChartData(data: ChartData): RevenueChartInput {
  return { ...data, current: series(data.current), previous: data.previous && series(data.previous) };
}
