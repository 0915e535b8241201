// Groups and channels stay bound only while the admin who bound them may: Telegram's membership updates
// and a periodic re-check (getChatMember, every few hours per binding, spread over time) unbind a chat whose
// binder lost admin rights or access to the account, and deliveries to a chat no longer allowed are dropped.
import { groupsText, type UnbindReason } from '../domain/i18n/groups.js';
import { unixSeconds } from '../domain/justclick.js';
import { ChatGone, TelegramRateLimited } from '../outbound/errors.js';
import { mayUseAccount, type BindingChecks } from '../store/bindings.js';
import type { ChatSettings } from '../store/chats.js';
import type { EngineContext } from './context.js';
import { deliveryLanguage } from './language.js';
import type { Queue } from 'bullmq';
import type { Delivery } from './queues.js';

/** How often a binding is re-checked with Telegram, and the spread that keeps the checks from bunching up. */
const BINDING_CHECK_SECONDS = 6 * 3600;
const CHECK_JITTER_SECONDS = 30 * 60;
/** A check Telegram did not answer is tried again this much later. */
const RETRY_SECONDS = 10 * 60;
/**
 * Checks per run (one run a minute): 60 × 6 × 50 = 18,000 bindings per period at under one getChatMember a
 * second on average, far below Telegram's ~30 requests a second.
 */
const CHECKS_PER_RUN = 50;

export interface MembershipService {
  /** A chat was bound (or bound again): its first check is one period from now. */
  bound(chatId: number): Promise<void>;
  /**
   * Unbinds the chat: alerts, digest, reports and the pinned card stop, and the chat no longer reads the account.
   * 'reset' is an admin's /unbind (their command answers); otherwise the chat is told once why. `binding` (when
   * given) must still be the chat's, so that a binding made again in the meantime is left alone. False when
   * there was nothing to unbind.
   */
  unbind(chatId: number, why: UnbindReason | 'reset', binding?: { by: number; at: number }): Promise<boolean>;
  /** Re-asks Telegram about the bindings due for a check; the periodic job runs this. */
  checkDue(): Promise<{ checked: number; unbound: number }>;
  /**
   * May this delivery still go to its chat? Asked at send time, so that an alert or digest queued before a
   * group was unbound, or before its binder lost access, is dropped. Private chats: the reader must still be
   * allowed the account the delivery comes from.
   */
  mayDeliver(d: Delivery, chat: ChatSettings): Promise<boolean>;
}

export interface MembershipHooks {
  bindings: BindingChecks;
  /** Stops what is scheduled for the chat (digest, reports, the pinned card) and refreshes the owner's watch. */
  stopDeliveries(chatId: number, ownerId: number | undefined): Promise<void>;
  /** Telegram says the bot is no longer in the chat. */
  chatGone(chatId: number, reason: string): Promise<void>;
}

/** Who bound a group or channel; bindings made before binders were recorded count as the owner's. */
function binderOf(chatId: number, chat: ChatSettings): number | undefined {
  if (chatId > 0) return undefined;
  return chat.binding?.by ?? chat.ownerId;
}

/** A check time one period from `now`, spread by up to half an hour either way. */
const nextCheck = (now: Date): number => unixSeconds(now) + BINDING_CHECK_SECONDS + Math.round((Math.random() * 2 - 1) * CHECK_JITTER_SECONDS);

