// Words of the /alerts settings (the panel with its buttons, the typed forms), the summary of orders held
// through quiet hours and the silence alert, in each language. Values are escaped here.
import { escapeHtml as e, html, joinHtml, type Html } from '../format/html.js';
import type { QuietMode } from '../alert-prefs.js';
import { plural, type Lang } from './lang.js';

export interface PanelFacts {
  minSum: string | null;
  skipFree: boolean;
  products: readonly string[] | null;
  sources: readonly string[] | null;
  quiet: { from: string; to: string; mode: QuietMode } | null;
  silence: boolean;
  /** Orders held right now, to be sent when the quiet hours end. */
  held: number;
}

export interface AlertSettingsText {
  panel(f: PanelFacts): Html;
  /** The typed forms, one per line. */
  usage: Html;
  button: {
    alerts(on: boolean): string;
    minSum(sum: string | null): string;
    free(skip: boolean): string;
    quiet(q: PanelFacts['quiet']): string;
    silence(on: boolean): string;
    clearProducts: string;
    clearSources: string;
    /** Stops one account's alerts in a chat several accounts feed. */
    stopAccount(label: string): string;
  };
  /** The accounts whose alerts come to this chat, when there are several (names as the seller gave them). */
  feeds(labels: readonly string[]): Html;
  /** One account's alerts stopped here; the others' go on. */
  accountStopped(label: string, others: readonly string[]): Html;
  /** `/alerts off` in a chat several accounts feed: all of them stop. */
  allOff(labels: readonly string[]): Html;
  badSum(input: string): Html;
  badQuiet(input: string): Html;
  noProduct(input: string, known: readonly string[]): Html;
  tooMany: Html;
  /** Heads the one message that brings the orders held through quiet hours. */
  heldTitle(from: string | null, to: string, count: number): Html;
  /** "No paid orders for 6 h; usually 4 by now on a Monday." */
  silence(hours: number, usual: number, weekday: number): Html;
}

const list = (items: readonly string[]) =>
  joinHtml(
    items.map((s) => html`<b>${e(s)}</b>`),
    ', ',
  );

const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const RU_WEEKDAYS = ['в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'];

