// "@shop2" or "@all" in a command's words: which of the seller's accounts the command is about. Taken out of
// the words before they are read as a period, so "/orders вчера @shop2" reads "вчера" on shop2.

/** One account by its login (or by the name the seller gave it, written without spaces), or every account. */
export type AccountPick = { login: string } | 'all';

/** "@all" and "@все": every account. Bare "all"/"все" already mean "all orders" (not only paid) in /orders. */
const ALL_WORDS = new Set(['all', 'все', 'всё']);
// A login is letters, digits, "-" and "_" (and a full address has dots); Telegram's own "@bot" suffix of a command
// never reaches the words (Telegraf strips it from the payload).
const PICK = /(?:^|\s)@([\p{L}\d_.-]{1,64})(?=\s|$)/gu;

/** The words without the pick, and the pick (the last one wins when there are several). */
export function takeAccountPick(text: string): { text: string; pick: AccountPick | null } {
  let pick: AccountPick | null = null;
  const rest = text.replace(PICK, (_, word: string) => {
    const lower = word.toLowerCase();
    pick = ALL_WORDS.has(lower) ? 'all' : { login: lower.replace(/\.justclick\.(ru|io)$/, '') };
    return ' ';
  });
  return { text: pick === null ? text : rest.replace(/\s+/g, ' ').trim(), pick };
}
