// One pino logger; secrets are redacted by path so that a careless `log.info({ creds })` stays safe, and every
// line is scrubbed of bot tokens on its way out, so that an error quoting a Bot API URL cannot leak one.
import { pino, type Logger } from 'pino';

export type { Logger };

// biome-ignore format: one secret's paths a line
const REDACT = [
  'key', '*.key', '*.*.key',
  'token', '*.token', 'botToken', '*.botToken',
  'secret', '*.secret', 'webhookSecret', '*.webhookSecret',
  'credentialsKey', '*.credentialsKey', 'credentialsKeys', '*.credentialsKeys',
  'hash', '*.hash',
  'password', '*.password',
];

// A bot token in the shape config.ts accepts (`<bot id>:<20+ of A-Z a-z 0-9 _ ->`), bare or inside a Bot API
// URL (`/bot<token>/getMe`), its colon possibly percent-encoded. Telegram's and node-fetch's errors quote
// the URL (issue #13): whatever logs them, by message, stack or field, goes through here.
const BOT_TOKEN = /(\d{3,})(?::|%3A)[A-Za-z0-9_-]{20,}/gi;

/** The text with every bot token (and each exact secret given) replaced by `[token]`. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[token]');
  return out.replace(BOT_TOKEN, '$1:[token]');
}

export interface LoggerOptions {
  /** Exact strings never to write (the bot token and its secret part), on top of the token shape. */
  secrets?: readonly string[];
}

export function createLogger(level: string, destination?: pino.DestinationStream, options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { svc: 'jc-bot' },
      // The last step before a line is written: serializers and messages alike pass here.
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    destination,
  );
}