const en: AlertSettingsText = {
  panel: (f) =>
    joinHtml(
      [
        html`Sum: ${f.minSum ? html`from <b>${e(f.minSum)}</b>` : html`any`}${f.skipFree ? html`, free orders left out` : html``}`,
        html`Products: ${f.products ? list(f.products) : html`all`}`,
        html`Sources (utm_source): ${f.sources ? list(f.sources) : html`all`}`,
        html`Quiet hours: ${
          f.quiet
            ? html`<b>${e(f.quiet.from)}–${e(f.quiet.to)}</b>, ${f.quiet.mode === 'hold' ? html`alerts held and sent as one summary when they end` : html`alerts arrive without a sound`}`
            : html`none`
        }`,
        f.held > 0 ? html`Held until the quiet hours end: ${f.held} ${e(plural('en', f.held, { one: 'order', other: 'orders' }))}.` : null,
        html`Silence alert: ${f.silence ? html`on (when paid orders stop coming at a time they usually do)` : html`off`}`,
        html`<i>An order a filter leaves out is not alerted later, even when you change the filter.</i>`,
      ],
      '\n',
    ),
  usage: html`<code>/alerts min 1000</code> — only orders from 1000 (<code>/alerts min off</code>)\n<code>/alerts free off</code> — leave out free orders (<code>on</code> brings them back)\n<code>/alerts product Course</code> — only orders of this product; again for another one (<code>/alerts product off</code>)\n<code>/alerts source vk</code> — only orders with this utm_source (<code>/alerts source off</code>)\n<code>/alerts quiet 23:00-08:00 hold</code> — hold alerts at night and send one summary in the morning (<code>silent</code>: send them without a sound; <code>/alerts quiet off</code>)\n<code>/alerts silence on</code> — tell me when paid orders stop coming at a time they usually do`,
  button: {
    alerts: (on) => (on ? '🔔 Alerts: on' : '🔕 Alerts: off'),
    stopAccount: (label) => `✖ Stop ${label}`,
    minSum: (sum) => `💰 From: ${sum ?? 'any sum'}`,
    free: (skip) => (skip ? '🆓 Free orders: left out' : '🆓 Free orders: alerted'),
    quiet: (q) => (q ? `🌙 ${q.from}–${q.to}: ${q.mode === 'hold' ? 'held' : 'silent'}` : '🌙 Quiet hours: none'),
    silence: (on) => (on ? '📉 Silence alert: on' : '📉 Silence alert: off'),
    clearProducts: '✖ All products',
    clearSources: '✖ All sources',
  },
  feeds: (labels) => html`🏷 Alerts of ${labels.length} accounts come here: ${list(labels)}. Each alert names its account.`,
  accountStopped: (label, others) => html`🔕 Alerts of <b>${e(label)}</b> stop here; ${list(others)} go on.`,
  allOff: (labels) => html`🔕 Alerts are off here for all ${labels.length} accounts: ${list(labels)}.`,
  badSum: (input) => html`“${e(input)}” is not a sum. <code>/alerts min 1000</code>, or <code>/alerts min off</code>.`,
  badQuiet: (input) =>
    html`“${e(input)}” are not quiet hours. <code>/alerts quiet 23:00-08:00 hold</code> (or <code>silent</code>), or <code>/alerts quiet off</code>.`,
  noProduct: (input, known) =>
    known.length > 0
      ? html`I know no product called “${e(input)}”. Products I know: ${list(known.slice(0, 10))}.`
      : html`I know no product called “${e(input)}” yet: ask for /orders first, so that I learn the product names.`,
  tooMany: html`That is as many as one filter takes (10): <code>off</code> clears it.`,
  heldTitle: (from, to, count) =>
    html`🌙 <b>During the quiet hours ${from ? html`${e(from)}–${e(to)}` : html`until ${e(to)}`}</b>: ${count} paid ${e(plural('en', count, { one: 'order', other: 'orders' }))}`,
  silence: (hours, usual, weekday) =>
    html`📉 <b>No paid orders for ${hours} h</b>; usually ${usual} by now on a ${e(EN_WEEKDAYS[weekday - 1] ?? '')}. Worth checking the payment page and the ads? (<code>/alerts silence off</code> stops these.)`,
};

