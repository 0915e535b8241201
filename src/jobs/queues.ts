// The three BullMQ queues of the alert engine, what their jobs carry, and how each kind is retried.
// Job data is stored in clear text: it holds ids and order snapshots, never a JustClick key or a bot token.
import type { Html } from '../domain/format/html.js';
import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { JustClickErrorKind } from '../justclick/errors.js';
import type { AlertOrder } from '../domain/alert.js';
import type { AccountFigures, ChartFigures } from '../domain/chart/glance-chart.js';
import type { ChartData } from '../domain/chart/chart-data.js';
import type { Cadence } from '../domain/report.js';

export const POLL_QUEUE = 'alert-poll';
export const DELIVERY_QUEUE = 'delivery';
export const DIGEST_QUEUE = 'digest';

/** Scheduler id of the one job that fans out a poll per watched account. */
export const POLL_TICK = 'poll-tick';

/** A poll checks a batch of accounts (`ownerId`: one, as queued before batches). */
export type PollJob = { name: 'tick'; data: Record<string, never> } | { name: 'poll'; data: { ownerIds: number[] } | { ownerId: number } };

/**
 * One message to one chat. Rendering happens at delivery, in the chat's language of that moment. `scoped`: the
 * alert's sent marks name its account (a chat fed by several, store/ledger.ts recordsScope); absent, the chat's own.
 */
export type Delivery =
  /** One paid order, or (more than one) a summary: several paid at once are one message, not a burst. */
  | { kind: 'paid'; chatId: number; ownerId: number; login: string; currency: string; orders: AlertOrder[]; scoped?: true }
  | { kind: 'refund' | 'cancel'; chatId: number; ownerId: number; login: string; currency: string; order: AlertOrder; scoped?: true }
  /** Told to the owner once when polling for their account stops. */
  | { kind: 'paused'; chatId: number; ownerId: number; login: string; reason: JustClickErrorKind; resumesByItself?: boolean }
  /** Told to the owner once when polling starts again by itself after a limit pause. */
  | { kind: 'resumed'; chatId: number; ownerId: number; login: string }
  /**
   * `claim` is the once-a-day lock given back when the digest finally cannot be sent. `chart` holds the
   * numbers of its 14-day chart (a few per bar), drawn when it is sent: job data never carries a picture.
   * `accounts`: in a chat fed by several, each one's part of `chart`, stacked when drawn.
   */
  | { kind: 'digest'; chatId: number; html: Html; claim?: string; chart?: ChartFigures; accounts?: AccountFigures[] }
  /** A weekly or monthly report: the text, then its chart (drawn at delivery from numbers, never stored as PNG). */
  | { kind: 'report'; chatId: number; html: Html; chart: ChartData; caption: Html; claim?: string }
  /** The paid orders held through a chat's quiet hours ending at `windowEnd` (unix s), as one summary. */
  | { kind: 'held'; chatId: number; windowEnd: number; currency: string }
  /** A one-off message, e.g. a goal milestone; `claim` is given back when it finally cannot be sent. */
  | { kind: 'notice'; chatId: number; html: Html; claim?: string };

export interface DigestJob {
  chatId: number;
  /** Asked for with /digest now: sent at once and not counted as the day's digest. */
  now?: boolean;
}

/** A weekly or monthly report falls due (job name `report`). */
export interface ReportJob {
  chatId: number;
  cadence: Cadence;
}

/** Look at an owner's month against the goals of their chats (job name `goal`). */
export interface GoalCheckJob {
  ownerId: number;
}

/** Bring a chat's pinned card up to date (job name `card`; the midnight scheduler's is the same). */
export interface CardJob {
  chatId: number;
}

/** Look at a chat's silence (job name `silence`); the sweep (job name `alert-sweep`) carries no data. */
export interface SilenceJob {
  chatId: number;
}

/** Everything the digest queue runs: scheduled summaries and the work that follows paid orders. */
export type SummaryJob = DigestJob | ReportJob | GoalCheckJob | CardJob | SilenceJob | Record<string, never>;

