// Reading the account a seller types, and the API URL it leads to; plus the response and notification hashes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isJustClickError } from '../../src/justclick/errors.js';
import { accountLooksLikeKey, apiBaseUrl, DEFAULT_API_URL, looksLikeKey, parseAccount } from '../../src/justclick/login.js';
import { notificationHash, verifyNotificationHash, verifyResponseHash } from '../../src/justclick/signature.js';

describe('parseAccount', () => {
  it.each([
    ['shop', 'shop', 'ru'],
    ['  Shop  ', 'shop', 'ru'],
    ['shop.justclick.ru', 'shop', 'ru'],
    ['SHOP.JustClick.IO', 'shop', 'io'],
    ['https://shop.justclick.ru/', 'shop', 'ru'],
    ['http://my-shop2.justclick.io/api/GetOrders', 'my-shop2', 'io'],
    ['shop.justclick.ru/lk/', 'shop', 'ru'],
  ])('reads %j as %s on justclick.%s', (input, login, region) => {
    expect(parseAccount(input)).toEqual({ login, region });
  });

  // biome-ignore format: a word list, packed by hand
  it.each(['', '   ', 'shop.example.com', 'shop.justclick.com', 'a b', 'shop@justclick.ru', '-shop', 'shop-', 'магазин', 'shop.justclick.ru.evil.com', 'evil.com/shop.justclick.ru', 'not/a<login>', 'shop/api', `${'a'.repeat(64)}`, 'shop:8080'])(
    'refuses %j',
    (input) => {
      expect(parseAccount(input)).toBeNull();
    },
  );
});

describe('looksLikeKey', () => {
  it.each(['a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', 'A1B2C3D4E5F6A7B8C9D0', '12345678901234567890', 'Zm9vYmFyQmF6MTIzNDU2Nzg5MA==', 'k3Y_with-Mixed_Case_2024x'])(
    'takes %j for a key',
    (word) => {
      expect(looksLikeKey(word)).toBe(true);
    },
  );

  it.each(['shop', 'my-school-2024', 'a1b2c3d4e5', 'deadbeefdeadbeefcafebabe', 'online-school-of-design-2024', 'shop.justclick.ru'])(
    'takes %j for a login',
    (word) => {
      expect(looksLikeKey(word)).toBe(false);
    },
  );

  it('sees a key inside an account address too', () => {
    expect(accountLooksLikeKey('https://a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6.justclick.ru/')).toBe(true);
    expect(accountLooksLikeKey('https://shop.justclick.ru/')).toBe(false);
  });
});

describe('apiBaseUrl', () => {
  it('puts the login into the default template and moves io accounts to justclick.io', () => {
    expect(apiBaseUrl(DEFAULT_API_URL, { login: 'shop', region: 'ru' })).toBe('https://shop.justclick.ru/api');
    expect(apiBaseUrl(DEFAULT_API_URL, { login: 'shop', region: 'io' })).toBe('https://shop.justclick.io/api');
  });

  it('keeps a custom template as it is, whatever the region', () => {
    expect(apiBaseUrl('http://127.0.0.1:9000/{login}/api/', { login: 'shop', region: 'io' })).toBe('http://127.0.0.1:9000/shop/api');
  });

  it('refuses a login that could change the host the signed request goes to', () => {
    let caught: unknown;
    try {
      apiBaseUrl(DEFAULT_API_URL, { login: 'evil.com/x?', region: 'ru' });
    } catch (error) {
      caught = error;
    }
    expect(isJustClickError(caught, 'unknown-login')).toBe(true);
  });
});

describe('hashes', () => {
  const md5 = (s: string) => createHash('md5').update(s).digest('hex');

  it('accepts a response hash made from the literal error text, in any letter case', () => {
    const hash = md5('0::OK::secret');
    expect(verifyResponseHash(0, 'OK', hash, 'secret')).toBe(true);
    expect(verifyResponseHash('0', 'OK', hash.toUpperCase(), 'secret')).toBe(true);
  });

  it('rejects a response hash made with another key, another text, or missing', () => {
    expect(verifyResponseHash(0, 'OK', md5('0::OK::other'), 'secret')).toBe(false);
    expect(verifyResponseHash(0, 'OK ', md5('0::OK::secret'), 'secret')).toBe(false);
    expect(verifyResponseHash(0, 'OK', undefined, 'secret')).toBe(false);
    expect(verifyResponseHash(0, 'OK', 'short', 'secret')).toBe(false);
  });

  it('makes the notification hash from id, email and paid with no separators', () => {
    expect(notificationHash('17', 'a@b.ru', '1793480400', 'key')).toBe(md5('17a@b.ru1793480400key'));
    expect(verifyNotificationHash('17', 'a@b.ru', '1793480400', 'key', md5('17a@b.ru1793480400key'))).toBe(true);
    expect(verifyNotificationHash('17', 'a@b.ru', '1793480401', 'key', md5('17a@b.ru1793480400key'))).toBe(false);
  });
});
