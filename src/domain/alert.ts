// Alert messages as Telegram HTML: one paid order, a summary of many, a refund or cancellation, and the
// "alerts paused" notice. Pure functions of their inputs; every value that came from JustClick is
// flattened to one line, clipped and escaped.
import { formatDateTime } from './format/dates.js';
import { fillAlertTemplate, readAlertTemplate, type AlertTemplate, type TemplateValues } from './alert-template.js';
import { escapeHtml, html, joinHtml, visibleText, type Html } from './format/html.js';
import { maskEmail, maskPhone } from './format/mask.js';
import { formatMoney } from './format/money.js';
import { clipLine } from './format/text.js';
import { ALERT_TEXTS } from './i18n/alerts.js';
import type { Lang } from './i18n/lang.js';
import { RECORD_WINDOW_DAYS, type Milestone } from './milestones.js';
import { fromUnixSeconds, type JustClickErrorKind, type Minor, type Order, type UnixSeconds, type Utm } from './justclick.js';

/** What an alert needs of an order: small enough to travel in job data, no more personal data than shown. */
export interface AlertOrder {
  id: string;
  name: string;
  email: string;
  phone: string;
  paid: UnixSeconds | null;
  created: UnixSeconds;
  price: Minor;
  goods: string[];
  payway: string;
  utm: Utm;
  /** The bill link as JustClick gave it; shown only as a button, and only on the account's own domain (alert-buttons.ts). */
  link: string;
}

/** Who the buyer is to the shop (jobs/buyer-context.ts): no personal data, a count and a sum. */
export interface BuyerContext {
  /** This order is the buyer's Nth paid one. */
  purchase: number;
  /** Every paid order of the buyer, this one included. */
  lifetime: Minor;
  /** False when only the newest orders were read: the sum is a lower bound. */
  complete: boolean;
}

export interface AlertView {
  lang: Lang;
  /** The chat's IANA zone: times are shown as the reader's local time. */
  timeZone: string;
  /** Group chats see masked e-mails and phones. */
  group: boolean;
  currency: string;
  /** The account's name (the seller's, else its domain), when the chat gets alerts of more than one. */
  account?: string;
}

/** More paid orders than this in one check become one summary message instead of a burst. */
export const SUMMARY_THRESHOLD = 5;
const SUMMARY_LINES = 10;
const GOODS_SHOWN = 3;
const FIELD_MAX = 200;

export function toAlertOrder(order: Order): AlertOrder {
  return {
    id: order.id,
    name: [order.firstName, order.middleName, order.lastName]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' '),
    email: order.email,
    phone: order.phone,
    paid: order.paid,
    created: order.created,
    price: order.price,
    goods: order.items.map((i) => i.title).filter((t) => t.trim() !== ''),
    payway: order.payway,
    utm: order.utm,
    link: order.link,
  };
}

/** Buyer-typed text, flattened to one line and clipped (so that a newline in a name adds no line), then escaped. */
const esc = (s: string, max = FIELD_MAX): Html => escapeHtml(clipLine(s, max));

/** When it was paid (or, for an order not paid, created). */
const when = (o: AlertOrder): Date => fromUnixSeconds(o.paid ?? o.created);

const money = (minor: Minor, view: AlertView): Html => escapeHtml(formatMoney(minor, view.currency, view.lang));

function goodsLine(goods: string[], lang: Lang, max = FIELD_MAX): Html | null {
  if (goods.length === 0) return null;
  const shown = joinHtml(
    goods.slice(0, GOODS_SHOWN).map((g) => esc(g, max)),
    ', ',
  );
  const rest = goods.length - GOODS_SHOWN;
  return rest > 0 ? html`${shown} ${ALERT_TEXTS[lang].moreGoods(rest)}` : shown;
}

/** The e-mail and phone as this chat may see them: masked in groups. */
const contacts = (order: AlertOrder, view: AlertView): { email: string; phone: string } => ({
  email: view.group ? maskEmail(order.email) : order.email.trim(),
  phone: view.group ? maskPhone(order.phone) : order.phone.trim(),
});

