// Child processes of the benchmarks (a JustClick farm, an alert engine, the bot), run from TypeScript source
// with tsx and talked to over Node's IPC channel in typed messages: `{ type, ...fields }` both ways.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Message {
  type: string;
  [field: string]: unknown;
}

export interface Child {
  send(message: Message): void;
  /** The next message of this type (already received or still to come); rejects when the child fails or exits. */
  next<T extends Message>(type: string): Promise<T>;
  /** Asks the child to stop and waits for it to exit (killing it after a grace period). */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function forkTs(script: URL, name: string, opts: { exposeGc?: boolean; execArgv?: string[] } = {}): Child {
  const execArgv = ['--import', 'tsx', ...(opts.exposeGc ? ['--expose-gc'] : []), ...(opts.execArgv ?? [])];
  const child = fork(fileURLToPath(script), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  running.add(child);
  const inbox: Message[] = [];
  const waiting: { type: string; resolve: (m: Message) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | undefined;

  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  child.on('message', (raw) => {
    const message = raw as Message;
    if (message.type === 'error') return fail(new Error(`${name}: ${String(message.message)}`));
    const i = waiting.findIndex((w) => w.type === message.type);
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(message);
    else inbox.push(message);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      fail(new Error(`${name} exited (${code ?? signal})`));
      resolve();
    });
  });

  return {
    send(message) {
      child.send(message);
    },
    next<T extends Message>(type: string): Promise<T> {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => waiting.push({ type, resolve: resolve as (m: Message) => void, reject }));
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.send({ type: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** In a child: handles the parent's messages one at a time; a handler's error is reported, then the child exits. */
export function serve(handle: (message: Message) => Promise<void> | void): void {
  let chain = Promise.resolve();
  process.on('message', (raw) => {
    const message = raw as Message;
    chain = chain
      .then(async () => {
        if (message.type === 'stop') process.exit(0);
        await handle(message);
      })
      .catch((err: unknown) => {
        process.send?.({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1));
      });
  });
}

export function reply(message: Message): void {
  process.send?.(message);
}
