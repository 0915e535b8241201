// One pino logger; secrets are redacted by path so that a careless `log.info({ creds })` stays safe.
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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { svc: 'jc-bot' } }, destination);
}
