// The one language rule (chatLanguage), as the bot and the delivery engine apply it, plural forms, and
// the words commands take in every language.
import { describe, expect, it } from 'vitest';
import { switchWord } from '../../src/domain/i18n/commands.js';
import { chatLanguage, DEFAULT_LANG, isLang, LANGS, plural } from '../../src/domain/i18n/lang.js';
import { deliveryLanguage } from '../../src/jobs/language.js';
import type { UserPrefs } from '../../src/store/chats.js';

describe('chatLanguage', () => {
  it("the chat's own /lang wins over the person's and over Telegram's language", () => {
    expect(chatLanguage({ chat: 'en', user: 'ru', telegramCode: 'ru' })).toBe('en');
  });

  it("without a chat setting, the person's own /lang wins over Telegram's language", () => {
    expect(chatLanguage({ user: 'ru', telegramCode: 'en-GB' })).toBe('ru');
  });

  it("without any /lang, Telegram's language_code decides", () => {
    expect(chatLanguage({ telegramCode: 'ru-RU' })).toBe('ru');
    expect(chatLanguage({ telegramCode: 'en' })).toBe('en');
  });

  it('with nothing to go on, or a language the bot does not speak, it is English', () => {
    expect(DEFAULT_LANG).toBe('en');
    expect(chatLanguage({})).toBe('en');
    expect(chatLanguage({ telegramCode: 'de' })).toBe('en');
  });

  it('accepts exactly the languages of LANGS', () => {
    for (const lang of LANGS) expect(isLang(lang)).toBe(true);
    expect(isLang('de')).toBe(false);
    expect(isLang('EN')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});

describe('deliveryLanguage: alerts and digests follow the same rule', () => {
  const prefs = (byUser: Record<number, UserPrefs>) => ({ getUser: async (id: number) => byUser[id] ?? {} });

  it("a chat's own language is used as it is", async () => {
    expect(await deliveryLanguage(prefs({ 7: { lang: 'ru' } }), 7, { lang: 'en', ownerId: 7 })).toBe('en');
  });

  it('a group without a language reads in the /lang of the seller whose account feeds it', async () => {
    expect(await deliveryLanguage(prefs({ 7: { lang: 'ru' } }), -100, { ownerId: 7 })).toBe('ru');
  });

  it("a private chat without a language reads in its user's /lang", async () => {
    expect(await deliveryLanguage(prefs({ 9: { lang: 'ru' } }), 9, {})).toBe('ru');
  });

  it('a chat with no language anywhere gets English, as the bot answers it (no longer Russian)', async () => {
    expect(await deliveryLanguage(prefs({}), -100, { ownerId: 7 })).toBe('en');
    expect(await deliveryLanguage(prefs({}), 9, {})).toBe('en');
  });
});

describe('plural', () => {
  const orders = { one: 'заказ', few: 'заказа', other: 'заказов' };

  it('picks the Russian form by CLDR rules, including the teens', () => {
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => `${n} ${plural('ru', n, orders)}`)).toEqual([
      '1 заказ',
      '2 заказа',
      '5 заказов',
      '11 заказов',
      '12 заказов',
      '14 заказов',
      '21 заказ',
      '22 заказа',
      '25 заказов',
      '101 заказ',
      '111 заказов',
    ]);
  });

  it('picks one or other in English, and other for a form a language lacks', () => {
    expect(plural('en', 1, { one: 'order', other: 'orders' })).toBe('order');
    expect(plural('en', 0, { one: 'order', other: 'orders' })).toBe('orders');
    expect(plural('en', 3, { one: 'order', few: 'never', other: 'orders' })).toBe('orders');
  });
});

describe('switchWord', () => {
  it('understands on, off and now in every language, whatever the chat speaks', () => {
    expect(['on', 'вкл', 'включить'].map(switchWord)).toEqual(['on', 'on', 'on']);
    expect(['off', 'выкл', 'выключить'].map(switchWord)).toEqual(['off', 'off', 'off']);
    expect(['now', 'сейчас'].map(switchWord)).toEqual(['now', 'now']);
  });

  it('knows nothing else', () => {
    expect(['09:00', 'yes', 'o', ''].map(switchWord)).toEqual([null, null, null, null]);
  });
});
