// Texts of /tz, /lang and /status.
import type { JustClickErrorKind } from '../justclick.js';
import { escapeHtml, html, joinHtml, type Html } from '../format/html.js';
import { LANGS, LOCALES, type Lang } from './lang.js';

export interface StatusFacts {
  /** shop.justclick.ru, or null when no account feeds this chat. */
  domain: string | null;
  /** Set when the account is someone else's (a group fed by another member). */
  othersAccount: boolean;
  linkedAt: string | null;
  lastOkAt: string | null;
  lastError: { kind: JustClickErrorKind; at: string } | null;
  paused: boolean;
  timeZone: string;
  localTime: string;
  alertsSince: string | null;
  /** When the alert engine last asked JustClick for new paid orders. */
  lastCheckAt: string | null;
  digestTime: string | null;
  lastPushAt: string | null;
}

export interface SettingsText {
  tzCurrent(zone: string, localTime: string): Html;
  tzSet(zone: string, localTime: string): Html;
  tzUnknown(input: string): Html;
  /** /lang alone: this language, then how to switch to each of the others, each said in its own words. */
  langCurrent: Html;
  langSet: Html;
  /** An unknown /lang value, answered with every language the bot speaks. */
  langUnknown(input: string): Html;
  status(facts: StatusFacts): Html;
}

/** What each language says itself; the /lang answers are built from it for every language in LANGS. */
interface LanguageWords {
  /** "Language: English." */
  langIs: Html;
  /** "in English", said in this language: how /lang offers it to readers of the others. */
  inThisLanguage: string;
  /** How this language says the bot speaks each language ("English", "Russian" / "по-русски"). */
  speaks: Record<Lang, string>;
  /** "I speak …, not “x”", with `spoken` the list of languages. */
  notSpoken(spoken: Html, input: string): Html;
}

const ZONE_EXAMPLES = html`<code>/tz Europe/Moscow</code>, <code>/tz Asia/Yekaterinburg</code>, <code>/tz Asia/Almaty</code>, <code>/tz Europe/Berlin</code>, <code>/tz America/New_York</code>`;

const errorLabel: Record<Lang, Record<JustClickErrorKind, string>> = {
  en: {
    'wrong-key': 'the key is not accepted',
    'unknown-login': 'no such account',
    'ip-denied': 'the bot’s IP address is not allowed',
    'account-disabled': 'the account is disabled',
    'api-limited': 'API access is off or limited',
    unavailable: 'JustClick did not answer',
    protocol: 'JustClick’s answer failed verification',
  },
  ru: {
    'wrong-key': 'ключ не принят',
    'unknown-login': 'нет такого аккаунта',
    'ip-denied': 'IP-адрес бота не разрешён',
    'account-disabled': 'аккаунт отключён',
    'api-limited': 'доступ по API выключен или ограничен',
    unavailable: 'JustClick не ответил',
    protocol: 'ответ JustClick не прошёл проверку',
  },
};

const en: Omit<SettingsText, 'langCurrent' | 'langUnknown'> & LanguageWords = {
  tzCurrent: (zone, time) => html`Time zone: <b>${escapeHtml(zone)}</b> (now ${escapeHtml(time)}). To change it: ${ZONE_EXAMPLES}.`,
  tzSet: (zone, time) => html`Time zone set: <b>${escapeHtml(zone)}</b> (now ${escapeHtml(time)}). Orders, alerts and digests use it from now on.`,
  tzUnknown: (input) =>
    html`“${escapeHtml(input)}” is not a time zone I know. Use an IANA name, Region/City: ${ZONE_EXAMPLES}. The list: https://en.wikipedia.org/wiki/List_of_tz_database_time_zones`,
  langIs: html`Language: English.`,
  inThisLanguage: 'in English',
  speaks: { en: 'English', ru: 'Russian' },
  notSpoken: (spoken, input) => html`I speak ${spoken}, not “${escapeHtml(input)}”.`,
  langSet: html`I will speak English here.`,
  status: (f) => {
    const lines = [html`<b>Status</b>`];
    if (f.domain === null) lines.push(html`Account: none linked — /link`);
    else {
      lines.push(html`Account: <b>${escapeHtml(f.domain)}</b>${f.othersAccount ? html` (linked by another member)` : ''}${f.linkedAt ? html`, linked ${escapeHtml(f.linkedAt)}` : ''}`);
      lines.push(html`Last successful JustClick call: ${f.lastOkAt ? escapeHtml(f.lastOkAt) : html`none yet`}`);
      lines.push(f.lastError ? html`Last error: ${escapeHtml(errorLabel.en[f.lastError.kind])}, ${escapeHtml(f.lastError.at)}` : html`Last error: none`);
      if (f.paused) lines.push(html`⚠️ Checks for new orders are paused until you /link again.`);
      if (f.lastPushAt) lines.push(html`Last push notification from JustClick: ${escapeHtml(f.lastPushAt)}`);
    }
    lines.push(html`Time zone: ${escapeHtml(f.timeZone)} (now ${escapeHtml(f.localTime)})`);
    lines.push(html`Language: English`);
    lines.push(
      html`Alerts here: ${f.alertsSince ? html`on since ${escapeHtml(f.alertsSince)}` : html`off`}${f.alertsSince && f.lastCheckAt ? html`, last check ${escapeHtml(f.lastCheckAt)}` : ''}`,
    );
    lines.push(html`Digest here: ${f.digestTime ? html`daily at ${escapeHtml(f.digestTime)}` : html`off`}`);
    return joinHtml(lines, '\n');
  },
};

