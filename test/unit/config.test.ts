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
      alertReconcileSeconds: 900,
      botMode: 'polling',
      port: 8080,
      metrics: { port: 9091, host: '127.0.0.1' },
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

  describe('plain http only on loopback (the bot token, API keys and updates travel in these URLs)', () => {
    const webhook = { ...base, BOT_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(32) };

    it('refuses http:// to another host for PUBLIC_URL, TELEGRAM_API_ROOT and JUSTCLICK_API_URL, one line each', () => {
      const p = problems({
        ...webhook,
        PUBLIC_URL: 'http://bot.example.com',
        TELEGRAM_API_ROOT: 'http://tg-proxy.example.com',
        JUSTCLICK_API_URL: 'http://{login}.justclick.ru/api',
      });
      expect(p).toEqual([
        'TELEGRAM_API_ROOT must start with https:// (plain http only to 127.0.0.1, localhost or [::1]): the bot token travels in it',
        'JUSTCLICK_API_URL must start with https:// (plain http only to 127.0.0.1, localhost or [::1]): API keys sign requests sent there',
        'PUBLIC_URL must start with https:// (plain http only to 127.0.0.1, localhost or [::1]): webhook updates and notification URLs travel in it',
      ]);
    });

    it('refuses a host that only looks like loopback', () => {
      expect(problems({ ...base, TELEGRAM_API_ROOT: 'http://127.0.0.1.example.com' })).toHaveLength(1);
      expect(problems({ ...base, TELEGRAM_API_ROOT: 'http://localhost.example.com:8081' })).toHaveLength(1);
    });

    it('accepts https anywhere and http on 127.0.0.0/8, localhost and [::1]', () => {
      const c = loadConfig({
        ...webhook,
        PUBLIC_URL: 'https://bot.example.com/',
        TELEGRAM_API_ROOT: 'http://127.0.0.2:8081',
        JUSTCLICK_API_URL: 'http://localhost:9000/{login}/api',
      });
      expect(c).toMatchObject({ publicUrl: 'https://bot.example.com', telegramApiRoot: 'http://127.0.0.2:8081' });
      expect(loadConfig({ ...base, PUBLIC_URL: 'http://[::1]:8080' }).publicUrl).toBe('http://[::1]:8080');
    });
  });

  it('wants a webhook secret of at least 32 characters, and says how to make one', () => {
    const short = problems({ ...base, BOT_MODE: 'webhook', PUBLIC_URL: 'https://bot.example.com', TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(31) });
    expect(short).toEqual(['TELEGRAM_WEBHOOK_SECRET must be 32 to 256 characters of A-Z a-z 0-9 _ -: make one with `openssl rand -hex 32`']);
    const ok = loadConfig({ ...base, BOT_MODE: 'webhook', PUBLIC_URL: 'https://bot.example.com', TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(32) });
    expect(ok.webhookSecret).toBe('a'.repeat(32));
  });

  it('serves metrics on the port and address METRICS_PORT and METRICS_HOST name', () => {
    expect(loadConfig({ ...base, METRICS_PORT: '9200', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 9200, host: '0.0.0.0' });
    expect(problems({ ...base, METRICS_PORT: 'ninety' })).toEqual(['METRICS_PORT must be a port number']);
  });
});
