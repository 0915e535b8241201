// JustClick's push notifications (paid invoice, new order, cancel, refund): an urlencoded body signed
// with md5(id . email . paid . key). The hash is checked first; nothing in an unverified body is used.
import { JustClickError } from './errors.js';
import { parseMoney, parseOrder } from './orders.js';
import { parsePhpQuery, phpArrayToObject, type PhpArray } from './query.js';
import { verifyNotificationHash } from './signature.js';
import type { Minor, Order } from './types.js';

export type NotificationStatus = 'paid' | 'new_order' | 'cancel_order' | 'moneyback';

export interface Notification {
  status: NotificationStatus;
  order: Order;
  /** Set on a partial payment. */
  prepaymentSum: Minor | null;
  lastPaymentSum: Minor | null;
}

const STATUSES: ReadonlySet<string> = new Set<NotificationStatus>(['paid', 'new_order', 'cancel_order', 'moneyback']);

/**
 * Verifies the hash with the account's key, then reads the order. Throws JustClickError: 'wrong-key' when the
 * hash does not match, 'protocol' when a verified body cannot be read.
 */
export function parseNotification(body: string, key: string): Notification {
  const fields = parsePhpQuery(body);
  const id = field(fields, 'id');
  if (!verifyNotificationHash(id, field(fields, 'email'), field(fields, 'paid'), key, fields.get('hash'))) {
    // Not the account's key: the caller answers 403 for this kind, 400 for a body it cannot read.
    throw new JustClickError('wrong-key', 'notification hash mismatch');
  }
  // A paid-invoice notification has no status field; the others say what happened.
  const status = field(fields, 'status') || 'paid';
  if (!STATUSES.has(status)) {
    throw new JustClickError('protocol', `notification for order ${id} has an unknown status "${status.slice(0, 40)}"`);
  }
  const raw = phpArrayToObject(fields);
  delete raw.hash;
  const order = parseOrder(raw);
  const lastPaymentSum = amount(raw.last_payment_sum, id, 'last_payment_sum');
  const prepaymentSum = amount(raw.prepayment_sum, id, 'prepayment_sum');
  // The documented body carries no order total: use what was paid per line, else the last payment.
  if (raw.price === undefined) {
    order.price = order.items.length > 0 ? order.items.reduce((sum, item) => sum + item.sum, 0) : (lastPaymentSum ?? 0);
  }
  return { status: status as NotificationStatus, order, prepaymentSum, lastPaymentSum };
}

function field(fields: PhpArray, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value : '';
}

function amount(value: unknown, id: string, name: string): Minor | null {
  const minor = parseMoney(value);
  if (Number.isNaN(minor)) throw new JustClickError('protocol', `notification for order ${id}: ${name} is not an amount`);
  return minor;
}