export function createMembershipService(ctx: EngineContext, hooks: MembershipHooks): MembershipService {
  const { chats, accounts, logger, locks } = ctx;
  const { bindings } = hooks;

  async function bound(chatId: number): Promise<void> {
    await bindings.schedule(chatId, nextCheck(ctx.now()));
  }

  async function tellOnce(chatId: number, chat: ChatSettings, why: UnbindReason): Promise<void> {
    // The update and the periodic check may both find the same lost binding: one message.
    if (!(await locks.claim(`unbound:${chatId}:${chat.binding?.at ?? 0}`, 7 * 86_400))) return;
    const lang = await deliveryLanguage(chats, chatId, chat);
    await ctx.gateway.sendHtml(chatId, groupsText[lang].unboundNotice(why)).catch((err: unknown) => {
      logger.info({ chatId, err: { message: (err as Error).message } }, 'could not tell the chat it was unbound');
    });
  }

  async function unbind(chatId: number, why: UnbindReason | 'reset', expected?: { by: number; at: number }): Promise<boolean> {
    const chat = await chats.get(chatId);
    if (chat.ownerId === undefined && chat.binding === undefined) {
      await bindings.forget(chatId);
      return false;
    }
    if (expected && (chat.binding?.by ?? chat.ownerId) !== expected.by) return false;
    if (expected && chat.binding && chat.binding.at !== expected.at) return false;
    await chats.update(chatId, {
      ownerId: null,
      binding: null,
      digest: null,
      weeklyReport: null,
      monthlyReport: null,
      ...(chat.alerts ? { alerts: { on: false, since: chat.alerts.since } } : {}),
    });
    await bindings.forget(chatId);
    // After the update: the owner's watch may end now that this chat no longer follows their sales.
    await hooks.stopDeliveries(chatId, chat.ownerId);
    logger.info({ chatId, why }, 'chat unbound from its account');
    if (why !== 'reset' && !chat.inactive) await tellOnce(chatId, chat, why);
    return true;
  }

  /** One binding's check: 'ok', 'unbound', or 'later' when Telegram did not answer. */
  async function checkOne(chatId: number): Promise<'ok' | 'unbound' | 'later' | 'slow-down'> {
    const chat = await chats.get(chatId);
    const binder = binderOf(chatId, chat);
    if (binder === undefined || chat.ownerId === undefined || chat.inactive) {
      await bindings.forget(chatId);
      return 'ok';
    }
    let status: string;
    try {
      status = (await ctx.gateway.getChatMember(chatId, binder)).status;
    } catch (err) {
      if (err instanceof ChatGone) {
        await hooks.chatGone(chatId, err.message);
        await bindings.forget(chatId);
        return 'unbound';
      }
      await bindings.schedule(chatId, unixSeconds(ctx.now()) + RETRY_SECONDS);
      logger.warn({ chatId, err: { name: (err as Error).name, message: (err as Error).message } }, 'binding check: Telegram did not answer; later');
      return err instanceof TelegramRateLimited ? 'slow-down' : 'later';
    }
    const binding = chat.binding ?? { by: binder, at: 0 };
    if (status !== 'creator' && status !== 'administrator') return (await unbind(chatId, 'not-admin', binding)) ? 'unbound' : 'ok';
    if (!(await mayUseAccount(accounts, binder, chat.ownerId))) return (await unbind(chatId, 'no-access', binding)) ? 'unbound' : 'ok';
    // A binding made before binders were recorded is now one.
    if (!chat.binding) await chats.update(chatId, { binding: { by: binder, at: unixSeconds(ctx.now()) } });
    await bindings.schedule(chatId, nextCheck(ctx.now()));
    return 'ok';
  }

  async function checkDue(): Promise<{ checked: number; unbound: number }> {
    const due = await bindings.due(unixSeconds(ctx.now()), CHECKS_PER_RUN);
    let checked = 0;
    let unboundCount = 0;
    for (const chatId of due) {
      const outcome = await checkOne(chatId);
      checked++;
      if (outcome === 'unbound') unboundCount++;
      if (outcome === 'slow-down') break;
    }
    return { checked, unbound: unboundCount };
  }

  async function mayDeliver(d: Delivery, chat: ChatSettings): Promise<boolean> {
    const from = 'ownerId' in d ? d.ownerId : chat.ownerId;
    // A private chat reads an account its user owns or is in the team of (what they see: src/jobs/audience.ts).
    if (d.chatId > 0) return from === undefined || (await ctx.team.roleOf(d.chatId, from)) !== undefined;
    const binder = binderOf(d.chatId, chat);
    if (chat.ownerId === undefined || binder === undefined || from !== chat.ownerId) return false;
    // A group bound before binders were recorded (or moved to a supergroup) joins the periodic check now.
    await bindings.schedule(d.chatId, unixSeconds(ctx.now()), true);
    return (await mayUseAccount(accounts, binder, chat.ownerId)) !== null;
  }

  return { bound, unbind, checkDue, mayDeliver };
}

/** Scheduler id of the job that runs the due binding checks. */
const BINDING_CHECKS = 'binding-checks';

/** Runs the due binding checks every minute: one scheduler for the deployment, upserted by the leader. */
export async function upsertBindingChecks(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    BINDING_CHECKS,
    { every: 60_000 },
    { name: 'membership', data: {}, opts: { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 20 } } },
  );
}
