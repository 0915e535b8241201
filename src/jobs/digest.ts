// Daily digests: a BullMQ job scheduler per chat fires at the chat's local HH:MM (cron with its IANA zone,
// so DST moves with it); the job fetches yesterday's orders, renders the digest and hands it to delivery.
import type { Job } from 'bullmq';
import { addLocalDays, localDateOf, startOfLocalDay, type LocalDate, type TimeRange } from '../domain/calendar.js';
import { chartFigures, sumChartFigures, type ChartFigures } from '../domain/chart/glance-chart.js';
import { computeDigest, digestRanges, renderAccountsDigest, renderDigest, type DayOrders, type DigestRanges, type DigestStats } from '../domain/digest.js';
import { describeDay } from '../domain/format/dates.js';
import { goalProgress, renderGoalLine } from '../domain/goal.js';
import { deliveryLanguage } from './language.js';
import type { Credentials } from '../justclick/types.js';
import { isJustClickError } from '../justclick/errors.js';
import { accountLabel } from '../account-label.js';
import type { LinkedAccount } from '../store/accounts.js';
import { chatAccounts } from '../store/chats.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import type { EngineContext } from './context.js';
import { deliveryJobOptions, digestJobOptions, jobIds, type DigestJob } from './queues.js';
import { isoDate } from '../domain/calendar.js';

/** The digest's chart: this many local days up to the digest's day, the as many before them drawn behind. */
const DIGEST_CHART_DAYS = 14;

/** The chart's two stretches of whole local days: the last DIGEST_CHART_DAYS up to `day`, and the ones before. */
function digestChartRanges(day: LocalDate, timeZone: string): { current: TimeRange; previous: TimeRange } {
  const start = (offset: number) => startOfLocalDay(addLocalDays(day, offset), timeZone);
  return {
    current: { from: start(1 - DIGEST_CHART_DAYS), to: start(1) },
    previous: { from: start(1 - 2 * DIGEST_CHART_DAYS), to: start(1 - DIGEST_CHART_DAYS) },
  };
}

/** One account's part of a digest: what it is called, its day's figures and its chart's numbers. */
interface AccountDay {
  accountId: number;
  label: string;
  stats: DigestStats;
  figures: ChartFigures;
}

/** A digest is claimed per chat and local day for this long: longer than any day, shorter than forever. */
const CLAIM_SECONDS = 3 * 86_400;

export interface DigestService {
  /** (Re)reads the chat's digest time and zone and sets its schedule; removes it when the digest is off. */
  schedule(chatId: number): Promise<{ scheduled: boolean; pattern?: string; timeZone?: string }>;
  unschedule(chatId: number): Promise<void>;
  /** /digest now: a digest at once, not counted as the day's scheduled one. */
  sendNow(chatId: number): Promise<void>;
}

/**
 * `09:30` → `0 30 9 * * *` (seconds first: BullMQ's cron has six fields); on Mondays only
 * (`{ weekday: 1 }`) `0 30 9 * * 1`, on the 1st only (`{ monthDay: 1 }`) `0 30 9 1 * *`.
 */
export function schedulePattern(time: string, on: { weekday?: number; monthDay?: number } = {}): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new TypeError(`schedule time must be HH:MM, got ${time}`);
  return `0 ${Number(m[2])} ${Number(m[1])} ${on.monthDay ?? '*'} * ${on.weekday ?? '*'}`;
}

/** The daily digest's pattern. */
const digestPattern = (time: string): string => schedulePattern(time);

/**
 * Runs `send` (which queues a message carrying `claim`) once per claim: across replicas, retries and
 * reschedulings. A failure gives the claim back, so that the retry, or a later firing, can still send.
 */
export async function onceFor(
  ctx: Pick<EngineContext, 'locks'>,
  claim: string | undefined,
  ttlSeconds: number,
  send: () => Promise<void>,
): Promise<'queued' | 'already-sent'> {
  if (claim && !(await ctx.locks.claim(claim, ttlSeconds))) return 'already-sent';
  try {
    await send();
    return 'queued';
  } catch (err) {
    if (claim) await ctx.locks.unclaim(claim);
    throw err;
  }
}

export function createDigestService(ctx: EngineContext): DigestService {
  const { chats, queues } = ctx;

  async function schedule(chatId: number) {
    const chat = await chats.get(chatId);
    if (!chat.digest || chat.inactive) {
      await unschedule(chatId);
      return { scheduled: false };
    }
    const pattern = digestPattern(chat.digest.time);
    const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
    await queues.digest.upsertJobScheduler(
      jobIds.digestScheduler(chatId),
      { pattern, tz: timeZone },
      { name: 'digest', data: { chatId }, opts: digestJobOptions },
    );
    return { scheduled: true, pattern, timeZone };
  }

  async function unschedule(chatId: number): Promise<void> {
    await queues.digest.removeJobScheduler(jobIds.digestScheduler(chatId));
  }

  async function sendNow(chatId: number): Promise<void> {
    await queues.digest.add('digest', { chatId, now: true }, { ...digestJobOptions, jobId: `digest-now-${chatId}-${Date.now()}` });
  }

  return { schedule, unschedule, sendNow };
}

