// The runtime contract (see README "Settings"): environment → typed config, failing fast with one
// clear line per problem.
import { z } from 'zod';
import { isValidTimeZone } from './domain/calendar.js';
import { parseRedisUrl } from './store/redis.js';

/** Loopback hosts, where plain http never leaves the machine: 127.0.0.0/8, localhost, [::1]. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** https, or http to a loopback host (a local Bot API server, a test fake): the bot token and keys travel in these URLs. */
function httpsUnlessLoopback(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  } catch {
    return false;
  }
}

const ianaZone = (name: string) => z.string().refine(isValidTimeZone, { message: `${name} is not an IANA time zone (e.g. Europe/Moscow, Asia/Almaty)` });

function isVaultKey(v: string): boolean {
  return Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v);
}

/**
 * The vault's key ring, newest first: CREDENTIALS_KEYS, then CREDENTIALS_KEY when it is not among them
 * (so a rotation may add CREDENTIALS_KEYS=NEW and keep the old CREDENTIALS_KEY as it is).
 */
function keyRing(keys: string[] | undefined, key: string | undefined): readonly Buffer[] {
  const all = [...(keys ?? []), ...(key !== undefined && !keys?.includes(key) ? [key] : [])];
  return all.map((k) => Buffer.from(k, 'base64'));
}

const MISSING_KEY = 'CREDENTIALS_KEY is missing: generate one with `openssl rand -base64 32`';

/** Every setting either mode needs; the two modes below add their own. */
const common = {
  BOT_TOKEN: z
    .string({ error: 'BOT_TOKEN is missing: get one from @BotFather and put it into .env' })
    .regex(/^\d+:[\w-]{20,}$/, { message: 'BOT_TOKEN does not look like a bot token (123456:ABC-...) from @BotFather' }),
  // One of the two is required (checked below): CREDENTIALS_KEY is a ring of one.
  CREDENTIALS_KEY: z
    .string()
    .refine(isVaultKey, { message: 'CREDENTIALS_KEY must be 32 random bytes in base64: generate one with `openssl rand -base64 32`' })
    .optional(),
  CREDENTIALS_KEYS: z
    .string()
    .transform((v) => v.split(',').map((k) => k.trim()))
    .refine((keys) => keys.every(isVaultKey), {
      message: 'CREDENTIALS_KEYS must be keys of 32 random bytes in base64, newest first, separated by commas: generate one with `openssl rand -base64 32`',
    })
    .refine((keys) => new Set(keys).size === keys.length, { message: 'CREDENTIALS_KEYS holds the same key twice' })
    .optional(),
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .superRefine((v, ctx) => {
      try {
        parseRedisUrl(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `REDIS_URL ${(err as Error).message}` });
      }
    }),
  TELEGRAM_API_ROOT: z
    .url({ message: 'TELEGRAM_API_ROOT must be a URL such as https://api.telegram.org' })
    .default('https://api.telegram.org')
    .refine(httpsUnlessLoopback, {
      message: 'TELEGRAM_API_ROOT must start with https:// (plain http only to 127.0.0.1, localhost or [::1]): the bot token travels in it',
    })
    .transform((v) => v.replace(/\/+$/, '')),
  JUSTCLICK_API_URL: z
    .string()
    .default('https://{login}.justclick.ru/api')
    .refine((v) => v.includes('{login}') && /^https?:\/\//.test(v), {
      message: 'JUSTCLICK_API_URL must be an http(s) URL template containing {login}, e.g. https://{login}.justclick.ru/api',
    })
    .refine((v) => !/^https?:\/\//.test(v) || httpsUnlessLoopback(v.replaceAll('{login}', 'login')), {
      message: 'JUSTCLICK_API_URL must start with https:// (plain http only to 127.0.0.1, localhost or [::1]): API keys sign requests sent there',
    }),
  JUSTCLICK_ORDERS_METHOD: z
    .enum(['getOrdersWithGoods', 'GetOrders'], { message: 'JUSTCLICK_ORDERS_METHOD must be getOrdersWithGoods or GetOrders' })
    .default('getOrdersWithGoods'),
  DEFAULT_TIMEZONE: ianaZone('DEFAULT_TIMEZONE').default('Europe/Moscow'),
  ALERT_POLL_SECONDS: z.coerce
    .number({ message: 'ALERT_POLL_SECONDS must be a whole number of seconds' })
    .int({ message: 'ALERT_POLL_SECONDS must be a whole number of seconds' })
    .min(1, { message: 'ALERT_POLL_SECONDS must be at least 1' })
    .max(3600, { message: 'ALERT_POLL_SECONDS must be at most 3600' })
    .default(60),
  // An account whose JustClick push works is polled only to catch a lost push (docs/capacity.md).
  ALERT_RECONCILE_SECONDS: z.coerce
    .number({ message: 'ALERT_RECONCILE_SECONDS must be a whole number of seconds' })
    .int({ message: 'ALERT_RECONCILE_SECONDS must be a whole number of seconds' })
    .min(1, { message: 'ALERT_RECONCILE_SECONDS must be at least 1' })
    .max(86_400, { message: 'ALERT_RECONCILE_SECONDS must be at most 86400 (a day)' })
    .default(900),
  PORT: z.coerce
    .number({ message: 'PORT must be a port number' })
    .int({ message: 'PORT must be a port number' })
    .min(0, { message: 'PORT must be between 0 and 65535' })
    .max(65535, { message: 'PORT must be between 0 and 65535' })
    .default(8080),
  // /metrics lives on its own port, on loopback unless said otherwise: it is for the operator, not the internet.
  METRICS_PORT: z.coerce
    .number({ message: 'METRICS_PORT must be a port number' })
    .int({ message: 'METRICS_PORT must be a port number' })
    .min(0, { message: 'METRICS_PORT must be between 0 and 65535' })
    .max(65535, { message: 'METRICS_PORT must be between 0 and 65535' })
    .default(9091),
  METRICS_HOST: z
    .string()
    .default('127.0.0.1')
    .refine((v) => /^[A-Za-z0-9.:-]+$/.test(v), { message: 'METRICS_HOST must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0' }),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
};

