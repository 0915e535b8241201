// The bot's general texts in Telegram HTML: /start and /help, the command menus, refusals, and what each
// JustClick failure means for the seller. Every interpolated value is escaped here.
import type { JustClickErrorKind } from '../../justclick/errors.js';
import { escapeHtml } from '../format/html.js';
import type { Lang } from './lang.js';

export interface BotText {
  help: string;
  /** setMyCommands menus: command → short description (Telegram allows 3–256 characters). */
  menu: Record<string, string>;
  apology: string;
  busy: string;
  privateOnly(command: string): string;
  notLinked: string;
  notLinkedInGroup: string;
  /** A group fed by someone else's account. */
  notYourAccount: string;
  notChatAdmin: string;
  engineMissing: string;
  staleButton: string;
  pageExpired: string;
  pageNotYours: string;
  unknownCommand: string;
  plainText: string;
  /** The caption of an /export file: "📄 12 orders — 01.11–15.11.2026". */
  exportCaption(count: number, period: string): string;
  /** What a JustClick failure means, with what to do next. `login` is the account's domain. */
  justclick(kind: JustClickErrorKind, login: string, during: 'link' | 'query'): string;
}

const en: BotText = {
  help: [
    '<b>JustClick orders bot</b>',
    'I show your JustClick orders when you ask, alert you the moment an order is paid, and send a daily sales digest.',
    '',
    '<b>Start</b>',
    '1. Find your API key: in your JustClick account open the API section of the account settings («Интеграция и API»), allow API access and copy the secret key.',
    '2. Send <code>/link shop KEY</code> — your login (or the account address, e.g. <code>shop.justclick.ru</code>) and the key. Or send /link and I will ask. I delete the message with the key at once.',
    '',
    '<b>Orders</b>',
    '/orders — today',
    '<code>/orders yesterday paid</code> — paid yesterday',
    '<code>/orders week</code>, <code>/orders month</code>, <code>/orders 7d</code>',
    '<code>/orders 01.11-15.11</code>, <code>/orders 2026-11-01..2026-11-15</code>',
    '<code>/orders today goods 12,14</code> — only these products',
    '<code>/export month paid</code> — the same as a CSV file for Excel',
    '',
    '<b>Notifications</b>',
    '<code>/alerts on</code> — a message for every paid order (<code>/alerts off</code>)',
    '<code>/digest 09:00</code> — a daily sales digest at 09:00 (<code>/digest now</code>, <code>/digest off</code>)',
    '',
    '<b>Settings</b>',
    '<code>/tz Europe/Moscow</code> — time zone',
    '<code>/lang ru</code> — язык: русский',
    '/status — what is linked and how it goes',
    '/unlink — forget the account',
    '/cancel — stop a question',
    '',
    'In a group, only the person who linked the account can ask for its orders, and buyers’ e-mails and phones are masked.',
  ].join('\n'),
  menu: {
    orders: 'Orders: /orders yesterday paid',
    export: 'Orders as a CSV file',
    alerts: 'Alerts for paid orders: on or off',
    digest: 'Daily digest: /digest 09:00',
    status: 'What is linked and how it goes',
    link: 'Link your JustClick account',
    unlink: 'Forget the JustClick account',
    tz: 'Time zone: /tz Europe/Moscow',
    lang: 'Language: /lang ru or /lang en',
    help: 'What I can do, with examples',
  },
  apology: 'Sorry, something went wrong on my side. Please try again in a minute.',
  busy: 'I am still working on your previous request. One moment, please.',
  privateOnly: (command) => `/${escapeHtml(command)} works only in our private chat: open it and send the command there.`,
  notLinked: 'No JustClick account is linked yet. Send /link to link one (see /help for where to find the key).',
  notLinkedInGroup: 'Link your JustClick account in a private chat with me first (/link), then ask here.',
  notYourAccount: 'Sorry, this chat shows the orders of the person who linked its JustClick account, and only they can ask for them here.',
  notChatAdmin: 'Only an administrator of this chat who has linked a JustClick account can change this here.',
  engineMissing: 'Alerts and digests are not available in this installation of the bot.',
  staleButton: 'This button no longer works. Ask again, please.',
  pageExpired: 'This list has expired. Ask for the orders again, please.',
  pageNotYours: 'These buttons belong to whoever asked for this list.',
  unknownCommand: 'I do not know this command. /help lists what I can do.',
  plainText: 'Send a command, for example /orders today. /help lists them all.',
  exportCaption: (count, period) => `📄 ${count === 1 ? '1 order' : `${count} orders`} — ${escapeHtml(period)}`,
  justclick: (kind, login, during) => {
    const account = `<b>${escapeHtml(login)}</b>`;
    const notLinked = during === 'link' ? 'The account is not linked. ' : '';
    switch (kind) {
      case 'wrong-key':
        return during === 'link'
          ? `JustClick does not accept this key for ${account}. Copy the key again from the API section of your account settings (a single character missing is enough) and send /link again.`
          : `JustClick no longer accepts the key of ${account}: was it changed? Send /link with the current key.`;
      case 'unknown-login':
        return `JustClick has no account ${account}. ${notLinked}The login is the first part of your account address: for <code>shop.justclick.ru</code> it is <code>shop</code>. Check it and send /link again.`;
      case 'account-disabled':
        return `JustClick says the account ${account} is disabled. ${notLinked}Once it is active again, send /link${during === 'query' ? ' or ask again' : ''}.`;
      case 'api-limited':
        return `JustClick refuses API requests for ${account}: API access is switched off in the account settings, or the request limit is reached. ${notLinked}Switch API access on in the API section of your account settings and try again in 15 minutes.`;
      case 'ip-denied':
        return `JustClick refuses requests from this bot’s address for ${account}: the account allows API access only from certain IP addresses. ${notLinked}Remove that restriction in the API section of your account settings, then try again.`;
      case 'unavailable':
        return `JustClick is not answering right now. ${notLinked}Nothing was changed; please try again in a few minutes.`;
      case 'protocol':
        return `JustClick’s answer could not be verified, so I did not use it. ${notLinked}Please try again later; if it keeps happening, send /link again.`;
    }
  },
};

