// Checked by `tsc --noEmit` (npm test), never run: proof that the compiler refuses a translation table
// that misses a key or a language, and a raw string where Telegram HTML is expected. Each expect-error
// directive below fails the type check if the error it expects ever stops happening.
import { escapeHtml, html, joinHtml, type Html } from '../../src/domain/format/html.js';
import { alertSettingsText, SETTING_WORDS } from '../../src/domain/i18n/alert-settings.js';
import { ALERT_TEXTS, type AlertTexts } from '../../src/domain/i18n/alerts.js';
import { botText, type BotText } from '../../src/domain/i18n/bot.js';
import { MONTHS } from '../../src/domain/i18n/calendar.js';
import { SWITCH_WORDS } from '../../src/domain/i18n/commands.js';
import { CSV_HEADERS } from '../../src/domain/i18n/csv.js';
import { digestText } from '../../src/domain/i18n/digest.js';
import { LOCALES, type Lang } from '../../src/domain/i18n/lang.js';
import { groupsText } from '../../src/domain/i18n/groups.js';
import { linkText } from '../../src/domain/i18n/link.js';
import { notifyText } from '../../src/domain/i18n/notify.js';
import { ordersText } from '../../src/domain/i18n/orders.js';
import { settingsText } from '../../src/domain/i18n/settings.js';
import type { Gateway } from '../../src/outbound/gateway.js';

// A third language added to LANGS: every table would miss it. (Were a table typed loosely, say
// Record<string, …>, its line would compile and its @ts-expect-error would fail instead.)
type WithAThirdLanguage = Lang | 'uk';
// @ts-expect-error botText has no 'uk'
export const bot3: Record<WithAThirdLanguage, unknown> = botText;
// @ts-expect-error linkText has no 'uk'
export const link3: Record<WithAThirdLanguage, unknown> = linkText;
// @ts-expect-error notifyText has no 'uk'
export const notify3: Record<WithAThirdLanguage, unknown> = notifyText;
// @ts-expect-error ordersText has no 'uk'
export const orders3: Record<WithAThirdLanguage, unknown> = ordersText;
// @ts-expect-error settingsText has no 'uk'
export const settings3: Record<WithAThirdLanguage, unknown> = settingsText;
// @ts-expect-error groupsText has no 'uk'
export const groups3: Record<WithAThirdLanguage, unknown> = groupsText;
// @ts-expect-error digestText has no 'uk'
export const digest3: Record<WithAThirdLanguage, unknown> = digestText;
// @ts-expect-error ALERT_TEXTS has no 'uk'
export const alerts3: Record<WithAThirdLanguage, unknown> = ALERT_TEXTS;
// @ts-expect-error alertSettingsText has no 'uk'
export const alertSettings3: Record<WithAThirdLanguage, unknown> = alertSettingsText;
// @ts-expect-error SETTING_WORDS has no 'uk'
export const settingWords3: Record<WithAThirdLanguage, unknown> = SETTING_WORDS;
// @ts-expect-error MONTHS has no 'uk'
export const months3: Record<WithAThirdLanguage, unknown> = MONTHS;
// @ts-expect-error SWITCH_WORDS has no 'uk'
export const words3: Record<WithAThirdLanguage, unknown> = SWITCH_WORDS;
// @ts-expect-error CSV_HEADERS has no 'uk'
export const csv3: Record<WithAThirdLanguage, unknown> = CSV_HEADERS;
// @ts-expect-error LOCALES has no 'uk'
export const locales3: Record<WithAThirdLanguage, unknown> = LOCALES;

// A language's table that misses one text.
const { paidTitle: _paidTitle, ...alertsWithoutPaidTitle } = ALERT_TEXTS.en;
// @ts-expect-error paidTitle is missing
export const incompleteAlerts: AlertTexts = alertsWithoutPaidTitle;
const { orders: _orders, ...menuWithoutOrders } = botText.en.menu;
// @ts-expect-error the menu misses /orders
export const incompleteMenu: BotText['menu'] = menuWithoutOrders;
// @ts-expect-error a month name is missing
export const elevenMonths: (typeof MONTHS)['en'] = MONTHS.en.slice(1);
// @ts-expect-error a table for one language only
export const oneLanguage: Record<Lang, AlertTexts> = { en: ALERT_TEXTS.en };

// Html: only escaped values and our own markup.
const buyerName = '<b>Anna</b>' as string;
// @ts-expect-error a plain string is not Html
export const rawIsNotHtml: Html = buyerName;
// @ts-expect-error html`…` takes no plain string: escape it first
export const unescaped = html`<b>${buyerName}</b>`;
export const escaped: Html = html`<b>${escapeHtml(buyerName)}</b>`;
const separator = buyerName as string;
// @ts-expect-error a separator that is not a literal could carry markup
export const joinedWithVariable = joinHtml([escaped], separator);
export const joined: Html = joinHtml([escaped, null], '\n');
export async function sendRaw(gateway: Gateway): Promise<void> {
  // @ts-expect-error the gateway sends Html only
  await gateway.sendHtml(1, buyerName);
  // @ts-expect-error nor edits a message to a raw string
  await gateway.editHtml(1, 2, buyerName);
  // @ts-expect-error nor captions a document with one
  await gateway.sendDocument(1, { filename: 'a.csv', content: Buffer.from('a') }, buyerName);
}
