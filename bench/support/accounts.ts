// The benchmark's JustClick accounts, derived from their index so that every process (the farm, the engine,
// the PHP poller) knows the same logins and keys without passing secrets around.
import { createHash } from 'node:crypto';
import type { Config } from '../../src/config.js';

const FIRST_LOGIN = 70_000;

export interface BenchAccount {
  /** A JustClick login made of digits, so that `127.<login>` is a loopback address of its own. */
  login: string;
  key: string;
  /** The Telegram user (and private chat) the account is linked to. */
  ownerId: number;
}

export function benchAccount(i: number): BenchAccount {
  return {
    login: String(FIRST_LOGIN + i),
    key: createHash('md5').update(`bench-key-${i}`).digest('hex'),
    ownerId: 1_000_000 + i,
  };
}

/** `127.<login>` written out: WHATWG URLs (and so undici) read `127.70000` as 127.1.17.112. */
export function hostOf(login: string): string {
  const n = Number(login);
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * The bot's configuration in an engine child (§2 and the scale-out study): JustClick at the farm's per-account
 * hosts, rounds only when the parent queues them (intervals far longer than the benchmark).
 */
export function engineConfig(at: { botToken: string; redisUrl: string; telegramApiRoot: string; template: string }): Config {
  return {
    botToken: at.botToken,
    credentialsKeys: [Buffer.alloc(32, 7)],
    redisUrl: at.redisUrl,
    telegramApiRoot: at.telegramApiRoot,
    justclickApiUrl: at.template,
    ordersMethod: 'getOrdersWithGoods',
    defaultTimezone: 'Europe/Moscow',
    alertPollSeconds: 3600,
    alertReconcileSeconds: 3600,
    botMode: 'polling',
    port: 0,
    metrics: { port: 0, host: '127.0.0.1' },
    publicUrl: undefined,
    webhookSecret: undefined,
    logLevel: 'warn',
  };
}
