// /accounts: a person's JustClick accounts and the teams' they are a member of (with their role), with buttons
// to make one current, rename or unlink an own one ("Школа йоги"), or leave a team (after a confirmation);
// `/accounts rename <name>` names the current one. Private chats only: accounts belong to a person, not to a chat.
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Html } from '../../domain/format/html.js';
import { accountsText, type AccountLine } from '../../domain/i18n/accounts.js';
import { botText } from '../../domain/i18n/bot.js';
import { linkText } from '../../domain/i18n/link.js';
import { teamText } from '../../domain/i18n/team.js';
import type { AccountId, LinkedAccount, UnlinkedAccount } from '../../store/accounts.js';
import { accountsWithRoles, mayUseAccount } from '../account-pick.js';
import { forgetAccountData } from '../forget.js';
import { leaveTeam } from './team.js';
import { accountDomain, accountLabel, type BotContext, type Services } from '../context.js';

const RENAME_FLOW = 'account-name';
/** `acct:<what>:<account id>`: at most 26 bytes, well under Telegram's 64. */
const PRESS = /^acct:(use|name|drop|bye|quit|left):(\d{1,16})$/;
/** What only the account's owner may press; `use` is for anyone who may use it, `quit`/`left` for a member. */
const OWNER_PRESSES = new Set(['name', 'drop', 'bye']);
const LIST_PRESS = 'acct:list';
const RENAME_WORDS = new Set(['rename', 'name', 'переименовать', 'название', 'назвать']);
const BUTTON_LABEL_MAX = 32;

/**
 * Unlinks one account and stops everything it fed: alerts, digests, reports and the live card of its chats,
 * and its cached answer pages. Null when it was not linked.
 */
export async function forgetAccount(s: Services, accountId: AccountId): Promise<UnlinkedAccount | null> {
  const removed = await s.accounts.unlink(accountId);
  if (!removed) return null;
  const fed = await s.chats.forOwner(accountId);
  for (const chatId of fed) {
    // A chat other accounts feed too keeps them: only this one's alerts stop there.
    if ((await s.engine.alerts.stopFeed(chatId, accountId)).length > 0) continue;
    await s.engine.alerts.disable(chatId);
    await s.engine.digests.unschedule(chatId);
    await s.engine.reports.unschedule(chatId);
    await s.engine.cards.stop(chatId);
    await s.chats.update(chatId, { ownerId: null, alerts: null, digest: null, weeklyReport: null, monthlyReport: null, goal: null });
  }
  await s.pages.forgetOwner(accountId);
  // Its team, deliveries not yet sent, ledgers, choices and caches: buyers' data only as long as needed.
  await forgetAccountData(s, removed, fed);
  return removed;
}

function clip(label: string): string {
  const chars = Array.from(label);
  return chars.length <= BUTTON_LABEL_MAX ? label : `${chars.slice(0, BUTTON_LABEL_MAX - 1).join('')}…`;
}

