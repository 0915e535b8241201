// The one message that brings the paid orders held through a chat's quiet hours: a line saying so, then the
// orders as alerts show them (one order in full, several as the usual summary). Pure.
import { renderPaid, type AlertOrder, type AlertView } from './alert.js';
import { joinHtml, type Html } from './format/html.js';
import { alertSettingsText } from './i18n/alert-settings.js';

export function renderHeldSummary(orders: readonly AlertOrder[], quiet: { from: string | null; to: string }, view: AlertView): Html {
  const byPaid = [...orders].sort((a, b) => (a.paid ?? a.created) - (b.paid ?? b.created));
  return joinHtml([alertSettingsText[view.lang].heldTitle(quiet.from, quiet.to, orders.length), renderPaid(byPaid, view)], '\n\n');
}
