// Weekly and monthly reports: a BullMQ job scheduler per chat and cadence fires at the chat's local HH:MM on
// Mondays (last week) or on the 1st (last month); the job fetches the period and the one before, renders the
// report and its chart data, and hands them to delivery. Once per chat and period, like the digest.
import type { Job } from 'bullmq';
import { toChartData } from '../domain/chart/chart-data.js';
import { isoDate } from '../domain/calendar.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import { reportText } from '../domain/i18n/report.js';
import {
  accountsReportChart,
  computeReport,
  renderAccountsReport,
  renderReport,
  reportChart,
  reportLabel,
  reportPeriod,
  type Cadence,
  type ReportInput,
} from '../domain/report.js';
import { accountLabel } from '../account-label.js';
import { isJustClickError } from '../justclick/errors.js';
import type { LinkedAccount } from '../store/accounts.js';
import { chatAccounts, type ChatSettings } from '../store/chats.js';
import type { EngineContext } from './context.js';
import { onceFor, schedulePattern } from './digest.js';
import { deliveryLanguage } from './language.js';
import { deliveryJobOptions, digestJobOptions, jobIds, type ReportJob } from './queues.js';

const CADENCES: readonly Cadence[] = ['weekly', 'monthly'];

/** A report is claimed per chat and period for longer than any rescheduling within it could fire again. */
const CLAIM_SECONDS = 35 * 86_400;

const settingOf = (chat: ChatSettings, cadence: Cadence) => (cadence === 'weekly' ? chat.weeklyReport : chat.monthlyReport);

export interface ReportService {
  /** (Re)reads the chat's report times and zone and sets both schedules; removes those that are off. */
  schedule(chatId: number): Promise<Record<Cadence, { pattern: string; timeZone: string } | null>>;
  unschedule(chatId: number): Promise<void>;
}

export function createReportService(ctx: EngineContext): ReportService {
  const { chats, queues } = ctx;

  async function schedule(chatId: number) {
    const chat = await chats.get(chatId);
    const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
    const out: Record<Cadence, { pattern: string; timeZone: string } | null> = { weekly: null, monthly: null };
    for (const cadence of CADENCES) {
      const setting = settingOf(chat, cadence);
      const id = jobIds.reportScheduler(chatId, cadence);
      if (!setting || chat.inactive) {
        await queues.digest.removeJobScheduler(id);
        continue;
      }
      const pattern = schedulePattern(setting.time, cadence === 'weekly' ? { weekday: 1 } : { monthDay: 1 });
      await queues.digest.upsertJobScheduler(id, { pattern, tz: timeZone }, { name: 'report', data: { chatId, cadence }, opts: digestJobOptions });
      out[cadence] = { pattern, timeZone };
    }
    return out;
  }

  async function unschedule(chatId: number): Promise<void> {
    for (const cadence of CADENCES) await queues.digest.removeJobScheduler(jobIds.reportScheduler(chatId, cadence));
  }

  return { schedule, unschedule };
}

export function createReportProcessor(ctx: EngineContext) {
  const { accounts, chats, queues, logger } = ctx;

  return async (job: Job<ReportJob>): Promise<string> => {
    const { chatId, cadence } = job.data;
    const chat = await chats.get(chatId);
    if (chat.inactive) return 'chat-gone';
    // Switched off after the schedule fired: nothing to send.
    if (!settingOf(chat, cadence)) return 'off';
    // Every account that feeds the chat, the primary first; one gone since (unlinked) is left out.
    const found = await Promise.all(chatAccounts(chat).map((id) => accounts.get(id)));
    const feeding = found.filter((a): a is LinkedAccount => a !== null);
    if (feeding.length === 0) return 'no-account';

    const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
    const report = reportPeriod(cadence, ctx.now(), timeZone);
    const { current, previous } = report.comparison;
    // At most one report per chat and period, whichever replica, retry or rescheduling fires it.
    const claim = `report-sent:${cadence}:${chatId}:${isoDate(report.period.firstDay)}`;
    return onceFor(ctx, claim, CLAIM_SECONDS, async () => {
      // One account after another: a chat fed by several does not ask JustClick for all of them at once.
      const parts: { label: string; input: ReportInput }[] = [];
      const unanswered: string[] = [];
      let failure: unknown;
      for (const account of feeding) {
        const ask = (range: { from: Date; to: Date }, paidOnly: boolean) =>
          ctx.client.fetchOrders(account.creds, { ...range, paidOnly, goods: [] }, ctx.ordersMethod);
        try {
          const [created, paid, previousPaid] = await Promise.all([ask(current, false), ask(current, true), ask(previous, true)]);
          parts.push({ label: accountLabel(account), input: { created, paid, previousPaid } });
        } catch (err) {
          // One account whose JustClick fails (a revoked key, a limit) does not hold back the others' report.
          if (feeding.length === 1 || !isJustClickError(err)) throw err;
          logger.warn({ kind: err.kind, chatId, accountId: account.accountId }, 'one account of a report did not answer');
          unanswered.push(accountLabel(account));
          failure = err;
        }
      }
      // None answered: retried like a report of one account.
      if (parts.length === 0) throw failure;
      const lang = await deliveryLanguage(chats, chatId, chat);
      const opts = { lang, currency: ACCOUNT_CURRENCY };
      const [only] = parts;
      const one = feeding.length === 1 && only ? only.input : null;
      const html = one
        ? renderReport(computeReport(one, report), report, opts)
        : renderAccountsReport(
            parts.map((p) => ({ label: p.label, stats: computeReport(p.input, report) })),
            report,
            opts,
            unanswered,
          );
      const chart = one ? reportChart(one, report, timeZone, opts) : accountsReportChart(parts, report, timeZone, opts);
      await queues.delivery.add(
        'report',
        {
          kind: 'report',
          chatId,
          html,
          chart: toChartData(chart),
          caption: reportText[lang].chartCaption(cadence, reportLabel(report, lang)),
          claim,
        },
        // Keyed by this report job: its retries re-add a no-op, a later run (after a given-up send) gets its own.
        { ...deliveryJobOptions, jobId: jobIds.reportDelivery(chatId, job.id ?? `${claim}-${Date.now()}`) },
      );
    }).catch((err: unknown) => {
      logger.warn({ err, chatId, cadence }, 'report failed');
      throw err;
    });
  };
}
