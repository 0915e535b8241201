// The /alerts settings panel: the state, filters, quiet hours and silence alert with buttons that change them
// and edit the panel in place, and the typed forms (`/alerts min 1000`, `/alerts quiet 23:00-08:00 hold` …).
// Who may change them is access.ts's question, as for the chat's other settings.
import { Composer } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { MAX_LISTED, sameName, type AlertPrefs, type QuietHours } from '../../domain/alert-prefs.js';
import { parseClockTime } from '../../domain/clock-time.js';
import { formatDateTime } from '../../domain/format/dates.js';
import { joinHtml, visibleText, type Html } from '../../domain/format/html.js';
import { formatMoney, ACCOUNT_CURRENCY } from '../../domain/format/money.js';
import { clipLine } from '../../domain/format/text.js';
import { parseGoalSum } from '../../domain/goal.js';
import { alertSettingsText, settingWord, type SettingWord } from '../../domain/i18n/alert-settings.js';
import { botText } from '../../domain/i18n/bot.js';
import { switchWord } from '../../domain/i18n/commands.js';
import { notifyText } from '../../domain/i18n/notify.js';
import { fromUnixSeconds, unixSeconds } from '../../domain/justclick.js';
import { matchProducts } from '../../domain/product-names.js';
import { parseQuietWindow } from '../../domain/quiet-hours.js';
import { accountForNotifications, mayConfigureChat } from '../access.js';
import { mayUseAccount } from '../account-pick.js';
import { accountLabel, type BotContext, type Services } from '../context.js';
import { chatAccounts, type ChatSettings } from '../../store/chats.js';
import { refreshCatalog } from '../understand.js';
import { SHOW_TEMPLATE } from './alert-template.js';
import { alertTemplateText } from '../../domain/i18n/alert-template.js';

/** al:<what>; fixed words only, far below Telegram's 64 bytes. */
const PRESS = /^al:(on|off|min|free|quiet|silence|prod0|src0)$/;
/** al:stop:<accountId>: one account's alerts stop in this chat (an id is at most 16 digits: 24 bytes in all). */
const STOP = /^al:stop:(\d{1,16})$/;
type Press = 'on' | 'off' | 'min' | 'free' | 'quiet' | 'silence' | 'prod0' | 'src0';

/** The minimum sums the button steps through (minor units), then back to any sum. */
const MIN_STEPS = [100_000, 500_000, 1_000_000];
const DEFAULT_QUIET = { from: '23:00', to: '08:00' };

export interface AlertSettings {
  composer: Composer<BotContext>;
  /** The names of the accounts that feed the chat, primary first (those still linked). */
  feedLabels(chat: ChatSettings): Promise<string[]>;
  /** `/alerts` alone: the state and the settings, with buttons. */
  show(ctx: BotContext): Promise<void>;
  /** `/alerts <setting> …`: one typed change, then the panel. */
  typed(ctx: BotContext, word: SettingWord, args: string[]): Promise<void>;
}

