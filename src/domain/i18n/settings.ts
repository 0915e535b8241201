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
  /** A limit pause: when polling tries again by itself (null: paused until /link). */
  resumeAt: string | null;
  timeZone: string;
  localTime: string;
  alertsSince: string | null;
  /** When the alert engine last asked JustClick for new paid orders. */
  lastCheckAt: string | null;
  digestTime: string | null;
  lastPushAt: string | null;
}

export interface SettingsText {
  /** `label` as zoneLabel names the zone ("Москва (UTC+3)"), `zone` its IANA name. */
  tzCurrent(label: string, zone: string, localTime: string): Html;
  tzSet(label: string, zone: string, localTime: string): Html;
  /** Names the word not understood, and the nearest place when there is one. */
  tzUnknown(input: string, suggestion: string | null): Html;
  /** Above the buttons of a name that means several zones ("CST", "Portland"). */
  tzWhich(input: string): Html;
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

const ZONE_EXAMPLES: Record<Lang, Html> = {
  en: html`a city (<code>/tz Yekaterinburg</code>, <code>/tz Berlin</code>), an offset (<code>/tz +5</code>, <code>/tz UTC+3</code>, <code>/tz MSK+2</code>), an abbreviation (<code>/tz MSK</code>, <code>/tz CET</code>) or an IANA name (<code>/tz Asia/Almaty</code>)`,
  ru: html`город (<code>/tz Екатеринбург</code>, <code>/tz Берлин</code>), смещение (<code>/tz +5</code>, <code>/tz UTC+3</code>, <code>/tz МСК+2</code>), сокращение (<code>/tz МСК</code>, <code>/tz CET</code>) или имя IANA (<code>/tz Asia/Almaty</code>)`,
};

/** "Moscow (UTC+3), Europe/Moscow"; a fixed offset's Etc/GMT-5 is left out: its sign reads backwards. */
const zoneNamed = (label: string, zone: string): Html =>
  zone === label || zone.startsWith('Etc/') ? html`<b>${escapeHtml(label)}</b>` : html`<b>${escapeHtml(label)}</b>, ${escapeHtml(zone)}`;

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
  tzCurrent: (label, zone, time) => html`Time zone: ${zoneNamed(label, zone)} (now ${escapeHtml(time)}). To change it, send ${ZONE_EXAMPLES.en}.`,
  tzSet: (label, zone, time) => html`Time zone set: ${zoneNamed(label, zone)} (now ${escapeHtml(time)}). Orders, alerts and digests use it from now on.`,
  tzUnknown: (input, suggestion) =>
    html`“${escapeHtml(input)}” is not a place or time zone I know.${suggestion === null ? '' : html` Did you mean <code>/tz ${escapeHtml(suggestion)}</code>?`} Send ${ZONE_EXAMPLES.en}.`,
  tzWhich: (input) => html`“${escapeHtml(input)}” can mean several time zones. Which one?`,
  langIs: html`Language: English.`,
  inThisLanguage: 'in English',
  speaks: { en: 'English', ru: 'Russian' },
  notSpoken: (spoken, input) => html`I speak ${spoken}, not “${escapeHtml(input)}”.`,
  langSet: html`I will speak English here.`,
  status: (f) => {
    const lines = [html`<b>Status</b>`];
    if (f.domain === null) lines.push(html`Account: none linked — /link`);
    else {
      lines.push(
        html`Account: <b>${escapeHtml(f.domain)}</b>${f.othersAccount ? html` (linked by another member)` : ''}${f.linkedAt ? html`, linked ${escapeHtml(f.linkedAt)}` : ''}`,
      );
      lines.push(html`Last successful JustClick call: ${f.lastOkAt ? escapeHtml(f.lastOkAt) : html`none yet`}`);
      lines.push(f.lastError ? html`Last error: ${escapeHtml(errorLabel.en[f.lastError.kind])}, ${escapeHtml(f.lastError.at)}` : html`Last error: none`);
      if (f.paused) {
        lines.push(
          f.resumeAt
            ? html`⚠️ Checks for new orders are paused: JustClick says the request limit is reached. I try again by myself at ${escapeHtml(f.resumeAt)}.`
            : html`⚠️ Checks for new orders are paused until you /link again.`,
        );
      }
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
  tzCurrent: (label, zone, time) => html`Часовой пояс: ${zoneNamed(label, zone)} (сейчас ${escapeHtml(time)}). Чтобы сменить, отправьте ${ZONE_EXAMPLES.ru}.`,
  tzSet: (label, zone, time) => html`Часовой пояс: ${zoneNamed(label, zone)} (сейчас ${escapeHtml(time)}). Заказы, уведомления и сводки теперь в нём.`,
  tzUnknown: (input, suggestion) =>
    html`«${escapeHtml(input)}» — такого места или часового пояса я не знаю.${suggestion === null ? '' : html` Может быть, <code>/tz ${escapeHtml(suggestion)}</code>?`} Отправьте ${ZONE_EXAMPLES.ru}.`,
  tzWhich: (input) => html`«${escapeHtml(input)}» — это несколько часовых поясов. Какой из них?`,
  langIs: html`Язык: русский.`,
  inThisLanguage: 'по-русски',
  speaks: { ru: 'по-русски', en: 'по-английски' },
  notSpoken: (spoken, input) => html`Я говорю ${spoken}, «${escapeHtml(input)}» не знаю.`,
  langSet: html`Здесь я буду говорить по-русски.`,
  status: (f) => {
    const lines = [html`<b>Состояние</b>`];
    if (f.domain === null) lines.push(html`Аккаунт: не подключён — /link`);
    else {
      lines.push(
        html`Аккаунт: <b>${escapeHtml(f.domain)}</b>${f.othersAccount ? html` (подключил другой участник)` : ''}${f.linkedAt ? html`, подключён ${escapeHtml(f.linkedAt)}` : ''}`,
      );
      lines.push(html`Последний успешный запрос к JustClick: ${f.lastOkAt ? escapeHtml(f.lastOkAt) : html`ещё не было`}`);
      lines.push(
        f.lastError ? html`Последняя ошибка: ${escapeHtml(errorLabel.ru[f.lastError.kind])}, ${escapeHtml(f.lastError.at)}` : html`Последняя ошибка: нет`,
      );
      if (f.paused) {
        lines.push(
          f.resumeAt
            ? html`⚠️ Проверка новых заказов приостановлена: JustClick сообщает, что лимит запросов исчерпан. Я сам попробую снова в ${escapeHtml(f.resumeAt)}.`
            : html`⚠️ Проверка новых заказов приостановлена, пока вы снова не отправите /link.`,
        );
      }
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
    langUnknown: (input) =>
      t.notSpoken(
        listOf(
          lang,
          [lang, ...others].map((l) => html`${escapeHtml(t.speaks[l])} (<code>/lang ${escapeHtml(l)}</code>)`),
        ),
        input,
      ),
  };
}

export const settingsText: Record<Lang, SettingsText> = { en: withLanguageList('en'), ru: withLanguageList('ru') };
