// The languages the bot speaks, the one rule choosing a chat's language, and plural forms. Adding a
// language starts at LANGS: every table is a Record<Lang, …>, so the compiler lists what is missing.

export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

/** Spoken when nothing says otherwise (no /lang, no Telegram language_code the bot knows). */
export const DEFAULT_LANG: Lang = 'en';

/** The BCP 47 locale Intl formats each language with. */
export const LOCALES: Record<Lang, string> = { en: 'en-US', ru: 'ru-RU' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language of a Telegram `language_code` (ru, ru-RU → ru), DEFAULT_LANG for any other, including
 * none. Deliberately no guessing from neighbouring languages: a chat can switch with /lang at any time.
 */
export function langFromTelegram(code?: string): Lang {
  const primary = code?.split(/[-_]/)[0]?.toLowerCase();
  return isLang(primary) ? primary : DEFAULT_LANG;
}

export interface LanguageFacts {
  /** The chat's own /lang choice. */
  chat?: Lang | undefined;
  /** The person's own /lang choice: the sender of an update, or for a delivery the account owner feeding the chat. */
  user?: Lang | undefined;
  /** The sender's Telegram language_code; deliveries have no sender and none. */
  telegramCode?: string | undefined;
}

/**
 * The one rule for the language a chat is answered, alerted and sent digests in: the chat's setting, else
 * the person's own, else their Telegram language, else DEFAULT_LANG.
 */
export function chatLanguage(facts: LanguageFacts): Lang {
  return facts.chat ?? facts.user ?? langFromTelegram(facts.telegramCode);
}

/** The forms of a counted word; `other` is the one every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The form of a word for `n` in `lang` (Intl's CLDR rules): plural('ru', 3, {one: 'заказ', few: 'заказа', other: 'заказов'}). */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  return forms[rules.select(n)] ?? forms.other;
}
