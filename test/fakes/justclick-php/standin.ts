// The PHP-checked stand-in: `php -S` in front of the Node fake, so every signature the bot sends is
// verified by PHP's real $_POST parsing and http_build_query, not by our own port of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FakeJustClick } from '../justclick.js';

const ROUTER = fileURLToPath(new URL('./router.php', import.meta.url));

export interface PhpJustClick {
  /** API URL template for the client: `http://127.0.0.1:PORT/{login}/api`. */
  url: string;
  close(): Promise<void>;
}

/** Starts `php -S 127.0.0.1:PORT router.php` relaying to `fake`. Needs php-cli (see describePhp). */
export async function startPhpJustClick(fake: FakeJustClick): Promise<PhpJustClick> {
  let lastError: unknown;
  for (let tries = 0; tries < 3; tries++) {
    const port = await freePort();
    const child = spawn('php', ['-S', `127.0.0.1:${port}`, ROUTER], {
      // Several workers: a request the fake leaves hanging must not block the next one.
      env: { ...process.env, FAKE_ORIGIN: fake.origin, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group: the workers outlive a SIGTERM to the parent, so stop() signals the group.
      detached: true,
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-4000);
    });
    // A missing php binary is an 'error' event; without this it would be an uncaught exception.
    const started = await new Promise<Error | null>((resolve) => {
      child.once('spawn', () => resolve(null));
      child.once('error', resolve);
    });
    if (started) throw new Error(`cannot run php -S (${started.message}): install php-cli`);
    try {
      await waitForPort(port, child, () => log);
      return { url: `http://127.0.0.1:${port}/{login}/api`, close: () => stop(child) };
    } catch (error) {
      lastError = error;
      await stop(child);
    }
  }
  throw lastError;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`php -S exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`php -S did not listen on ${port} within 10 s: ${log()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}