function customerLine(order: AlertOrder, view: AlertView, max = FIELD_MAX): Html | null {
  const { email, phone } = contacts(order, view);
  const parts = [order.name, email, phone].map((s) => clipLine(s, max)).filter((s) => s !== '');
  return parts.length > 0 ? joinHtml(parts.map(escapeHtml), ' · ') : null;
}

function sourceLine(utm: Utm, max = FIELD_MAX): Html | null {
  const parts = [utm.source, utm.medium, utm.campaign].map((s) => clipLine(s ?? '', max)).filter(Boolean);
  return parts.length > 0 ? esc(parts.join(' / '), max) : null;
}

/** The amount, and what was bought when anything was. */
function amountLine(order: AlertOrder, view: AlertView, max = FIELD_MAX): Html {
  const amount = html`<b>${money(order.price, view)}</b>`;
  const goods = goodsLine(order.goods, view.lang, max);
  return goods ? html`${amount} — ${goods}` : amount;
}

function buyerContextLine(context: BuyerContext, view: AlertView): Html {
  const t = ALERT_TEXTS[view.lang];
  if (context.purchase <= 1) return t.firstPurchase;
  return t.repeatPurchase(context.purchase, formatMoney(context.lifetime, view.currency, view.lang), context.complete);
}

/** What an alert for one order may say beyond the order itself. */
export interface AlertExtras {
  buyer?: BuyerContext;
  milestones?: readonly Milestone[];
}

function milestoneLine(m: Milestone, view: AlertView): Html {
  const t = ALERT_TEXTS[view.lang];
  if (m.kind === 'first-sale') return t.firstSale;
  if (m.kind === 'record-order') return t.recordOrder(RECORD_WINDOW_DAYS);
  return t.recordDay(formatMoney(m.total, view.currency, view.lang), RECORD_WINDOW_DAYS);
}

/** What each placeholder of an alert template stands for in this order's alert; buyer-typed fields clipped to `max`. */
function alertValues(order: AlertOrder, view: AlertView, extras: AlertExtras = {}, max = FIELD_MAX): TemplateValues {
  const t = ALERT_TEXTS[view.lang];
  const { email, phone } = contacts(order, view);
  const or = (h: Html | null): Html => h ?? ('' as Html);
  return {
    title: t.paidTitle(clipLine(order.id, 40)),
    order: escapeHtml(clipLine(order.id, 40)),
    amount: amountLine(order, view, max),
    sum: html`<b>${money(order.price, view)}</b>`,
    product: or(goodsLine(order.goods, view.lang, max)),
    customer: or(customerLine(order, view, max)),
    buyer: esc(order.name, max),
    email: esc(email, max),
    phone: esc(phone, max),
    buyer_line: or(extras.buyer ? buyerContextLine(extras.buyer, view) : null),
    payway: esc(order.payway, max),
    source: or(sourceLine(order.utm, max)),
    time: escapeHtml(formatDateTime(when(order), view.timeZone, view.lang)),
    milestones: joinHtml(
      (extras.milestones ?? []).map((m) => milestoneLine(m, view)),
      '\n',
    ),
  };
}

/** Today's alert written as a template: what a chat without its own gets, and what `/alerts template` starts from. */
export function defaultAlertTemplate(lang: Lang): string {
  const t = ALERT_TEXTS[lang];
  return [
    '{title}',
    '{amount}',
    `👤 ${visibleText(t.customer)}: {customer}`,
    '{buyer_line}',
    `💳 ${visibleText(t.payway)}: {payway}`,
    `📣 ${visibleText(t.source)}: {source}`,
    `🕒 ${visibleText(t.paidAt)}: {time}`,
    '{milestones}',
  ].join('\n');
}

const DEFAULT_TEMPLATES = new Map<Lang, AlertTemplate>();
function defaultTemplate(lang: Lang): AlertTemplate {
  let template = DEFAULT_TEMPLATES.get(lang);
  if (!template) {
    const read = readAlertTemplate(defaultAlertTemplate(lang));
    if (!read.ok) throw new Error(`the default alert template of ${lang} does not read: ${read.problem.kind}`);
    template = read.template;
    DEFAULT_TEMPLATES.set(lang, template);
  }
  return template;
}