export function accountsFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  /** The list and its buttons: one row per account (make current · rename · unlink; a team's: make current · leave). */
  const listing = async (userId: number, lang: BotContext['lang']): Promise<{ text: Html; keyboard?: InlineKeyboardMarkup }> => {
    const text = accountsText[lang];
    const usable = await accountsWithRoles(s, userId);
    if (usable.length === 0) return { text: text.none };
    const current = (await s.accounts.current(userId))?.accountId;
    const lines: AccountLine[] = [];
    const rows: InlineKeyboardButton[][] = [];
    for (const { account, role } of usable) {
      const status = await s.engine.alerts.status(account.accountId);
      const label = accountLabel(account);
      // A team's account: whether its alerts come to this member (their private chat has their id), not to anyone.
      const alertsOn = role === 'owner' ? status.alertChats.length > 0 : status.alertChats.includes(userId);
      const line: AccountLine = { label, domain: accountDomain(account.creds), alertsOn, current: account.accountId === current };
      if (role !== 'owner') line.team = role;
      lines.push(line);
      const use = { text: `${account.accountId === current ? '✓ ' : ''}${clip(label)}`, callback_data: `acct:use:${account.accountId}` };
      rows.push(
        role === 'owner'
          ? [
              use,
              { text: text.buttons.rename, callback_data: `acct:name:${account.accountId}` },
              { text: text.buttons.unlink, callback_data: `acct:drop:${account.accountId}` },
            ]
          : [use, { text: text.buttons.leave, callback_data: `acct:quit:${account.accountId}` }],
      );
    }
    return { text: text.list(lines), keyboard: { inline_keyboard: rows } };
  };

  const rename = async (ctx: BotContext, account: LinkedAccount, name: string): Promise<void> => {
    const cleared = ['-', '—'].includes(name.trim());
    await s.accounts.rename(account.accountId, cleared ? null : name);
    const after = await s.accounts.get(account.accountId);
    await gateway.sendHtml(ctx.chat!.id, accountsText[ctx.lang].renamed(accountDomain(account.creds), cleared ? null : (after?.name ?? null)));
  };

  feature.command('accounts', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      await gateway.sendHtml(ctx.chat.id, botText[ctx.lang].privateOnly('accounts'));
      return;
    }
    const [word = '', ...rest] = ctx.payload.trim().split(/\s+/).filter(Boolean);
    if (RENAME_WORDS.has(word.toLowerCase())) {
      const current = await s.accounts.current(ctx.from.id);
      if (!current) return void (await gateway.sendHtml(ctx.chat.id, accountsText[ctx.lang].none));
      // A team's account keeps the name its owner gave it.
      if (current.linkedBy !== ctx.from.id) return void (await gateway.sendHtml(ctx.chat.id, teamText[ctx.lang].ownerOnly));
      if (rest.length > 0) return rename(ctx, current, rest.join(' '));
      await s.flows.set(ctx.from.id, ctx.chat.id, { kind: RENAME_FLOW, step: 'name', accountId: current.accountId });
      await gateway.sendHtml(ctx.chat.id, accountsText[ctx.lang].askName(accountLabel(current)));
      return;
    }
    const { text, keyboard } = await listing(ctx.from.id, ctx.lang);
    await gateway.sendHtml(ctx.chat.id, text, keyboard ? { keyboard } : {});
  });

  feature.action(LIST_PRESS, async (ctx) => {
    const shown = ctx.callbackQuery.message;
    if (!shown || shown.chat.id !== ctx.from.id) return void (await gateway.answerCallback(ctx.callbackQuery.id, accountsText[ctx.lang].notYours, true));
    const { text, keyboard } = await listing(ctx.from.id, ctx.lang);
    await gateway.editHtml(shown.chat.id, shown.message_id, text, keyboard);
    await gateway.answerCallback(ctx.callbackQuery.id);
  });

  feature.action(PRESS, async (ctx) => {
    const text = accountsText[ctx.lang];
    const callbackId = ctx.callbackQuery.id;
    const [, what = '', idText = ''] = ctx.match;
    const accountId = Number(idText);
    const shown = ctx.callbackQuery.message;
    // Callback data is untrusted: only who may use the account (for renaming or unlinking: its owner), in their
    // own private chat, may press; leaving is for a member.
    const role = Number.isSafeInteger(accountId) && accountId > 0 ? await s.team.roleOf(ctx.from.id, accountId) : undefined;
    const allowed = OWNER_PRESSES.has(what)
      ? await mayUseAccount(s, ctx.from.id, accountId)
      : what === 'use'
        ? role !== undefined
        : role !== undefined && role !== 'owner';
    if (!shown || shown.chat.id !== ctx.from.id || !allowed) {
      const linked = Number.isSafeInteger(accountId) && accountId > 0 && (await s.accounts.get(accountId)) !== null;
      ctx.log.info({ pressedBy: ctx.from.id }, 'account button refused');
      await gateway.answerCallback(callbackId, linked ? text.notYours : text.gone, true);
      return;
    }
    const account = (await s.accounts.get(accountId))!;
    const chatId = shown.chat.id;
    switch (what) {
      case 'use': {
        await s.accounts.setCurrent(ctx.from.id, accountId);
        const { text: list, keyboard } = await listing(ctx.from.id, ctx.lang);
        await gateway.editHtml(chatId, shown.message_id, list, keyboard);
        await gateway.answerCallback(callbackId);
        await gateway.sendHtml(chatId, text.switched(accountLabel(account)));
        return;
      }
      case 'name':
        await s.flows.set(ctx.from.id, chatId, { kind: RENAME_FLOW, step: 'name', accountId });
        await gateway.answerCallback(callbackId);
        await gateway.sendHtml(chatId, text.askName(accountLabel(account)));
        return;
      case 'quit':
        await gateway.editHtml(chatId, shown.message_id, text.confirmLeave(accountLabel(account)), {
          inline_keyboard: [
            [
              { text: text.buttons.yesLeave, callback_data: `acct:left:${accountId}` },
              { text: text.buttons.keep, callback_data: LIST_PRESS },
            ],
          ],
        });
        await gateway.answerCallback(callbackId);
        return;
      case 'left': {
        await leaveTeam(s, accountId, ctx.from.id);
        ctx.log.info({ accountId }, 'left a team');
        const { text: list, keyboard } = await listing(ctx.from.id, ctx.lang);
        await gateway.editHtml(chatId, shown.message_id, list, keyboard);
        await gateway.answerCallback(callbackId);
        await gateway.sendHtml(chatId, text.left(accountLabel(account)));
        return;
      }
      case 'drop':
        await gateway.editHtml(chatId, shown.message_id, text.confirmUnlink(accountLabel(account)), {
          inline_keyboard: [
            [
              { text: text.buttons.yesUnlink, callback_data: `acct:bye:${accountId}` },
              { text: text.buttons.keep, callback_data: LIST_PRESS },
            ],
          ],
        });
        await gateway.answerCallback(callbackId);
        return;
      default: {
        await forgetAccount(s, accountId);
        ctx.log.info({ login: account.creds.login }, 'account unlinked');
        const { text: list, keyboard } = await listing(ctx.from.id, ctx.lang);
        await gateway.editHtml(chatId, shown.message_id, list, keyboard);
        await gateway.answerCallback(callbackId);
        await gateway.sendHtml(chatId, linkText[ctx.lang].unlinked(accountDomain(account.creds)));
      }
    }
  });

  // The answer to "what should it be called?", in the private chat where it was asked.
  feature.on(message('text'), async (ctx, next) => {
    if (ctx.chat.type !== 'private' || ctx.message.text.startsWith('/')) return next();
    const flow = await s.flows.get(ctx.from.id, ctx.chat.id);
    if (!flow || flow.kind !== RENAME_FLOW || typeof flow.accountId !== 'number') return next();
    await s.flows.clear(ctx.from.id, ctx.chat.id);
    const account = (await mayUseAccount(s, ctx.from.id, flow.accountId)) ? await s.accounts.get(flow.accountId) : null;
    if (!account) return void (await gateway.sendHtml(ctx.chat.id, accountsText[ctx.lang].none));
    await rename(ctx, account, ctx.message.text);
  });

  return feature;
}
