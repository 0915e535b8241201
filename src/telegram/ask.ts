// One way to answer a question about orders, whether it came after /orders or /export, after a shortcut
// (/today, /sales…), as plain text in a private chat, or from a button: understood (understand.ts), then
// answered as a period's orders, one order or one buyer.
import type { BotContext, Services } from './context.js';
import { understand, type Asked, type PreparedQuery, type Understood } from './understand.js';

/** Answers an understood question about a period's orders (the /orders answer, the /export file). */
export type OrdersAnswer = (s: Services, ctx: BotContext, prepared: PreparedQuery) => Promise<void>;

/**
 * What each kind of request ends in. Passed in rather than imported: the features that answer them
 * (orders, export, lookup) also ask through here, and a module cycle would tie them into one.
 */
export interface Answers {
  orders: OrdersAnswer;
  order(s: Services, ctx: BotContext, id: string): Promise<void>;
  buyer(s: Services, ctx: BotContext, who: { email: string } | { phone: string }): Promise<void>;
}

export async function answerRequest(s: Services, ctx: BotContext, asked: Asked, answers: Answers): Promise<void> {
  const reading = await understand(s, ctx, asked);
  if (reading !== null && 'afterProductList' in reading) {
    await s.gateway.typing(ctx.chat!.id);
    // The answer's own background work then runs inside this task (bot.ts).
    await s.background(ctx, async () => answer(s, ctx, await reading.afterProductList(), answers));
    return;
  }
  await answer(s, ctx, reading, answers);
}

async function answer(s: Services, ctx: BotContext, understood: Understood, answers: Answers): Promise<void> {
  if (understood === null) return;
  if ('prepared' in understood) return answers.orders(s, ctx, understood.prepared);
  const { lookup } = understood;
  if (lookup.kind === 'order') return answers.order(s, ctx, lookup.id);
  return answers.buyer(s, ctx, 'email' in lookup ? { email: lookup.email } : { phone: lookup.phone });
}