const ru: BotText = {
  help: [
    '<b>Бот заказов JustClick</b>',
    'Показываю заказы JustClick по запросу, сообщаю об оплате заказа сразу же и присылаю ежедневную сводку продаж.',
    '',
    '<b>Начало</b>',
    '1. Найдите ключ API: в аккаунте JustClick откройте раздел настроек API («Интеграция и API»), включите доступ по API и скопируйте секретный ключ.',
    '2. Отправьте <code>/link shop КЛЮЧ</code> — логин (или адрес аккаунта, например <code>shop.justclick.ru</code>) и ключ. Или просто /link, и я спрошу. Сообщение с ключом я сразу удаляю.',
    '',
    '<b>Заказы</b>',
    '/orders — за сегодня',
    '<code>/orders вчера оплаченные</code> — оплаченные вчера',
    '<code>/orders неделя</code>, <code>/orders месяц</code>, <code>/orders 7д</code>',
    '<code>/orders 01.11-15.11</code>, <code>/orders 2026-11-01..2026-11-15</code>',
    '<code>/orders сегодня товары 12,14</code> — только эти товары',
    '<code>/export месяц оплаченные</code> — то же файлом CSV для Excel',
    '',
    '<b>Уведомления</b>',
    '<code>/alerts on</code> — сообщение о каждом оплаченном заказе (<code>/alerts off</code>)',
    '<code>/digest 09:00</code> — сводка продаж каждый день в 09:00 (<code>/digest now</code>, <code>/digest off</code>)',
    '',
    '<b>Настройки</b>',
    '<code>/tz Europe/Moscow</code> — часовой пояс',
    '<code>/lang en</code> — language: English',
    '/status — что подключено и как работает',
    '/unlink — забыть аккаунт',
    '/cancel — прервать вопрос',
    '',
    'В группе заказы может запросить только тот, кто подключил аккаунт; почта и телефоны покупателей скрыты.',
  ].join('\n'),
  menu: {
    orders: 'Заказы: /orders вчера оплаченные',
    export: 'Заказы файлом CSV',
    alerts: 'Уведомления об оплатах: on или off',
    digest: 'Ежедневная сводка: /digest 09:00',
    status: 'Что подключено и как работает',
    link: 'Подключить аккаунт JustClick',
    unlink: 'Забыть аккаунт JustClick',
    tz: 'Часовой пояс: /tz Europe/Moscow',
    lang: 'Язык: /lang ru или /lang en',
    help: 'Что я умею, с примерами',
  },
  apology: 'Извините, у меня что-то сломалось. Попробуйте ещё раз через минуту.',
  busy: 'Я ещё выполняю ваш предыдущий запрос. Секунду, пожалуйста.',
  privateOnly: (command) => `/${escapeHtml(command)} работает только в личном чате со мной: откройте его и отправьте команду там.`,
  notLinked: 'Аккаунт JustClick ещё не подключён. Отправьте /link, чтобы подключить (где взять ключ — в /help).',
  notLinkedInGroup: 'Сначала подключите аккаунт JustClick в личном чате со мной (/link), потом спрашивайте здесь.',
  notYourAccount: 'Извините, в этом чате показываются заказы того, кто подключил к нему аккаунт JustClick, и запрашивать их здесь может только он.',
  notChatAdmin: 'Изменить это здесь может только администратор чата, подключивший аккаунт JustClick.',
  engineMissing: 'Уведомления и сводки в этой установке бота недоступны.',
  staleButton: 'Эта кнопка больше не работает. Запросите ещё раз, пожалуйста.',
  pageExpired: 'Этот список устарел. Запросите заказы ещё раз, пожалуйста.',
  pageNotYours: 'Эти кнопки — для того, кто запросил список.',
  unknownCommand: 'Такой команды я не знаю. Все команды — в /help.',
  plainText: 'Отправьте команду, например /orders сегодня. Все команды — в /help.',
  exportCaption: (count, period) => `📄 Заказов: ${count} — ${escapeHtml(period)}`,
  justclick: (kind, login, during) => {
    const account = `<b>${escapeHtml(login)}</b>`;
    const notLinked = during === 'link' ? 'Аккаунт не подключён. ' : '';
    switch (kind) {
      case 'wrong-key':
        return during === 'link'
          ? `JustClick не принимает этот ключ для ${account}. Скопируйте ключ ещё раз из раздела настроек API вашего аккаунта (достаточно одного пропущенного символа) и снова отправьте /link.`
          : `JustClick больше не принимает ключ ${account}: возможно, его сменили? Отправьте /link с действующим ключом.`;
      case 'unknown-login':
        return `В JustClick нет аккаунта ${account}. ${notLinked}Логин — это первая часть адреса аккаунта: для <code>shop.justclick.ru</code> это <code>shop</code>. Проверьте его и снова отправьте /link.`;
      case 'account-disabled':
        return `JustClick сообщает, что аккаунт ${account} отключён. ${notLinked}Когда он снова заработает, отправьте /link${during === 'query' ? ' или повторите запрос' : ''}.`;
      case 'api-limited':
        return `JustClick отклоняет запросы API для ${account}: доступ по API выключен в настройках аккаунта или исчерпан лимит запросов. ${notLinked}Включите доступ в разделе настроек API и попробуйте через 15 минут.`;
      case 'ip-denied':
        return `JustClick отклоняет запросы с адреса бота для ${account}: в аккаунте разрешён доступ к API только с определённых IP-адресов. ${notLinked}Снимите это ограничение в разделе настроек API и попробуйте снова.`;
      case 'unavailable':
        return `JustClick сейчас не отвечает. ${notLinked}Ничего не изменилось; попробуйте через несколько минут.`;
      case 'protocol':
        return `Ответ JustClick не прошёл проверку, и я его не использовал. ${notLinked}Попробуйте позже; если повторится — снова отправьте /link.`;
    }
  },
};

export const botText: Record<Lang, BotText> = { en, ru };
