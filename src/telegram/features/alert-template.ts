// `/alerts template`: the chat's own shape of a paid-order alert. Shown as it is; a new one is read, refused with
// the reason, or previewed on a sample order with Save and Cancel (the draft waits in Redis, the buttons carry
// only its id); `reset` brings the default back. Who may change it is access.ts's question, as for the panel.
import { Composer } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { defaultAlertTemplate, renderPaid, type AlertView } from '../../domain/alert.js';
import { readAlertTemplate } from '../../domain/alert-template.js';
import type { AlertPrefs } from '../../domain/alert-prefs.js';
import { joinHtml, visibleText } from '../../domain/format/html.js';
import { ACCOUNT_CURRENCY } from '../../domain/format/money.js';
import { alertTemplateText, sampleAlert, TEMPLATE_RESET_WORDS } from '../../domain/i18n/alert-template.js';
import { botText } from '../../domain/i18n/bot.js';
import { unixSeconds } from '../../domain/justclick.js';
import { mayConfigureChat } from '../access.js';
import type { BotContext, Services } from '../context.js';

/** at:s:<draft id> saves, at:c:<draft id> cancels (11 + 5 bytes), at:show shows the template (the panel's button). */
const PRESS = /^at:(?:(s|c):([A-Za-z0-9_-]{11})|(show))$/;
export const SHOW_TEMPLATE = 'at:show';

export interface AlertTemplateFeature {
  composer: Composer<BotContext>;
  /** `/alerts template …`: `rest` is everything after the word, line ends kept. */
  command(ctx: BotContext, rest: string): Promise<void>;
}

export function alertTemplate(s: Services): AlertTemplateFeature {
  const { gateway, templateDrafts: drafts } = s;
  const composer = new Composer<BotContext>();

  const view = (ctx: BotContext, chatId: number): AlertView => ({ lang: ctx.lang, timeZone: ctx.timeZone, group: chatId < 0, currency: ACCOUNT_CURRENCY });

  async function show(ctx: BotContext, chatId: number): Promise<void> {
    const own = ctx.chatSettings.alertPrefs?.template;
    await gateway.sendHtml(chatId, alertTemplateText[ctx.lang].current(own ?? defaultAlertTemplate(ctx.lang), own !== undefined));
  }

  async function storeTemplate(ctx: BotContext, chatId: number, template: string | null): Promise<void> {
    const { template: _, ...rest } = ctx.chatSettings.alertPrefs ?? {};
    const next: AlertPrefs = template === null ? rest : { ...rest, template };
    ctx.chatSettings = await s.chats.update(chatId, { alertPrefs: Object.keys(next).length > 0 ? next : null });
  }

  async function command(ctx: BotContext, rest: string): Promise<void> {
    const chatId = ctx.chat!.id;
    const t = alertTemplateText[ctx.lang];
    const typed = rest.trim();
    if (typed === '') return show(ctx, chatId);
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    if (TEMPLATE_RESET_WORDS.includes(typed.toLowerCase())) {
      await storeTemplate(ctx, chatId, null);
      return void (await gateway.sendHtml(chatId, t.reset));
    }
    const read = readAlertTemplate(rest);
    if (!read.ok) return void (await gateway.sendHtml(chatId, t.refused(read.problem)));
    const id = await drafts.propose(chatId, read.text);
    const sample = sampleAlert(ctx.lang, unixSeconds(s.now()));
    const preview = renderPaid([sample.order], view(ctx, chatId), sample.extras, read.text);
    const keyboard: InlineKeyboardMarkup = {
      inline_keyboard: [
        [
          { text: t.button.save, callback_data: `at:s:${id}` },
          { text: t.button.cancel, callback_data: `at:c:${id}` },
        ],
      ],
    };
    await gateway.sendHtml(chatId, joinHtml([t.preview, preview, t.confirm], '\n\n'), { keyboard });
  }

  composer.action(PRESS, async (ctx) => {
    const callbackId = ctx.callbackQuery.id;
    const shown = ctx.callbackQuery.message;
    if (!shown) return void (await gateway.answerCallback(callbackId, botText[ctx.lang].staleButton, true));
    const chatId = shown.chat.id;
    if (ctx.match[3] === 'show') {
      await gateway.answerCallback(callbackId);
      return show(ctx, chatId);
    }
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return void (await gateway.answerCallback(callbackId, visibleText(access.reply), true));
    const t = alertTemplateText[ctx.lang];
    const text = await drafts.take(chatId, ctx.match[2]!);
    // Read again: what was saved must still be a template the alerts can use.
    const read = text === null ? null : readAlertTemplate(text);
    if (!read?.ok) return void (await gateway.answerCallback(callbackId, t.stale, true));
    const save = ctx.match[1] === 's';
    if (save) await storeTemplate(ctx, chatId, read.text);
    await gateway.answerCallback(callbackId);
    if (!save) return void (await gateway.editHtml(chatId, shown.message_id, t.cancelled));
    const sample = sampleAlert(ctx.lang, unixSeconds(s.now()));
    await gateway.editHtml(chatId, shown.message_id, joinHtml([t.saved, renderPaid([sample.order], view(ctx, chatId), sample.extras, read.text)], '\n\n'));
  });

  return { composer, command };
}
