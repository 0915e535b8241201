// What the end-to-end tests share to read the bot as a seller does: Moscow wall-clock times for the fake
// JustClick's orders, and the bot's answers as plain text with the order numbers they show.

/** Unix seconds of a Moscow wall-clock time (UTC+3 all year), e.g. msk('2026-11-28', '10:15'). */
export const msk = (day: string, time: string): number => Math.floor(Date.parse(`${day}T${time}:00+03:00`) / 1000);

/** Money as a user reads it: Intl puts no-break spaces into "4 990 ₽". */
export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

/** Several answers as one text, each after a `---` line, in plain spaces. */
export const text = (messages: { text: string }[]): string => plain(messages.map((m) => m.text).join('\n---\n'));

/** The order numbers an /orders answer lists, in its order. */
export const orderNumbers = (s: string): (string | undefined)[] => [...s.matchAll(/#(\d+) ·/g)].map((m) => m[1]);
