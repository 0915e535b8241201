// /digest <time>|off|now (no argument: the state): the daily sales digest at the chat's local time, the
// time as people write it (9, 09.00, 9am, 9 утра, 21ч); scheduled by the engine, /tz moves it with the zone.
import { Composer } from 'telegraf';
import { parseClockTime } from '../../domain/clock-time.js';
import { switchWord } from '../../domain/i18n/commands.js';
import { limitsText } from '../../domain/i18n/limits.js';
import { notifyText } from '../../domain/i18n/notify.js';
import { accountForNotifications, mayConfigureChat } from '../access.js';
import type { BotContext, Services } from '../context.js';
import { zoneLabel } from '../../domain/zones.js';

/** What one digest costs in JustClick calls (today and the day before, created and paid, and comparisons). */
const DIGEST_NOW_CALLS = 8;

/** "9", "09.00", "9am", "9 утра", "21ч" → "09:00"/"21:00"; null for anything that is not a time of day. */
function digestTime(input: string): string | null {
  const time = parseClockTime(input);
  return time && `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

export function digestFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('digest', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = notifyText[ctx.lang];
    const { engine } = s;
    const arg = ctx.payload.trim().toLowerCase();

    if (arg === '') {
      const owner = ctx.chatSettings.ownerId;
      const fed = owner !== undefined && (await s.accounts.get(owner)) !== null;
      await gateway.sendHtml(chatId, text.digestState(fed ? (ctx.chatSettings.digest?.time ?? null) : null, zoneLabel(ctx.timeZone, ctx.lang, s.now())));
      return;
    }

    if (switchWord(arg) === 'off') {
      const access = await mayConfigureChat(s, ctx);
      if (!access.ok) return s.refuse(ctx, access);
      ctx.chatSettings = await s.chats.update(chatId, { digest: null });
      await engine.digests.unschedule(chatId);
      await gateway.sendHtml(chatId, text.digestOff);
      return;
    }

    const time = switchWord(arg) === 'now' ? 'now' : digestTime(arg);
    if (time === null) {
      await gateway.sendHtml(chatId, text.digestUsage(ctx.payload.trim().slice(0, 32)));
      return;
    }
    const access = await accountForNotifications(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    if (time === 'now') {
      // About 8 JustClick calls each: one at a time per chat, paid from the same budgets as /orders.
      if (!(await s.budgets.claimDigestNow(chatId))) {
        await gateway.sendHtml(chatId, limitsText[ctx.lang].digestNowRunning);
        return;
      }
      const waitMs = await s.budgets.spend(ctx.from.id, access.value.creds, DIGEST_NOW_CALLS, s.now());
      if (waitMs > 0) {
        await gateway.sendHtml(chatId, limitsText[ctx.lang].slowDown(waitMs / 60_000));
        return;
      }
      await gateway.sendHtml(chatId, text.digestComing);
      await s.background(ctx, () => engine.digests.sendNow(chatId).then(() => undefined));
      return;
    }
    ctx.chatSettings = await s.chats.update(chatId, { digest: { time } });
    await engine.digests.schedule(chatId);
    await gateway.sendHtml(chatId, text.digestSet(time, zoneLabel(ctx.timeZone, ctx.lang, s.now())));
  });

  return feature;
}
