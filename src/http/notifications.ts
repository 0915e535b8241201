// POST /justclick/notify/<token>: JustClick's push about a paid invoice (or a refund, a cancellation).
// The token picks the account, the account's key checks the hash; anything else changes nothing.
import { unixSeconds, type Order } from '../domain/justclick.js';
import { isJustClickError } from '../justclick/errors.js';
import { parseNotification } from '../justclick/notification.js';
import type { Logger } from '../logger.js';
import type { AccountStore, LinkedAccount } from '../store/accounts.js';

/** Where a verified push goes: the alert engine's own path, shared with the poller (src/jobs/alerts.ts). */
export interface PushedOrders {
  enqueueAlerts(account: LinkedAccount, orders: Order[], source: 'push'): Promise<unknown>;
  enqueueStatusChange(ownerId: number, order: Order, kind: 'refund' | 'cancel'): Promise<unknown>;
}

export interface NotificationDeps {
  accounts: Pick<AccountStore, 'ownerByPushToken' | 'get' | 'markPush'>;
  alerts: PushedOrders;
  logger: Logger;
  now?: () => Date;
}

export type NotificationAnswer = { status: number; body: string };

const answer = (status: number, body: string): NotificationAnswer => ({ status, body: `${body}\n` });

/** JustClick sends a few dozen fields; PHP itself stops at 1,000 (max_input_vars). */
export const MAX_FIELDS = 1_000;

/**
 * Unknown token → 404, more than MAX_FIELDS fields → 400, wrong or missing hash → 403 (all before anything is
 * written). Otherwise the push is recorded and 200 answered once the alerts are queued (queueing is a few
 * Redis calls; delivery is async).
 * `paid` → the same path as the poller (so push + poll of one order alert once); `moneyback` and
 * `cancel_order` → a short message of their own, once per order and status; `new_order` is ignored, as is a
 * partial payment (`prepayment_sum`): the alert comes when the order is paid in full.
 */
export function createNotificationHandler(deps: NotificationDeps): (token: string, rawBody: string) => Promise<NotificationAnswer> {
  const { accounts, alerts, logger } = deps;
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
    const { status, order } = notification;
    switch (status) {
      case 'paid':
        if (notification.prepaymentSum !== null) break;
        // The paid-invoice body has no pay_status; the notification itself says it. Its `paid` is hashed.
        order.payStatus = 'paid';
        order.paid ??= unixSeconds(at);
        await alerts.enqueueAlerts(account, [order], 'push');
        break;
      case 'moneyback':
        await alerts.enqueueStatusChange(ownerId, order, 'refund');
        break;
      case 'cancel_order':
        await alerts.enqueueStatusChange(ownerId, order, 'cancel');
        break;
      case 'new_order':
        break;
    }
    logger.info({ ownerId, orderId: order.id, status }, 'JustClick notification accepted');
    return answer(200, 'OK');
  };
}
