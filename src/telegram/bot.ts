// createBot: the Telegraf bot with its dependencies passed in, one feature module per command family,
// every outbound message through the gateway, and one error path that apologises instead of crashing.
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { checkTelegramHtml } from '../domain/format/html.js';
import { splitMessage } from '../domain/format/split.js';
import { botText } from '../domain/i18n/bot.js';
import { chatLanguage, DEFAULT_LANG, LANGS, type Lang } from '../domain/i18n/lang.js';
import { accountFeature } from './features/link.js';
import { accountsFeature } from './features/accounts.js';
import { askFeature } from './features/ask.js';
import { alertsFeature } from './features/alerts.js';
import { alertButtonsFeature } from './features/alert-buttons.js';
import { digestFeature } from './features/digest.js';
import { goalFeature } from './features/goal.js';
import { pinFeature } from './features/pin.js';
import { reportFeature } from './features/report.js';
import { exportFeature } from './features/export.js';
import { chatEventsFeature } from './features/chat-events.js';
import { fallbackFeature } from './features/fallback.js';
import { glanceFeature } from './features/glance.js';
import { groupsFeature } from './features/groups.js';
import { lookupFeature } from './features/lookup.js';
import { ordersFeature } from './features/orders.js';
import { settingsFeature } from './features/settings.js';
import { startFeature, menuCommands } from './features/start.js';
import { statusFeature } from './features/status.js';
import { teamFeature } from './features/team.js';
import type { ChatSettings, UserPrefs } from '../store/chats.js';
import type { BotContext, BotDeps, Services } from './context.js';
import { ChatGone, TelegramBadRequest } from '../outbound/errors.js';
import { createGateway, type Gateway } from '../outbound/gateway.js';
import { markDemoChats } from '../demo/mark.js';
import { demoFeature } from './features/demo.js';

export interface Bot {
  bot: Telegraf<BotContext>;
  gateway: Gateway;
  /** Registers the command menus: DEFAULT_LANG's for everyone, each other language's for its language_code. */
  commandMenus(): Promise<void>;
  /** Feeds one update (webhook mode); resolves when its quick part is done, `drain` waits for the rest. */
  handleUpdate(update: Update): Promise<void>;
  /** Resolves when every update fed by handleUpdate and every background task (JustClick calls) has finished. */
  drain(): Promise<void>;
}

// Long enough for a gateway that waits out a 429 (≤ 10 s); JustClick calls run in the background.
const HANDLER_TIMEOUT_MS = 30_000;

