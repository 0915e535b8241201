// "… @all": the period's figures on every account of the seller's — /orders a line each and the total, /chart
// one picture with each account's part of every bar, /top their products ranked together.
import type { Period } from '../../domain/calendar-periods.js';
import { chartFilename, glanceChartFigures, renderAccountsChart } from '../../domain/chart/glance-chart.js';
import type { ChartTheme } from '../../domain/chart/revenue-chart.js';
import { describePeriod } from '../../domain/format/dates.js';
import { accountsHeader, renderTop, type AccountGlance } from '../../domain/format/top.js';
import { sumGlances } from '../../domain/glance.js';
import { glanceText } from '../../domain/i18n/glance.js';
import { combinedTopBreakdowns } from '../../domain/top.js';
import { fetchGlance, type GlanceOrders } from '../glance-query.js';
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

/** Each account's orders for a glance at the period, fetched one account after the other (each from its budgets). */
async function glancesOf(s: Services, ctx: BotContext, prepared: PreparedQuery, period: Period) {
  const accounts = prepared.combined ?? [prepared.account];
  const parts: { label: string; fetched: GlanceOrders | null }[] = [];
  for (const account of accounts) parts.push({ label: accountLabel(account), fetched: await fetchGlance(s, ctx, { ...prepared, account }, period) });
  const answered = parts.flatMap((p) => (p.fetched ? [{ label: p.label, ...p.fetched }] : []));
  const [first, ...rest] = answered;
  // None answered: each failure has been explained already.
  if (!first) return null;
  const total = sumGlances(first.glance, ...rest.map((a) => a.glance));
  const lines: AccountGlance[] = parts.map((p) => ({ label: p.label, glance: p.fetched?.glance ?? null }));
  return { answered, total, lines };
}

/** "/chart … @all": the accounts' revenue stacked bar by bar, the caption with the total and a line per account. */
export async function sendCombinedChart(s: Services, ctx: BotContext, prepared: PreparedQuery, period: Period, theme: ChartTheme): Promise<void> {
  const chatId = ctx.chat!.id;
  await s.gateway.typing(chatId);
  await s.background(ctx, async () => {
    const glances = await glancesOf(s, ctx, prepared, period);
    if (!glances) return;
    const t = glanceText[ctx.lang];
    const look = { lang: ctx.lang, timeZone: ctx.timeZone, currency: ACCOUNT_CURRENCY };
    const about = t.allAccounts(describePeriod(period, ctx.lang));
    const parts = glances.answered.map((a) => ({ label: a.label, figures: glanceChartFigures(a.orders, a.glance, ctx.timeZone) }));
    const content = renderAccountsChart(parts, { ...look, theme, title: t.chartTitle(about) });
    const caption = accountsHeader(t.chartCaptionTitle(about), glances.total, glances.lines, look);
    await s.gateway.sendPhoto(chatId, { filename: chartFilename(period), content }, caption);
  });
}

/** "/top … @all": every account's products and partners ranked together, each naming its account; sources add up. */
export async function sendCombinedTop(s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<void> {
  const chatId = ctx.chat!.id;
  await s.gateway.typing(chatId);
  await s.background(ctx, async () => {
    const glances = await glancesOf(s, ctx, prepared, prepared.period);
    if (!glances) return;
    const look = { lang: ctx.lang, timeZone: ctx.timeZone, currency: ACCOUNT_CURRENCY };
    const title = glanceText[ctx.lang].topTitle(glanceText[ctx.lang].allAccounts(describePeriod(prepared.period, ctx.lang)));
    const top = combinedTopBreakdowns(
      glances.answered.map((a) => a.orders),
      glances.total.comparison.current,
    );
    const header = accountsHeader(title, glances.total, glances.lines, look);
    await s.gateway.sendHtml(chatId, renderTop(top, glances.total, look, { header, labels: glances.answered.map((a) => a.label) }));
  });
}