/** Buyer-typed fields are clipped this short when the chat's template would otherwise not fit one message. */
const SHORT_FIELD_MAX = 40;

/**
 * One paid order, in the chat's template when it has one. Should the template not fit one message with this
 * order's fields (or leave nothing to see), the fields are clipped shorter, and failing that today's form is used.
 */
function renderPaidAlert(order: AlertOrder, view: AlertView, extras: AlertExtras = {}, templateText?: string): Html {
  const own = templateText === undefined ? null : readAlertTemplate(templateText);
  if (own?.ok) {
    for (const max of [FIELD_MAX, SHORT_FIELD_MAX]) {
      const filled = fillAlertTemplate(own.template, alertValues(order, view, extras, max));
      if (filled !== null) return filled;
    }
  }
  return fillAlertTemplate(defaultTemplate(view.lang), alertValues(order, view, extras)) ?? ALERT_TEXTS[view.lang].paidTitle(clipLine(order.id, 40));
}

/** Many orders at once: the count, the total and one short line per order (the first few of them). */
function renderPaidSummary(orders: AlertOrder[], view: AlertView): Html {
  const t = ALERT_TEXTS[view.lang];
  const total = orders.reduce((sum, o) => sum + o.price, 0);
  const lines = [t.summaryTitle(orders.length, formatMoney(total, view.currency, view.lang))];
  const sorted = [...orders].sort((a, b) => when(a).getTime() - when(b).getTime());
  for (const o of sorted.slice(0, SUMMARY_LINES)) {
    const time = escapeHtml(formatDateTime(when(o), view.timeZone, view.lang));
    const what = o.goods[0] ? html` — ${esc(o.goods[0], 60)}` : '';
    const who = o.name ? html` — ${esc(o.name, 60)}` : '';
    lines.push(html`• ${time} ${t.orderNo(clipLine(o.id, 40))}: ${money(o.price, view)}${what}${who}`);
  }
  if (sorted.length > SUMMARY_LINES) lines.push(t.andMore(sorted.length - SUMMARY_LINES));
  return joinHtml(lines, '\n');
}

/**
 * One paid order alone (with the buyer's line when known, in the chat's template when it has one), several
 * together (always the fixed summary: a template shapes one order's message).
 */
export function renderPaid(orders: AlertOrder[], view: AlertView, extras?: AlertExtras, template?: string): Html {
  const [first] = orders;
  if (first && orders.length === 1) return namedAlert(view.account, renderPaidAlert(first, view, extras, template));
  return namedAlert(view.account, renderPaidSummary(orders, view));
}

export function renderStatusAlert(kind: 'refund' | 'cancel', order: AlertOrder, view: AlertView): Html {
  const t = ALERT_TEXTS[view.lang];
  const no = clipLine(order.id, 40);
  const customer = customerLine(order, view);
  return namedAlert(
    view.account,
    joinHtml([kind === 'refund' ? t.refundTitle(no) : t.cancelTitle(no), amountLine(order, view), customer && html`👤 ${t.customer}: ${customer}`], '\n'),
  );
}

/** The account's name on a line of its own above the alert, when the chat gets alerts of more than one. */
export function namedAlert(account: string | undefined, alert: Html): Html {
  return account === undefined ? alert : joinHtml([html`🏷 <b>${esc(account, 64)}</b>`, alert], '\n');
}

/** `resumesByItself`: a limit pause, which polling ends on its own (with back-off), rather than one until /link. */
export function renderPausedNotice(reason: JustClickErrorKind, login: string, lang: Lang, resumesByItself = false): Html {
  return resumesByItself ? ALERT_TEXTS[lang].pausedForLimit(clipLine(login, 64)) : ALERT_TEXTS[lang].paused(reason, clipLine(login, 64));
}

export function renderResumedNotice(login: string, lang: Lang): Html {
  return ALERT_TEXTS[lang].resumed(clipLine(login, 64));
}
