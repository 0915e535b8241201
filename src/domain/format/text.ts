// Buyer-typed text made safe for a one-line slot in a message (before escaping).

/**
 * Flattens control characters and runs of whitespace to single spaces, trims, and keeps at most
 * `max` characters, cut between code points (never inside an emoji's surrogate pair) with "…".
 */
export function clipLine(s: string, max: number): string {
  const flat = s.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  // Most fields are short: no more UTF-16 units than `max` means no more code points either.
  if (flat.length <= max) return flat;
  const chars = Array.from(flat);
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
