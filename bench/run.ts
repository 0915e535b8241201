// `npm run bench`: runs every benchmark exported from bench/*.ts and prints markdown tables; a run without
// --filter also rewrites docs/benchmarks.md. Flags: --quick (fewer samples and sizes, under 3 minutes on
// 2 cores), --json <file> (also write the results), --filter <text>, --docs <file> (write the report there).
// To add benchmarks, create bench/<area>.ts exporting `benchmarks: Benchmark[]` or `studies: Study[]`
// (import only the types from here).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
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

/**
 * A measurement bigger than one call (servers, child processes, whole polling rounds) that produces its own
 * tables of figures, e.g. the bot against PHP or against a fake JustClick with thousands of accounts.
 */
export interface Study {
  name: string;
  /** Place in the report, lowest first. */
  order: number;
  run(settings: { quick: boolean }): Promise<StudyTable[]>;
}

export interface StudyTable {
  title: string;
  /** How it was measured, in a sentence or three (printed above the table in docs/benchmarks.md). */
  method: string;
  columns: string[];
  rows: string[][];
  /** Lines under the table: the goal and whether it is met, caveats. */
  notes?: string[];
  /** The same figures as plain numbers, for --json. */
  figures: unknown;
}

interface Settings {
  quick: boolean;
  json?: string;
  filter?: string;
  docs?: string;
}

function parseArgs(argv: string[]): Settings {
  const settings: Settings = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') settings.quick = true;
    else if (arg === '--json' || arg === '--filter' || arg === '--docs') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value`);
      if (arg === '--json') settings.json = value;
      else if (arg === '--docs') settings.docs = value;
      else settings.filter = value;
    } else throw new Error(`unknown argument ${arg}; use --quick, --json <file>, --filter <text>, --docs <file>`);
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

export function studyTable(t: StudyTable): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(t.columns), line(t.columns.map((_, i) => (i === 0 ? '---' : '--:'))), ...t.rows.map(line)].join('\n');
}

interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  php: string;
  redis: string;
}

function versionOf(command: string, args: string[]): string {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  return run.status === 0 ? (run.stdout.split('\n')[0] ?? '').trim() : 'not installed';
}

function machine(): Machine {
  return {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    php: versionOf('php', ['-r', 'echo "PHP ", PHP_VERSION;']),
    redis: versionOf('redis-server', ['--version']).replace(/^Redis server v=([\d.]+).*$/, 'Redis $1'),
  };
}

function report(m: Machine, settings: Settings, results: BenchResult[], studies: { name: string; tables: StudyTable[] }[]): string {
  const out = [
    '# Benchmarks',
    '',
    `Measured ${m.date.slice(0, 10)} on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM; Node ${m.node}, ${m.php}, ${m.redis}` +
      `${settings.quick ? '; quick mode (fewer samples and sizes)' : ''}.`,
    'Every figure comes from runs made side by side in one `npm run bench` process (the things compared run',
    'back to back on the same machine in the same minute), reported as medians and ratios: these machines are',
    'noisy, so compare ratios rather than absolute numbers across machines.',
    '',
    '## How to reproduce',
    '',
    '```sh',
    'apt-get install redis-server php-cli   # the benchmarks start their own redis-server and php',
    'npm ci',
    'npm run bench                          # everything, full sizes (about 8 minutes on 2 cores); rewrites this file',
    'npm run bench -- --quick               # fewer samples and sizes (under 3 minutes on 2 cores)',
    'npm run bench -- --json bench.json     # the same figures as JSON',
    'npm run bench -- --filter polling      # one area (does not rewrite this file unless --docs <file> is given)',
    '```',
    '',
  ];
  for (const study of studies) {
    for (const t of study.tables) {
      out.push(`## ${t.title}`, '', t.method, '', studyTable(t), '');
      for (const note of t.notes ?? []) out.push(`- ${note}`);
      if (t.notes?.length) out.push('');
    }
  }
  if (results.length > 0) {
    out.push(
      '## Hot paths (micro-benchmarks)',
      '',
      'Per-operation medians and p99 over batches; the ratio is against the named baseline.',
      '',
      table(results),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function discover(): Promise<{ benchmarks: Benchmark[]; studies: Study[] }> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const benchmarks: Benchmark[] = [];
  const studies: Study[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .sort()) {
    const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { benchmarks?: Benchmark[]; studies?: Study[] };
    if (mod.benchmarks) benchmarks.push(...mod.benchmarks);
    if (mod.studies) studies.push(...mod.studies);
  }
  return { benchmarks, studies: studies.sort((a, b) => a.order - b.order) };
}

const settings = parseArgs(process.argv.slice(2));
const all = await discover();
const matches = (name: string) => settings.filter === undefined || name.includes(settings.filter);
const chosen = all.benchmarks.filter((b) => matches(b.name));
// A baseline runs even when the filter leaves it out, or the ratio could not be given.
const needed = all.benchmarks.filter((b) => chosen.includes(b) || chosen.some((c) => c.baseline === b.name));
const m = machine();
console.log(`\n${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.php}, ${m.redis}${settings.quick ? ', --quick' : ''}\n`);
const studies: { name: string; tables: StudyTable[] }[] = [];
for (const study of all.studies.filter((s) => matches(s.name))) {
  const started = performance.now();
  console.log(`… ${study.name}`);
  const tables = await study.run({ quick: settings.quick });
  studies.push({ name: study.name, tables });
  for (const t of tables) console.log(`\n### ${t.title}\n\n${studyTable(t)}\n${(t.notes ?? []).map((n) => `- ${n}`).join('\n')}\n`);
  console.log(`(${study.name}: ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}
const results = needed.length > 0 ? await runBenchmarks(needed, settings) : [];
if (results.length > 0) console.log(`\n### Hot paths\n\n${table(results)}\n`);
if (settings.json) {
  writeFileSync(settings.json, `${JSON.stringify({ machine: m, node: process.version, quick: settings.quick, date: m.date, results, studies }, null, 2)}\n`);
  console.log(`results written to ${settings.json}`);
}
const docs = settings.docs ?? (settings.filter === undefined ? fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url)) : undefined);
if (docs) {
  mkdirSync(dirname(docs), { recursive: true });
  writeFileSync(docs, report(m, settings, results, studies));
  console.log(`report written to ${docs}`);
}
void sink;
