// /tz and /lang: the chat's time zone (the digest schedule follows it) and the language the bot speaks.
import { Composer } from 'telegraf';
import { formatTime } from '../../domain/format/dates.js';
import { isLang } from '../../domain/i18n/lang.js';
import { settingsText } from '../../domain/i18n/settings.js';
import { mayConfigureChat } from '../access.js';
import type { BotContext, Services } from '../context.js';
import { canonicalTimeZone } from '../../domain/calendar.js';

export function settingsFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('tz', async (ctx) => {
    const chatId = ctx.chat.id;
    const input = ctx.payload.trim();
    if (input === '') {
      await gateway.sendHtml(chatId, settingsText[ctx.lang].tzCurrent(ctx.timeZone, formatTime(s.now(), ctx.timeZone)));
      return;
    }
    const zone = canonicalTimeZone(input);
    if (!zone) {
      await gateway.sendHtml(chatId, settingsText[ctx.lang].tzUnknown(input.slice(0, 64)));
      return;
    }
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    ctx.chatSettings = await s.chats.update(chatId, { timeZone: zone });
    // The digest is "09:00 local": its schedule moves with the zone.
    if (ctx.chatSettings.digest) await s.engine.digests.schedule(chatId);
    await gateway.sendHtml(chatId, settingsText[ctx.lang].tzSet(zone, formatTime(s.now(), zone)));
  });

  feature.command('lang', async (ctx) => {
    const chatId = ctx.chat.id;
    const input = ctx.payload.trim().toLowerCase();
    if (input === '') {
      await gateway.sendHtml(chatId, settingsText[ctx.lang].langCurrent);
      return;
    }
    if (!isLang(input)) {
      await gateway.sendHtml(chatId, settingsText[ctx.lang].langUnknown(ctx.payload.trim().slice(0, 32)));
      return;
    }
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    // In a private chat the choice is the user's own: it follows them into groups that have none.
    if (ctx.chat.type === 'private') await s.chats.updateUser(ctx.from.id, { lang: input });
    ctx.chatSettings = await s.chats.update(chatId, { lang: input });
    ctx.lang = input;
    await gateway.sendHtml(chatId, settingsText[input].langSet);
  });

  return feature;
}
