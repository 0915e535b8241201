// Groups and channels bound to an account: /bind (bind, or see who bound it), /unbind (any admin), and
// Telegram's membership updates: the bot removed stops deliveries; the binder demoted or gone unbinds.
import { Composer } from 'telegraf';
import { formatDateTime } from '../../domain/format/dates.js';
import { groupsText } from '../../domain/i18n/groups.js';
import { fromUnixSeconds } from '../../domain/justclick.js';
import { bindGroup, chatBinding, isChatAdmin } from '../access.js';
import { accountDomain, type BotContext, type Services } from '../context.js';

/** Statuses in which a member still holds a chat's admin rights. */
const ADMIN = new Set(['creator', 'administrator']);

export function groupsFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('bind', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = groupsText[ctx.lang];
    if (ctx.chat.type === 'private') return void (await gateway.sendHtml(chatId, text.groupsOnly));
    const binding = await chatBinding(s, ctx.chatSettings);
    if (binding) {
      // Who bound it is shown by name, asked of Telegram (nothing about people is stored but their id).
      const binder = await gateway.getChatMember(chatId, binding.by).catch(() => null);
      const by = binder ? [binder.user.first_name, binder.user.last_name].filter(Boolean).join(' ') : null;
      const since = binding.at === null ? null : formatDateTime(fromUnixSeconds(binding.at), ctx.timeZone, ctx.lang);
      await gateway.sendHtml(chatId, text.bindingState({ by, account: accountDomain(binding.account.creds), since }));
      return;
    }
    const access = await bindGroup(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    await gateway.sendHtml(chatId, text.bound(accountDomain(access.value.creds)));
  });

  feature.command('unbind', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = groupsText[ctx.lang];
    if (ctx.chat.type === 'private') return void (await gateway.sendHtml(chatId, text.groupsOnly));
    if (!(await isChatAdmin(s, ctx, chatId, ctx.from.id))) return void (await gateway.sendHtml(chatId, text.unbindNotAdmin));
    const owner = ctx.chatSettings.ownerId;
    const account = owner === undefined ? null : await s.accounts.get(owner);
    if (!(await s.engine.groups.unbind(chatId, 'reset'))) return void (await gateway.sendHtml(chatId, text.nothingToUnbind));
    ctx.log.info({ chatId }, 'group unbound by an admin');
    await gateway.sendHtml(chatId, text.unbound(account ? accountDomain(account.creds) : 'JustClick'));
  });

  // The bot itself left, was kicked or may no longer post (a channel admin without the right to post).
  feature.on('my_chat_member', async (ctx) => {
    const { chat, new_chat_member: now } = ctx.myChatMember;
    const gone =
      now.status === 'left' ||
      now.status === 'kicked' ||
      (now.status === 'restricted' && !now.can_send_messages) ||
      (chat.type === 'channel' && !(now.status === 'administrator' && now.can_post_messages === true));
    if (!gone) return;
    await s.engine.groups.botRemoved(chat.id, `bot membership: ${now.status}`);
    ctx.log.info({ status: now.status }, 'bot removed from the chat; deliveries stopped');
  });

  // Needs allowed_updates with chat_member, and the bot an admin of the group: the periodic check covers the rest.
  feature.on('chat_member', async (ctx) => {
    const { chat, new_chat_member: now } = ctx.chatMember;
    const settings = ctx.chatSettings;
    const by = settings.binding?.by ?? settings.ownerId;
    if (by === undefined || now.user.id !== by || ADMIN.has(now.status)) return;
    const why = now.status === 'left' || now.status === 'kicked' ? 'left' : 'not-admin';
    if (await s.engine.groups.unbind(chat.id, why, settings.binding ?? { by, at: 0 })) ctx.log.info({ why }, 'binder lost admin rights; chat unbound');
  });

  return feature;
}
