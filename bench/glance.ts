// Sales at a glance (issue #10): how long a revenue chart takes to render, and what an XLSX export of
// 10,000 orders costs in time and memory.
import { loadavg } from 'node:os';
import { Resvg } from '@resvg/resvg-js';
import { localDayRange } from '../src/domain/calendar.js';
import { CHART_FONT_FILE, renderRevenueChart, revenueChartSvg, type ChartTheme } from '../src/domain/chart/revenue-chart.js';
import { encodePng } from '../src/domain/chart/png.js';
import { compareWithPrevious, type ComparablePeriod } from '../src/domain/comparison.js';
import { revenueSeries } from '../src/domain/revenue-series.js';
import { MAX_EXPORT_ORDERS } from '../src/domain/xlsx.js';
import { forkTs } from './support/child.js';
import { shopOrders } from './support/glance-orders.js';
import type { Study, StudyTable } from './run.js';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const CHART_GOAL_MS = 50;
/** The machines these run on are shared: a load above the core count stretches every figure. */
const load = () => `Load average over the last minute when measured: ${loadavg()[0]!.toFixed(1)} on 2 cores.`;
const XLSX_GOAL_MS = 1_000;
const XLSX_GOAL_BYTES = 50 * 2 ** 20;

async function charts({ quick }: { quick: boolean }): Promise<StudyTable> {
  const tz = 'Europe/Moscow';
  const now = new Date('2026-11-28T11:20:00Z');
  const orders = shopOrders(6_000, new Date('2026-07-01T00:00:00Z'), now);
  const day = (month: number, d: number) => localDayRange({ year: 2026, month, day: d }, tz).from;
  const kinds: { what: string; period: ComparablePeriod }[] = [
    { what: 'today by hour (24 bars)', period: { from: day(11, 28), to: now, unit: 'day' } },
    { what: 'this month by day (30 bars)', period: { from: day(11, 1), to: now, unit: 'month' } },
    { what: 'a quarter by week (13 bars)', period: { from: day(9, 1), to: day(12, 1) } },
  ];
  const samples = quick ? 20 : 100;
  const rows: string[][] = [];
  const figures: Record<string, unknown> = {};
  const all: number[] = [];
  const allCpu: number[] = [];
  for (const { what, period } of kinds) {
    for (const theme of ['light', 'dark'] as ChartTheme[]) {
      const c = compareWithPrevious(period, now, tz);
      const current = revenueSeries(orders, c.currentWhole, tz, { until: now });
      const input = {
        current,
        previous: revenueSeries(orders, c.previousWhole, tz, { granularity: current.granularity }),
        title: 'Выручка · ноябрь 2026',
        lang: 'ru' as const,
        currency: 'RUB',
        theme,
      };
      const times: number[] = [];
      const cpu: number[] = [];
      for (let s = -5; s < samples; s++) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        renderRevenueChart(input);
        const used = process.cpuUsage(cpuStart);
        if (s < 0) continue;
        times.push(performance.now() - start);
        cpu.push((used.user + used.system) / 1000);
      }
      all.push(...times);
      allCpu.push(...cpu);
      rows.push([`${what}, ${theme}`, ms(percentile(times, 50)), ms(percentile(times, 99)), ms(percentile(cpu, 50)), ms(percentile(cpu, 99))]);
      figures[`${what}, ${theme}`] = { p50: percentile(times, 50), p99: percentile(times, 99), cpuP50: percentile(cpu, 50), cpuP99: percentile(cpu, 99) };
    }
  }

  // Where the time goes, for the month chart: font loading and drawing in resvg, then PNG encoding.
  const c = compareWithPrevious(kinds[1]!.period, now, tz);
  const current = revenueSeries(orders, c.currentWhole, tz, { until: now });
  const svg = revenueChartSvg({
    current,
    previous: revenueSeries(orders, c.previousWhole, tz, { granularity: 'day' }),
    title: 'Выручка',
    lang: 'ru',
    currency: 'RUB',
    theme: 'light',
  });
  const steps = { svg: [] as number[], fontAndParse: [] as number[], draw: [] as number[], ourPng: [] as number[], resvgPng: [] as number[] };
  for (let s = -5; s < samples; s++) {
    let t = performance.now();
    revenueChartSvg({ current, previous: null, title: 'Выручка', lang: 'ru', currency: 'RUB', theme: 'light' });
    const svgTime = performance.now() - t;
    t = performance.now();
    const resvg = new Resvg(svg, { font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, logLevel: 'off' });
    const parse = performance.now() - t;
    t = performance.now();
    const image = resvg.render();
    const draw = performance.now() - t;
    t = performance.now();
    encodePng(image.pixels, image.width, image.height);
    const ours = performance.now() - t;
    t = performance.now();
    image.asPng();
    const theirs = performance.now() - t;
    if (s < 0) continue;
    steps.svg.push(svgTime);
    steps.fontAndParse.push(parse);
    steps.draw.push(draw);
    steps.ourPng.push(ours);
    steps.resvgPng.push(theirs);
  }
  const step = (what: string, xs: number[]) => [what, ms(percentile(xs, 50)), ms(percentile(xs, 99)), '', ''];
  rows.push(
    step('— month chart: build the SVG', steps.svg),
    step('— month chart: load the font, parse the SVG (resvg)', steps.fontAndParse),
    step('— month chart: draw (resvg)', steps.draw),
    step('— month chart: encode PNG (ours, deflate level 3)', steps.ourPng),
    step("— month chart: encode PNG (resvg's asPng, not used)", steps.resvgPng),
  );
  const p99 = percentile(all, 99);
  const cpuP99 = percentile(allCpu, 99);
  return {
    title: '6. Revenue charts: render time',
    method:
      `\`renderRevenueChart\` (our SVG, resvg with the bundled DejaVu Sans, our PNG encoder) at 1080×640 over 6,000 orders, the previous ` +
      `period drawn behind; ${samples} renders of each kind and theme after 5 warm-ups, one at a time in this process. ` +
      'The rows starting with — take the month chart apart.',
    columns: ['chart', 'p50', 'p99', 'CPU p50', 'CPU p99'],
    rows,
    notes: [
      `Goal: ≤ ${CHART_GOAL_MS} ms p99 per chart on 2 cores. Measured over all ${all.length} renders: p99 ${ms(p99)} wall clock — ` +
        `${p99 <= CHART_GOAL_MS ? 'met' : 'NOT met'}; CPU time p99 ${ms(cpuP99)} — ${cpuP99 <= CHART_GOAL_MS ? 'met' : 'NOT met'} (CPU time is what a render costs; wall clock adds the wait for a core).`,
      'resvg-js 2.6 loads the font file anew for each render (it has no shared font database); that is the floor under every chart.',
      load(),
    ],
    figures: {
      samples,
      byChart: figures,
      p99All: p99,
      cpuP99All: cpuP99,
      steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, { p50: percentile(v, 50), p99: percentile(v, 99) }])),
    },
  };
}

