// Property: whatever a seller types after /orders, the bot answers with orders or with a helpful error,
// never an exception and never a message Telegram would refuse: through the real handler, and (many more
// runs) through the same parse → render path with a strict Telegram HTML parser.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOrdersPages } from '../../src/domain/format/orders.js';
import { ordersText } from '../../src/domain/i18n/orders.js';
import { parseRequest, type RequestError } from '../../src/domain/request.js';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import { rawOrder } from '../fakes/justclick.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { describeRedis } from '../support/redis.js';
import { parseTelegramHtml } from '../support/telegram-html.js';

const KEY = '0123456789abcdef0123456789abcdef';
const NOW = new Date('2026-11-28T09:00:00Z');

// biome-ignore format: a word list, packed by hand
const word = fc.oneof(
  fc.constantFrom(
    'today', 'сегодня', 'yesterday', 'вчера', 'week', 'неделя', 'month', 'месяц', '7d', '30д', '0d', '99999d',
    'paid', 'оплаченные', 'all', 'все', 'goods', 'товары', '12,14', '12', ',', '-', '..', '–',
    '01.11', '31.02', '29.02.2028', '2026-11-01', '2026-13-01', '01.11-15.11', '15.11-01.11', '2026-11-01..2026-11-15',
    '01.01.2000-31.12.2099', '<b>', '&amp;', '"', '😀', 'PAID', 'Today',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
);
const argsText = fc.array(word, { maxLength: 6 }).chain((words) => fc.constantFrom(' ', '  ', '\t', '\n').map((sep) => words.join(sep)));

/** Either the orders header / "no orders", a precise complaint followed by examples, or a lookup's answer. */
function isHelpfulAnswer(text: string): boolean {
  return (
    /📦 (Orders|Заказы) — |No orders for|Заказов нет/.test(text) ||
    /(For example|Например):/.test(text) ||
    // "#12" or an e-mail among the words: one order or one buyer, answered by the lookups.
    /🧾 (Order|Заказ) #|There is no order #|Заказа #\S+ в |No orders with the e-mail|Заказов с почтой|fits several products|подходит к нескольким/.test(text) ||
    // "@login" among the words: a pick of an account this seller does not have, answered with the ones they do.
    /^(You have no account @\S+\. Yours: prop\.justclick\.ru\.|У вас нет аккаунта @\S+\. Ваши: prop\.justclick\.ru\.)$/.test(text)
  );
}

describeRedis('e2e: anything after /orders', () => {
  let h: BotHarness;
  const seller = { id: 8001, firstName: 'Prop', languageCode: 'en' };
  const sellerRu = { id: 8002, firstName: 'Проп', languageCode: 'ru' };

  beforeAll(async () => {
    h = await startBotHarness({ now: NOW });
    h.jc.addAccount('prop', KEY);
    h.jc.addOrder('prop', { created: Math.floor(NOW.getTime() / 1000) - 3600, hostile: true });
    await h.say(seller, `/link prop ${KEY}`);
    await h.say(sellerRu, `/link prop ${KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('through the real handler: one helpful answer, no apology, no refused message', async () => {
    await fc.assert(
      fc.asyncProperty(argsText, fc.boolean(), async (args, russian) => {
        // The bot's clock stands still, so JustClick call budgets would never refill: sixty runs and a shrink
        // can spend them, and every later answer is "slow down". Each run starts with full ones (their own tests:
        // test/integration/budgets.test.ts).
        const spent = await h.redis.keys(`${h.prefix}budget:*`);
        if (spent.length > 0) await h.redis.del(...spent);
        const replies = await h.say(russian ? sellerRu : seller, `/orders ${args}`);
        expect(replies).toHaveLength(1);
        expect(isHelpfulAnswer(replies[0]!.text)).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(h.logs.filter((l) => l.includes('"update failed"'))).toEqual([]);
    expect(h.tg.calls.filter((c) => c.error)).toEqual([]);
  });
});

describe('anything after /orders, parse → render', () => {
  const orders = parseOrdersResult(
    Array.from({ length: 40 }, (_, i) =>
      rawOrder({
        id: 100 + i,
        created: Math.floor(NOW.getTime() / 1000) - i * 7200,
        paid: i % 2 ? null : Math.floor(NOW.getTime() / 1000) - i * 7000,
        hostile: i % 3 === 0,
      }),
    ),
  );

  it('always yields a query or a helpful error, each valid Telegram HTML within limits', () => {
    fc.assert(
      fc.property(
        fc.oneof(argsText, fc.string({ unit: 'binary', maxLength: 80 })),
        fc.constantFrom('en' as const, 'ru' as const),
        fc.constantFrom('Europe/Moscow', 'America/Los_Angeles', 'Asia/Vladivostok', 'Pacific/Chatham'),
        (args, lang, timeZone) => {
          const parsed = parseRequest(args, { now: NOW, timeZone });
          const request = parsed.ok ? parsed.request : null;
          if (request && request.kind !== 'orders') return; // one order or buyer: the lookups' own tests
          const pages = request
            ? renderOrdersPages(
                { created: orders, paid: orders.filter((o) => o.paid !== null) },
                {
                  period: request.period,
                  list: request.list,
                  status: request.status,
                  goods: request.goods,
                  timeZone,
                  lang,
                  currency: 'RUB',
                  maskContacts: false,
                  now: NOW,
                },
              )
            : [ordersText[lang].requestError((parsed as { error: RequestError }).error, '/orders')];
          const seen = pages.map((page) => parseTelegramHtml(page));
          for (const page of seen) {
            if (!page.ok) throw new Error(page.error);
            expect(page.text.length).toBeLessThanOrEqual(4096);
          }
          expect(seen[0]?.ok && isHelpfulAnswer(seen[0].text)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
