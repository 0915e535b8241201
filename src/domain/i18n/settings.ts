// Texts of /tz, /lang and /status.
import type { JustClickErrorKind } from '../../justclick/errors.js';
import { escapeHtml } from '../format/html.js';
import type { Lang } from './lang.js';

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
  tzCurrent(zone: string, localTime: string): string;
  tzSet(zone: string, localTime: string): string;
  tzUnknown(input: string): string;
  langCurrent: string;
  langSet: string;
  langUnknown(input: string): string;
  status(facts: StatusFacts): string;
}

const ZONE_EXAMPLES = '<code>/tz Europe/Moscow</code>, <code>/tz Asia/Yekaterinburg</code>, <code>/tz Asia/Almaty</code>, <code>/tz Europe/Berlin</code>, <code>/tz America/New_York</code>';

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

const en: SettingsText = {
  tzCurrent: (zone, time) => `Time zone: <b>${escapeHtml(zone)}</b> (now ${escapeHtml(time)}). To change it: ${ZONE_EXAMPLES}.`,
  tzSet: (zone, time) => `Time zone set: <b>${escapeHtml(zone)}</b> (now ${escapeHtml(time)}). Orders, alerts and digests use it from now on.`,
  tzUnknown: (input) =>
    `“${escapeHtml(input)}” is not a time zone I know. Use an IANA name, Region/City: ${ZONE_EXAMPLES}. The list: https://en.wikipedia.org/wiki/List_of_tz_database_time_zones`,
  langCurrent: 'Language: English. <code>/lang ru</code> — по-русски.',
  langSet: 'I will speak English here.',
  langUnknown: (input) => `I speak English (<code>/lang en</code>) and Russian (<code>/lang ru</code>), not “${escapeHtml(input)}”.`,
  status: (f) => {
    const lines = ['<b>Status</b>'];
    if (f.domain === null) lines.push('Account: none linked — /link');
    else {
      lines.push(`Account: <b>${escapeHtml(f.domain)}</b>${f.othersAccount ? ' (linked by another member)' : ''}${f.linkedAt ? `, linked ${escapeHtml(f.linkedAt)}` : ''}`);
      lines.push(`Last successful JustClick call: ${f.lastOkAt ? escapeHtml(f.lastOkAt) : 'none yet'}`);
      lines.push(f.lastError ? `Last error: ${errorLabel.en[f.lastError.kind]}, ${escapeHtml(f.lastError.at)}` : 'Last error: none');
      if (f.paused) lines.push('⚠️ Checks for new orders are paused until you /link again.');
      if (f.lastPushAt) lines.push(`Last push notification from JustClick: ${escapeHtml(f.lastPushAt)}`);
    }
    lines.push(`Time zone: ${escapeHtml(f.timeZone)} (now ${escapeHtml(f.localTime)})`);
    lines.push('Language: English');
    lines.push(
      `Alerts here: ${f.alertsSince ? `on since ${escapeHtml(f.alertsSince)}` : 'off'}${f.alertsSince && f.lastCheckAt ? `, last check ${escapeHtml(f.lastCheckAt)}` : ''}`,
    );
    lines.push(`Digest here: ${f.digestTime ? `daily at ${escapeHtml(f.digestTime)}` : 'off'}`);
    return lines.join('\n');
  },
};

const ru: SettingsText = {
  tzCurrent: (zone, time) => `Часовой пояс: <b>${escapeHtml(zone)}</b> (сейчас ${escapeHtml(time)}). Чтобы сменить: ${ZONE_EXAMPLES}.`,
  tzSet: (zone, time) => `Часовой пояс: <b>${escapeHtml(zone)}</b> (сейчас ${escapeHtml(time)}). Заказы, уведомления и сводки теперь в нём.`,
  tzUnknown: (input) =>
    `«${escapeHtml(input)}» — такого часового пояса я не знаю. Укажите имя IANA, Регион/Город: ${ZONE_EXAMPLES}. Список: https://en.wikipedia.org/wiki/List_of_tz_database_time_zones`,
  langCurrent: 'Язык: русский. <code>/lang en</code> — in English.',
  langSet: 'Здесь я буду говорить по-русски.',
  langUnknown: (input) => `Я говорю по-русски (<code>/lang ru</code>) и по-английски (<code>/lang en</code>), «${escapeHtml(input)}» не знаю.`,
  status: (f) => {
    const lines = ['<b>Состояние</b>'];
    if (f.domain === null) lines.push('Аккаунт: не подключён — /link');
    else {
      lines.push(`Аккаунт: <b>${escapeHtml(f.domain)}</b>${f.othersAccount ? ' (подключил другой участник)' : ''}${f.linkedAt ? `, подключён ${escapeHtml(f.linkedAt)}` : ''}`);
      lines.push(`Последний успешный запрос к JustClick: ${f.lastOkAt ? escapeHtml(f.lastOkAt) : 'ещё не было'}`);
      lines.push(f.lastError ? `Последняя ошибка: ${errorLabel.ru[f.lastError.kind]}, ${escapeHtml(f.lastError.at)}` : 'Последняя ошибка: нет');
      if (f.paused) lines.push('⚠️ Проверка новых заказов приостановлена, пока вы снова не отправите /link.');
      if (f.lastPushAt) lines.push(`Последнее push-уведомление от JustClick: ${escapeHtml(f.lastPushAt)}`);
    }
    lines.push(`Часовой пояс: ${escapeHtml(f.timeZone)} (сейчас ${escapeHtml(f.localTime)})`);
    lines.push('Язык: русский');
    lines.push(
      `Уведомления здесь: ${f.alertsSince ? `включены с ${escapeHtml(f.alertsSince)}` : 'выключены'}${f.alertsSince && f.lastCheckAt ? `, последняя проверка ${escapeHtml(f.lastCheckAt)}` : ''}`,
    );
    lines.push(`Сводка здесь: ${f.digestTime ? `каждый день в ${escapeHtml(f.digestTime)}` : 'выключена'}`);
    return lines.join('\n');
  },
};

export const settingsText: Record<Lang, SettingsText> = { en, ru };
