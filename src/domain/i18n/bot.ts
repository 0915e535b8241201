// The bot's general texts in Telegram HTML: /start and /help, the command menus, refusals, and what each
// JustClick failure means for the seller. Every interpolated value is escaped here.
import type { JustClickErrorKind } from '../justclick.js';
import { escapeHtml, html, joinHtml, type Html } from '../format/html.js';
import { PHRASE_EXAMPLES } from './grammar.js';
import { LANGS, type Lang } from './lang.js';

/** The commands of the menu, in the order Telegram shows them. */
export const MENU_COMMANDS = [
  'orders',
  'today',
  'yesterday',
  'chart',
  'top',
  'sales',
  'revenue',
  'stats',
  'order',
  'buyer',
  'export',
  'alerts',
  'digest',
  'report',
  'goal',
  'pin',
  'status',
  'link',
  'demo',
  'accounts',
  'unlink',
  'team',
  'bind',
  'unbind',
  'tz',
  'lang',
  'help',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface BotText {
  help: Html;
  /** The button under /help that shows every word (plain text). */
  allWords: string;
  /** setMyCommands menus: command → short description, plain text (Telegram allows 3–256 characters). */
  menu: Record<MenuCommand, string>;
  apology: Html;
  busy: Html;
  privateOnly(command: string): Html;
  notLinked: Html;
  notLinkedInGroup: Html;
  /** A group fed by someone else's account. */
  notYourAccount: Html;
  notChatAdmin: Html;
  engineMissing: Html;
  staleButton: string;
  pageExpired: string;
  pageNotYours: string;
  /** A "Did you mean" or product button pressed by someone other than whoever asked. */
  buttonNotYours: string;
  unknownCommand: Html;
  plainText: Html;
  /** What a JustClick failure means, with what to do next. `login` is the account's domain. */
  justclick(kind: JustClickErrorKind, login: string, during: 'link' | 'query'): Html;
}

/** How /help offers each language to a reader of another one, in its own words. */
const LANG_OFFER: Record<Lang, Html> = {
  en: html`<code>/lang en</code> — language: English`,
  ru: html`<code>/lang ru</code> — язык: русский`,
};

/** The phrases /help shows with their meaning, taken from PHRASE_EXAMPLES (a test checks each is there). */
export const HELP_EXAMPLES: Record<Lang, readonly string[]> = {
  en: ['how many sales today?', 'revenue last month', 'unpaid this week', 'refunds this month', 'since Nov 1', 'order 12345', 'buyer ivan@example.com'],
  ru: [
    'сколько продаж вчера?',
    'выручка за прошлую неделю',
    'неоплаченные за неделю',
    'возвраты за месяц',
    'с 1 ноября',
    'заказ 12345',
    'покупатель ivan@example.com',
  ],
};

/** /help's example lines, generated from the grammar's own examples so that they cannot drift. */
const helpExamples = (lang: Lang): Html[] =>
  HELP_EXAMPLES[lang].map((phrase) => {
    const meaning = PHRASE_EXAMPLES[lang].find((x) => x.phrase === phrase)?.meaning ?? '';
    return html`<code>${escapeHtml(phrase)}</code> — ${escapeHtml(meaning)}`;
  });

/** The /lang lines of /help: every other language. */
const langOffers = (reader: Lang): Html[] => LANGS.filter((l) => l !== reader).map((l) => LANG_OFFER[l]);

const en: BotText = {
  help: joinHtml(
    [
      html`<b>JustClick orders bot</b>`,
      html`I show your JustClick orders when you ask, alert you the moment an order is paid, and send a daily sales digest.`,
      html``,
      html`<b>Start</b>`,
      html`1. Find your API key: in your JustClick account open the API section of the account settings («Интеграция и API»), allow API access and copy the secret key.`,
      html`2. Send <code>/link shop KEY</code> — your login (or the account address, e.g. <code>shop.justclick.ru</code>) and the key. Or send /link and I will ask. I delete the message with the key at once.`,
      html`No key at hand? /demo links a demo shop with made-up orders, so that you can try every command first.`,
      html``,
      html`<b>Orders</b> — ask in your own words, here as a message or after /orders:`,
      html`/orders — today: the money paid, the orders created, and the orders themselves`,
      html`<code>/orders yesterday paid</code> — the orders paid yesterday`,
      html`<code>/orders 01.11-15.11</code>, <code>/orders last week</code>, <code>/orders 7d</code>`,
      html`<code>/orders today goods 12,14</code> — only these products (ids or part of the name)`,
      ...helpExamples('en'),
      html`/today, /yesterday, /sales (paid), /revenue and /stats (totals only) take the same words.`,
      html`<code>/export month paid</code> — the same as an Excel file (<code>/export month csv</code> for CSV)`,
      html`<code>/order 12345</code> — one order in full: buyer, items, partners, times, UTM, bill link`,
      html`<code>/buyer anna@example.com</code> — a buyer’s orders and what they paid in all; a phone works too (I find the e-mail on your orders of the last 90 days with that phone)`,
      html`<code>/help words</code> — every word and form I understand`,
      html``,
      html`<b>At a glance</b>`,
      html`/chart — paid revenue of the last 14 days as a picture, the 14 before drawn faintly behind; <code>/chart month</code>, <code>/chart today</code> (by the hour), <code>/chart week dark</code>`,
      html`<code>/top month</code> — where the money came from: products, traffic sources, payment methods, partners`,
      html``,
      html`<b>Notifications</b>`,
      html`<code>/alerts on</code> — a message for every paid order (<code>/alerts off</code>)`,
      html`<code>/digest 9:00</code> — a daily sales digest at 09:00 (also <code>9am</code>, <code>21h</code>; <code>/digest now</code>, <code>/digest off</code>)`,
      html`<code>/report weekly 09:00</code> — on Mondays a report on last week (<code>/report monthly 09:00</code> — on the 1st, on last month)`,
      html`<code>/goal 500k</code> — a monthly revenue goal, with progress and a message at 50%, 90% and 100%`,
      html`/pin — a pinned card of today’s sales, updated after every payment`,
      html``,
      html`<b>Settings</b>`,
      html`<code>/tz Yekaterinburg</code>, <code>/tz +5</code>, <code>/tz MSK+2</code>, <code>/tz Europe/Berlin</code> — time zone`,
      ...langOffers('en'),
      html`/status — what is linked and how it goes`,
      html`/accounts — your accounts and your teams’ (👥, with your role): switch, rename, unlink one, leave a team; <code>@login</code> in a command picks one, <code>/orders week @all</code> shows them all`,
      html`/bind — in a group: bind it to your current account (a group admin who owns the account; <code>/bind</code> again shows who bound it); /unbind — any admin undoes it`,
      html`/unlink — forget the account`,
      html`/cancel — stop a question`,
      html``,
      html`In a group, the person who linked the bound account and their team can ask for its orders, and buyers’ e-mails and phones are masked.`,
    ],
    '\n',
  ),
  allWords: '📖 Every word I understand',
  menu: {
    orders: 'Orders: /orders yesterday paid',
    chart: 'Revenue chart: /chart month',
    top: 'Top products and sources: /top month',
    export: 'Orders as an Excel or CSV file',
    order: 'One order in full: /order 12345',
    buyer: 'A buyer’s orders: /buyer e-mail or phone',
    today: 'Today: paid, created, the orders',
    yesterday: 'Yesterday: paid, created, the orders',
    sales: 'Orders paid: /sales last week',
    revenue: 'Revenue, totals only: /revenue last month',
    stats: 'Totals only: /stats this month',
    alerts: 'Alerts for paid orders: on or off',
    digest: 'Daily digest: /digest 09:00',
    report: 'Weekly or monthly report: /report weekly 09:00',
    goal: 'Monthly revenue goal: /goal 500k',
    pin: 'Pin a live card of today’s sales',
    status: 'What is linked and how it goes',
    link: 'Link your JustClick account',
    demo: 'Try the bot on a demo shop, no key needed',
    accounts: 'Your accounts: switch, rename, unlink',
    unlink: 'Forget the JustClick account',
    team: 'Your team: invite a manager or a viewer',
    bind: 'In a group: bind it to your account (admins)',
    unbind: 'In a group: undo its binding (any admin)',
    tz: 'Time zone: /tz Europe/Moscow',
    lang: 'Language: /lang ru or /lang en',
    help: 'What I can do, with examples',
  },
  apology: html`Sorry, something went wrong on my side. Please try again in a minute.`,
  busy: html`I am still working on your previous request. One moment, please.`,
  privateOnly: (command) => html`/${escapeHtml(command)} works only in our private chat: open it and send the command there.`,
  notLinked: html`No JustClick account is linked yet. Send /link to link one (see /help for where to find the key).`,
  notLinkedInGroup: html`Link your JustClick account in a private chat with me first (/link), then ask here.`,
  notYourAccount: html`Sorry, this chat shows the orders of the person who linked its JustClick account, and only they can ask for them here.`,
  notChatAdmin: html`Only an administrator of this chat who has linked a JustClick account can change this here.`,
  engineMissing: html`Alerts and digests are not available in this installation of the bot.`,
  staleButton: 'This button no longer works. Ask again, please.',
  pageExpired: 'This list has expired. Ask for the orders again, please.',
  pageNotYours: 'These buttons belong to whoever asked for this list.',
  buttonNotYours: 'These buttons belong to whoever asked.',
  unknownCommand: html`I do not know this command. /help lists what I can do.`,
  plainText: html`Send a command, for example /orders today, or ask in words: <code>sales yesterday</code>. /help lists them all.`,
  justclick: (kind, login, during) => {
    const account = html`<b>${escapeHtml(login)}</b>`;
    const notLinked = during === 'link' ? html`The account is not linked. ` : '';
    switch (kind) {
      case 'wrong-key':
        return during === 'link'
          ? html`JustClick does not accept this key for ${account}. Copy the key again from the API section of your account settings (a single character missing is enough) and send /link again.`
          : html`JustClick no longer accepts the key of ${account}: was it changed? Send /link with the current key.`;
      case 'unknown-login':
        return html`JustClick has no account ${account}. ${notLinked}The login is the first part of your account address: for <code>shop.justclick.ru</code> it is <code>shop</code>. Check it and send /link again.`;
      case 'account-disabled':
        return html`JustClick says the account ${account} is disabled. ${notLinked}Once it is active again, send /link${during === 'query' ? html` or ask again` : ''}.`;
      case 'api-limited':
        return html`JustClick refuses API requests for ${account}: API access is switched off in the account settings, or the request limit is reached. ${notLinked}Switch API access on in the API section of your account settings and try again in 15 minutes.`;
      case 'ip-denied':
        return html`JustClick refuses requests from this bot’s address for ${account}: the account allows API access only from certain IP addresses. ${notLinked}Remove that restriction in the API section of your account settings, then try again.`;
      case 'unavailable':
        return html`JustClick is not answering right now. ${notLinked}Nothing was changed; please try again in a few minutes.`;
      case 'protocol':
        return html`JustClick’s answer could not be verified, so I did not use it. ${notLinked}Please try again later; if it keeps happening, send /link again.`;
    }
  },
};

const ru: BotText = {
  help: joinHtml(
    [
      html`<b>Бот заказов JustClick</b>`,
      html`Показываю заказы JustClick по запросу, сообщаю об оплате заказа сразу же и присылаю ежедневную сводку продаж.`,
      html``,
      html`<b>Начало</b>`,
      html`1. Найдите ключ API: в аккаунте JustClick откройте раздел настроек API («Интеграция и API»), включите доступ по API и скопируйте секретный ключ.`,
      html`2. Отправьте <code>/link shop КЛЮЧ</code> — логин (или адрес аккаунта, например <code>shop.justclick.ru</code>) и ключ. Или просто /link, и я спрошу. Сообщение с ключом я сразу удаляю.`,
      html`Ключа пока нет? /demo подключит демо-магазин с выдуманными заказами: попробуйте все команды на нём.`,
      html``,
      html`<b>Заказы</b> — спрашивайте своими словами, здесь сообщением или после /orders:`,
      html`/orders — за сегодня: сколько оплачено, сколько создано, и сами заказы`,
      html`<code>/orders вчера оплаченные</code> — заказы, оплаченные вчера`,
      html`<code>/orders 01.11-15.11</code>, <code>/orders прошлая неделя</code>, <code>/orders 7д</code>`,
      html`<code>/orders сегодня товары 12,14</code> — только эти товары (номера или часть названия)`,
      ...helpExamples('ru'),
      html`/today, /yesterday, /sales (оплаченные), /revenue и /stats (только итоги) понимают те же слова.`,
      html`<code>/export месяц оплаченные</code> — то же файлом Excel (<code>/export месяц csv</code> — файлом CSV)`,
      html`<code>/order 12345</code> — один заказ целиком: покупатель, товары, партнёры, время, UTM, ссылка на счёт`,
      html`<code>/buyer anna@example.com</code> — заказы покупателя и сколько он оплатил всего; можно и телефон (почту я найду в ваших заказах за последние 90 дней с этим телефоном)`,
      html`<code>/help words</code> — все слова и формы, которые я понимаю`,
      html``,
      html`<b>Коротко о продажах</b>`,
      html`/chart — выручка за 14 дней картинкой, прошлые 14 дней бледно позади; <code>/chart месяц</code>, <code>/chart сегодня</code> (по часам), <code>/chart неделя тёмный</code>`,
      html`<code>/top месяц</code> — откуда деньги: товары, источники трафика, способы оплаты, партнёры`,
      html``,
      html`<b>Уведомления</b>`,
      html`<code>/alerts on</code> — сообщение о каждом оплаченном заказе (<code>/alerts off</code>)`,
      html`<code>/digest 9:00</code> — сводка продаж каждый день в 09:00 (можно <code>9 утра</code>, <code>21ч</code>; <code>/digest now</code>, <code>/digest off</code>)`,
      html`<code>/report weekly 09:00</code> — по понедельникам отчёт за прошлую неделю (<code>/report monthly 09:00</code> — 1-го числа за прошлый месяц)`,
      html`<code>/goal 500 тыс</code> — цель по выручке на месяц: прогресс и сообщения на 50%, 90% и 100%`,
      html`/pin — закреплённая карточка продаж за сегодня, обновляется после каждой оплаты`,
      html``,
      html`<b>Настройки</b>`,
      html`<code>/tz Екатеринбург</code>, <code>/tz +5</code>, <code>/tz МСК+2</code>, <code>/tz Europe/Berlin</code> — часовой пояс`,
      ...langOffers('ru'),
      html`/status — что подключено и как работает`,
      html`/accounts — ваши аккаунты и аккаунты команд (👥, с вашей ролью): переключить, переименовать, отключить, выйти из команды; <code>@логин</code> в команде выбирает аккаунт, <code>/orders неделя @все</code> показывает все`,
      html`/bind — в группе: привязать её к текущему аккаунту (админ группы и владелец аккаунта; повторный <code>/bind</code> покажет, кто привязал); /unbind — любой админ отменит привязку`,
      html`/unlink — забыть аккаунт`,
      html`/cancel — прервать вопрос`,
      html``,
      html`В группе заказы может запросить тот, кто подключил привязанный аккаунт, и его команда; почта и телефоны покупателей скрыты.`,
    ],
    '\n',
  ),
  allWords: '📖 Все слова, которые я понимаю',
  menu: {
    orders: 'Заказы: /orders вчера оплаченные',
    chart: 'График выручки: /chart месяц',
    top: 'Лучшие товары и источники: /top месяц',
    export: 'Заказы файлом Excel или CSV',
    order: 'Один заказ целиком: /order 12345',
    buyer: 'Заказы покупателя: /buyer почта или телефон',
    today: 'Сегодня: оплачено, создано, заказы',
    yesterday: 'Вчера: оплачено, создано, заказы',
    sales: 'Оплаченные заказы: /sales прошлая неделя',
    revenue: 'Выручка, только итоги: /revenue прошлый месяц',
    stats: 'Только итоги: /stats этот месяц',
    alerts: 'Уведомления об оплатах: on или off',
    digest: 'Ежедневная сводка: /digest 09:00',
    report: 'Отчёт за неделю или месяц: /report weekly 09:00',
    goal: 'Цель по выручке на месяц: /goal 500 тыс',
    pin: 'Закрепить карточку продаж за сегодня',
    status: 'Что подключено и как работает',
    link: 'Подключить аккаунт JustClick',
    demo: 'Попробовать бота на демо-магазине без ключа',
    accounts: 'Ваши аккаунты: выбрать, переименовать, отключить',
    unlink: 'Забыть аккаунт JustClick',
    team: 'Команда: пригласить менеджера или наблюдателя',
    bind: 'В группе: привязать её к вашему аккаунту (админам)',
    unbind: 'В группе: отменить привязку (любой админ)',
    tz: 'Часовой пояс: /tz Europe/Moscow',
    lang: 'Язык: /lang ru или /lang en',
    help: 'Что я умею, с примерами',
  },
  apology: html`Извините, у меня что-то сломалось. Попробуйте ещё раз через минуту.`,
  busy: html`Я ещё выполняю ваш предыдущий запрос. Секунду, пожалуйста.`,
  privateOnly: (command) => html`/${escapeHtml(command)} работает только в личном чате со мной: откройте его и отправьте команду там.`,
  notLinked: html`Аккаунт JustClick ещё не подключён. Отправьте /link, чтобы подключить (где взять ключ — в /help).`,
  notLinkedInGroup: html`Сначала подключите аккаунт JustClick в личном чате со мной (/link), потом спрашивайте здесь.`,
  notYourAccount: html`Извините, в этом чате показываются заказы того, кто подключил к нему аккаунт JustClick, и запрашивать их здесь может только он.`,
  notChatAdmin: html`Изменить это здесь может только администратор чата, подключивший аккаунт JustClick.`,
  engineMissing: html`Уведомления и сводки в этой установке бота недоступны.`,
  staleButton: 'Эта кнопка больше не работает. Запросите ещё раз, пожалуйста.',
  pageExpired: 'Этот список устарел. Запросите заказы ещё раз, пожалуйста.',
  pageNotYours: 'Эти кнопки — для того, кто запросил список.',
  buttonNotYours: 'Эти кнопки — для того, кто спрашивал.',
  unknownCommand: html`Такой команды я не знаю. Все команды — в /help.`,
  plainText: html`Отправьте команду, например /orders сегодня, или спросите словами: <code>продажи вчера</code>. Все команды — в /help.`,
  justclick: (kind, login, during) => {
    const account = html`<b>${escapeHtml(login)}</b>`;
    const notLinked = during === 'link' ? html`Аккаунт не подключён. ` : '';
    switch (kind) {
      case 'wrong-key':
        return during === 'link'
          ? html`JustClick не принимает этот ключ для ${account}. Скопируйте ключ ещё раз из раздела настроек API вашего аккаунта (достаточно одного пропущенного символа) и снова отправьте /link.`
          : html`JustClick больше не принимает ключ ${account}: возможно, его сменили? Отправьте /link с действующим ключом.`;
      case 'unknown-login':
        return html`В JustClick нет аккаунта ${account}. ${notLinked}Логин — это первая часть адреса аккаунта: для <code>shop.justclick.ru</code> это <code>shop</code>. Проверьте его и снова отправьте /link.`;
      case 'account-disabled':
        return html`JustClick сообщает, что аккаунт ${account} отключён. ${notLinked}Когда он снова заработает, отправьте /link${during === 'query' ? html` или повторите запрос` : ''}.`;
      case 'api-limited':
        return html`JustClick отклоняет запросы API для ${account}: доступ по API выключен в настройках аккаунта или исчерпан лимит запросов. ${notLinked}Включите доступ в разделе настроек API и попробуйте через 15 минут.`;
      case 'ip-denied':
        return html`JustClick отклоняет запросы с адреса бота для ${account}: в аккаунте разрешён доступ к API только с определённых IP-адресов. ${notLinked}Снимите это ограничение в разделе настроек API и попробуйте снова.`;
      case 'unavailable':
        return html`JustClick сейчас не отвечает. ${notLinked}Ничего не изменилось; попробуйте через несколько минут.`;
      case 'protocol':
        return html`Ответ JustClick не прошёл проверку, и я его не использовал. ${notLinked}Попробуйте позже; если повторится — снова отправьте /link.`;
    }
  },
};

export const botText: Record<Lang, BotText> = { en, ru };
