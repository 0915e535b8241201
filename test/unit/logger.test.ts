// The logger writes no bot token, whoever logs what: an error quoting a Bot API URL, a message, a field.
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/logger.js';

const TOKEN = '123456:FAKE-token-for-tests_not-a-real-one';

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) }, { secrets });
  return { logger, lines };
}

describe('logger', () => {
  it('writes no bot token from an error quoting the Bot API URL (message and stack)', () => {
    const { logger, lines } = capture();
    // What node-fetch throws when a proxy answers Telegram's URL with an HTML page.
    const err = new Error(`invalid json response body at https://api.telegram.org/bot${TOKEN}/getMe reason: Unexpected token <`);
    logger.error({ err }, 'update failed');
    logger.warn({ err: { message: err.message } }, 'polling failed; retrying');
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(TOKEN.split(':')[1]);
    expect(lines[0]).toContain('/bot123456:[token]/getMe');
  });

  it('writes no bot token from a message, a nested field or a percent-encoded URL', () => {
    const { logger, lines } = capture();
    logger.info(`calling ${TOKEN}`);
    logger.info({ request: { url: `http://127.0.0.1:8081/bot${TOKEN.replace(':', '%3A')}/getUpdates` } }, 'proxy');
    expect(lines.join('\n')).not.toContain(TOKEN.split(':')[1]);
  });

  it('writes none of the exact secrets it was given, even without the token shape', () => {
    const { logger, lines } = capture([TOKEN, TOKEN.split(':')[1]!]);
    logger.info({ detail: `secret part alone: ${TOKEN.split(':')[1]!}` }, 'odd');
    expect(lines.join('\n')).not.toContain(TOKEN.split(':')[1]);
  });

  it('leaves ordinary text alone: times, ids, Redis keys', () => {
    const text = 'order 20871 at 2026-11-28T09:00:00Z, key jcb:acct:6001, job digest-6001:2026-11-28';
    expect(scrubSecrets(text)).toBe(text);
  });
});