const ru: Omit<SettingsText, 'langCurrent' | 'langUnknown'> & LanguageWords = {
  tzCurrent: (zone, time) => html`Часовой пояс: <b>${escapeHtml(zone)}</b> (сейчас ${escapeHtml(time)}). Чтобы сменить: ${ZONE_EXAMPLES}.`,
  tzSet: (zone, time) => html`Часовой пояс: <b>${escapeHtml(zone)}</b> (сейчас ${escapeHtml(time)}). Заказы, уведомления и сводки теперь в нём.`,
  tzUnknown: (input) =>
    html`«${escapeHtml(input)}» — такого часового пояса я не знаю. Укажите имя IANA, Регион/Город: ${ZONE_EXAMPLES}. Список: https://en.wikipedia.org/wiki/List_of_tz_database_time_zones`,
  langIs: html`Язык: русский.`,
  inThisLanguage: 'по-русски',
  speaks: { ru: 'по-русски', en: 'по-английски' },
  notSpoken: (spoken, input) => html`Я говорю ${spoken}, «${escapeHtml(input)}» не знаю.`,
  langSet: html`Здесь я буду говорить по-русски.`,
  status: (f) => {
    const lines = [html`<b>Состояние</b>`];
    if (f.domain === null) lines.push(html`Аккаунт: не подключён — /link`);
    else {
      lines.push(html`Аккаунт: <b>${escapeHtml(f.domain)}</b>${f.othersAccount ? html` (подключил другой участник)` : ''}${f.linkedAt ? html`, подключён ${escapeHtml(f.linkedAt)}` : ''}`);
      lines.push(html`Последний успешный запрос к JustClick: ${f.lastOkAt ? escapeHtml(f.lastOkAt) : html`ещё не было`}`);
      lines.push(f.lastError ? html`Последняя ошибка: ${escapeHtml(errorLabel.ru[f.lastError.kind])}, ${escapeHtml(f.lastError.at)}` : html`Последняя ошибка: нет`);
      if (f.paused) lines.push(html`⚠️ Проверка новых заказов приостановлена, пока вы снова не отправите /link.`);
      if (f.lastPushAt) lines.push(html`Последнее push-уведомление от JustClick: ${escapeHtml(f.lastPushAt)}`);
    }
    lines.push(html`Часовой пояс: ${escapeHtml(f.timeZone)} (сейчас ${escapeHtml(f.localTime)})`);
    lines.push(html`Язык: русский`);
    lines.push(
      html`Уведомления здесь: ${f.alertsSince ? html`включены с ${escapeHtml(f.alertsSince)}` : html`выключены`}${f.alertsSince && f.lastCheckAt ? html`, последняя проверка ${escapeHtml(f.lastCheckAt)}` : ''}`,
    );
    lines.push(html`Сводка здесь: ${f.digestTime ? html`каждый день в ${escapeHtml(f.digestTime)}` : html`выключена`}`);
    return joinHtml(lines, '\n');
  },
};

const words: Record<Lang, Omit<SettingsText, 'langCurrent' | 'langUnknown'> & LanguageWords> = { en, ru };

/** "A, B and C" as `lang` writes a list; the items are markup, the words between them are escaped. */
function listOf(lang: Lang, items: Html[]): Html {
  const parts = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).formatToParts(items.map((_, i) => String(i)));
  return joinHtml(
    parts.map((p) => (p.type === 'element' ? (items[Number(p.value)] ?? null) : escapeHtml(p.value))),
    '',
  );
}

function withLanguageList(lang: Lang): SettingsText {
  const others = LANGS.filter((l) => l !== lang);
  const t = words[lang];
  return {
    ...t,
    langCurrent: joinHtml([t.langIs, ...others.map((l) => html`<code>/lang ${escapeHtml(l)}</code> — ${escapeHtml(words[l].inThisLanguage)}.`)], ' '),
    langUnknown: (input) => t.notSpoken(listOf(lang, [lang, ...others].map((l) => html`${escapeHtml(t.speaks[l])} (<code>/lang ${escapeHtml(l)}</code>)`)), input),
  };
}

export const settingsText: Record<Lang, SettingsText> = { en: withLanguageList('en'), ru: withLanguageList('ru') };