const ru: AlertSettingsText = {
  panel: (f) =>
    joinHtml(
      [
        html`Сумма: ${f.minSum ? html`от <b>${e(f.minSum)}</b>` : html`любая`}${f.skipFree ? html`, бесплатные заказы не присылаю` : html``}`,
        html`Продукты: ${f.products ? list(f.products) : html`все`}`,
        html`Источники (utm_source): ${f.sources ? list(f.sources) : html`все`}`,
        html`Тихие часы: ${
          f.quiet
            ? html`<b>${e(f.quiet.from)}–${e(f.quiet.to)}</b>, ${f.quiet.mode === 'hold' ? html`уведомления копятся и приходят одной сводкой в конце` : html`уведомления приходят без звука`}`
            : html`нет`
        }`,
        f.held > 0
          ? html`Ждут конца тихих часов: ${f.held} ${e(plural('ru', f.held, { one: 'заказ', few: 'заказа', many: 'заказов', other: 'заказа' }))}.`
          : null,
        html`Уведомление о затишье: ${f.silence ? html`включено (если оплаты перестали приходить в обычное для них время)` : html`выключено`}`,
        html`<i>Заказ, который фильтр не пропустил, не придёт и потом, даже если фильтр изменить.</i>`,
      ],
      '\n',
    ),
  usage: html`<code>/alerts min 1000</code> — только заказы от 1000 (<code>/alerts min off</code>)\n<code>/alerts free off</code> — не присылать бесплатные заказы (<code>on</code> — снова присылать)\n<code>/alerts product Курс</code> — только заказы этого продукта; ещё раз — добавить другой (<code>/alerts product off</code>)\n<code>/alerts source vk</code> — только заказы с этим utm_source (<code>/alerts source off</code>)\n<code>/alerts quiet 23:00-08:00 hold</code> — ночью копить уведомления и прислать утром одной сводкой (<code>silent</code> — присылать без звука; <code>/alerts quiet off</code>)\n<code>/alerts silence on</code> — сообщить, если оплаты перестали приходить в обычное для них время`,
  button: {
    alerts: (on) => (on ? '🔔 Уведомления: вкл' : '🔕 Уведомления: выкл'),
    stopAccount: (label) => `✖ Без ${label}`,
    minSum: (sum) => `💰 Сумма: ${sum ? `от ${sum}` : 'любая'}`,
    free: (skip) => (skip ? '🆓 Бесплатные: не присылать' : '🆓 Бесплатные: присылать'),
    quiet: (q) => (q ? `🌙 ${q.from}–${q.to}: ${q.mode === 'hold' ? 'копить' : 'без звука'}` : '🌙 Тихие часы: нет'),
    silence: (on) => (on ? '📉 Затишье: сообщать' : '📉 Затишье: не сообщать'),
    clearProducts: '✖ Все продукты',
    clearSources: '✖ Все источники',
  },
  feeds: (labels) =>
    html`🏷 Сюда приходят уведомления ${labels.length} ${e(plural('ru', labels.length, { one: 'аккаунта', other: 'аккаунтов' }))}: ${list(labels)}. В каждом указан его аккаунт.`,
  accountStopped: (label, others) => html`🔕 Уведомления <b>${e(label)}</b> сюда больше не приходят; ${list(others)} — по-прежнему.`,
  allOff: (labels) =>
    html`🔕 Уведомления выключены здесь для всех ${labels.length} ${e(plural('ru', labels.length, { one: 'аккаунта', other: 'аккаунтов' }))}: ${list(labels)}.`,
  badSum: (input) => html`«${e(input)}» — не сумма. <code>/alerts min 1000</code> или <code>/alerts min off</code>.`,
  badQuiet: (input) =>
    html`«${e(input)}» — не тихие часы. <code>/alerts quiet 23:00-08:00 hold</code> (или <code>silent</code>) либо <code>/alerts quiet off</code>.`,
  noProduct: (input, known) =>
    known.length > 0
      ? html`Не знаю продукта «${e(input)}». Знаю такие: ${list(known.slice(0, 10))}.`
      : html`Пока не знаю продукта «${e(input)}»: запросите сначала /orders, чтобы я узнал названия продуктов.`,
  tooMany: html`В одном фильтре не больше 10 значений: <code>off</code> очищает его.`,
  heldTitle: (from, to, count) =>
    html`🌙 <b>За тихие часы ${from ? html`${e(from)}–${e(to)}` : html`до ${e(to)}`}</b>: ${count} ${e(plural('ru', count, { one: 'оплаченный заказ', few: 'оплаченных заказа', many: 'оплаченных заказов', other: 'оплаченного заказа' }))}`,
  silence: (hours, usual, weekday) =>
    html`📉 <b>Нет оплат уже ${hours} ч</b>; обычно ${e(RU_WEEKDAYS[weekday - 1] ?? '')} к этому времени их ${usual}. Стоит проверить страницу оплаты и рекламу? (<code>/alerts silence off</code> — не сообщать.)`,
};

export const alertSettingsText: Record<Lang, AlertSettingsText> = { en, ru };

/** The typed forms' words after /alerts, in any language the bot speaks (a chat in English may type Russian). */
export type SettingWord = 'min' | 'free' | 'product' | 'source' | 'quiet' | 'silence' | 'hold' | 'silent';

export const SETTING_WORDS: Record<Lang, Record<SettingWord, readonly string[]>> = {
  en: {
    min: ['min'],
    free: ['free'],
    product: ['product'],
    source: ['source', 'utm'],
    quiet: ['quiet'],
    silence: ['silence'],
    hold: ['hold'],
    silent: ['silent'],
  },
  ru: {
    min: ['мин', 'минимум'],
    free: ['бесплатные'],
    product: ['продукт', 'товар'],
    source: ['источник'],
    quiet: ['тишина'],
    silence: ['затишье'],
    hold: ['копить'],
    silent: ['беззвука'],
  },
};

/** Which setting word this is, in any language; null for anything else. Expects it lower-cased. */
export function settingWord(input: string): SettingWord | null {
  for (const words of Object.values(SETTING_WORDS)) {
    for (const [word, spellings] of Object.entries(words) as [SettingWord, readonly string[]][]) if (spellings.includes(input)) return word;
  }
  return null;
}
