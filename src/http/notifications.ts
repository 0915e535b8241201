// POST /justclick/notify/<token>: JustClick's push about a paid invoice (or a refund, a cancellation).
// The token picks the account, the account's key checks the hash; the push then only says "order N changed":
// what the alert shows and whether there is one at all comes from JustClick's signed API (getOrderDetails).
import { unixSeconds, type Order } from '../domain/justclick.js';
import { isJustClickError } from '../justclick/errors.js';
import { parseNotification } from '../justclick/notification.js';
import type { Logger } from '../logger.js';
import type { AccountStore, LinkedAccount } from '../store/accounts.js';

/** Where a confirmed push goes: the alert engine's own path, shared with the poller (src/jobs/alerts.ts). */
export interface PushedOrders {
  enqueueAlerts(account: LinkedAccount, orders: Order[], source: 'push'): Promise<unknown>;
  enqueueStatusChange(ownerId: number, order: Order, kind: 'refund' | 'cancel'): Promise<unknown>;
  /** Starts what a paid order's alert will read (buyer line, milestones) while the push is confirmed; never throws. */
  prefetch?(account: LinkedAccount, pushed: { id: string; email: string; paid: number }): void;
  /** A push left to the poller: the account is checked at the next tick, not at its next reconciliation. */
  checkSoon?(ownerId: number): Promise<void>;
}

/** How a push is checked against JustClick: one signed call, at most once per order and status for a while. */
export interface PushConfirmation {
  /** The order as JustClick's API has it now; null when it knows no such order. Throws JustClickError. */
  orderDetails(account: LinkedAccount, orderId: string): Promise<Order | null>;
  /**
   * True for the first push about this order and status in a while, and only while the account's push budget
   * lasts: a captured body replayed a thousand times costs one JustClick call, not a thousand.
   */
  claim(account: LinkedAccount, orderId: string, status: string, now: Date): Promise<boolean>;
  /** Gives a claim back when JustClick could not be asked, so that JustClick's own retry is confirmed. */
  release(account: LinkedAccount, orderId: string, status: string): Promise<void>;
}

export interface NotificationDeps {
  accounts: Pick<AccountStore, 'ownerByPushToken' | 'get' | 'markPush'>;
  alerts: PushedOrders;
  confirm: PushConfirmation;
  logger: Logger;
  now?: () => Date;
}

export type NotificationAnswer = { status: number; body: string };

const answer = (status: number, body: string): NotificationAnswer => ({ status, body: `${body}\n` });

/** JustClick sends a few dozen fields; PHP itself stops at 1,000 (max_input_vars). */
export const MAX_FIELDS = 1_000;

/**
 * Unknown token → 404, more than MAX_FIELDS fields → 400, wrong or missing hash → 403 (all before anything is
 * written). Otherwise the push is recorded and the order asked of JustClick; what the API says decides:
 * paid → the same path as the poller (so push + poll of one order alert once), refunded or cancelled → a short
 * message of their own (once per order and status), anything else or an order JustClick does not know → nothing.
 * The hash covers only id, email and paid, so nothing else of the body (status, sums, goods, link) is used.
 * A `new_order` push whose hashed `paid` is empty asks nothing: an order never paid has nothing to alert.
 * If JustClick cannot be asked: 200 for a paid-invoice push (the poller sees the order within a minute), 503 for
 * a refund or cancellation (which only a push tells), so that JustClick sends it again.
 */
export function createNotificationHandler(deps: NotificationDeps): (token: string, rawBody: string) => Promise<NotificationAnswer> {
  const { accounts, alerts, confirm, logger } = deps;
  const now = deps.now ?? (() => new Date());

  return async (token, rawBody) => {
    const ownerId = await accounts.ownerByPushToken(token);
    const account = ownerId === null ? null : await accounts.get(ownerId);
    if (ownerId === null || !account) return answer(404, 'unknown notification URL');
    // Counted before parsing, so a body of 64 KB of `&a=` costs a split, not a PHP-array build.
    if (rawBody.split('&').length > MAX_FIELDS) return answer(400, 'too many fields');
    let notification;
    try {
      notification = parseNotification(rawBody, account.creds.key);
    } catch (err) {
      if (!isJustClickError(err)) throw err;
      if (err.kind === 'wrong-key') {
        logger.warn({ ownerId }, 'JustClick notification with a wrong hash refused');
        return answer(403, 'hash mismatch');
      }
      logger.warn({ ownerId, err: err.message }, 'JustClick notification not understood');
      return answer(400, 'not understood');
    }
    const at = now();
    await accounts.markPush(ownerId, unixSeconds(at));
    const { status } = notification;
    const orderId = notification.order.id;
    if (status === 'new_order' && notification.order.paid === null) return answer(200, 'OK');
    if (!(await confirm.claim(account, orderId, status, at))) {
      logger.info({ ownerId, orderId, status }, 'JustClick notification already confirmed (or push budget spent); left to the poller');
      await alerts.checkSoon?.(ownerId);
      return answer(200, 'OK');
    }

    // The hash covers id, e-mail and payment time: enough to start the alert's other reads side by side with the
    // confirmation, so that the alert waits for one JustClick round trip, not two. Nothing is alerted from them.
    const pushedPaid = notification.order.paid;
    if (status !== 'cancel_order' && status !== 'moneyback' && pushedPaid !== null) {
      alerts.prefetch?.(account, { id: orderId, email: notification.order.email, paid: pushedPaid });
    }
    let order: Order | null;
    try {
      order = await confirm.orderDetails(account, orderId);
    } catch (err) {
      if (!isJustClickError(err)) throw err;
      await confirm.release(account, orderId, status).catch(() => undefined);
      logger.warn({ ownerId, orderId, status, kind: err.kind }, 'could not confirm a JustClick notification with its API');
      await alerts.checkSoon?.(ownerId);
      return status === 'paid' ? answer(200, 'OK') : answer(503, 'JustClick could not be asked; send it again later');
    }
    if (order === null) {
      logger.warn({ ownerId, orderId, status }, 'JustClick notification about an order its API does not know; nothing alerted');
      return answer(200, 'OK');
    }
    switch (order.payStatus) {
      case 'paid':
        if (order.paid !== null) await alerts.enqueueAlerts(account, [order], 'push');
        break;
      case 'moneyback':
        await alerts.enqueueStatusChange(ownerId, order, 'refund');
        break;
      case 'cancel':
        await alerts.enqueueStatusChange(ownerId, order, 'cancel');
        break;
    }
    logger.info({ ownerId, orderId, status, confirmed: order.payStatus }, 'JustClick notification confirmed');
    return answer(200, 'OK');
  };
}
