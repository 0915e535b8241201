// A notification body with more fields than PHP itself would read is refused before it is parsed (issue #13).
import { describe, expect, it } from 'vitest';
import { createNotificationHandler, MAX_FIELDS } from '../../src/http/notifications.js';
import { createLogger } from '../../src/logger.js';
import type { LinkedAccount } from '../../src/store/accounts.js';

const TOKEN = 'T'.repeat(32);
const account: LinkedAccount = { accountId: 42, ownerId: 42, linkedBy: 42, creds: { login: 'shop', region: 'ru', key: 'k'.repeat(32) }, linkedAt: 0 };

function handler() {
  const queued: unknown[] = [];
  const handle = createNotificationHandler({
    accounts: {
      ownerByPushToken: async (token) => (token === TOKEN ? 42 : null),
      get: async (ownerId) => (ownerId === 42 ? account : null),
      markPush: async () => true,
    },
    alerts: {
      enqueueAlerts: async (...args) => queued.push(args),
      enqueueStatusChange: async (...args) => queued.push(args),
    },
    // Never reached: these bodies are refused before JustClick would be asked.
    confirm: {
      orderDetails: async () => {
        throw new Error('JustClick asked about a refused body');
      },
      claim: async () => true,
      release: async () => undefined,
    },
    logger: createLogger('silent'),
  });
  return { handle, queued };
}

const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=x`).join('&');

describe('notification field cap', () => {
  it(`answers 400 to a body of more than ${MAX_FIELDS} fields and queues nothing`, async () => {
    const { handle, queued } = handler();
    expect(await handle(TOKEN, fields(MAX_FIELDS + 1))).toEqual({ status: 400, body: 'too many fields\n' });
    expect(queued).toEqual([]);
  });

  it(`reads a body of ${MAX_FIELDS} fields as usual (here: no valid hash, so 403)`, async () => {
    const { handle } = handler();
    expect((await handle(TOKEN, `${fields(MAX_FIELDS - 1)}&hash=0`)).status).toBe(403);
  });
});
