// The "Details" and "Buyer's orders" buttons under a paid-order alert: the order card as /order N shows it,
// and the buyer's orders as /buyer shows them. Callback data is untrusted: only the person whose account
// feeds the chat may press them (the same person /orders would answer there); anyone else is told so.
import { Composer } from 'telegraf';
import { ALERT_PRESS } from '../../domain/alert-buttons.js';
import { ALERT_TEXTS } from '../../domain/i18n/alerts.js';
import { orderDetails } from '../../justclick/lookups.js';
import type { LinkedAccount } from '../../store/accounts.js';
import { may } from '../../domain/roles.js';
import type { BotContext, Services } from '../context.js';
import { askJustClick } from '../orders-query.js';
import { lookupBuyer, lookupOrder } from './lookup.js';

/**
 * The account behind the alert, when the presser may look its orders up: the chat's alerts come from an account
 * the presser owns or manages (a viewer sees no buyers' contacts, so no lookups).
 */
async function alertAccountFor(s: Services, ctx: BotContext): Promise<LinkedAccount | null> {
  const userId = ctx.from?.id;
  const accountId = ctx.chatSettings.ownerId;
  if (userId === undefined || accountId === undefined || !may(await s.team.roleOf(userId, accountId), 'lookup')) return null;
  return s.accounts.get(accountId);
}

export function alertButtonsFeature(s: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.action(ALERT_PRESS, async (ctx) => {
    const [, kind, orderId = ''] = ctx.match;
    const account = await alertAccountFor(s, ctx);
    if (!account) {
      ctx.log.info({ pressedBy: ctx.from.id }, 'alert button pressed by someone whose account does not feed this chat; refused');
      await s.gateway.answerCallback(ctx.callbackQuery.id, ALERT_TEXTS[ctx.lang].notYourAlert, true);
      return;
    }
    await s.gateway.answerCallback(ctx.callbackQuery.id);
    if (kind === 'd') {
      await lookupOrder(s, ctx, orderId);
      return;
    }
    // The alert keeps no e-mail in its button: the order says whose it is (one call), then /buyer's answer.
    await s.background(ctx, async () => {
      const found = await askJustClick(s, ctx, account, async () => ({ order: await orderDetails(s.client, account.creds, orderId) }));
      const email = found?.order?.email.trim() ?? '';
      if (found === null) return;
      if (email === '') {
        await s.gateway.sendHtml(ctx.chat!.id, ALERT_TEXTS[ctx.lang].noBuyerEmail(orderId));
        return;
      }
      await lookupBuyer(s, ctx, { email });
    });
  });

  return feature;
}
