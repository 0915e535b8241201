// "/orders … @all": the period's figures on every account of the seller's, one line each, and the total.
import { describePeriod } from '../../domain/format/dates.js';
import { ACCOUNT_CURRENCY, formatMoney } from '../../domain/format/money.js';
import { ordersHeadline } from '../../domain/format/orders.js';
import { accountsText, type CombinedLine } from '../../domain/i18n/accounts.js';
import { accountLabel, type BotContext, type Services } from '../context.js';
import { fetchOrderSetsFor } from '../orders-query.js';
import type { PreparedQuery } from '../understand.js';

/** One JustClick question per account, one after the other (each paid from the budgets like any /orders). */
export async function sendCombined(s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<void> {
  const chatId = ctx.chat!.id;
  const accounts = prepared.combined ?? [prepared.account];
  const money = (minor: number) => formatMoney(minor, ACCOUNT_CURRENCY, ctx.lang);
  await s.gateway.typing(chatId);
  await s.background(ctx, async () => {
    const lines: CombinedLine[] = [];
    const total = { count: 0, revenue: 0, created: 0 };
    for (const account of accounts) {
      const sets = await fetchOrderSetsFor(s, ctx, { ...prepared, account });
      if (sets === null) {
        lines.push({ label: accountLabel(account), paid: null, created: null });
        continue;
      }
      const figures = ordersHeadline(sets, prepared.request.status);
      total.count += figures.paid.count;
      total.revenue += figures.paid.revenue;
      total.created += figures.created.count;
      lines.push({ label: accountLabel(account), paid: { count: figures.paid.count, revenue: money(figures.paid.revenue) }, created: figures.created.count });
    }
    const period = describePeriod(prepared.period, ctx.lang);
    await s.gateway.sendHtml(
      chatId,
      accountsText[ctx.lang].combined(period, lines, { count: total.count, revenue: money(total.revenue), created: total.created }),
    );
  });
}
