// How often an account is checked for paid orders: rarely while JustClick's push brings its sales, at the
// poll interval while it does not, and less and less often while the shop sells nothing. Pure; clock passed in.

/** The intervals a deployment chose (ALERT_POLL_SECONDS, ALERT_RECONCILE_SECONDS), in ms. */
export interface PollPace {
  /** An account whose push does not reach us is checked this often. */
  pollMs: number;
  /** An account whose push works is still checked this often, in case a push is lost. */
  reconcileMs: number;
}

/** What the checks and pushes have seen of an account (all instants in ms). */
export interface AccountActivity {
  /** The last push JustClick delivered for this account, if any ever came. */
  lastPushAt?: number;
  /** The last check that found a paid order no push had brought: the push missed a sale then. */
  pushMissedAt?: number;
  /** The newest payment a check or a push has seen, or when watching began if it has seen none. */
  lastSaleAt: number;
}

export type PollMode = 'push' | 'poll' | 'quiet';

/** A shop that has sold nothing for this long is checked less often. */
export const QUIET_AFTER_MS = 14 * 86_400_000;
/** Each further day of silence doubles the interval … */
const QUIET_STEP_MS = 86_400_000;
/** … up to an hour (or the poll interval, if that is longer). */
export const MAX_QUIET_MS = 60 * 60_000;

/**
 * The push works when one has come and no check has found a sale it missed since: a poll that alerts an order
 * means JustClick's push did not bring it (the push path writes the same ledger first).
 */
export function pushWorks(activity: AccountActivity): boolean {
  const { lastPushAt, pushMissedAt } = activity;
  return lastPushAt !== undefined && (pushMissedAt === undefined || lastPushAt > pushMissedAt);
}

/** The interval silence alone asks for: the poll interval, doubled for each day past two quiet weeks, at most an hour. */
function quietIntervalMs(activity: AccountActivity, now: Date, pollMs: number): number {
  const silentFor = now.getTime() - activity.lastSaleAt;
  if (silentFor < QUIET_AFTER_MS) return pollMs;
  const doublings = 1 + Math.floor((silentFor - QUIET_AFTER_MS) / QUIET_STEP_MS);
  // 2 ** 30 is far past any cap; keeps the product finite after years of silence.
  return Math.min(Math.max(pollMs, MAX_QUIET_MS), pollMs * 2 ** Math.min(doublings, 30));
}

/** When to check the account next, and why: the longer of what the push allows and what silence allows. */
export function nextCheck(activity: AccountActivity, now: Date, pace: PollPace): { mode: PollMode; inMs: number } {
  const quiet = quietIntervalMs(activity, now, pace.pollMs);
  if (pushWorks(activity)) return { mode: 'push', inMs: Math.max(pace.reconcileMs, pace.pollMs, quiet) };
  return { mode: quiet > pace.pollMs ? 'quiet' : 'poll', inMs: quiet };
}