const publicUrl = z
  .url({
    error: (issue) =>
      issue.input === undefined
        ? 'PUBLIC_URL is required when BOT_MODE=webhook: Telegram must know where to send updates'
        : 'PUBLIC_URL must be the public https URL of this bot, e.g. https://bot.example.com',
  })
  .refine(httpsUnlessLoopback, {
    message: 'PUBLIC_URL must start with https:// (plain http only to 127.0.0.1, localhost or [::1]): webhook updates and notification URLs travel in it',
  })
  .transform((v) => v.replace(/\/+$/, ''));

const webhookSecret = z
  .string({ error: 'TELEGRAM_WEBHOOK_SECRET is required when BOT_MODE=webhook: generate one with `openssl rand -hex 32`' })
  // Telegram allows 1-256 of these characters; fewer than 32 could be guessed.
  .regex(/^[A-Za-z0-9_-]{32,256}$/, {
    message: 'TELEGRAM_WEBHOOK_SECRET must be 32 to 256 characters of A-Z a-z 0-9 _ -: make one with `openssl rand -hex 32`',
  });

/** Long polling: one replica at a time takes updates; PUBLIC_URL only serves the JustClick notification URL. */
const polling = z.object({
  ...common,
  BOT_MODE: z.literal('polling').default('polling'),
  PUBLIC_URL: publicUrl.optional(),
  TELEGRAM_WEBHOOK_SECRET: webhookSecret.optional(),
});

/** Webhook: Telegram posts updates to PUBLIC_URL, proving itself with the secret. */
const webhook = z.object({ ...common, BOT_MODE: z.literal('webhook'), PUBLIC_URL: publicUrl, TELEGRAM_WEBHOOK_SECRET: webhookSecret });

const schema = z.discriminatedUnion('BOT_MODE', [polling, webhook], { error: 'BOT_MODE must be polling or webhook' }).transform((e) => {
  const settings = {
    botToken: e.BOT_TOKEN,
    /** Newest first; the first seals, any opens. */
    credentialsKeys: keyRing(e.CREDENTIALS_KEYS, e.CREDENTIALS_KEY),
    redisUrl: e.REDIS_URL,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    justclickApiUrl: e.JUSTCLICK_API_URL,
    ordersMethod: e.JUSTCLICK_ORDERS_METHOD,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    alertPollSeconds: e.ALERT_POLL_SECONDS,
    alertReconcileSeconds: e.ALERT_RECONCILE_SECONDS,
    port: e.PORT,
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST },
    logLevel: e.LOG_LEVEL,
  };
  return e.BOT_MODE === 'webhook'
    ? { ...settings, botMode: e.BOT_MODE, publicUrl: e.PUBLIC_URL, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET }
    : { ...settings, botMode: e.BOT_MODE, publicUrl: e.PUBLIC_URL, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET };
});

/** The settings, typed by the schema: in webhook mode publicUrl and webhookSecret are always there. */
export type Config = z.output<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the environment; throws ConfigError listing every problem, one line each. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(cleaned);
  // Checked here rather than in the schema, so that it is listed with every other problem.
  const missingKey = cleaned.CREDENTIALS_KEY === undefined && cleaned.CREDENTIALS_KEYS === undefined ? [MISSING_KEY] : [];
  if (parsed.success && missingKey.length === 0) return parsed.data;
  const issues = parsed.success ? [] : parsed.error.issues;
  // An unknown BOT_MODE stops the union at the mode: read the rest as polling, so every other problem is listed too.
  if (issues.some((i) => i.path[0] === 'BOT_MODE')) {
    const { BOT_MODE: _unknown, ...rest } = cleaned;
    issues.push(...(polling.safeParse(rest).error?.issues ?? []));
  }
  const problems = issues.map((i) => {
    const name = String(i.path[0] ?? '');
    return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
  });
  throw new ConfigError([...new Set([...problems, ...missingKey])]);
}
