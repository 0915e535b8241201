// What /order (one order's card) and /buyer (a buyer's orders and lifetime sum) say, in each language.
// Values arrive as plain text (buyer-typed ones already clipped) and are escaped here.
import { escapeHtml as e, html, joinHtml, type Html } from '../format/html.js';
import { plural, type Lang } from './lang.js';

export interface LookupText {
  orderUsage: Html;
  /** Text that cannot be an order number: answered without asking JustClick. */
  notAnOrderId(input: string): Html;
  orderNotFound(id: string, account: string): Html;
  cardTitle(id: string, status: Html): Html;
  buyer(name: string | null, contacts: string[]): Html;
  item(title: string, sum: string, listPrice: string): Html;
  partner(name: string, level: number, fee: string): Html;
  moreItems(count: number): Html;
  noItems: Html;
  total(price: string, toPay: string | null, payway: string | null): Html;
  times(created: string, paid: string | null, zone: string): Html;
  utm(parts: { key: UtmKey; value: string }[]): Html;
  couponAndTag(coupon: string | null, tag: string | null): Html;
  /** The bill link; `href` is an http(s) URL. */
  bill(href: string): Html;

  buyerUsage: Html;
  notAContact(input: string): Html;
  searchedEmail(email: string): Html;
  /** A phone is found through the e-mails on the account's recent orders that carry it. */
  searchedPhone(phone: string, emails: string[], days: number): Html;
  buyerNotFound(email: string): Html;
  phoneNotFound(phone: string, days: number): Html;
  buyerTotals(count: number, paidCount: number, paidSum: string): Html;
  /** Only the newest `shown` of `total` orders were read: the sum covers those. */
  capped(shown: number, total: number): Html;
  buyerOrder(id: string, created: string, status: Html, price: string, items: string): Html;
}

export type UtmKey = 'source' | 'medium' | 'campaign' | 'content' | 'term';

const list = (items: string[]) => e(items.join(', '));

