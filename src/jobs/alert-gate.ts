// The chat's say over each paid-order alert at the moment of delivery: left out by a filter, held through quiet
// hours, sent without a sound, or sent as usual. Orders left out or held are marked handled for the chat, like a
// sent alert, so no retry, second path or later change of settings sends them again (exactly once still holds).
import { passesFilters } from '../domain/alert-prefs.js';
import type { AlertOrder, AlertView } from '../domain/alert.js';
import type { Html } from '../domain/format/html.js';
import { renderHeldSummary, type HeldOrders } from '../domain/held-summary.js';
import { accountLabel } from '../account-label.js';
import { formatTime } from '../domain/format/dates.js';
import { fromUnixSeconds, unixSeconds } from '../domain/justclick.js';
import { quietWindowAt } from '../domain/quiet-hours.js';
import { chatAccounts, type ChatSettings } from '../store/chats.js';
import type { EngineContext } from './context.js';
import { idPart } from './queues.js';
import { scopedMark } from '../store/ledger.js';

/** The delivery's sent mark of a paid order in a chat (the summary and the single alert share it); `scope`: whose records. */
export const paidMark = (orderId: string, scope?: number): string => scopedMark(`o${idPart(orderId)}`, scope);

export interface GatedAlerts {
  /** What to send now (possibly none). */
  orders: AlertOrder[];
  /** Inside quiet hours: send without a notification sound. */
  silent: boolean;
}

export interface AlertGate {
  /** Of the paid orders a delivery still has to send, those to send now and how (`scope`: whose sent marks). */
  paid(chatId: number, chat: ChatSettings, orders: AlertOrder[], scope?: number): Promise<GatedAlerts>;
  /** True inside the chat's quiet hours (refunds and cancellations then come without a sound). */
  quietNow(chat: ChatSettings): boolean;
  /** The summary of what was held until `windowEnd` (unix s), taken for sending; null when nothing was held. */
  heldSummary(chatId: number, chat: ChatSettings, windowEnd: number, view: AlertView): Promise<Html | null>;
}

export function createAlertGate(ctx: Pick<EngineContext, 'ledger' | 'holds' | 'now' | 'defaultTimeZone' | 'accounts'>): AlertGate {
  const { ledger, holds } = ctx;

  /** Held orders as one group, or (a chat several accounts feed) one named group per account. */
  async function byAccount(chat: ChatSettings, taken: { scope?: number; order: AlertOrder }[]): Promise<HeldOrders[]> {
    if (chatAccounts(chat).length < 2) return [{ orders: taken.map((t) => t.order) }];
    // The chat's own records are its first primary's, while it is still the primary.
    const own = chat.recordsByAccount ? undefined : chat.ownerId;
    const groups = new Map<number | undefined, AlertOrder[]>();
    for (const t of taken) {
      const id = t.scope ?? own;
      groups.set(id, [...(groups.get(id) ?? []), t.order]);
    }
    const out: HeldOrders[] = [];
    for (const [id, orders] of groups) {
      const account = id === undefined ? null : await ctx.accounts.get(id);
      out.push(account ? { account: accountLabel(account), orders } : { orders });
    }
    return out;
  }
  const zone = (chat: ChatSettings) => chat.timeZone ?? ctx.defaultTimeZone;
  const quietWindow = (chat: ChatSettings) => {
    const quiet = chat.alertPrefs?.quiet;
    return quiet ? quietWindowAt(quiet, ctx.now(), zone(chat)) : null;
  };

  return {
    async paid(chatId, chat, orders, scope) {
      const prefs = chat.alertPrefs ?? {};
      const wanted = orders.filter((o) => passesFilters(o, prefs));
      const left = orders.filter((o) => !wanted.includes(o));
      if (left.length > 0)
        await ledger.markSent(
          chatId,
          left.map((o) => paidMark(o.id, scope)),
        );
      const window = quietWindow(chat);
      if (!window || wanted.length === 0) return { orders: wanted, silent: false };
      if (prefs.quiet?.mode !== 'hold') return { orders: wanted, silent: true };
      // Held first, marked second: a crash in between holds them again on the retry (a hash keyed by order id).
      if (await holds.hold(chatId, unixSeconds(window.to), wanted, scope)) {
        await ledger.markSent(
          chatId,
          wanted.map((o) => paidMark(o.id, scope)),
        );
        return { orders: [], silent: false };
      }
      // This window's summary has already gone (a replica whose clock runs behind): send now, quietly.
      return { orders: wanted, silent: true };
    },
    quietNow: (chat) => quietWindow(chat) !== null,
    async heldSummary(chatId, chat, windowEnd, view) {
      const taken = await holds.takeByAccount(chatId, windowEnd);
      if (taken.length === 0) return null;
      const quiet = chat.alertPrefs?.quiet;
      // Quiet hours switched off (or changed) before the end: the title names when the orders were released.
      const window = quiet ? { from: quiet.from, to: quiet.to } : { from: null, to: formatTime(fromUnixSeconds(windowEnd), view.timeZone) };
      return renderHeldSummary(await byAccount(chat, taken), window, view);
    },
  };
}
