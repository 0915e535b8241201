// The words of alert messages (paid, refund, cancel, summary, "alerts paused") in Russian and English.
// Values passed in are already escaped HTML; these functions only place them.
import type { JustClickErrorKind } from '../../justclick/errors.js';
import type { Lang } from './lang.js';

export interface AlertTexts {
  paidTitle: (orderNo: string) => string;
  refundTitle: (orderNo: string) => string;
  cancelTitle: (orderNo: string) => string;
  summaryTitle: (count: number, total: string) => string;
  orderNo: (orderNo: string) => string;
  andMore: (count: number) => string;
  moreGoods: (count: number) => string;
  customer: string;
  payway: string;
  source: string;
  paidAt: string;
  openOrder: string;
  /** Why polling stopped, naming the account login (already escaped). */
  paused: (reason: JustClickErrorKind, login: string) => string;
}

const ruPlural = (n: number, one: string, few: string, many: string): string => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
};

const ru: AlertTexts = {
  paidTitle: (no) => `💰 <b>Оплачен заказ № ${no}</b>`,
  refundTitle: (no) => `↩️ <b>Возврат по заказу № ${no}</b>`,
  cancelTitle: (no) => `✖️ <b>Заказ № ${no} отменён</b>`,
  summaryTitle: (count, total) => `💰 <b>${count} ${ruPlural(count, 'заказ оплачен', 'заказа оплачено', 'заказов оплачено')} на ${total}</b>`,
  orderNo: (no) => `№ ${no}`,
  andMore: (count) => `…и ещё ${count}`,
  moreGoods: (count) => `и ещё ${count}`,
  customer: 'Покупатель',
  payway: 'Оплата',
  source: 'Источник',
  paidAt: 'Время',
  openOrder: 'Открыть счёт',
  paused: (reason, login) => {
    const why: Record<JustClickErrorKind, string> = {
      'wrong-key': `JustClick не принимает ключ API аккаунта <b>${login}</b> — похоже, ключ сменили.`,
      'unknown-login': `JustClick не знает логин <b>${login}</b>.`,
      'account-disabled': `JustClick сообщает, что аккаунт <b>${login}</b> отключён.`,
      'ip-denied': `JustClick не принимает запросы бота для аккаунта <b>${login}</b>: в настройках API запрещён его IP-адрес.`,
      'api-limited': `JustClick больше часа отвечает для аккаунта <b>${login}</b>, что лимит запросов исчерпан или API выключен.`,
      unavailable: `JustClick не отвечает для аккаунта <b>${login}</b>.`,
      protocol: `JustClick отвечает для аккаунта <b>${login}</b> непонятно.`,
    };
    return [
      '⏸ <b>Оповещения об оплатах приостановлены</b>',
      why[reason],
      'Проверьте логин, ключ и доступ к API в настройках JustClick, затем привяжите аккаунт заново командой /link — оповещения возобновятся сами.',
    ].join('\n\n');
  },
};

const en: AlertTexts = {
  paidTitle: (no) => `💰 <b>Order #${no} paid</b>`,
  refundTitle: (no) => `↩️ <b>Order #${no} refunded</b>`,
  cancelTitle: (no) => `✖️ <b>Order #${no} cancelled</b>`,
  summaryTitle: (count, total) => `💰 <b>${count} orders paid, ${total} in total</b>`,
  orderNo: (no) => `#${no}`,
  andMore: (count) => `…and ${count} more`,
  moreGoods: (count) => `and ${count} more`,
  customer: 'Customer',
  payway: 'Payment',
  source: 'Source',
  paidAt: 'Time',
  openOrder: 'Open invoice',
  paused: (reason, login) => {
    const why: Record<JustClickErrorKind, string> = {
      'wrong-key': `JustClick does not accept the API key of <b>${login}</b>: the key was probably changed.`,
      'unknown-login': `JustClick does not know the login <b>${login}</b>.`,
      'account-disabled': `JustClick says the account <b>${login}</b> is disabled.`,
      'ip-denied': `JustClick refuses the bot's requests for <b>${login}</b>: its IP address is not allowed in the API settings.`,
      'api-limited': `For over an hour JustClick has answered for <b>${login}</b> that the request limit is reached or the API is off.`,
      unavailable: `JustClick does not answer for <b>${login}</b>.`,
      protocol: `JustClick answers for <b>${login}</b> in a way the bot does not understand.`,
    };
    return [
      '⏸ <b>Paid-order alerts are paused</b>',
      why[reason],
      'Check the login, the key and API access in your JustClick settings, then link the account again with /link: alerts resume by themselves.',
    ].join('\n\n');
  },
};

export const ALERT_TEXTS: Record<Lang, AlertTexts> = { ru, en };
