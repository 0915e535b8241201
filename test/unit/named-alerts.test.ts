// A chat several accounts feed: every alert names its account on a line of its own (the seller's name for it,
// escaped, one line whatever was typed); quiet hours' summary names each account over its orders; a chat fed by
// one account reads as it always did.
import { describe, expect, it } from 'vitest';
import { renderPaid, renderStatusAlert, type AlertOrder, type AlertView } from '../../src/domain/alert.js';
import { checkTelegramHtml, visibleText } from '../../src/domain/format/html.js';
import { renderHeldSummary } from '../../src/domain/held-summary.js';

const sec = (iso: string) => Date.parse(iso) / 1000;
const view: AlertView = { lang: 'en', timeZone: 'Europe/Moscow', group: false, currency: 'RUB' };

function alertOrder(p: Partial<AlertOrder> = {}): AlertOrder {
  // biome-ignore format: an order, packed by hand
  return {
    id: '201', name: 'Anna Smith', email: 'anna@example.com', phone: '', paid: sec('2026-11-28T09:15:00Z'),
    created: sec('2026-11-28T09:05:00Z'), price: 70_000, goods: ['Course'], payway: 'card', utm: {}, link: '', ...p,
  };
}

describe('alerts of a chat several accounts feed', () => {
  it('put the account on the first line, escaped and on one line, above the alert as it would be', () => {
    const alone = renderPaid([alertOrder()], view);
    const named = renderPaid([alertOrder()], { ...view, account: 'Yoga <b>&\nDance' });
    expect(checkTelegramHtml(named)).toBeNull();
    const lines = visibleText(named).split('\n');
    expect(lines[0]).toBe('🏷 Yoga <b>& Dance');
    expect(lines.slice(1).join('\n')).toBe(visibleText(alone));
    expect(visibleText(renderStatusAlert('refund', alertOrder(), { ...view, account: 'dance.justclick.ru' })).split('\n')[0]).toBe('🏷 dance.justclick.ru');
  });

  it('name each account over its own held orders, and none when one account feeds the chat', () => {
    const quiet = { from: '23:00', to: '08:00' };
    const two = visibleText(
      renderHeldSummary(
        [
          { account: 'yoga.justclick.ru', orders: [alertOrder()] },
          { account: 'dance.justclick.ru', orders: [alertOrder({ name: 'Boris' })] },
        ],
        quiet,
        view,
      ),
    );
    const blocks = two.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[1]!.split('\n')[0]).toBe('🏷 yoga.justclick.ru');
    expect(blocks[1]).toContain('Anna Smith');
    expect(blocks[2]!.split('\n')[0]).toBe('🏷 dance.justclick.ru');
    expect(blocks[2]).toContain('Boris');
    const one = visibleText(renderHeldSummary([{ orders: [alertOrder()] }], quiet, view));
    expect(one).not.toContain('🏷');
    expect(one.split('\n\n')[1]).toBe(visibleText(renderPaid([alertOrder()], view)));
  });
});
