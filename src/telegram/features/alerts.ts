// /alerts on|off (no argument: the state) on top of the alert engine. The owner switches alerts on in
// their private chat, in a group where they are an administrator, or, from the private chat, for a
// channel or group named by @username or id; access.ts decides who may. `/alerts newurl` replaces the
// account's JustClick notification URL (a leaked one is revoked at once).
import { Composer } from 'telegraf';
import { botText } from '../../domain/i18n/bot.js';
import { demoText } from '../../domain/i18n/demo.js';
import { teamText } from '../../domain/i18n/team.js';
import { isDemoAccount } from '../../demo/account.js';
import { switchWord } from '../../domain/i18n/commands.js';
import { NEW_URL_WORDS, notifyText } from '../../domain/i18n/notify.js';
import { LANGS } from '../../domain/i18n/lang.js';
import { accountForNotifications, mayConfigureChat, otherChatForAlerts } from '../access.js';
import type { BotContext, BotEngine, Services } from '../context.js';
import { alertSettingsText, settingWord } from '../../domain/i18n/alert-settings.js';
import { alertSettings } from './alert-settings.js';
import { alertTemplate } from './alert-template.js';
import { TEMPLATE_WORDS } from '../../domain/i18n/alert-template.js';

const TARGET = /^(@[A-Za-z0-9_]{4,32}|-?\d{5,20})$/;

export function alertsFeature(s: Services): Composer<BotContext> {
  const { gateway, pushUrl } = s;
  const feature = new Composer<BotContext>();
  const settings = alertSettings(s);
  feature.use(settings.composer);
  const template = alertTemplate(s);
  feature.use(template.composer);

  /** `/alerts on|off @channel` from the private chat: who may is access.ts's question. */
  const forOtherChat = async (ctx: BotContext, engine: BotEngine, on: boolean, targetInput: string): Promise<void> => {
    const text = notifyText[ctx.lang];
    const chatId = ctx.chat!.id;
    const access = await otherChatForAlerts(s, ctx, targetInput, on);
    if (!access.ok) return s.refuse(ctx, access);
    const { chat: target, title, settings, account } = access.value;
    if (!on) {
      await engine.alerts.disable(target.id);
      await gateway.sendHtml(chatId, text.alertsOff(title));
      return;
    }
    // Alerts in the channel speak the owner's language and keep their time zone, unless it has its own.
    await s.chats.update(target.id, { lang: settings.lang ?? ctx.lang, timeZone: settings.timeZone ?? ctx.timeZone });
    await gateway.typing(chatId);
    const accountId = account!.accountId;
    await s.background(ctx, async () => {
      await engine.alerts.enable(target.id, accountId);
      await gateway.sendHtml(
        chatId,
        text.alertsOn({ target: title, pollSeconds: s.config.alertPollSeconds, pushUrl: await pushUrl(accountId), pushUrlInPrivate: false }),
      );
    });
  };

  feature.command('alerts', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = notifyText[ctx.lang];
    const { engine } = s;
    // `/alerts template` and the seller's lines after it, as typed (case and line ends kept).
    const first = /^\S*/.exec(ctx.payload.trim())?.[0] ?? '';
    if (TEMPLATE_WORDS.includes(first.toLowerCase())) return template.command(ctx, ctx.payload.trim().slice(first.length));
    const [word = '', targetInput, ...rest] = ctx.payload.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const privateChat = ctx.chat.type === 'private';
    // Filters, quiet hours, the silence alert: `/alerts min 1000`, `/alerts quiet 23:00-08:00 hold` …
    const setting = settingWord(word);
    if (setting !== null)
      return settings.typed(
        ctx,
        setting,
        [targetInput, ...rest].filter((w): w is string => w !== undefined),
      );

    if (LANGS.some((lang) => NEW_URL_WORDS[lang].includes(word)) && targetInput === undefined) {
      // The URL is a secret of the account's owner: made and shown in their private chat only.
      if (!privateChat) return void (await gateway.sendHtml(chatId, botText[ctx.lang].privateOnly('alerts')));
      const current = await s.accounts.current(ctx.from.id);
      if (!current) return void (await gateway.sendHtml(chatId, botText[ctx.lang].notLinked));
      // A team's account: the URL is its owner's secret. The demo shop: JustClick never calls it.
      if (current.linkedBy !== ctx.from.id) return void (await gateway.sendHtml(chatId, teamText[ctx.lang].ownerOnly));
      if (isDemoAccount(current.creds)) return void (await gateway.sendHtml(chatId, demoText[ctx.lang].noPushUrl));
      if (!s.config.publicUrl) return void (await gateway.sendHtml(chatId, text.pushUrlUnavailable));
      const url = await s.renewPushUrl(current.accountId);
      await gateway.sendHtml(chatId, url === null ? botText[ctx.lang].notLinked : text.pushUrlRenewed(url));
      return;
    }

    // The state, filters, quiet hours and silence alert, with buttons that change them.
    if (word === '') return settings.show(ctx);
    const on = switchWord(word) === 'on';
    if ((!on && switchWord(word) !== 'off') || rest.length > 0 || (targetInput !== undefined && !TARGET.test(targetInput))) {
      await gateway.sendHtml(chatId, text.alertsUsage);
      return;
    }
    if (targetInput !== undefined) {
      if (!privateChat) {
        await gateway.sendHtml(chatId, botText[ctx.lang].privateOnly('alerts'));
        return;
      }
      await forOtherChat(ctx, engine, on, targetInput);
      return;
    }

    if (!on) {
      const access = await mayConfigureChat(s, ctx);
      if (!access.ok) return s.refuse(ctx, access);
      // Every account's alerts stop here: with several, the answer names them all.
      const labels = await settings.feedLabels(ctx.chatSettings);
      await engine.alerts.disable(chatId);
      await gateway.sendHtml(chatId, labels.length > 1 ? alertSettingsText[ctx.lang].allOff(labels) : text.alertsOff(null));
      return;
    }

    const access = await accountForNotifications(s, ctx, { adding: true });
    if (!access.ok) return s.refuse(ctx, access);
    const ownerId = access.value.ownerId;
    await gateway.typing(chatId);
    // Switching on asks JustClick for what is already paid (so that it is never alerted): slow work.
    await s.background(ctx, async () => {
      await engine.alerts.enable(chatId, ownerId);
      await gateway.sendHtml(
        chatId,
        text.alertsOn({
          target: null,
          pollSeconds: s.config.alertPollSeconds,
          pushUrl: privateChat && ownerId === ctx.from.id ? await pushUrl(ownerId) : null,
          pushUrlInPrivate: !privateChat && s.config.publicUrl !== undefined,
        }),
      );
    });
  });

  return feature;
}