const DAY_SECONDS = 86_400;

/**
 * Completed deliveries are kept two days: while a job id exists, adding it again is a no-op, which is what
 * heals a crash between "job added" and "ledger written" (the next poll re-adds, harmlessly).
 */
export const deliveryJobOptions: JobsOptions = {
  // Telegram outages can last hours: about a day and a half of retries, each at most five minutes apart.
  attempts: 500,
  backoff: { type: 'capped' },
  removeOnComplete: { age: 2 * DAY_SECONDS },
  removeOnFail: { age: 14 * DAY_SECONDS },
};

/** Poll jobs are not retried: the next tick is the retry. */
export const pollJobOptions: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 3600, count: 20_000 },
  removeOnFail: { age: DAY_SECONDS, count: 5_000 },
};

export const digestJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 2 * DAY_SECONDS },
  removeOnFail: { age: 7 * DAY_SECONDS },
};

/** Exponential from one second, capped at five minutes: used by the delivery worker's `capped` backoff. */
export function cappedBackoff(attemptsMade: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attemptsMade - 1), 5 * 60_000);
}

/**
 * A job-id part from an outside value. BullMQ ids must not contain ':' and must not be all digits; values
 * that are not plain `[A-Za-z0-9_-]` are hashed so that two different values never share an id.
 */
export function idPart(value: string | number): string {
  const s = String(value);
  return /^[A-Za-z0-9_-]{1,64}$/.test(s) ? s : `h${createHash('sha1').update(s).digest('hex').slice(0, 20)}`;
}

/** The chat part of an alert's job id: the chat, and the account when its records are its own (`scope`). */
const alertChat = (chatId: number, scope?: number) => (scope === undefined ? `${chatId}` : `${chatId}-a${scope}`);

export const jobIds = {
  paid: (chatId: number, orderId: string, scope?: number) => `paid-${alertChat(chatId, scope)}-${idPart(orderId)}`,
  summary: (chatId: number, orderIds: string[], scope?: number) =>
    `paid-${alertChat(chatId, scope)}-n${orderIds.length}-${createHash('sha1')
      .update([...orderIds].sort().join(','))
      .digest('hex')
      .slice(0, 16)}`,
  status: (kind: 'refund' | 'cancel', chatId: number, orderId: string, scope?: number) => `${kind}-${alertChat(chatId, scope)}-${idPart(orderId)}`,
  paused: (ownerId: number, at: number) => `paused-${ownerId}-${at}`,
  resumed: (ownerId: number, at: number) => `resumed-${ownerId}-${at}`,
  /** The batch starting at the `first`-th account the tick took. */
  poll: (first: number, tick: string) => `poll-${idPart(tick)}-${first}`,
  digestDelivery: (chatId: number, digestJobId: string) => `digest-${chatId}-${idPart(digestJobId)}`,
  digestScheduler: (chatId: number) => `digest-${chatId}`,
  reportScheduler: (chatId: number, cadence: Cadence) => `report-${cadence}-${chatId}`,
  reportDelivery: (chatId: number, reportJobId: string) => `report-${chatId}-${idPart(reportJobId)}`,
  /** One goal check per owner per slot: paid orders arriving together start one check. */
  goalCheck: (ownerId: number, slot: number) => `goal-${ownerId}-${slot}`,
  goalNotice: (chatId: number, month: string, milestone: number) => `goal-${chatId}-${month}-${milestone}`,
  /** One card refresh per chat per edit slot: that is what keeps edits at most one per slot. */
  card: (chatId: number, slot: number) => `card-${chatId}-${slot}`,
  cardMidnight: (chatId: number) => `card-midnight-${chatId}`,
  /** One release per chat and end of quiet hours. */
  heldRelease: (chatId: number, windowEnd: number) => `held-${chatId}-${windowEnd}`,
  silenceCheck: (chatId: number, at: number) => `silence-${chatId}-${at}`,
  silenceNotice: (chatId: number, day: string) => `silence-notice-${chatId}-${day}`,
};
