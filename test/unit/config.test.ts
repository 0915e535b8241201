import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const key = Buffer.alloc(32, 7).toString('base64');
const base = { BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc-def', CREDENTIALS_KEY: key };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('config', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      telegramApiRoot: 'https://api.telegram.org',
      justclickApiUrl: 'https://{login}.justclick.ru/api',
      ordersMethod: 'getOrdersWithGoods',
      defaultTimezone: 'Europe/Moscow',
      alertPollSeconds: 60,
      botMode: 'polling',
      port: 8080,
      logLevel: 'info',
    });
    expect(c.credentialsKeys).toEqual([Buffer.alloc(32, 7)]);
  });

  it('names a missing CREDENTIALS_KEY and says how to make one', () => {
    const p = problems({ BOT_TOKEN: base.BOT_TOKEN });
    expect(p).toEqual(['CREDENTIALS_KEY is missing: generate one with `openssl rand -base64 32`']);
  });

  it('lists every problem, one line each', () => {
    expect(problems({})).toContain('CREDENTIALS_KEY is missing: generate one with `openssl rand -base64 32`');
    const p = problems({ CREDENTIALS_KEY: 'short', DEFAULT_TIMEZONE: 'Mars/Olympus', ALERT_POLL_SECONDS: 'often', BOT_MODE: 'webhook' });
    expect(p.some((l) => l.startsWith('BOT_TOKEN is missing'))).toBe(true);
    expect(p.some((l) => l.startsWith('CREDENTIALS_KEY must be 32 random bytes'))).toBe(true);
    expect(p.some((l) => l.includes('DEFAULT_TIMEZONE is not an IANA time zone'))).toBe(true);
    expect(p.some((l) => l.startsWith('ALERT_POLL_SECONDS'))).toBe(true);
    expect(p.some((l) => l.startsWith('PUBLIC_URL is required when BOT_MODE=webhook'))).toBe(true);
    expect(p.some((l) => l.startsWith('TELEGRAM_WEBHOOK_SECRET is required'))).toBe(true);
  });

  it('reads CREDENTIALS_KEYS newest first, with CREDENTIALS_KEY after them unless it is among them', () => {
    const newer = Buffer.alloc(32, 9).toString('base64');
    const newest = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ ...base, CREDENTIALS_KEYS: `${newer}, ${key}` }).credentialsKeys).toEqual([Buffer.alloc(32, 9), Buffer.alloc(32, 7)]);
    expect(loadConfig({ ...base, CREDENTIALS_KEYS: `${newest},${newer}` }).credentialsKeys).toEqual([
      Buffer.alloc(32, 1),
      Buffer.alloc(32, 9),
      Buffer.alloc(32, 7),
    ]);
    expect(loadConfig({ BOT_TOKEN: base.BOT_TOKEN, CREDENTIALS_KEYS: newer }).credentialsKeys).toEqual([Buffer.alloc(32, 9)]);
  });

  it('names a bad or repeated key in CREDENTIALS_KEYS without echoing it', () => {
    expect(problems({ ...base, CREDENTIALS_KEYS: `${key},c2VjcmV0LWtleQ==` })).toEqual([
      'CREDENTIALS_KEYS must be keys of 32 random bytes in base64, newest first, separated by commas: generate one with `openssl rand -base64 32`',
    ]);
    expect(problems({ ...base, CREDENTIALS_KEYS: `${key},${key}` })).toEqual(['CREDENTIALS_KEYS holds the same key twice']);
  });

  it('treats empty variables as unset, as docker compose passes them', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: '', REDIS_URL: '' }).redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('never echoes the token or key in its messages', () => {
    const p = problems({ BOT_TOKEN: 'secret-token-value', CREDENTIALS_KEY: 'c2VjcmV0LWtleQ==' });
    expect(p.join('\n')).not.toContain('secret-token-value');
    expect(p.join('\n')).not.toContain('c2VjcmV0LWtleQ==');
  });
});
