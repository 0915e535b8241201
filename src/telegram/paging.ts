// The ◀ 2/7 ▶ buttons of every paged answer (orders, a buyer's orders): the pages are kept in Redis
// (store/pages.ts) and the buttons carry only their id and a page number.
import type { InlineKeyboardMarkup } from 'telegraf/types';

export const PAGE_PRESS = /^pg:([A-Za-z0-9_-]{11}):(\d{1,4})$/;
export const PAGE_COUNTER = 'pg:count';

/** ◀ 2/7 ▶ — the arrows wrap around, so every button does something. */
export function pageKeyboard(id: string, index: number, total: number): InlineKeyboardMarkup {
  const previous = (index - 1 + total) % total;
  const next = (index + 1) % total;
  return {
    inline_keyboard: [
      [
        { text: '◀', callback_data: `pg:${id}:${previous}` },
        { text: `${index + 1}/${total}`, callback_data: PAGE_COUNTER },
        { text: '▶', callback_data: `pg:${id}:${next}` },
      ],
    ],
  };
}

/** The button under a summary that opens its list: the first page, in place of the summary. */
export function openListKeyboard(id: string, label: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: label, callback_data: `pg:${id}:0` }]] };
}
