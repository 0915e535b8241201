// `npm run bench`: runs every benchmark exported from bench/*.ts and prints a markdown table.
// Flags: --quick (fewer samples, for CI smoke runs), --json <file> (also write the results), --filter <text>.
// To add benchmarks, create bench/<area>.ts exporting `benchmarks: Benchmark[]` (import only the type from here).
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Benchmark {
  name: string;
  /**
   * `throughput`: a fast operation run in batches, reported as ops/s (per-op median and p99 over batches).
   * `latency`: a slow operation timed one run at a time, reported as median and p99 ms.
   */
  measure: 'throughput' | 'latency';
  /** Name of the benchmark this one is compared with: the ratio says how many times faster this one is. */
  baseline?: string;
  setup?: () => unknown;
  run: () => unknown;
  teardown?: () => unknown;
}

export interface BenchResult {
  name: string;
  measure: Benchmark['measure'];
  opsPerSec: number;
  medianMs: number;
  p99Ms: number;
  samples: number;
  baseline?: string;
  /** baseline median / this median: above 1 means faster than the baseline. */
  ratio?: number;
}

interface Settings {
  quick: boolean;
  json?: string;
  filter?: string;
}

function parseArgs(argv: string[]): Settings {
  const settings: Settings = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') settings.quick = true;
    else if (arg === '--json' || arg === '--filter') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value`);
      if (arg === '--json') settings.json = value;
      else settings.filter = value;
    } else throw new Error(`unknown argument ${arg}; use --quick, --json <file>, --filter <text>`);
  }
  return settings;
}

let sink: unknown; // results go here so the engine cannot drop the work as dead code

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function once(run: () => unknown): Promise<void> {
  const value = run();
  sink = value instanceof Promise ? await value : value;
}

/** Per-op times (ms) of `samples` batches, each sized to last about `batchMs`. */
async function throughput(run: () => unknown, samples: number, batchMs: number, warmupMs: number): Promise<number[]> {
  const isAsync = run() instanceof Promise;
  const batch = async (n: number) => {
    const start = performance.now();
    if (isAsync) for (let i = 0; i < n; i++) sink = await run();
    else for (let i = 0; i < n; i++) sink = run();
    return performance.now() - start;
  };
  let n = 1;
  for (const end = performance.now() + warmupMs; performance.now() < end; ) await batch(n);
  while ((await batch(n)) < batchMs && n < 1 << 24) n *= 2;
  const times: number[] = [];
  for (let s = 0; s < samples; s++) times.push((await batch(n)) / n);
  return times;
}

async function latency(run: () => unknown, samples: number, warmups: number): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await once(run);
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    await once(run);
    times.push(performance.now() - start);
  }
  return times;
}

export async function runBenchmarks(benchmarks: Benchmark[], settings: Settings): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const b of benchmarks) {
    await b.setup?.();
    const times =
      b.measure === 'throughput'
        ? await throughput(b.run, settings.quick ? 8 : 30, settings.quick ? 10 : 25, settings.quick ? 50 : 300)
        : await latency(b.run, settings.quick ? 5 : 25, settings.quick ? 1 : 3);
    await b.teardown?.();
    const sorted = [...times].sort((x, y) => x - y);
    const medianMs = percentile(sorted, 50);
    results.push({ name: b.name, measure: b.measure, opsPerSec: 1000 / medianMs, medianMs, p99Ms: percentile(sorted, 99), samples: times.length });
  }
  for (const [i, b] of benchmarks.entries()) {
    const base = b.baseline === undefined ? undefined : results.find((r) => r.name === b.baseline);
    if (b.baseline !== undefined) results[i]!.baseline = b.baseline;
    if (base) results[i]!.ratio = base.medianMs / results[i]!.medianMs;
  }
  return results;
}

function time(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(2)} µs`;
}

function ops(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(1);
}

export function table(results: BenchResult[]): string {
  const rows = results.map((r) => {
    const vs = r.ratio === undefined ? (r.baseline ? `(${r.baseline} not run)` : '—') : `${r.ratio.toFixed(2)}× ${r.baseline}`;
    return `| ${r.name} | ${ops(r.opsPerSec)} | ${time(r.medianMs)} | ${time(r.p99Ms)} | ${vs} |`;
  });
  return ['| benchmark | ops/s | median | p99 | vs baseline |', '|---|--:|--:|--:|---|', ...rows].join('\n');
}

async function discover(): Promise<Benchmark[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const found: Benchmark[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts').sort()) {
    const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { benchmarks?: Benchmark[] };
    if (mod.benchmarks) found.push(...mod.benchmarks);
  }
  return found;
}

const settings = parseArgs(process.argv.slice(2));
const all = await discover();
const chosen = settings.filter ? all.filter((b) => b.name.includes(settings.filter!)) : all;
// A baseline runs even when the filter leaves it out, or the ratio could not be given.
const needed = all.filter((b) => chosen.includes(b) || chosen.some((c) => c.baseline === b.name));
const results = await runBenchmarks(needed, settings);
console.log(`\nNode ${process.version}${settings.quick ? ', --quick' : ''}\n\n${table(results)}\n`);
if (settings.json) {
  writeFileSync(settings.json, `${JSON.stringify({ node: process.version, quick: settings.quick, date: new Date().toISOString(), results }, null, 2)}\n`);
  console.log(`results written to ${settings.json}`);
}
void sink;