export function createBot(deps: BotDeps): Bot {
  const { config, logger } = deps;
  const bot = new Telegraf<BotContext>(config.botToken, {
    telegram: { apiRoot: config.telegramApiRoot, webhookReply: false },
    handlerTimeout: HANDLER_TIMEOUT_MS,
  });
  const gateway = markDemoChats(createGateway(bot.telegram, { logger, checkHtml: checkTelegramHtml, split: splitMessage }), deps);

  const reportError = async (err: unknown, ctx: BotContext): Promise<void> => {
    const log = ctx.log ?? logger.child({ updateId: ctx.update.update_id });
    if (err instanceof ChatGone) {
      log.info({ err: { name: err.name, message: err.message } }, 'chat is gone; answer dropped');
      return;
    }
    log.error({ err, updateType: ctx.updateType }, 'update failed');
    const lang: Lang = ctx.lang ?? chatLanguage({ telegramCode: ctx.from?.language_code });
    const apology = botText[lang].apology;
    try {
      let chatId = ctx.chat?.id;
      // The group became a supergroup while we answered: its settings move, the apology goes there.
      if (chatId !== undefined && err instanceof TelegramBadRequest && err.migrateToChatId !== undefined) {
        await deps.chats.migrate(chatId, err.migrateToChatId);
        chatId = err.migrateToChatId;
      }
      if (ctx.callbackQuery) await gateway.answerCallback(ctx.callbackQuery.id, apology, false);
      else if (chatId !== undefined) await gateway.sendHtml(chatId, apology);
    } catch (second) {
      log.warn({ err: second }, 'could not send the apology');
    }
  };

  // A polling batch is handled with Promise.all before the next getUpdates, so one JustClick call
  // that waits on retries would stall every chat. Slow work runs here instead, one task per user at
  // a time (a second request meanwhile gets "still working"), and errors take the same path as bot.catch.
  const running = new Set<Promise<unknown>>();
  const track = (task: Promise<void>): void => {
    const forget = () => running.delete(settled);
    const settled: Promise<unknown> = task.then(forget, forget);
    running.add(settled);
  };
  const busyUsers = new Set<number>();
  // Work an update's background task starts itself (a question that first had to fetch the product list,
  // then fetches the orders) runs inside that task, not beside it: the user is busy with this very update.
  const inBackground = new WeakSet<BotContext>();
  const background: Services['background'] = async (ctx, work) => {
    if (inBackground.has(ctx)) return work();
    const userId = ctx.from?.id;
    if (userId !== undefined && busyUsers.has(userId)) {
      if (ctx.chat) await gateway.sendHtml(ctx.chat.id, botText[ctx.lang].busy);
      return;
    }
    if (userId !== undefined) busyUsers.add(userId);
    inBackground.add(ctx);
    track(
      work()
        .catch((err: unknown) => reportError(err, ctx))
        .finally(() => {
          inBackground.delete(ctx);
          if (userId !== undefined) busyUsers.delete(userId);
        }),
    );
  };

  const refuse: Services['refuse'] = async (ctx, refusal) => {
    if (ctx.chat) await gateway.sendHtml(ctx.chat.id, refusal.reply);
  };

  const services: Services = { ...deps, gateway, now: deps.now ?? (() => new Date()), refuse, background };

  bot.use(async (ctx, next) => {
    ctx.log = logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id, userId: ctx.from?.id });
    // Other bots never command this one (channel posts, which have no sender, match no handler below).
    if (ctx.from?.is_bot) return;
    const [chatSettings, user] = await Promise.all([
      ctx.chat ? deps.chats.get(ctx.chat.id) : Promise.resolve<ChatSettings>({}),
      ctx.from ? deps.chats.getUser(ctx.from.id) : Promise.resolve<UserPrefs>({}),
    ]);
    // A message from the chat proves it is reachable again (unblocked, re-added): lift the "gone" mark that
    // delivery set, or the digest and alerts switched on from now would be dropped silently.
    ctx.chatSettings = chatSettings.inactive && ctx.chat && ctx.message ? await deps.chats.update(ctx.chat.id, { inactive: null }) : chatSettings;
    ctx.lang = chatLanguage({ chat: chatSettings.lang, user: user.lang, telegramCode: ctx.from?.language_code });
    ctx.timeZone = chatSettings.timeZone ?? config.defaultTimezone;
    await next();
  });

  bot.use(
    // First: any command leaves a /link question flow, so the flow must see every command.
    accountFeature(services),
    accountsFeature(services),
    // Before /start: `/start <invite token>` is a team invite.
    teamFeature(services),
    startFeature(services),
    demoFeature(services),
    ordersFeature(services),
    lookupFeature(services),
    exportFeature(services),
    glanceFeature(services),
    settingsFeature(services),
    statusFeature(services),
    alertsFeature(services),
    alertButtonsFeature(services),
    digestFeature(services),
    reportFeature(services),
    goalFeature(services),
    pinFeature(services),
    chatEventsFeature(services),
    groupsFeature(services),
    // After every command and question flow: plain text that nothing else took is a question.
    askFeature(services),
    fallbackFeature(services),
  );

  bot.catch(reportError);

  return {
    bot,
    gateway,
    async commandMenus() {
      for (const lang of LANGS) await gateway.setCommands(menuCommands(lang), lang === DEFAULT_LANG ? {} : { languageCode: lang });
    },
    handleUpdate: (update) => {
      const handled = bot.handleUpdate(update);
      track(handled);
      return handled;
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
