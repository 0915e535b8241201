// Texts of /demo and the mark every message about the demo shop carries, so that nobody takes its made-up
// orders for real ones.
import { escapeHtml, html, joinHtml, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

export interface DemoText {
  /** The demo account's name where a real one shows its domain (/status). */
  shopName: string;
  /** The last line of every message to a chat fed by the demo shop. */
  mark: Html;
  /** /demo linked it: what to try. */
  linked: Html;
  alreadyLinked: Html;
  /** The user has a real account: /demo does not replace it. */
  realAccountLinked(domain: string): Html;
  /** `/alerts newurl` on the demo shop: JustClick never calls it. */
  noPushUrl: Html;
}

const en: DemoText = {
  shopName: '🧪 Demo shop (made-up orders)',
  mark: html`🧪 <i>Demo shop: the orders are made up. /link links your own account.</i>`,
  linked: joinHtml(
    [
      html`🧪 <b>The demo shop is linked.</b> It is an online school with made-up orders, a new day of them every day; orders keep coming in and getting paid as time passes. Nothing is sent to JustClick.`,
      html``,
      html`Try: /orders today · <code>/orders last month</code> · /top · /chart · <code>/report</code> · <code>/goal 500k</code> · /pin · /export · <code>/alerts on</code> · <code>/digest now</code>`,
      html``,
      html`When you are ready: /link links your own JustClick account in its place; /unlink removes the demo.`,
    ],
    '\n',
  ),
  alreadyLinked: html`🧪 The demo shop is already linked. Try /orders today, or /unlink to remove it.`,
  realAccountLinked: (domain) =>
    html`Your account ${escapeHtml(domain)} is linked; the demo shop would replace it, so I left it as it is. To try the demo, send /unlink first (your settings for that account go with it).`,
  noPushUrl: html`🧪 The demo shop has no notification URL: its orders are made up here, JustClick never sends them. /link links your own account, which has one.`,
};

const ru: DemoText = {
  shopName: '🧪 Демо-магазин (выдуманные заказы)',
  mark: html`🧪 <i>Демо-магазин: заказы выдуманы. Свой аккаунт — /link.</i>`,
  linked: joinHtml(
    [
      html`🧪 <b>Демо-магазин подключён.</b> Это онлайн-школа с выдуманными заказами, каждый день новыми; заказы приходят и оплачиваются по ходу дня. В JustClick ничего не отправляется.`,
      html``,
      html`Попробуйте: /orders сегодня · <code>/orders прошлый месяц</code> · /top · /chart · <code>/report</code> · <code>/goal 500к</code> · /pin · /export · <code>/alerts on</code> · <code>/digest now</code>`,
      html``,
      html`Когда будете готовы: /link подключит ваш аккаунт JustClick вместо демо; /unlink уберёт демо.`,
    ],
    '\n',
  ),
  alreadyLinked: html`🧪 Демо-магазин уже подключён. Попробуйте /orders сегодня или уберите его: /unlink.`,
  realAccountLinked: (domain) =>
    html`У вас подключён аккаунт ${escapeHtml(domain)}; демо-магазин заменил бы его, поэтому я ничего не менял. Чтобы попробовать демо, сначала отправьте /unlink (настройки этого аккаунта уйдут вместе с ним).`,
  noPushUrl: html`🧪 У демо-магазина нет адреса для уведомлений: его заказы выдуманы здесь, JustClick их не присылает. /link подключит ваш аккаунт, у него адрес есть.`,
};

export const demoText: Record<Lang, DemoText> = { en, ru };
