// The one way a test waits for something that happens in its own time (a message reaching Telegram, a leader
// elected, a queue drained): poll a condition until it holds, and say what was awaited when it never does.

export interface WaitOptions {
  /** How long to keep asking (default 10 s). */
  timeoutMs?: number;
  /** The pause between two asks (default 25 ms). */
  intervalMs?: number;
  /** What is awaited, for the error on timeout: "timed out after … ms waiting for <message>". */
  message?: string;
}

/** Polls `condition` until it holds: true then, false once `timeoutMs` has passed. An error in `condition` rejects. */
export async function holdsWithin(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 25 }: Omit<WaitOptions, 'message'> = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Polls `condition` until it holds; fails, naming `message`, after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, opts: WaitOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, message = 'condition' } = opts;
  if (!(await holdsWithin(condition, opts))) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
}