export const lookupText: Record<Lang, LookupText> = {
  en: {
    orderUsage: html`Send the order number: <code>/order 12345</code>.`,
    notAnOrderId: (input) => html`“${e(input)}” cannot be an order number: order numbers are digits, e.g. <code>/order 12345</code>.`,
    orderNotFound: (id, account) => html`There is no order #${e(id)} in ${e(account)}.`,
    cardTitle: (id, status) => html`🧾 <b>Order #${e(id)}</b> · ${status}`,
    buyer: (name, contacts) => html`👤 ${joinHtml([name === null ? html`no name` : html`<b>${e(name)}</b>`, ...contacts.map(e)], ' · ')}`,
    item: (title, sum, listPrice) => html`🛒 ${e(title)} — ${e(sum)} (list price ${e(listPrice)})`,
    partner: (name, level, fee) => html`    🤝 partner ${e(name)}, level ${level}, fee ${e(fee)}`,
    moreItems: (count) => html`🛒 … and ${count} more ${e(plural('en', count, { one: 'item', other: 'items' }))}`,
    noItems: html`🛒 no items listed`,
    total: (price, toPay, payway) =>
      html`💳 Total <b>${e(price)}</b>${toPay === null ? '' : html` · left to pay ${e(toPay)}`}${payway === null ? '' : html` · paid by ${e(payway)}`}`,
    times: (created, paid, zone) => html`🕒 Created ${e(created)}${paid === null ? html` · not paid` : html` · paid ${e(paid)}`} · time zone ${e(zone)}`,
    utm: (parts) =>
      html`🔗 UTM: ${joinHtml(
        parts.map((p) => html`${e(p.key)} ${e(p.value)}`),
        ' · ',
      )}`,
    couponAndTag: (coupon, tag) => html`🏷 ${joinHtml([coupon === null ? null : html`coupon ${e(coupon)}`, tag === null ? null : html`tag ${e(tag)}`], ' · ')}`,
    bill: (href) => html`📄 <a href="${e(href)}">Bill</a>`,

    buyerUsage: html`Send the buyer’s e-mail or phone: <code>/buyer anna@example.com</code> or <code>/buyer +7 900 123-45-67</code>.`,
    notAContact: (input) =>
      html`“${e(input)}” is neither an e-mail nor a phone number. For example: <code>/buyer anna@example.com</code> or <code>/buyer +7 900 123-45-67</code>.`,
    searchedEmail: (email) => html`🔎 By e-mail ${e(email)}`,
    searchedPhone: (phone, emails, days) =>
      html`🔎 By phone ${e(phone)}: JustClick finds buyers by e-mail only, so I took the e-mail from your orders of the last ${days} days with this number (${list(emails)}) and show its whole history.`,
    buyerNotFound: (email) => html`No orders with the e-mail ${e(email)}.`,
    phoneNotFound: (phone, days) =>
      html`No order of the last ${days} days has the phone ${e(phone)} with an e-mail. JustClick finds buyers by e-mail only: try <code>/buyer</code> with the buyer’s e-mail.`,
    buyerTotals: (count, paidCount, paidSum) => html`Orders: <b>${count}</b> · paid: <b>${paidCount}</b> · paid in total: <b>${e(paidSum)}</b>`,
    capped: (shown, total) => html`⚠️ JustClick lists ${total} orders; the newest ${shown} are shown, and the total covers only them.`,
    buyerOrder: (id, created, status, price, items) =>
      html`<b>#${e(id)}</b> · ${e(created)} · ${status} · ${e(price)}${items === '' ? '' : html` · ${e(items)}`}`,
  },
  ru: {
    orderUsage: html`Отправьте номер заказа: <code>/order 12345</code>.`,
    notAnOrderId: (input) => html`«${e(input)}» не может быть номером заказа: номер состоит из цифр, например <code>/order 12345</code>.`,
    orderNotFound: (id, account) => html`Заказа #${e(id)} в ${e(account)} нет.`,
    cardTitle: (id, status) => html`🧾 <b>Заказ #${e(id)}</b> · ${status}`,
    buyer: (name, contacts) => html`👤 ${joinHtml([name === null ? html`без имени` : html`<b>${e(name)}</b>`, ...contacts.map(e)], ' · ')}`,
    item: (title, sum, listPrice) => html`🛒 ${e(title)} — ${e(sum)} (цена по прайсу ${e(listPrice)})`,
    partner: (name, level, fee) => html`    🤝 партнёр ${e(name)}, уровень ${level}, комиссия ${e(fee)}`,
    moreItems: (count) => html`🛒 … и ещё ${count} ${e(plural('ru', count, { one: 'товар', few: 'товара', other: 'товаров' }))}`,
    noItems: html`🛒 товары не указаны`,
    total: (price, toPay, payway) =>
      html`💳 Сумма <b>${e(price)}</b>${toPay === null ? '' : html` · осталось оплатить ${e(toPay)}`}${payway === null ? '' : html` · способ оплаты: ${e(payway)}`}`,
    times: (created, paid, zone) => html`🕒 Создан ${e(created)}${paid === null ? html` · не оплачен` : html` · оплачен ${e(paid)}`} · часовой пояс ${e(zone)}`,
    utm: (parts) =>
      html`🔗 UTM: ${joinHtml(
        parts.map((p) => html`${e(p.key)} ${e(p.value)}`),
        ' · ',
      )}`,
    couponAndTag: (coupon, tag) => html`🏷 ${joinHtml([coupon === null ? null : html`купон ${e(coupon)}`, tag === null ? null : html`метка ${e(tag)}`], ' · ')}`,
    bill: (href) => html`📄 <a href="${e(href)}">Счёт</a>`,

    buyerUsage: html`Отправьте почту или телефон покупателя: <code>/buyer anna@example.com</code> или <code>/buyer +7 900 123-45-67</code>.`,
    notAContact: (input) =>
      html`«${e(input)}» — не почта и не номер телефона. Например: <code>/buyer anna@example.com</code> или <code>/buyer +7 900 123-45-67</code>.`,
    searchedEmail: (email) => html`🔎 По почте ${e(email)}`,
    searchedPhone: (phone, emails, days) =>
      html`🔎 По телефону ${e(phone)}: JustClick ищет покупателей только по почте, поэтому я взял почту из ваших заказов за последние ${days} дней с этим номером (${list(emails)}) и показываю всю её историю.`,
    buyerNotFound: (email) => html`Заказов с почтой ${e(email)} нет.`,
    phoneNotFound: (phone, days) =>
      html`Ни в одном заказе за последние ${days} дней нет телефона ${e(phone)} вместе с почтой. JustClick ищет покупателей только по почте: попробуйте <code>/buyer</code> с почтой покупателя.`,
    buyerTotals: (count, paidCount, paidSum) => html`Заказов: <b>${count}</b> · оплачено: <b>${paidCount}</b> · оплачено всего: <b>${e(paidSum)}</b>`,
    capped: (shown, total) =>
      html`⚠️ В JustClick ${total} ${e(plural('ru', total, { one: 'заказ', few: 'заказа', other: 'заказов' }))}; показаны ${shown} последних, и сумма — только по ним.`,
    buyerOrder: (id, created, status, price, items) =>
      html`<b>#${e(id)}</b> · ${e(created)} · ${status} · ${e(price)}${items === '' ? '' : html` · ${e(items)}`}`,
  },
};
