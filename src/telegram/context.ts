// What every feature module receives: the bot's dependencies (Services) and the per-update context
// (BotContext: a child logger, the language and time zone that apply, the chat's stored settings).
import type { Context } from 'telegraf';
import type { Config } from '../config.js';
import type { AccountPick } from '../domain/account-pick.js';
import type { Html } from '../domain/format/html.js';
import type { GoalProgress } from '../domain/goal.js';
import type { UnbindReason } from '../domain/i18n/groups.js';
import type { Lang } from '../domain/i18n/lang.js';
import type { JustClickClient } from '../justclick/client.js';
import type { Logger } from '../logger.js';
import type { AccountStore } from '../store/accounts.js';
import type { CatalogStore } from '../store/catalog.js';
import type { ChoiceStore } from '../store/choices.js';
import type { ChatSettings, ChatStore } from '../store/chats.js';
import type { FlowStore } from '../store/flows.js';
import type { RequestBudgets } from '../store/budgets.js';
import type { LinkAttempts } from '../store/link-attempts.js';
import type { PageStore } from '../store/pages.js';
import type { TemplateDrafts } from '../store/template-drafts.js';
import type { TeamStore } from '../store/team.js';
import type { Role } from '../domain/roles.js';
import type { Gateway } from '../outbound/gateway.js';

/**
 * What the commands ask of the alert & digest engine (src/jobs/engine.ts implements it; app.ts connects
 * the two, so neither imports the other).
 */
export interface BotEngine {
  alerts: {
    /** Switches alerts on for a chat, fed by the owner's account; already-paid orders are never alerted. */
    enable(chatId: number, ownerId: number): Promise<unknown>;
    disable(chatId: number): Promise<void>;
    /** Another JustClick account now feeds the owner's chats: alerts on there start over (its past sales are history). */
    startOver(ownerId: number): Promise<void>;
    status(ownerId: number): Promise<{ lastCheckAt: Date | null; alertChats: number[] }>;
  };
  digests: {
    /** (Re)schedules the chat's digest from its stored time and zone; unschedules it when there is none. */
    schedule(chatId: number): Promise<unknown>;
    unschedule(chatId: number): Promise<void>;
    sendNow(chatId: number): Promise<void>;
  };
  reports: {
    /** (Re)schedules the chat's weekly and monthly reports from its stored times and zone; removes those that are off. */
    schedule(chatId: number): Promise<unknown>;
    unschedule(chatId: number): Promise<void>;
  };
  goals: {
    /** The chat's goal progress now (null without a goal); `baseline` claims the milestones already reached. */
    progress(chatId: number, opts?: { baseline?: boolean }): Promise<GoalProgress | null>;
  };
  cards: {
    /** Sends and pins the live card; 'no-right' when the bot may not pin here. */
    start(chatId: number): Promise<'pinned' | 'no-right' | 'no-account'>;
    /** Unpins it and stops updating it; false when there was none. */
    stop(chatId: number): Promise<boolean>;
    /** Moves the card's midnight rollover to the chat's (new) zone. */
    reschedule(chatId: number): Promise<void>;
  };
  /** A group became a supergroup: settings, alert ledger and digest schedule move to the new id. */
  migrateChat(fromChatId: number, toChatId: number): Promise<void>;
  /** /alerts settings: the orders quiet hours hold and the silence alert's watch. */
  alertSettings: {
    /** How many paid orders are held for the chat until its quiet hours end. */
    held(chatId: number): Promise<number>;
    /** Sends what is held at once (quiet hours switched off or changed). */
    releaseNow(chatId: number): Promise<void>;
    watchSilence(chatId: number, on: boolean): Promise<void>;
  };
  /** Groups and channels bound to an account (src/jobs/membership.ts). */
  groups: {
    /** The chat was just bound: its membership is re-checked from now on. */
    bound(chatId: number): Promise<void>;
    /** Stops its alerts, digest and reports and forgets the account; 'reset' is an admin's /unbind. */
    unbind(chatId: number, why: 'reset' | UnbindReason, binding?: { by: number; at: number }): Promise<boolean>;
    /** The bot was removed from the chat (or may no longer post there): nothing more is sent to it. */
    botRemoved(chatId: number, reason: string): Promise<void>;
  };
  /** Access to an account ended for these chats: its unsent deliveries there and the chats' alert ledgers go. */
  forgetDeliveries(accountId: number, chatIds: readonly number[]): Promise<number>;
  /** An account was unlinked: the alerts' caches under its login (buyers' paid prices, sales history) go. */
  forgetAccountCaches(login: string): Promise<void>;
}

export interface BotDeps {
  config: Config;
  logger: Logger;
  accounts: AccountStore;
  chats: ChatStore;
  flows: FlowStore;
  /** Failed /link attempts per user and per login, with back-off and lockout. */
  linkAttempts: LinkAttempts;
  /** JustClick calls per user and per account, and one /digest now at a time per chat. */
  budgets: RequestBudgets;
  pages: PageStore;
  /** Each account's product titles, for naming products in words. */
  catalog: CatalogStore;
  /** What the "Did you mean", example and product-choice buttons run. */
  choices: ChoiceStore;
  /** Alert templates previewed and not yet saved (/alerts template). */
  templateDrafts: TemplateDrafts;
  /** Team members, roles and invites: `team.roleOf` is the one answer to who may do what. */
  team: TeamStore;
  /** `call` is for the lookups (src/justclick/lookups.ts): one order, a buyer's orders, the product list. */
  client: Pick<JustClickClient, 'checkKey' | 'fetchOrders' | 'fetchOrderSets' | 'call'>;
  engine: BotEngine;
  /** The account's JustClick notification URL (made on first use); null when the bot has no PUBLIC_URL. */
  pushUrl(ownerId: number): Promise<string | null>;
  /** A new notification URL for the account, the old one revoked at once; null without PUBLIC_URL or account. */
  renewPushUrl(ownerId: number): Promise<string | null>;
  now?: () => Date;
}

export interface Services extends Omit<BotDeps, 'now'> {
  gateway: Gateway;
  now: () => Date;
  /** Answers a refusal from access.ts in the chat; the handler then stops. */
  refuse(ctx: BotContext, refusal: { reply: Html }): Promise<void>;
  /** Runs slow work (JustClick calls) off the update loop; see bot.ts for why. */
  background: (ctx: BotContext, work: () => Promise<void>) => Promise<void>;
}

/** Set by the first middleware of the bot for every update. */
export interface BotContext extends Context {
  log: Logger;
  lang: Lang;
  /** The chat's time zone, else DEFAULT_TIMEZONE. */
  timeZone: string;
  /** The chat's stored settings (`{}` when there is no chat, e.g. for inline updates). */
  chatSettings: ChatSettings;
  /** "@login" or "@all" taken out of the command's words (understand.ts); absent: the current account. */
  accountPick?: AccountPick;
  /** The asker's role on the account their command acts on, once access.ts has looked it up. */
  role?: Role;
}

// Moved beside the alert engine's use of them (src/account-label.ts); telegram code keeps importing them from here.
export { accountDomain, accountLabel } from '../account-label.js';
