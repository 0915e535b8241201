// Where an alert is deduplicated: both the poller and JustClick's push feed `enqueueAlerts`, which turns
// "orders seen paid" into exactly one delivery per order per chat. Also /alerts on|off and the status.
import { localDay } from '../domain/calendar.js';
import { SUMMARY_THRESHOLD, toAlertOrder } from '../domain/alert.js';
import type { Order } from '../justclick/types.js';
import type { LinkedAccount } from '../store/accounts.js';
import { chatAccounts, type ChatSettings, type FedChat } from '../store/chats.js';
import type { LedgerRead } from '../store/check-end.js';
import { LEDGER_RETENTION_SECONDS, recordsScope } from '../store/ledger.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import type { EngineContext } from './context.js';
import { deliveryJobOptions, jobIds, type Delivery } from './queues.js';
import { paidBillIds } from './buyer-context.js';
import { paidThatDay } from './milestones.js';
import { looksLikeEmail } from '../justclick/lookups.js';
import { orderForChat } from './purge.js';
import { fromUnixSeconds, JUSTCLICK_TIME_ZONE, unixSeconds } from '../domain/justclick.js';

export type AlertSource = 'poll' | 'push';

/** What /status and the tests read of an owner's alerts. */
export interface AlertStatus {
  /** Chats this owner's account feeds that have alerts on. */
  alertChats: number[];
  lastCheckAt: Date | null;
  pausedAt: Date | null;
}

export interface AlertService {
  /**
   * The caller already holds the account (the poller fetched with it, the push checked its hash with it); the
   * poller also passes the chats the account feeds, just read (chats.fedBy), which are otherwise read here, and the
   * end of its check, which reads the ledgers instead when no goal or card follows the sales: `ended` says it
   * found nothing new and ended the check.
   */
  enqueueAlerts(
    account: LinkedAccount,
    orders: Order[],
    source: AlertSource,
    fed?: readonly FedChat[],
    unlessNew?: EndUnlessNew,
  ): Promise<{ queued: number; ended?: true }>;
  enqueueStatusChange(ownerId: number, order: Order, kind: 'refund' | 'cancel'): Promise<{ queued: number }>;
  /**
   * Switches alerts on for a chat, fed by the owner's account; already-paid orders are never alerted. A private
   * chat may get several accounts' alerts: the account is added to those that feed it. A group or channel is fed
   * by the one account it is bound to.
   */
  enable(chatId: number, ownerId: number): Promise<{ baselined: number }>;
  /** Alerts off in the chat, for every account that feeds it. */
  disable(chatId: number): Promise<void>;
  /**
   * One account's alerts stop in a chat (stopped there, unlinked, access lost): it no longer feeds the chat, the
   * others go on. Returns the accounts that still feed it; when none, nothing else was changed (the caller
   * switches the chat's alerts, digest and the rest off, as for a chat fed by one account).
   */
  stopFeed(chatId: number, accountId: number): Promise<number[]>;
  /**
   * Another JustClick account now feeds the owner's chats: alerts on there start over, so that everything it
   * has already sold is history, not news. (The same account with a new key keeps its alert window.)
   */
  startOver(ownerId: number): Promise<void>;
  status(ownerId: number): Promise<AlertStatus>;
  /** The chats an owner's alerts go to right now (alerts on, chat not gone). */
  alertChats(ownerId: number): Promise<number[]>;
  /** Whether these chats, as read (chats.fedBy), give a reason to follow the account's sales: what refreshWatch decides by. */
  followed(ownerId: number, fed: readonly FedChat[]): boolean;
  /** Keeps the owner in the watch list exactly while some chat of theirs has alerts on. */
  refreshWatch(ownerId: number): Promise<boolean>;
  /**
   * A paid push just came (its id, e-mail and payment time checked by the hash): starts the reads its alert's
   * buyer line and milestones need, while the push is confirmed. Never throws; the alert reads again if these fail.
   */
  prefetch(account: LinkedAccount, pushed: { id: string; email: string; paid: number }): void;
}

/** JustClick's clock may run ahead of ours: the baseline also takes orders stamped a little in the future. */
const BASELINE_SKEW_MS = 10 * 60_000;

