// /tz and /lang: the chat's time zone (the digest schedule follows it) and the language the bot speaks.
// /tz takes what people write (a city, "+5", "МСК+2", "CST"); a name with several zones gets buttons.
import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { isValidTimeZone } from '../../domain/calendar.js';
import { formatTime } from '../../domain/format/dates.js';
import { visibleText } from '../../domain/format/html.js';
import { clipLine } from '../../domain/format/text.js';
import { botText } from '../../domain/i18n/bot.js';
import { isLang } from '../../domain/i18n/lang.js';
import { settingsText } from '../../domain/i18n/settings.js';
import { parseTimeZone, zoneLabel } from '../../domain/zones.js';
import { mayConfigureChat } from '../access.js';
import type { BotContext, Services } from '../context.js';

// tz:<IANA zone>; the longest zone a button offers (America/Argentina/Buenos_Aires) is 33 bytes with it.
const TZ_PRESS = /^tz:([A-Za-z0-9_+\-/]{1,61})$/;
const CALLBACK_DATA_LIMIT = 64;

export function settingsFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  /** Stores the zone, moves the digest, reports and card rollover with it, and returns the confirmation. */
  const setZone = async (ctx: BotContext, chatId: number, zone: string) => {
    ctx.chatSettings = await s.chats.update(chatId, { timeZone: zone });
    // The digest is "09:00 local": its schedule moves with the zone.
    if (ctx.chatSettings.digest) await s.engine.digests.schedule(chatId);
    if (ctx.chatSettings.weeklyReport || ctx.chatSettings.monthlyReport) await s.engine.reports.schedule(chatId);
    if (ctx.chatSettings.liveCard) await s.engine.cards.reschedule(chatId);
    const now = s.now();
    return settingsText[ctx.lang].tzSet(zoneLabel(zone, ctx.lang, now), zone, formatTime(now, zone));
  };

  feature.command('tz', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = settingsText[ctx.lang];
    const input = ctx.payload.trim();
    const now = s.now();
    if (input === '') {
      await gateway.sendHtml(chatId, text.tzCurrent(zoneLabel(ctx.timeZone, ctx.lang, now), ctx.timeZone, formatTime(now, ctx.timeZone)));
      return;
    }
    const answer = parseTimeZone(input, ctx.lang, now);
    if (answer.kind === 'unknown') {
      await gateway.sendHtml(chatId, text.tzUnknown(clipLine(input, 64), answer.suggestion ?? null));
      return;
    }
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    if (answer.kind === 'zone') {
      await gateway.sendHtml(chatId, await setZone(ctx, chatId, answer.zone));
      return;
    }
    const buttons: InlineKeyboardButton[][] = answer.options
      .map((o) => ({ text: o.label, callback_data: `tz:${o.zone}` }))
      .filter((b) => Buffer.byteLength(b.callback_data, 'utf8') <= CALLBACK_DATA_LIMIT)
      .map((b) => [b]);
    await gateway.sendHtml(chatId, text.tzWhich(clipLine(input, 64)), { keyboard: { inline_keyboard: buttons } });
  });

  feature.action(TZ_PRESS, async (ctx) => {
    const callbackId = ctx.callbackQuery.id;
    const shown = ctx.callbackQuery.message;
    const zone = ctx.match[1] ?? '';
    // Callback data is untrusted: only a real zone, and only from someone who may change this chat now.
    if (!shown || !isValidTimeZone(zone)) {
      await gateway.answerCallback(callbackId, botText[ctx.lang].staleButton, true);
      return;
    }
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) {
      await gateway.answerCallback(callbackId, visibleText(access.reply), true);
      return;
    }
    await gateway.editHtml(shown.chat.id, shown.message_id, await setZone(ctx, shown.chat.id, zone));
    await gateway.answerCallback(callbackId);
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
