// The one message that brings the paid orders held through a chat's quiet hours: a line saying so, then the
// orders as alerts show them (one order in full, several as the usual summary), by account when several feed the
// chat. Pure.
import { renderPaid, type AlertOrder, type AlertView } from './alert.js';
import { joinHtml, type Html } from './format/html.js';
import { alertSettingsText } from './i18n/alert-settings.js';

/** Held orders of one account; `account` names it when the chat gets alerts of several. */
export interface HeldOrders {
  account?: string;
  orders: readonly AlertOrder[];
}

export function renderHeldSummary(held: readonly HeldOrders[], quiet: { from: string | null; to: string }, view: AlertView): Html {
  const count = held.reduce((n, g) => n + g.orders.length, 0);
  const blocks = held
    .filter((g) => g.orders.length > 0)
    .map((g) => {
      const byPaid = [...g.orders].sort((a, b) => (a.paid ?? a.created) - (b.paid ?? b.created));
      return renderPaid(byPaid, g.account === undefined ? view : { ...view, account: g.account });
    });
  return joinHtml([alertSettingsText[view.lang].heldTitle(quiet.from, quiet.to, count), ...blocks], '\n\n');
}
