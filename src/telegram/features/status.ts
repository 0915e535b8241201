// /status: the linked account and how its JustClick calls go, the chat's time zone and language, and
// whether alerts and a digest come to this chat.
import { chatAccounts } from '../../store/chats.js';
import { Composer } from 'telegraf';
import { isDemoAccount } from '../../demo/account.js';
import { demoText } from '../../domain/i18n/demo.js';
import { formatDateTime, formatTime } from '../../domain/format/dates.js';
import { settingsText, type StatusFacts } from '../../domain/i18n/settings.js';
import { accountDomain, type BotContext, type Services } from '../context.js';
import { fromUnixSeconds } from '../../domain/justclick.js';

export function statusFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('status', async (ctx) => {
    const chatId = ctx.chat.id;
    const { timeZone, lang, chatSettings } = ctx;
    const when = (seconds: number | undefined) => (seconds === undefined ? null : formatDateTime(fromUnixSeconds(seconds), timeZone, lang));
    // A private chat shows the user's current account (their own or a team's); a group the account that feeds it.
    const account =
      ctx.chat.type === 'private'
        ? await s.accounts.current(ctx.from.id)
        : chatSettings.ownerId === undefined
          ? null
          : await s.accounts.get(chatSettings.ownerId);
    // The account may be one of several whose alerts come to this chat.
    const alertsOn = chatSettings.alerts?.on === true && account !== null && chatAccounts(chatSettings).includes(account.accountId);
    const engineStatus = alertsOn ? await s.engine.alerts.status(account.ownerId) : null;
    const facts: StatusFacts = {
      domain: account ? (isDemoAccount(account.creds) ? demoText[lang].shopName : accountDomain(account.creds)) : null,
      othersAccount: account !== null && account.linkedBy !== ctx.from.id,
      linkedAt: when(account?.linkedAt),
      lastOkAt: when(account?.lastOkAt),
      lastError: account?.lastError ? { kind: account.lastError.kind, at: when(account.lastError.at) ?? '' } : null,
      paused: account?.pausedAt !== undefined,
      resumeAt: when(account?.resumeAt),
      timeZone,
      localTime: formatTime(s.now(), timeZone),
      alertsSince: alertsOn ? when(chatSettings.alerts?.since) : null,
      lastCheckAt: engineStatus?.lastCheckAt ? formatDateTime(engineStatus.lastCheckAt, timeZone, lang) : null,
      digestTime: account !== null ? (chatSettings.digest?.time ?? null) : null,
      lastPushAt: when(account?.lastPushAt),
    };
    await gateway.sendHtml(chatId, settingsText[lang].status(facts));
  });

  return feature;
}
