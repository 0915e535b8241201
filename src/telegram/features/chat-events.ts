// Service messages about the chat itself: a group that becomes a supergroup gets a new id, and its
// settings (owner, language, zone, alerts, digest), alert ledger and digest schedule move with it.
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import type { BotContext, Services } from '../context.js';

export function chatEventsFeature(s: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on(message('migrate_to_chat_id'), async (ctx) => {
    const from = ctx.chat.id;
    const to = ctx.message.migrate_to_chat_id;
    // The alert ledger moves too: without it the supergroup would be alerted again about recent orders.
    await s.engine.migrateChat(from, to);
    ctx.log.info({ to }, 'group became a supergroup; its settings moved');
  });

  return feature;
}