export function createDigestProcessor(ctx: EngineContext) {
  const { accounts, chats, queues, logger } = ctx;

  /** The day's orders created and paid, in as few calls as the method allows (one with GetOrders). */
  async function fetchDay(creds: Credentials, range: TimeRange): Promise<DayOrders> {
    return ctx.client.fetchOrderSets(creds, { ...range, goods: [] }, ctx.ordersMethod);
  }

  /** One account's digest day: its figures and the numbers of its chart. */
  async function fetchAccountDay(
    account: LinkedAccount,
    ranges: DigestRanges,
    chart: { current: TimeRange; previous: TimeRange },
    timeZone: string,
  ): Promise<AccountDay> {
    const { creds } = account;
    const [day, dayBefore, weekAgo, monthToDatePaid, chartPaid] = await Promise.all([
      fetchDay(creds, ranges.day),
      fetchDay(creds, ranges.dayBefore),
      fetchDay(creds, ranges.weekAgo),
      ctx.client.fetchOrders(creds, { ...ranges.monthToDate, paidOnly: true, goods: [] }, ctx.ordersMethod),
      ctx.client.fetchOrders(creds, { from: chart.previous.from, to: ranges.day.to, paidOnly: true, goods: [] }, ctx.ordersMethod),
    ]);
    return {
      accountId: account.accountId,
      label: accountLabel(account),
      stats: computeDigest({ day, dayBefore, weekAgo, monthToDatePaid }),
      figures: chartFigures(chartPaid, chart.current, chart.previous, timeZone, ranges.day.to),
    };
  }

  return async (job: Job<DigestJob>): Promise<string> => {
    const { chatId, now: onDemand = false } = job.data;
    const chat = await chats.get(chatId);
    if (chat.inactive) return 'chat-gone';
    // Switched off after the schedule fired: nothing to send.
    if (!onDemand && !chat.digest) return 'off';
    // Every account that feeds the chat, the primary first; one gone since (unlinked) is left out.
    const found = await Promise.all(chatAccounts(chat).map((id) => accounts.get(id)));
    const feeding = found.filter((a): a is LinkedAccount => a !== null);
    if (feeding.length === 0) return 'no-account';

    const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
    const now = ctx.now();
    const ranges = digestRanges(now, timeZone, -1);
    const date = isoDate(ranges.date);
    // At most one scheduled digest per chat and local day, whichever replica or rescheduling fires it.
    const claim = onDemand ? undefined : `digest-sent:${chatId}:${date}`;
    return onceFor(ctx, claim, CLAIM_SECONDS, async () => {
      const chart = digestChartRanges(ranges.date, timeZone);
      // One account after another: a chat fed by several does not ask JustClick for all of them at once.
      const days: AccountDay[] = [];
      const unanswered: string[] = [];
      let failure: unknown;
      for (const account of feeding) {
        try {
          days.push(await fetchAccountDay(account, ranges, chart, timeZone));
        } catch (err) {
          // One account whose JustClick fails (a revoked key, a limit) does not hold back the others' digest.
          if (feeding.length === 1 || !isJustClickError(err)) throw err;
          logger.warn({ kind: err.kind, chatId, accountId: account.accountId }, 'one account of a digest did not answer');
          unanswered.push(accountLabel(account));
          failure = err;
        }
      }
      const [first, ...rest] = days;
      // None answered: retried like a digest of one account.
      if (!first) throw failure;
      const primary = days.find((d) => d.accountId === feeding[0]!.accountId);
      const lang = await deliveryLanguage(chats, chatId, chat);
      const opts = {
        dayLabel: describeDay(ranges.date, localDateOf(now, timeZone), lang),
        lang,
        currency: ACCOUNT_CURRENCY,
        // The goal is the primary account's. Progress as of the end of the digest's day: on the 1st, the whole of
        // last month against its goal.
        goal:
          chat.goal && primary
            ? renderGoalLine(goalProgress(chat.goal.amount, primary.stats.monthToDateRevenue, ranges.monthToDate.to, timeZone), lang, ACCOUNT_CURRENCY)
            : null,
      };
      const several = feeding.length > 1;
      const html = several ? renderAccountsDigest(days, opts, unanswered) : renderDigest(first.stats, opts);
      // The chart's numbers, not its picture: it is drawn when sent, and job data stays small. Several accounts:
      // the total, and each account's part of it to stack.
      const figures = several
        ? { chart: sumChartFigures(first.figures, ...rest.map((d) => d.figures)), accounts: days.map(({ label, figures }) => ({ label, figures })) }
        : { chart: first.figures };
      await queues.delivery.add(
        'digest',
        { kind: 'digest', chatId, html, ...figures, ...(claim ? { claim } : {}) },
        // Keyed by this digest job: its retries re-add a no-op, a later run (after a given-up send) gets its own.
        { ...deliveryJobOptions, jobId: jobIds.digestDelivery(chatId, job.id ?? `${date}-${Date.now()}`) },
      );
    }).catch((err: unknown) => {
      logger.warn({ err, chatId }, 'digest failed');
      throw err;
    });
  };
}
