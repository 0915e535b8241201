// What the pinned "today so far" card (/pin) says, and the /pin command's answers, in each language.
import { escapeHtml as e, html, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

export interface LiveCardText {
  /** "📌 Today, 28 Nov · as of 14:05". */
  title(day: string, time: string): Html;
  sales(sum: string, count: number): Html;
  /** `change` is "▲ 20% (+₽2,000)", plain text. */
  vsYesterday(time: string, change: string): Html;
  /** `forecast` null: no history of the same weekdays to forecast from. */
  forecast(forecast: string | null): Html;
  pinned: Html;
  /** In a group, the bot may not pin: what to do about it. */
  noPinRight: Html;
  off: Html;
  /** /pin off where nothing is pinned. */
  notPinned: Html;
}

export const liveCardText: Record<Lang, LiveCardText> = {
  en: {
    title: (day, time) => html`📌 <b>Today, ${e(day)}</b> · as of ${e(time)}`,
    sales: (sum, count) => html`💰 <b>${e(sum)}</b> · paid orders: ${count}`,
    vsYesterday: (time, change) => html`📈 vs yesterday by ${e(time)}: ${e(change)}`,
    forecast: (f) => html`🔮 Forecast for the day: ${f === null ? html`—` : html`<b>${e(f)}</b>`}`,
    pinned: html`📌 Pinned: this card shows today’s sales and is updated after every paid order (at most every 10 seconds). A new day starts on it at midnight. <code>/pin off</code> stops it.`,
    noPinRight: html`I cannot pin messages in this group: make me an administrator with the “Pin messages” right, then send /pin again.`,
    off: html`The live card is off: it is unpinned and no longer updated.`,
    notPinned: html`There is no live card here. /pin makes one.`,
  },
  ru: {
    title: (day, time) => html`📌 <b>Сегодня, ${e(day)}</b> · на ${e(time)}`,
    sales: (sum, count) => html`💰 <b>${e(sum)}</b> · оплачено заказов: ${count}`,
    vsYesterday: (time, change) => html`📈 К вчера на ${e(time)}: ${e(change)}`,
    forecast: (f) => html`🔮 Прогноз на день: ${f === null ? html`—` : html`<b>${e(f)}</b>`}`,
    pinned: html`📌 Закрепил: эта карточка показывает продажи за сегодня и обновляется после каждой оплаты (не чаще раза в 10 секунд). В полночь на ней начинается новый день. <code>/pin off</code> — выключить.`,
    noPinRight: html`Я не могу закреплять сообщения в этой группе: сделайте меня администратором с правом «Закреплять сообщения» и отправьте /pin ещё раз.`,
    off: html`Карточка выключена: откреплена и больше не обновляется.`,
    notPinned: html`Карточки здесь нет. /pin — создать.`,
  },
};
