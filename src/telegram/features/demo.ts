// /demo: links the built-in demo shop (answered in-process, src/demo/) so that a seller can try every command
// before giving a key. It never replaces a real account; /unlink removes it and /link replaces it like any account.
import { Composer } from 'telegraf';
import { isDemoAccount, DEMO_CREDENTIALS } from '../../demo/account.js';
import { botText } from '../../domain/i18n/bot.js';
import { demoText } from '../../domain/i18n/demo.js';
import type { Lang } from '../../domain/i18n/lang.js';
import { unixSeconds } from '../../domain/justclick.js';
import { accountDomain, type BotContext, type Services } from '../context.js';

/** Adds the demo shop to the user's accounts (it becomes the current one), fed to their private chat. */
async function linkDemo(s: Services, userId: number, chatId: number, lang: Lang): Promise<void> {
  const { accountId } = await s.accounts.add(userId, DEMO_CREDENTIALS, unixSeconds(s.now()));
  // The chat keeps the language: the demo's mark on alerts and digests is written without a sender to ask.
  await s.chats.update(chatId, { ownerId: accountId, lang });
}

export function demoFeature(s: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('demo', async (ctx) => {
    const text = demoText[ctx.lang];
    if (ctx.chat.type !== 'private') {
      await s.gateway.sendHtml(ctx.chat.id, botText[ctx.lang].privateOnly('demo'));
      return;
    }
    // A seller with a real account already sees real orders: the demo would only mix made-up ones in.
    const accounts = await s.accounts.list(ctx.from.id);
    const real = accounts.find((a) => !isDemoAccount(a.creds));
    if (real) {
      await s.gateway.sendHtml(ctx.chat.id, text.realAccountLinked(accountDomain(real.creds)));
      return;
    }
    if (accounts.length > 0) {
      await s.gateway.sendHtml(ctx.chat.id, text.alreadyLinked);
      return;
    }
    await linkDemo(s, ctx.from.id, ctx.chat.id, ctx.chatSettings.lang ?? ctx.lang);
    ctx.log.info('demo shop linked');
    await s.gateway.sendHtml(ctx.chat.id, text.linked);
  });
  return feature;
}