/** What else follows paid orders (goal checks, the pinned card): told of every batch seen paid. */
export interface SalesHooks {
  /** Chats that need the owner's account watched even without alerts (a goal, a pinned card). */
  watching(chat: ChatSettings): boolean;
  /** `fed`: the chats the account feeds, as enqueueAlerts read them; called only when one of them (not gone) is watching. */
  sales(ownerId: number, paid: Order[], fed: readonly FedChat[]): Promise<void>;
}

/**
 * The poller's end of a check that may have found nothing new (CheckEnd.checkedUnlessNew): given what each chat's
 * ledger is to be asked, null when it found every order there and ended the check, else what each ledger lacks.
 */
export type EndUnlessNew = (reads: LedgerRead[]) => Promise<string[][] | null>;

export function createAlertService(ctx: EngineContext, hooks?: SalesHooks): AlertService {
  const { accounts, chats, ledger, watch, queues, logger } = ctx;

  /** Of the chats an account feeds, those with alerts on (and not gone). */
  const alerting = (fed: readonly FedChat[]): FedChat[] => fed.filter(([, c]) => c.alerts?.on === true && c.inactive === undefined);

  function followed(ownerId: number, fed: readonly FedChat[]): boolean {
    if (alerting(fed).length > 0) return true;
    // A goal or a card follows the chat's primary account only.
    return hooks !== undefined && fed.some(([, c]) => !c.inactive && c.ownerId === ownerId && hooks.watching(c));
  }

  async function alertChats(ownerId: number): Promise<number[]> {
    return alerting(await chats.fedBy(ownerId)).map(([id]) => id);
  }

  /** Some chat of the owner's has alerts on, or another reason to follow their sales. */
  async function watched(ownerId: number): Promise<boolean> {
    return followed(ownerId, await chats.fedBy(ownerId));
  }

  async function refreshWatch(ownerId: number): Promise<boolean> {
    if (await watched(ownerId)) {
      await watch.add(ownerId);
      return true;
    }
    await watch.remove(ownerId);
    // Alerts may have been switched on in another chat between the read and the removal: look once more.
    if (await watched(ownerId)) {
      await watch.add(ownerId);
      return true;
    }
    return false;
  }

  async function enqueueAlerts(
    account: LinkedAccount,
    orders: Order[],
    source: AlertSource,
    fed?: readonly FedChat[],
    unlessNew?: EndUnlessNew,
  ): Promise<{ queued: number; ended?: true }> {
    const paid = orders.filter((o) => o.payStatus === 'paid' && o.paid !== null);
    if (paid.length === 0) return { queued: 0 };
    const { ownerId } = account;
    const now = ctx.now();
    // Older than the ledger remembers, an order could be alerted twice; the poller never looks that far back.
    const oldest = unixSeconds(now) - LEDGER_RETENTION_SECONDS + 86_400;

    const fedNow = fed ?? (await chats.fedBy(ownerId));
    // Each chat with alerts on, the orders it may be told of, and whose records they go in.
    const plans = alerting(fedNow).map(([chatId, chat]) => {
      // Orders paid before alerts were switched on here, or before this account was linked, are history.
      const since = Math.max(chat.alerts!.since, account.linkedAt);
      const candidates = paid.filter((o) => o.paid! >= since && o.paid! >= oldest);
      // Whose records: the chat's own for its first primary, the account's own in a chat several feed.
      return { chatId, scope: recordsScope(chat, ownerId), candidates };
    });
    const reads = plans.map(({ chatId, scope, candidates }) => ({ chatId, scope, orderIds: candidates.map((o) => o.id) }));
    // A goal or a pinned card that follows these sales is told of them before the check ends.
    const following = hooks === undefined ? [] : fedNow.filter(([, c]) => !c.inactive && hooks.watching(c));
    // The poller's check ends in the same call as the ledger reads when they find nothing new (#14).
    const missing =
      unlessNew && following.length === 0
        ? await unlessNew(reads)
        : await Promise.all(reads.map(({ chatId, scope, orderIds }) => ledger.missing(chatId, orderIds, scope)));
    if (missing === null) return { queued: 0, ended: true };

    let queued = 0;
    for (const [i, { chatId, scope, candidates }] of plans.entries()) {
      const fresh = new Set(missing[i]);
      const newOrders = candidates.filter((o) => fresh.has(o.id));
      if (newOrders.length === 0) continue;

      const delivery = (list: Order[]): Delivery => ({
        kind: 'paid',
        chatId,
        ownerId,
        login: account.creds.login,
        currency: ACCOUNT_CURRENCY,
        orders: list.map((o) => orderForChat(chatId, toAlertOrder(o))),
        ...(scope === undefined ? {} : { scoped: true as const }),
      });
      const jobs =
        newOrders.length > SUMMARY_THRESHOLD
          ? [
              {
                name: 'paid',
                data: delivery(newOrders),
                opts: {
                  ...deliveryJobOptions,
                  jobId: jobIds.summary(
                    chatId,
                    newOrders.map((o) => o.id),
                    scope,
                  ),
                },
              },
            ]
          : newOrders.map((o) => ({ name: 'paid', data: delivery([o]), opts: { ...deliveryJobOptions, jobId: jobIds.paid(chatId, o.id, scope) } }));
      // The job first, the ledger second: a crash in between leaves the order out of the ledger, so the next
      // check adds the same job id again, which BullMQ ignores while the job is kept (or the sent mark stops it).
      await queues.delivery.addBulk(jobs);
      await ledger.record(
        chatId,
        newOrders.map((o) => ({ orderId: o.id, paidAt: o.paid! })),
        now,
        scope,
      );
      queued += newOrders.length;
      logger.info({ ownerId, chatId, source, orders: newOrders.length, summary: newOrders.length > SUMMARY_THRESHOLD }, 'paid-order alerts queued');
    }
    // After the alerts: a goal check or a card refresh that cannot be queued must not hold them up (best effort).
    if (following.length > 0)
      await hooks?.sales(ownerId, paid, fedNow).catch((err: unknown) => logger.warn({ err, ownerId }, 'could not follow up paid orders'));
    return { queued };
  }

  async function enqueueStatusChange(ownerId: number, order: Order, kind: 'refund' | 'cancel'): Promise<{ queued: number }> {
    const account = await accounts.get(ownerId);
    if (!account) return { queued: 0 };
    const targets = alerting(await chats.fedBy(ownerId));
    if (targets.length === 0) return { queued: 0 };
    const alertOrder = toAlertOrder(order);
    const scopes = targets.map(([, chat]) => recordsScope(chat, ownerId));
    await queues.delivery.addBulk(
      targets.map(([chatId], i) => ({
        name: kind,
        data: {
          kind,
          chatId,
          ownerId,
          login: account.creds.login,
          currency: ACCOUNT_CURRENCY,
          order: orderForChat(chatId, alertOrder),
          ...(scopes[i] === undefined ? {} : { scoped: true as const }),
        },
        opts: { ...deliveryJobOptions, jobId: jobIds.status(kind, chatId, order.id, scopes[i]) },
      })),
    );
    return { queued: targets.length };
  }

  /** Everything JustClick already counts as paid is history for the account in this chat: into its ledger. */
  async function baseline(chatId: number, account: LinkedAccount, scope: number | undefined, at: Date): Promise<number> {
    try {
      const orders = await ctx.client.fetchOrders(
        account.creds,
        { from: localDay(at, JUSTCLICK_TIME_ZONE, -1).from, to: new Date(at.getTime() + BASELINE_SKEW_MS), paidOnly: true, goods: [] },
        ctx.ordersMethod,
      );
      const paid = orders.filter((o) => o.payStatus === 'paid' && o.paid !== null);
      await ledger.record(
        chatId,
        paid.map((o) => ({ orderId: o.id, paidAt: o.paid! })),
        at,
        scope,
      );
      return paid.length;
    } catch (err) {
      // Best effort: `since` alone already keeps older orders out.
      logger.warn({ err, chatId, ownerId: account.ownerId }, 'alert baseline failed; relying on alerts.since');
      return 0;
    }
  }

  async function enable(chatId: number, ownerId: number): Promise<{ baselined: number }> {
    const account = await accounts.get(ownerId);
    if (!account) throw new Error(`no JustClick account is linked for owner ${ownerId}`);
    const chat = await chats.get(chatId);
    if (chat.alerts?.on && chatAccounts(chat).includes(ownerId) && !chat.inactive) {
      // Already on: keeping `since` is what keeps orders paid since then, and not yet seen, alertable.
      await watch.add(ownerId);
      return { baselined: 0 };
    }
    // A private chat gets one more account (the first one is its primary); a group is fed by its one account.
    const adds = chatId > 0;
    const primary = chat.ownerId === undefined || (!adds && chat.ownerId !== ownerId) ? ownerId : chat.ownerId;
    const replaced = !adds && chat.ownerId !== undefined && chat.ownerId !== ownerId;
    const scope = recordsScope({ ...chat, ownerId: primary, ...(replaced ? { recordsByAccount: true } : {}) }, ownerId);
    const at = ctx.now();
    const baselined = await baseline(chatId, account, scope, at);
    if (adds) await chats.addFeed(chatId, ownerId);
    // Alerts already on for the chat's other accounts keep their `since`. A command in the chat proves it is
    // reachable again: clear an old "gone" mark.
    const alerts = chat.alerts?.on && !chat.inactive ? {} : { alerts: { on: true, since: unixSeconds(at) } };
    await chats.update(chatId, { ...(adds ? {} : { ownerId }), ...alerts, inactive: null });
    await watch.add(ownerId);
    return { baselined };
  }

  async function disable(chatId: number): Promise<void> {
    const chat = await chats.get(chatId);
    if (!chat.alerts) return;
    await chats.update(chatId, { alerts: { on: false, since: chat.alerts.since } });
    for (const id of chatAccounts(chat)) await refreshWatch(id);
  }

  async function stopFeed(chatId: number, accountId: number): Promise<number[]> {
    const chat = await chats.get(chatId);
    const others = chatAccounts(chat).filter((id) => id !== accountId);
    if (others.length === 0 || others.length === chatAccounts(chat).length) return others;
    await chats.removeFeed(chatId, accountId);
    await refreshWatch(accountId);
    return others;
  }

  async function startOver(ownerId: number): Promise<void> {
    for (const [chatId, chat] of await chats.fedBy(ownerId)) {
      if (!chat.alerts?.on) continue;
      if (chatAccounts(chat).length > 1) {
        // Other accounts' alerts go on as they were: only this one's past sales become history.
        const account = await accounts.get(ownerId);
        if (account) await baseline(chatId, account, recordsScope(chat, ownerId), ctx.now());
        continue;
      }
      await disable(chatId);
      await enable(chatId, ownerId);
    }
  }

  async function status(ownerId: number): Promise<AlertStatus> {
    const [account, targets, lastCheckAt] = await Promise.all([accounts.get(ownerId), alertChats(ownerId), watch.lastCheck(ownerId)]);
    return {
      alertChats: targets,
      lastCheckAt,
      pausedAt: account?.pausedAt === undefined ? null : fromUnixSeconds(account.pausedAt),
    };
  }

  function prefetch(account: LinkedAccount, pushed: { id: string; email: string; paid: number }): void {
    const started = (async () => {
      const targets = alerting(await chats.fedBy(account.ownerId));
      if (targets.length === 0) return;
      const zones = new Set(targets.map(([, c]) => c.timeZone ?? ctx.defaultTimeZone));
      const reads: Promise<unknown>[] = [...zones].map((zone) => paidThatDay(ctx, account.creds, pushed, zone));
      if (looksLikeEmail(pushed.email.trim())) reads.push(paidBillIds(ctx.client, ctx.prefetch, account.creds, pushed.email, pushed.id));
      await Promise.all(reads);
    })();
    started.catch((err: unknown) =>
      logger.info({ ownerId: account.ownerId, err: { message: (err as Error).message } }, 'alert prefetch failed; the alert reads again'),
    );
  }

  return { enqueueAlerts, enqueueStatusChange, enable, disable, stopFeed, startOver, status, alertChats, followed, refreshWatch, prefetch };
}