async function xlsx({ quick }: { quick: boolean }): Promise<StudyTable> {
  const child = forkTs(new URL('./support/xlsx-export.ts', import.meta.url), 'xlsx export', { exposeGc: true });
  try {
    const sizes = quick ? [10_000] : [1_000, 10_000, MAX_EXPORT_ORDERS];
    const samples = quick ? 3 : 7;
    const rows: string[][] = [];
    const figures: unknown[] = [];
    const medians = new Map<string, number>();
    let goal = '';
    for (const orders of sizes) {
      for (const builder of ['ours', 'exceljs'] as const) {
        child.send({ type: 'run', orders, samples, builder });
        const r = await child.next<{
          type: 'result';
          times: number[];
          cpu: number[];
          rssGrowth: number[];
          heapGrowth: number[];
          bytes: number;
          rows: number;
          items: number;
        }>('result');
        const p50 = percentile(r.times, 50);
        const rss = Math.max(...r.rssGrowth);
        const heap = Math.max(...r.heapGrowth);
        const cpu = percentile(r.cpu, 50);
        medians.set(`${builder}:${orders}`, p50);
        const name = builder === 'ours' ? 'our writer' : 'exceljs 4.4 (before)';
        rows.push([
          name,
          orders.toLocaleString('en-US'),
          r.items.toLocaleString('en-US'),
          ms(p50),
          ms(Math.max(...r.times)),
          ms(cpu),
          mb(heap),
          mb(rss),
          mb(r.bytes),
        ]);
        figures.push({ builder, orders, ...r });
        if (orders === 10_000 && builder === 'ours') {
          goal =
            `Goal: 10,000 orders in ≤ 1 s and ≤ 50 MB of extra memory. Measured: ${ms(p50)} median wall clock, ${ms(cpu)} CPU, ` +
            `${mb(rss)} RSS growth at worst — time ${p50 <= XLSX_GOAL_MS ? 'met' : 'NOT met'} (CPU: ${cpu <= XLSX_GOAL_MS ? 'met' : 'NOT met'}), ` +
            `memory ${rss <= XLSX_GOAL_BYTES ? 'met' : 'NOT met'}.`;
        }
      }
    }
    const ratios = sizes
      .map((n) => `${n.toLocaleString('en-US')}: ${((medians.get(`exceljs:${n}`) ?? 0) / (medians.get(`ours:${n}`) ?? 1)).toFixed(1)}×`)
      .join(', ');
    return {
      title: '7. XLSX export: time and memory',
      method:
        '`buildOrdersWorkbook` (our SpreadsheetML writer: inline strings, one style per number format, one deflate per part) over ' +
        'realistic orders with two items each, beside the exceljs 4.4 streaming writer it replaced (a frozen copy in ' +
        `bench/support/xlsx-before.ts), in a child process of its own started with --expose-gc; ${samples} exports per size and ` +
        'writer after a warm-up, each after a full GC. Memory is the peak over a 1 ms sampler and the end, minus the figure just before the export.',
      columns: ['writer', 'orders', 'item rows', 'median', 'slowest', 'CPU (median)', 'heap growth (peak)', 'RSS growth (peak)', 'file'],
      rows,
      notes: [
        goal,
        `exceljs took longer by (median over median, same run): ${ratios}.`,
        load(),
        `MAX_EXPORT_ORDERS = ${MAX_EXPORT_ORDERS.toLocaleString('en-US')}: past it the bot asks for a shorter period instead of trying.`,
      ],
      figures,
    };
  } finally {
    await child.stop();
  }
}

export const studies: Study[] = [
  { name: 'glance: charts', order: 6, run: async (s) => [await charts(s)] },
  { name: 'glance: xlsx', order: 7, run: async (s) => [await xlsx(s)] },
];
