// Sales at a glance: /chart [period] [dark] — the period's paid revenue as a picture with the previous equal
// period drawn faintly behind; /top [period] — where that revenue came from. Both say the change in words.
import { Composer } from 'telegraf';
import { chartFilename, glanceChartFigures, renderChartFigures, type ChartFigures } from '../../domain/chart/glance-chart.js';
import type { ChartTheme } from '../../domain/chart/revenue-chart.js';
import { describePeriod } from '../../domain/format/dates.js';
import type { Html } from '../../domain/format/html.js';
import { ACCOUNT_CURRENCY } from '../../domain/format/money.js';
import { glanceHeader, renderTop } from '../../domain/format/top.js';
import { chartTheme, defaultChartPeriod, type Glance } from '../../domain/glance.js';
import { glanceText } from '../../domain/i18n/glance.js';
import type { Lang } from '../../domain/i18n/lang.js';
import { topBreakdowns } from '../../domain/top.js';
import type { BotContext, Services } from '../context.js';
import { fetchGlance } from '../glance-query.js';
import { sendCombinedChart, sendCombinedTop } from './all-accounts.js';
import { prepareOrdersQuery } from '../orders-query.js';

export interface ChartPhoto {
  file: { filename: string; content: Buffer };
  caption: Html;
}

/**
 * The picture of a glance and its caption (title, paid in the period, the change), ready for sendPhoto.
 * @public for the weekly and monthly reports (issue #10), which send the same picture.
 */
export function chartPhoto(figures: ChartFigures, glance: Glance, look: { lang: Lang; timeZone: string; theme: ChartTheme }): ChartPhoto {
  const label = describePeriod(glance.period, look.lang);
  const t = glanceText[look.lang];
  const content = renderChartFigures(figures, { lang: look.lang, currency: ACCOUNT_CURRENCY, theme: look.theme, title: t.chartTitle(label) });
  const caption = glanceHeader(t.chartCaptionTitle(label), glance, { lang: look.lang, timeZone: look.timeZone, currency: ACCOUNT_CURRENCY });
  return { file: { filename: chartFilename(glance.period), content }, caption };
}

export function glanceFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('chart', async (ctx) => {
    const chatId = ctx.chat.id;
    const { theme, rest } = chartTheme(ctx.payload);
    const prepared = await prepareOrdersQuery(s, ctx, '/chart', rest);
    if (!prepared) return;
    // No period named: the last two weeks by day, not today's mostly empty hours.
    const period = rest.trim() === '' ? defaultChartPeriod(s.now(), ctx.timeZone) : prepared.period;
    if (prepared.combined) return sendCombinedChart(s, ctx, prepared, period, theme);
    await gateway.typing(chatId);
    await s.background(ctx, async () => {
      const fetched = await fetchGlance(s, ctx, prepared, period);
      if (!fetched) return;
      const figures = glanceChartFigures(fetched.orders, fetched.glance, ctx.timeZone);
      const photo = chartPhoto(figures, fetched.glance, { lang: ctx.lang, timeZone: ctx.timeZone, theme });
      await gateway.sendPhoto(chatId, photo.file, photo.caption);
    });
  });

  feature.command('top', async (ctx) => {
    const chatId = ctx.chat.id;
    const prepared = await prepareOrdersQuery(s, ctx, '/top', ctx.payload);
    if (!prepared) return;
    if (prepared.combined) return sendCombinedTop(s, ctx, prepared);
    await gateway.typing(chatId);
    await s.background(ctx, async () => {
      const fetched = await fetchGlance(s, ctx, prepared);
      if (!fetched) return;
      const top = topBreakdowns(fetched.orders, fetched.glance.comparison.current);
      await gateway.sendHtml(chatId, renderTop(top, fetched.glance, { lang: ctx.lang, timeZone: ctx.timeZone, currency: ACCOUNT_CURRENCY }));
    });
  });

  return feature;
}
