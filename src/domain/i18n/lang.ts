// The languages the bot speaks, and the default one for a Telegram user.

export type Lang = 'ru' | 'en';

export function isLang(value: unknown): value is Lang {
  return value === 'ru' || value === 'en';
}

/**
 * Russian for a Telegram `language_code` of ru (ru, ru-RU …), English for everything else, including
 * none. Deliberately no guessing from neighbouring languages: a chat can switch with /lang at any time.
 */
export function langFromTelegram(code?: string): Lang {
  return code !== undefined && /^ru(?:$|[-_])/i.test(code) ? 'ru' : 'en';
}
