// Telegram ids become parts of Redis keys: refuse anything that is not a plain integer before it gets there.

/** A Telegram user id (always positive). */
export function userIdPart(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new TypeError(`not a Telegram user id: ${String(id)}`);
  return String(id);
}

/** A Telegram chat id (negative for groups and channels). */
export function chatIdPart(id: number): string {
  if (!Number.isSafeInteger(id) || id === 0) throw new TypeError(`not a Telegram chat id: ${String(id)}`);
  return String(id);
}

/** Reads back an integer we wrote; anything else counts as absent. */
export function intOrUndefined(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}
