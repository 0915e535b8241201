// The bot as a real process (`node --import tsx src/main.ts`, configured by the runtime contract's environment
// only), for fault drills and benchmarks: its log lines captured, its port read from the log, never left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The runtime contract (src/config.ts): nothing else reaches the process, not even PATH or HOME. */
export type ContractVar =
  | 'BOT_TOKEN'
  | 'CREDENTIALS_KEY'
  | 'REDIS_URL'
  | 'TELEGRAM_API_ROOT'
  | 'JUSTCLICK_API_URL'
  | 'JUSTCLICK_ORDERS_METHOD'
  | 'DEFAULT_TIMEZONE'
  | 'ALERT_POLL_SECONDS'
  | 'ALERT_RECONCILE_SECONDS'
  | 'BOT_MODE'
  | 'PORT'
  | 'PUBLIC_URL'
  | 'TELEGRAM_WEBHOOK_SECRET'
  | 'METRICS_PORT'
  | 'METRICS_HOST'
  | 'LOG_LEVEL';

export type BotEnv = Partial<Record<ContractVar, string>>;

/** A parsed pino line; `raw` is the line as written. */
export interface LogEntry {
  level?: number;
  msg?: string;
  [field: string]: unknown;
  raw: string;
}

export interface BotProcess {
  readonly name: string;
  readonly pid: number;
  /** The HTTP server's port, as the process logged it on start (PORT=0 works). */
  readonly port: number;
  /** Every stdout and stderr line of this process (shared with other processes when the caller passed one array). */
  readonly lines: string[];
  alive(): boolean;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves with the first log entry (already written or still to come) that matches; rejects after timeoutMs. */
  waitForLog(match: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  /** The internal metrics server's port, as logged on start (METRICS_PORT=0 works). */
  readonly metricsPort: number;
  /** GET on the bot's own HTTP server (`/healthz`), or on its internal one for `/metrics`. */
  get(path: string): Promise<{ status: number; body: string }>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const running = new Set<ChildProcess>();
let exitHook = false;

function killOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  // A test worker that dies (or ends without afterAll) must not leave bots polling a port someone reuses.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

function parseLogLine(raw: string): LogEntry {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...(parsed as Record<string, unknown>), raw };
  } catch {
    // stderr text (a crash, a config error): kept as is
  }
  return { raw };
}

export async function startBotProcess(opts: { name: string; env: BotEnv; lines?: string[]; startTimeoutMs?: number }): Promise<BotProcess> {
  killOnExit();
  const lines = opts.lines ?? [];
  const env = Object.fromEntries(Object.entries(opts.env).filter((e): e is [string, string] => e[1] !== undefined));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });

  const waiters = new Set<{ match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }>();
  const own: LogEntry[] = [];
  const take = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const raw of parts) {
        if (raw === '') continue;
        lines.push(raw);
        const entry = parseLogLine(raw);
        own.push(entry);
        for (const w of waiters) {
          if (w.match(entry)) {
            waiters.delete(w);
            w.resolve(entry);
          }
        }
      }
    });
    stream.on('end', () => {
      if (rest !== '') lines.push(rest);
    });
  };
  take(child.stdout!);
  take(child.stderr!);

  const waitForLog = (match: (e: LogEntry) => boolean, timeoutMs = 10_000): Promise<LogEntry> => {
    const seen = own.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (e: LogEntry) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `${opts.name}: no matching log line within ${timeoutMs} ms; last lines:\n${own
              .slice(-15)
              .map((e) => e.raw)
              .join('\n')}`,
          ),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
  };

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  let started: LogEntry;
  try {
    started = await Promise.race([
      waitForLog((e) => e.msg === 'bot started', opts.startTimeoutMs ?? 45_000),
      exited.then(() => {
        throw new Error(
          `${opts.name} exited before it started (code ${child.exitCode}, ${child.signalCode}):\n${own
            .slice(-15)
            .map((e) => e.raw)
            .join('\n')}`,
        );
      }),
    ]);
  } catch (err) {
    await kill('SIGKILL');
    throw err;
  }
  const port = Number(started.port);
  const metricsPort = Number(started.metricsPort);

  return {
    name: opts.name,
    pid: child.pid!,
    port,
    metricsPort,
    lines,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill,
    waitForLog,
    async get(path) {
      const res = await fetch(`http://127.0.0.1:${path === '/metrics' ? metricsPort : port}${path}`);
      return { status: res.status, body: await res.text() };
    },
  };
}
