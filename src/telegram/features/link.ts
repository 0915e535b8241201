// /link (in one message or as two questions), /unlink and /cancel. The key is checked with one signed
// call before it is stored, every message of the flow is deleted, a key sent where the login belongs is
// refused before any request and never echoed, and groups are refused.
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { html } from '../../domain/format/html.js';
import { botText } from '../../domain/i18n/bot.js';
import { linkText } from '../../domain/i18n/link.js';
import { isJustClickError } from '../../justclick/errors.js';
import { accountLooksLikeKey, looksLikeKey, parseAccount } from '../../justclick/login.js';
import type { Credentials } from '../../justclick/types.js';
import { takeAccountPick } from '../../domain/account-pick.js';
import { accountsText } from '../../domain/i18n/accounts.js';
import { teamText } from '../../domain/i18n/team.js';
import { isDemoAccount } from '../../demo/account.js';
import { findPicked, mayUseAccount } from '../account-pick.js';
import { accountDomain, accountLabel, type BotContext, type Services } from '../context.js';
import { forgetAccount } from './accounts.js';
import { unixSeconds } from '../../domain/justclick.js';

const LINK_FLOW = 'link';
const KEY = /^\S{4,256}$/;

/** Splits "/link shop KEY" payloads and two-word answers: [account, key?]. */
function words(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

export function accountFeature(s: Services): Composer<BotContext> {
  const { gateway, flows } = s;
  const feature = new Composer<BotContext>();

  /** Deletes the message with the key (whatever happens next) and links the account if JustClick accepts it. */
  const linkWith = async (ctx: BotContext, accountInput: string, key: string, keyMessageId: number): Promise<void> => {
    const chatId = ctx.chat!.id;
    const userId = ctx.from!.id;
    const text = linkText[ctx.lang];
    const deleted = await gateway.deleteMessage(chatId, keyMessageId);
    if (accountLooksLikeKey(accountInput)) {
      await flows.clear(userId, chatId);
      await gateway.sendHtml(chatId, text.keyAsLogin(deleted));
      return;
    }
    const account = parseAccount(accountInput);
    if (!account) {
      await gateway.sendHtml(chatId, html`${text.badLogin(accountInput.slice(0, 64))}${deleted ? '' : html`\n${text.keyNotDeleted}`}`);
      return;
    }
    if (!KEY.test(key)) {
      // The login was fine: wait for the key alone.
      await flows.set(userId, chatId, { kind: LINK_FLOW, step: 'key', login: account.login, region: account.region });
      await gateway.sendHtml(chatId, html`${text.badKey}${deleted ? '' : html`\n${text.keyNotDeleted}`}`);
      return;
    }
    await flows.clear(userId, chatId);
    const creds: Credentials = { ...account, key };
    const domain = accountDomain(creds);
    const notDeleted = deleted ? html`` : html`\n${text.keyNotDeleted}`;
    const waitMs = await s.linkAttempts.begin(userId, account, s.now());
    if (waitMs > 0) {
      ctx.log.info({ login: creds.login, waitMs }, 'too many failed /link attempts; not asking JustClick');
      await gateway.sendHtml(chatId, html`${text.tooManyAttempts(waitMs / 60_000)}${notDeleted}`);
      return;
    }
    await gateway.typing(chatId);
    await s.background(ctx, async () => {
      try {
        await s.client.checkKey(creds);
      } catch (err) {
        if (!isJustClickError(err)) {
          await s.linkAttempts.notAFailure(userId, account);
          throw err;
        }
        ctx.log.info({ kind: err.kind, login: creds.login }, 'JustClick refused the key check');
        // A wrong key, an unknown login, and an answer signed with a key that is not this one (the account
        // exists, e.g. with an IP allow-list) all get one reply and count as failures: /link is no oracle.
        if (err.kind === 'wrong-key' || err.kind === 'unknown-login' || err.details.unverified) {
          await gateway.sendHtml(chatId, html`${text.wrongLoginOrKey(domain)}${notDeleted}`);
          return;
        }
        // Signed answers (IP denied, account disabled, limit reached) prove the key: no failure to count.
        if (err.kind === 'unavailable' || err.kind === 'protocol') await s.linkAttempts.notAFailure(userId, account);
        else await s.linkAttempts.succeeded(userId, account);
        await gateway.sendHtml(chatId, html`${botText[ctx.lang].justclick(err.kind, domain, 'link')}${notDeleted}`);
        return;
      }
      await s.linkAttempts.succeeded(userId, account);
      // A real account ends the try-out: the demo shop goes, as /unlink would remove it.
      for (const demo of (await s.accounts.list(userId)).filter((a) => isDemoAccount(a.creds))) await forgetAccount(s, demo.accountId);
      // The same login again updates that account's key; another login is one more account.
      const { accountId, previous } = await s.accounts.add(userId, creds, unixSeconds(s.now()));
      // The private chat keeps the account that already feeds it (its alerts go on); a new person's chat gets this one.
      const feeding = ctx.chatSettings.ownerId;
      if (feeding === undefined || !(await mayUseAccount(s, userId, feeding))) await s.chats.update(chatId, { ownerId: accountId });
      ctx.log.info({ login: creds.login, region: creds.region, accountId }, 'account linked');
      const count = previous ? 0 : (await s.accounts.list(userId)).length;
      const linked = count > 1 ? accountsText[ctx.lang].added(domain, count) : text.linked(domain);
      await gateway.sendHtml(chatId, html`${linked}${deleted ? '' : html`\n\n${text.keyNotDeleted}`}`);
    });
  };

  /**
   * The answer to "what is your login?" (or the one word after /link), already deleted as every message of
   * the flow is: a key is refused unechoed and nothing is kept; a login moves on to the key question.
   */
  const takeLogin = async (ctx: BotContext, accountInput: string, deleted: boolean): Promise<void> => {
    const chatId = ctx.chat!.id;
    const userId = ctx.from!.id;
    const text = linkText[ctx.lang];
    if (accountLooksLikeKey(accountInput)) {
      await flows.clear(userId, chatId);
      await gateway.sendHtml(chatId, text.keyAsLogin(deleted));
      return;
    }
    const account = parseAccount(accountInput);
    if (!account) {
      await gateway.sendHtml(chatId, text.badLogin(accountInput.slice(0, 64)));
      return;
    }
    await flows.set(userId, chatId, { kind: LINK_FLOW, step: 'key', login: account.login, region: account.region });
    await gateway.sendHtml(chatId, text.askKey(accountDomain(account)));
  };

  feature.command('cancel', async (ctx) => {
    const had = await flows.get(ctx.from.id, ctx.chat.id);
    await flows.clear(ctx.from.id, ctx.chat.id);
    await gateway.sendHtml(ctx.chat.id, had ? linkText[ctx.lang].cancelled : linkText[ctx.lang].nothingToCancel);
  });

  // Any other command leaves a question flow: the user has moved on.
  feature.on(message('text'), async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) await flows.clear(ctx.from.id, ctx.chat.id);
    return next();
  });

  feature.command('link', async (ctx) => {
    const chatId = ctx.chat.id;
    const args = words(ctx.payload);
    if (ctx.chat.type !== 'private') {
      // Any word after /link may be the key, already in the group's history: take it out first.
      const keyMessage = args.length === 0 ? 'none' : (await gateway.deleteMessage(chatId, ctx.message.message_id)) ? 'deleted' : 'kept';
      await gateway.sendHtml(chatId, linkText[ctx.lang].groupRefused(keyMessage));
      return;
    }
    const [accountInput, key] = args;
    if (accountInput !== undefined && key !== undefined) {
      await linkWith(ctx, accountInput, args.slice(1).join(' '), ctx.message.message_id);
      return;
    }
    if (accountInput !== undefined) {
      await takeLogin(ctx, accountInput, await gateway.deleteMessage(chatId, ctx.message.message_id));
      return;
    }
    await flows.set(ctx.from.id, chatId, { kind: LINK_FLOW, step: 'login' });
    await gateway.sendHtml(chatId, linkText[ctx.lang].askLogin);
  });

  feature.command('unlink', async (ctx) => {
    const text = linkText[ctx.lang];
    if (ctx.chat.type !== 'private') {
      await gateway.sendHtml(ctx.chat.id, botText[ctx.lang].privateOnly('unlink'));
      return;
    }
    // The current account, or the one "@login" names.
    const { pick } = takeAccountPick(ctx.payload);
    const mine = await s.accounts.list(ctx.from.id);
    const target = pick !== null && pick !== 'all' ? findPicked(mine, pick) : await s.accounts.current(ctx.from.id);
    if (pick !== null && pick !== 'all' && !target) {
      await gateway.sendHtml(ctx.chat.id, accountsText[ctx.lang].unknownPick(pick.login, mine.map(accountLabel)));
      return;
    }
    // The current account may be a team's: only its owner unlinks it.
    if (target && target.linkedBy !== ctx.from.id) {
      await gateway.sendHtml(ctx.chat.id, mine.length === 0 ? text.nothingToUnlink : teamText[ctx.lang].ownerOnly);
      return;
    }
    const removed = target ? await forgetAccount(s, target.accountId) : null;
    if (!removed || !target) {
      await gateway.sendHtml(ctx.chat.id, text.nothingToUnlink);
      return;
    }
    ctx.log.info({ login: removed.login }, 'account unlinked');
    await gateway.sendHtml(ctx.chat.id, text.unlinked(accountDomain(target.creds)));
  });

  // Answers to the /link questions, in the private chat where they were asked.
  feature.on(message('text'), async (ctx, next) => {
    if (ctx.chat.type !== 'private') return next();
    const flow = await flows.get(ctx.from.id, ctx.chat.id);
    if (!flow || flow.kind !== LINK_FLOW) return next();
    const answer = words(ctx.message.text);
    if (flow.step === 'key' && typeof flow.login === 'string') {
      await linkWith(ctx, `${flow.login}.justclick.${flow.region === 'io' ? 'io' : 'ru'}`, answer.join(' '), ctx.message.message_id);
      return;
    }
    const [accountInput, key] = answer;
    if (accountInput === undefined) return next();
    // "shop KEY" as the answer to the login question is the whole /link in one message.
    if (answer.length === 2 && key !== undefined && looksLikeKey(key)) {
      await linkWith(ctx, accountInput, key, ctx.message.message_id);
      return;
    }
    const deleted = await gateway.deleteMessage(ctx.chat.id, ctx.message.message_id);
    // Several words are no login; if one of them is a key it must not be echoed in the refusal.
    const keyInside = answer.find((word) => accountLooksLikeKey(word));
    await takeLogin(ctx, keyInside ?? (answer.length === 1 ? accountInput : answer.join(' ')), deleted);
  });

  return feature;
}