export function alertSettings(s: Services): AlertSettings {
  const { gateway } = s;
  const composer = new Composer<BotContext>();

  async function feeding(chat: ChatSettings): Promise<{ id: number; label: string }[]> {
    const found = await Promise.all(chatAccounts(chat).map((id) => s.accounts.get(id)));
    return found.filter((a) => a !== null).map((a) => ({ id: a.accountId, label: accountLabel(a) }));
  }

  async function feedLabels(chat: ChatSettings): Promise<string[]> {
    return (await feeding(chat)).map((f) => f.label);
  }

  async function panel(ctx: BotContext, chatId: number): Promise<{ html: Html; keyboard: InlineKeyboardMarkup }> {
    const chat = ctx.chatSettings;
    const feeds = await feeding(chat);
    const prefs = chat.alertPrefs ?? {};
    const owner = chat.ownerId;
    const on = chat.alerts?.on === true && owner !== undefined && (await s.accounts.get(owner)) !== null;
    const since = on ? formatDateTime(fromUnixSeconds(chat.alerts!.since), ctx.timeZone, ctx.lang) : null;
    // The URL is the owner's, so it is shown in their private chat only.
    const url = on && ctx.chat?.type === 'private' && ctx.from !== undefined && (await mayUseAccount(s, ctx.from.id, owner)) ? await s.pushUrl(owner) : null;
    const t = alertSettingsText[ctx.lang];
    const minSum = prefs.minSum === undefined ? null : formatMoney(prefs.minSum, ACCOUNT_CURRENCY, ctx.lang);
    const facts = {
      minSum,
      skipFree: prefs.skipFree === true,
      products: prefs.products ?? null,
      sources: prefs.sources ?? null,
      quiet: prefs.quiet ?? null,
      silence: prefs.silence === true,
      held: await s.engine.alertSettings.held(chatId),
    };
    const button = (text: string, press: Press): InlineKeyboardButton => ({ text, callback_data: `al:${press}` });
    const rows: InlineKeyboardButton[][] = [
      [button(t.button.alerts(on), on ? 'off' : 'on')],
      [button(t.button.minSum(minSum), 'min'), button(t.button.free(facts.skipFree), 'free')],
      [button(t.button.quiet(facts.quiet), 'quiet')],
      [
        button(t.button.silence(facts.silence), 'silence'),
        { text: alertTemplateText[ctx.lang].button.panel(prefs.template !== undefined), callback_data: SHOW_TEMPLATE },
      ],
    ];
    const clear = [prefs.products ? button(t.button.clearProducts, 'prod0') : null, prefs.sources ? button(t.button.clearSources, 'src0') : null];
    if (clear.some(Boolean)) rows.push(clear.filter((b): b is InlineKeyboardButton => b !== null));
    // Several accounts' alerts come here: which, and a button to stop each one's.
    const several = feeds.length > 1;
    if (several) for (const f of feeds) rows.push([{ text: t.button.stopAccount(clipLine(f.label, 32)), callback_data: `al:stop:${f.id}` }]);
    const parts = [notifyText[ctx.lang].alertsState(since, url), ...(several ? [t.feeds(feeds.map((f) => f.label))] : []), t.panel(facts), t.usage];
    return { html: joinHtml(parts, '\n\n'), keyboard: { inline_keyboard: rows } };
  }

  /** Stores the chat's new choices; the silence watch and held orders follow them. */
  async function save(ctx: BotContext, chatId: number, next: AlertPrefs): Promise<void> {
    const before = ctx.chatSettings.alertPrefs ?? {};
    ctx.chatSettings = await s.chats.update(chatId, { alertPrefs: Object.keys(next).length > 0 ? next : null });
    if ((before.silence === true) !== (next.silence === true)) await s.engine.alertSettings.watchSilence(chatId, next.silence === true);
    // Quiet hours switched off or changed: what they held is sent now rather than at the old end.
    if (before.quiet && (!next.quiet || next.quiet.from !== before.quiet.from || next.quiet.to !== before.quiet.to)) {
      await s.engine.alertSettings.releaseNow(chatId);
    }
  }

  const withoutKey = <K extends keyof AlertPrefs>(p: AlertPrefs, key: K): AlertPrefs => {
    const { [key]: _, ...rest } = p;
    return rest;
  };

  /** What a button press changes; null for the on/off switch (handled apart). */
  function pressed(prefs: AlertPrefs, press: Press): AlertPrefs | null {
    switch (press) {
      case 'min': {
        const next = MIN_STEPS.find((step) => step > (prefs.minSum ?? 0));
        return next === undefined || (prefs.minSum !== undefined && !MIN_STEPS.includes(prefs.minSum))
          ? withoutKey(prefs, 'minSum')
          : { ...prefs, minSum: next };
      }
      case 'free':
        return prefs.skipFree ? withoutKey(prefs, 'skipFree') : { ...prefs, skipFree: true };
      case 'quiet': {
        // none → silent → hold → none, keeping hours typed before.
        const q = prefs.quiet;
        if (!q) return { ...prefs, quiet: { ...DEFAULT_QUIET, mode: 'silent' } };
        if (q.mode === 'silent') return { ...prefs, quiet: { ...q, mode: 'hold' } };
        return withoutKey(prefs, 'quiet');
      }
      case 'silence':
        return prefs.silence ? withoutKey(prefs, 'silence') : { ...prefs, silence: true };
      case 'prod0':
        return withoutKey(prefs, 'products');
      case 'src0':
        return withoutKey(prefs, 'sources');
      default:
        return null;
    }
  }

  composer.action(PRESS, async (ctx) => {
    const callbackId = ctx.callbackQuery.id;
    const shown = ctx.callbackQuery.message;
    const press = ctx.match[1] as Press;
    if (!shown) return void (await gateway.answerCallback(callbackId, botText[ctx.lang].staleButton, true));
    const chatId = shown.chat.id;
    if (press === 'on') {
      const access = await accountForNotifications(s, ctx, { adding: true });
      if (!access.ok) return void (await gateway.answerCallback(callbackId, visibleText(access.reply), true));
      await gateway.answerCallback(callbackId);
      const ownerId = access.value.ownerId;
      // Switching on asks JustClick for what is already paid (so that it is never alerted): slow work.
      await s.background(ctx, async () => {
        await s.engine.alerts.enable(chatId, ownerId);
        ctx.chatSettings = await s.chats.get(chatId);
        const view = await panel(ctx, chatId);
        await gateway.editHtml(chatId, shown.message_id, view.html, view.keyboard);
      });
      return;
    }
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return void (await gateway.answerCallback(callbackId, visibleText(access.reply), true));
    if (press === 'off') {
      await s.engine.alerts.disable(chatId);
      ctx.chatSettings = await s.chats.get(chatId);
    } else {
      await save(ctx, chatId, pressed(ctx.chatSettings.alertPrefs ?? {}, press) ?? {});
    }
    const view = await panel(ctx, chatId);
    await gateway.editHtml(chatId, shown.message_id, view.html, view.keyboard);
    await gateway.answerCallback(callbackId);
  });

  composer.action(STOP, async (ctx) => {
    const callbackId = ctx.callbackQuery.id;
    const shown = ctx.callbackQuery.message;
    if (!shown) return void (await gateway.answerCallback(callbackId, botText[ctx.lang].staleButton, true));
    const chatId = shown.chat.id;
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return void (await gateway.answerCallback(callbackId, visibleText(access.reply), true));
    const accountId = Number(ctx.match[1]);
    const before = await feeding(ctx.chatSettings);
    const stopped = before.find((f) => f.id === accountId);
    // The last account's alerts are stopped with the on/off button, which keeps the chat's other settings.
    if (!stopped || before.length < 2) return void (await gateway.answerCallback(callbackId, botText[ctx.lang].staleButton, true));
    await s.engine.alerts.stopFeed(chatId, accountId);
    ctx.chatSettings = await s.chats.get(chatId);
    const view = await panel(ctx, chatId);
    await gateway.editHtml(chatId, shown.message_id, view.html, view.keyboard);
    await gateway.answerCallback(callbackId);
    const others = before.filter((f) => f.id !== accountId).map((f) => f.label);
    await gateway.sendHtml(chatId, alertSettingsText[ctx.lang].accountStopped(stopped.label, others));
  });

  async function show(ctx: BotContext): Promise<void> {
    const chatId = ctx.chat!.id;
    const view = await panel(ctx, chatId);
    await gateway.sendHtml(chatId, view.html, { keyboard: view.keyboard });
  }

  /** The typed change, or the answer that says what was not understood. */
  async function change(ctx: BotContext, word: SettingWord, args: string[], prefs: AlertPrefs): Promise<AlertPrefs | Html> {
    const t = alertSettingsText[ctx.lang];
    const rest = args.join(' ');
    const off = switchWord(rest) === 'off';
    switch (word) {
      case 'min': {
        if (off) return withoutKey(prefs, 'minSum');
        const sum = parseGoalSum(rest);
        return sum === null ? t.badSum(clipLine(rest, 32)) : { ...prefs, minSum: sum };
      }
      case 'free': {
        const on = switchWord(rest);
        if (on === null || on === 'now') return t.usage;
        return on === 'off' ? { ...prefs, skipFree: true } : withoutKey(prefs, 'skipFree');
      }
      case 'silence': {
        const on = switchWord(rest);
        if (on === null || on === 'now') return t.usage;
        return on === 'on' ? { ...prefs, silence: true } : withoutKey(prefs, 'silence');
      }
      case 'quiet': {
        if (off) return withoutKey(prefs, 'quiet');
        const last = args.at(-1) ?? '';
        const mode = settingWord(last);
        const hours = parseQuietWindow((mode === 'hold' || mode === 'silent' ? args.slice(0, -1) : args).join(' '), parseClockTime);
        if (!hours) return t.badQuiet(clipLine(rest, 32));
        const quiet: QuietHours = { ...hours, mode: mode === 'hold' ? 'hold' : mode === 'silent' ? 'silent' : (prefs.quiet?.mode ?? 'silent') };
        return { ...prefs, quiet };
      }
      case 'source': {
        if (off) return withoutKey(prefs, 'sources');
        if (rest === '') return t.usage;
        const sources = prefs.sources ?? [];
        if (sources.some((x) => sameName(x, rest))) return prefs;
        if (sources.length >= MAX_LISTED) return t.tooMany;
        return { ...prefs, sources: [...sources, clipLine(rest, 100)] };
      }
      case 'product': {
        if (off) return withoutKey(prefs, 'products');
        if (rest === '') return t.usage;
        const owner = ctx.chatSettings.ownerId;
        const account = owner === undefined ? null : await s.accounts.get(owner);
        if (!account) return botText[ctx.lang].notLinked;
        const known = await s.catalog.get(account.creds, unixSeconds(s.now()));
        let catalog = known.products;
        let found = matchProducts(args, catalog);
        // A name the catalog does not know yet may be in JustClick's product list (fetched at most every few hours).
        if (found.length === 0 && !known.fresh) {
          catalog = await refreshCatalog(s, ctx, account);
          found = matchProducts(args, catalog);
        }
        if (found.length === 0)
          return t.noProduct(
            clipLine(rest, 64),
            catalog.map((p) => p.title),
          );
        const products = [...(prefs.products ?? [])];
        for (const p of found) if (!products.some((x) => sameName(x, p.title))) products.push(p.title);
        if (products.length > MAX_LISTED) return t.tooMany;
        return { ...prefs, products };
      }
      default:
        return t.usage;
    }
  }

  async function typed(ctx: BotContext, word: SettingWord, args: string[]): Promise<void> {
    const chatId = ctx.chat!.id;
    const access = await mayConfigureChat(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    const next = await change(ctx, word, args, ctx.chatSettings.alertPrefs ?? {});
    if (typeof next === 'string') return void (await gateway.sendHtml(chatId, next));
    await save(ctx, chatId, next);
    await show(ctx);
  }

  return { composer, feedLabels, show, typed };
}
