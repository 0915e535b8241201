// /report weekly|monthly HH:MM|off, /report off (no argument: the state): the Monday report on last week and
// the report on last month on the 1st, at the chat's local time; scheduled by the engine, moved by /tz.
import { Composer } from 'telegraf';
import { parseClockTime } from '../../domain/clock-time.js';
import { switchWord } from '../../domain/i18n/commands.js';
import { LANGS } from '../../domain/i18n/lang.js';
import { CADENCE_WORDS, reportText, type Cadence } from '../../domain/i18n/report.js';
import { accountForNotifications, mayConfigureChat } from '../access.js';
import type { BotContext, Services } from '../context.js';

/** Which report a word names, in any language; null for anything else. */
function cadenceWord(word: string): Cadence | null {
  for (const lang of LANGS) {
    for (const cadence of ['weekly', 'monthly'] as const) if (CADENCE_WORDS[lang][cadence].includes(word)) return cadence;
  }
  return null;
}

const hhmm = (t: { hour: number; minute: number }) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
const settingFor = (cadence: Cadence) => (cadence === 'weekly' ? 'weeklyReport' : 'monthlyReport');

export function reportFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('report', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = reportText[ctx.lang];
    const [first = '', ...rest] = ctx.payload.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const chat = ctx.chatSettings;

    if (first === '') {
      await gateway.sendHtml(chatId, text.state(chat.weeklyReport?.time ?? null, chat.monthlyReport?.time ?? null, ctx.timeZone));
      return;
    }
    const cadence = cadenceWord(first);
    const off = switchWord(cadence === null ? first : rest.join(' ')) === 'off';
    if ((cadence === null && (!off || rest.length > 0)) || (cadence !== null && rest.length === 0)) {
      await gateway.sendHtml(chatId, text.usage(ctx.payload.trim().slice(0, 32)));
      return;
    }

    if (off) {
      const access = await mayConfigureChat(s, ctx);
      if (!access.ok) return s.refuse(ctx, access);
      ctx.chatSettings = await s.chats.update(chatId, cadence === null ? { weeklyReport: null, monthlyReport: null } : { [settingFor(cadence)]: null });
      await s.engine.reports.schedule(chatId);
      await gateway.sendHtml(chatId, text.off(cadence));
      return;
    }

    const time = parseClockTime(rest.join(' '));
    if (cadence === null || time === null) {
      await gateway.sendHtml(chatId, text.usage(ctx.payload.trim().slice(0, 32)));
      return;
    }
    const access = await accountForNotifications(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    ctx.chatSettings = await s.chats.update(chatId, { [settingFor(cadence)]: { time: hhmm(time) } });
    await s.engine.reports.schedule(chatId);
    await gateway.sendHtml(chatId, text.set(cadence, hhmm(time), ctx.timeZone));
  });

  return feature;
}
