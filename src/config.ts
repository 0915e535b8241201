// The runtime contract (see README "Settings"): environment → typed config, failing fast with one
// clear line per problem.
import { z } from 'zod';
import { isValidTimeZone } from './domain/calendar.js';

const ianaZone = (name: string) =>
  z.string().refine(isValidTimeZone, { message: `${name} is not an IANA time zone (e.g. Europe/Moscow, Asia/Almaty)` });

const schema = z
  .object({
    BOT_TOKEN: z
      .string({ error: 'BOT_TOKEN is missing: get one from @BotFather and put it into .env' })
      .regex(/^\d+:[\w-]{20,}$/, { message: 'BOT_TOKEN does not look like a bot token (123456:ABC-...) from @BotFather' }),
    CREDENTIALS_KEY: z
      .string({ error: 'CREDENTIALS_KEY is missing: generate one with `openssl rand -base64 32`' })
      .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
        message: 'CREDENTIALS_KEY must be 32 random bytes in base64: generate one with `openssl rand -base64 32`',
      }),
    REDIS_URL: z
      .string()
      .default('redis://127.0.0.1:6379')
      .refine((v) => /^rediss?:\/\//.test(v), { message: 'REDIS_URL must start with redis:// or rediss://' }),
    TELEGRAM_API_ROOT: z
      .url({ message: 'TELEGRAM_API_ROOT must be a URL such as https://api.telegram.org' })
      .default('https://api.telegram.org')
      .transform((v) => v.replace(/\/+$/, '')),
    JUSTCLICK_API_URL: z
      .string()
      .default('https://{login}.justclick.ru/api')
      .refine((v) => v.includes('{login}') && /^https?:\/\//.test(v), {
        message: 'JUSTCLICK_API_URL must be an http(s) URL template containing {login}, e.g. https://{login}.justclick.ru/api',
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
    BOT_MODE: z.enum(['polling', 'webhook'], { message: 'BOT_MODE must be polling or webhook' }).default('polling'),
    PORT: z.coerce
      .number({ message: 'PORT must be a port number' })
      .int({ message: 'PORT must be a port number' })
      .min(0, { message: 'PORT must be between 0 and 65535' })
      .max(65535, { message: 'PORT must be between 0 and 65535' })
      .default(8080),
    PUBLIC_URL: z
      .url({ message: 'PUBLIC_URL must be the public https URL of this bot, e.g. https://bot.example.com' })
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, {
        message: 'TELEGRAM_WEBHOOK_SECRET may hold only A-Z a-z 0-9 _ - (up to 256): try `openssl rand -hex 32`',
      })
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  });

export type Env = z.infer<typeof schema>;

export interface Config {
  botToken: string;
  credentialsKey: Buffer;
  redisUrl: string;
  telegramApiRoot: string;
  justclickApiUrl: string;
  ordersMethod: 'getOrdersWithGoods' | 'GetOrders';
  defaultTimezone: string;
  alertPollSeconds: number;
  botMode: 'polling' | 'webhook';
  port: number;
  publicUrl: string | undefined;
  webhookSecret: string | undefined;
  logLevel: Env['LOG_LEVEL'];
}

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
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
      });
  // Checked apart from the schema so that they are reported together with every other problem.
  if (cleaned.BOT_MODE === 'webhook') {
    if (!cleaned.PUBLIC_URL) problems.push('PUBLIC_URL is required when BOT_MODE=webhook: Telegram must know where to send updates');
    if (!cleaned.TELEGRAM_WEBHOOK_SECRET)
      problems.push('TELEGRAM_WEBHOOK_SECRET is required when BOT_MODE=webhook: generate one with `openssl rand -hex 32`');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    credentialsKey: Buffer.from(e.CREDENTIALS_KEY, 'base64'),
    redisUrl: e.REDIS_URL,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    justclickApiUrl: e.JUSTCLICK_API_URL,
    ordersMethod: e.JUSTCLICK_ORDERS_METHOD,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    alertPollSeconds: e.ALERT_POLL_SECONDS,
    botMode: e.BOT_MODE,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}
