// /tz in everyday words: cities in any case form, offsets, МСК+n, abbreviations, ambiguity and typos.
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/domain/edit-distance.js';
import type { Lang } from '../../src/domain/i18n/lang.js';
import { fractionalOffsetZones, moscowRelativeZones, zoneAbbreviations, zonePlaces } from '../../src/domain/i18n/zones.js';
import { formatUtcOffset, parseTimeZone, zoneLabel, type ZoneAnswer } from '../../src/domain/zones.js';

// Mid-January: Europe and North America on winter time.
const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

function zoneOf(text: string, lang: Lang = 'ru', at = winter): string {
  const a = parseTimeZone(text, lang, at);
  if (a.kind !== 'zone') throw new Error(`expected "${text}" to name one zone, got ${JSON.stringify(a)}`);
  return a.zone;
}

const zonesOf = (a: ZoneAnswer) => (a.kind === 'ambiguous' ? a.options.map((o) => o.zone) : []);

describe('/tz by city', () => {
  const cities: [string, string][] = [
    ['Москва', 'Europe/Moscow'],
    ['москва', 'Europe/Moscow'],
    ['МОСКВА', 'Europe/Moscow'],
    ['в Москве', 'Europe/Moscow'],
    ['Москвы', 'Europe/Moscow'],
    ['по Москве', 'Europe/Moscow'],
    ['Moscow', 'Europe/Moscow'],
    ['moskva', 'Europe/Moscow'],
    ['московское время', 'Europe/Moscow'],
    ['по московскому времени', 'Europe/Moscow'],
    ['г. Москва', 'Europe/Moscow'],
    ['Екатеринбург', 'Asia/Yekaterinburg'],
    ['в Екатеринбурге', 'Asia/Yekaterinburg'],
    ['Екб', 'Asia/Yekaterinburg'],
    ['ЕКБ', 'Asia/Yekaterinburg'],
    ['Ебург', 'Asia/Yekaterinburg'],
    ['Yekaterinburg', 'Asia/Yekaterinburg'],
    ['Ekaterinburg', 'Asia/Yekaterinburg'],
    ['Алматы', 'Asia/Almaty'],
    ['в Алматы', 'Asia/Almaty'],
    ['Алма-Ата', 'Asia/Almaty'],
    ['в Алма-Ате', 'Asia/Almaty'],
    ['Almaty', 'Asia/Almaty'],
    ['Alma-Ata', 'Asia/Almaty'],
    ['Астана', 'Asia/Almaty'],
    ['Нур-Султан', 'Asia/Almaty'],
    ['Казахстан', 'Asia/Almaty'],
    ['Ташкент', 'Asia/Tashkent'],
    ['в Ташкенте', 'Asia/Tashkent'],
    ['Минск', 'Europe/Minsk'],
    ['в Минске', 'Europe/Minsk'],
    ['Беларусь', 'Europe/Minsk'],
    ['Киев', 'Europe/Kyiv'],
    ['в Киеве', 'Europe/Kyiv'],
    ['Київ', 'Europe/Kyiv'],
    ['Kyiv', 'Europe/Kyiv'],
    ['Kiev', 'Europe/Kyiv'],
    ['Одесса', 'Europe/Kyiv'],
    ['Харьков', 'Europe/Kyiv'],
    ['Новосибирск', 'Asia/Novosibirsk'],
    ['в Новосибирске', 'Asia/Novosibirsk'],
    ['Новосиб', 'Asia/Novosibirsk'],
    ['Омск', 'Asia/Omsk'],
    ['в Омске', 'Asia/Omsk'],
    ['Красноярск', 'Asia/Krasnoyarsk'],
    ['Иркутск', 'Asia/Irkutsk'],
    ['в Иркутске', 'Asia/Irkutsk'],
    ['Владивосток', 'Asia/Vladivostok'],
    ['во Владивостоке', 'Asia/Vladivostok'],
    ['Калининград', 'Europe/Kaliningrad'],
    ['в Калининграде', 'Europe/Kaliningrad'],
    ['Самара', 'Europe/Samara'],
    ['в Самаре', 'Europe/Samara'],
    ['Уфа', 'Asia/Yekaterinburg'],
    ['в Уфе', 'Asia/Yekaterinburg'],
    ['Пермь', 'Asia/Yekaterinburg'],
    ['в Перми', 'Asia/Yekaterinburg'],
    ['Челябинск', 'Asia/Yekaterinburg'],
    ['Тюмень', 'Asia/Yekaterinburg'],
    ['в Тюмени', 'Asia/Yekaterinburg'],
    ['Хабаровск', 'Asia/Vladivostok'],
    ['Якутск', 'Asia/Yakutsk'],
    ['Магадан', 'Asia/Magadan'],
    ['Камчатка', 'Asia/Kamchatka'],
    ['на Камчатке', 'Asia/Kamchatka'],
    ['Петропавловск-Камчатский', 'Asia/Kamchatka'],
    ['в Петропавловске-Камчатском', 'Asia/Kamchatka'],
    ['Сочи', 'Europe/Moscow'],
    ['в Сочи', 'Europe/Moscow'],
    ['Казань', 'Europe/Moscow'],
    ['в Казани', 'Europe/Moscow'],
    ['Нижний Новгород', 'Europe/Moscow'],
    ['в Нижнем Новгороде', 'Europe/Moscow'],
    ['Нижний', 'Europe/Moscow'],
    ['СПб', 'Europe/Moscow'],
    ['Питер', 'Europe/Moscow'],
    ['в Питере', 'Europe/Moscow'],
    ['Санкт-Петербург', 'Europe/Moscow'],
    ['в Санкт-Петербурге', 'Europe/Moscow'],
    ['St. Petersburg', 'Europe/Moscow'],
    ['Ростов-на-Дону', 'Europe/Moscow'],
    ['в Ростове-на-Дону', 'Europe/Moscow'],
    ['Набережные Челны', 'Europe/Moscow'],
    ['в Набережных Челнах', 'Europe/Moscow'],
    ['Ханты-Мансийск', 'Asia/Yekaterinburg'],
    ['в Новом Уренгое', 'Asia/Yekaterinburg'],
    ['Тольятти', 'Europe/Samara'],
    ['Волгоград', 'Europe/Volgograd'],
    ['Саратов', 'Europe/Saratov'],
    ['Барнаул', 'Asia/Barnaul'],
    ['Кемерово', 'Asia/Novokuznetsk'],
    ['в Кемерове', 'Asia/Novokuznetsk'],
    ['Чита', 'Asia/Chita'],
    ['Южно-Сахалинск', 'Asia/Sakhalin'],
    ['Тбилиси', 'Asia/Tbilisi'],
    ['в Тбилиси', 'Asia/Tbilisi'],
    ['Грузия', 'Asia/Tbilisi'],
    ['Батуми', 'Asia/Tbilisi'],
    ['Ереван', 'Asia/Yerevan'],
    ['в Ереване', 'Asia/Yerevan'],
    ['Баку', 'Asia/Baku'],
    ['Бишкек', 'Asia/Bishkek'],
    ['Душанбе', 'Asia/Dushanbe'],
    ['Рига', 'Europe/Riga'],
    ['в Риге', 'Europe/Riga'],
    ['Вильнюс', 'Europe/Vilnius'],
    ['Таллин', 'Europe/Tallinn'],
    ['Таллинн', 'Europe/Tallinn'],
    ['в Таллине', 'Europe/Tallinn'],
    ['Кишинёв', 'Europe/Chisinau'],
    ['Кишинев', 'Europe/Chisinau'],
    ['Chișinău', 'Europe/Chisinau'],
    ['London', 'Europe/London'],
    ['в Лондоне', 'Europe/London'],
    ['Великобритания', 'Europe/London'],
    ['Berlin', 'Europe/Berlin'],
    ['в Берлине', 'Europe/Berlin'],
    ['München', 'Europe/Berlin'],
    ['Paris', 'Europe/Paris'],
    ['в Париже', 'Europe/Paris'],
    ['Madrid', 'Europe/Madrid'],
    ['Barcelona', 'Europe/Madrid'],
    ['Rome', 'Europe/Rome'],
    ['в Риме', 'Europe/Rome'],
    ['Prague', 'Europe/Prague'],
    ['в Праге', 'Europe/Prague'],
    ['Warsaw', 'Europe/Warsaw'],
    ['в Варшаве', 'Europe/Warsaw'],
    ['Istanbul', 'Europe/Istanbul'],
    ['в Стамбуле', 'Europe/Istanbul'],
    ['Анталья', 'Europe/Istanbul'],
    ['Dubai', 'Asia/Dubai'],
    ['в Дубае', 'Asia/Dubai'],
    ['Дубай', 'Asia/Dubai'],
    ['ОАЭ', 'Asia/Dubai'],
    ['Tel Aviv', 'Asia/Jerusalem'],
    ['Tel-Aviv', 'Asia/Jerusalem'],
    ['в Тель-Авиве', 'Asia/Jerusalem'],
    ['Израиль', 'Asia/Jerusalem'],
    ['Bangkok', 'Asia/Bangkok'],
    ['на Пхукете', 'Asia/Bangkok'],
    ['Таиланд', 'Asia/Bangkok'],
    ['Bali', 'Asia/Makassar'],
    ['на Бали', 'Asia/Makassar'],
    ['Denpasar', 'Asia/Makassar'],
    ['Singapore', 'Asia/Singapore'],
    ['в Сингапуре', 'Asia/Singapore'],
    ['Tokyo', 'Asia/Tokyo'],
    ['New York', 'America/New_York'],
    ['NYC', 'America/New_York'],
    ['в Нью-Йорке', 'America/New_York'],
    ['Los Angeles', 'America/Los_Angeles'],
    ['LA', 'America/Los_Angeles'],
    ['в Лос-Анджелесе', 'America/Los_Angeles'],
    ['Toronto', 'America/Toronto'],
    ['Cyprus', 'Asia/Nicosia'],
    ['на Кипре', 'Asia/Nicosia'],
    ['Limassol', 'Asia/Nicosia'],
    ['в Лимассоле', 'Asia/Nicosia'],
    ['Belgrade', 'Europe/Belgrade'],
    ['в Белграде', 'Europe/Belgrade'],
    ['Сербия', 'Europe/Belgrade'],
    ['Черногория', 'Europe/Podgorica'],
    ['Будва', 'Europe/Podgorica'],
    ['Lisbon', 'Europe/Lisbon'],
    ['в Лиссабоне', 'Europe/Lisbon'],
    ['Ho Chi Minh City', 'Asia/Ho_Chi_Minh'],
    ['Нячанг', 'Asia/Ho_Chi_Minh'],
    ['Гоа', 'Asia/Kolkata'],
    ['на Гавайях', 'Pacific/Honolulu'],
    ['Буэнос-Айрес', 'America/Argentina/Buenos_Aires'],
    ['time zone Berlin', 'Europe/Berlin'],
    ['часовой пояс Москва', 'Europe/Moscow'],
    ['in London', 'Europe/London'],
  ];
  it.each(cities)('"%s" is %s', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it('the answer names the city in the chat language with its offset now', () => {
    expect(parseTimeZone('Екатеринбург', 'ru', winter)).toEqual({ kind: 'zone', zone: 'Asia/Yekaterinburg', label: 'Екатеринбург (UTC+5)' });
    expect(parseTimeZone('в Екатеринбурге', 'en', winter)).toEqual({ kind: 'zone', zone: 'Asia/Yekaterinburg', label: 'Yekaterinburg (UTC+5)' });
    expect(parseTimeZone('London', 'en', winter)).toMatchObject({ label: 'London (UTC+0)' });
    expect(parseTimeZone('London', 'en', summer)).toMatchObject({ label: 'London (UTC+1)' });
    expect(parseTimeZone('Нью-Йорк', 'ru', winter)).toMatchObject({ label: 'Нью-Йорк (UTC−5)' });
  });
});

describe('/tz by IANA name', () => {
  const iana: [string, string][] = [
    ['Europe/Moscow', 'Europe/Moscow'],
    ['europe/moscow', 'Europe/Moscow'],
    ['EUROPE/MOSCOW', 'Europe/Moscow'],
    ['Asia/Yekaterinburg', 'Asia/Yekaterinburg'],
    ['asia/almaty', 'Asia/Almaty'],
    ['America/New_York', 'America/New_York'],
    ['America/New York', 'America/New_York'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['Europe/Kiev', 'Europe/Kiev'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Etc/GMT-5', 'Etc/GMT-5'],
    ['Pacific/Chatham', 'Pacific/Chatham'],
    // A misspelt IANA name still names its city.
    ['Asia/Ekaterinburg', 'Asia/Yekaterinburg'],
  ];
  it.each(iana)('"%s" is %s', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it('an IANA name is echoed as its city when the bot knows it, else as itself', () => {
    expect(parseTimeZone('europe/moscow', 'ru', winter)).toMatchObject({ label: 'Москва (UTC+3)' });
    expect(parseTimeZone('asia/pyongyang', 'en', winter)).toMatchObject({ label: 'Asia/Pyongyang (UTC+9)' });
  });

  it('a made-up IANA-looking name is unknown', () => {
    expect(parseTimeZone('Mars/Olympus_Mons', 'en', winter).kind).toBe('unknown');
  });
});

describe('/tz by UTC offset', () => {
  const offsets: [string, string, string][] = [
    ['+5', 'Etc/GMT-5', 'UTC+5'],
    ['+05', 'Etc/GMT-5', 'UTC+5'],
    ['+05:00', 'Etc/GMT-5', 'UTC+5'],
    ['+0500', 'Etc/GMT-5', 'UTC+5'],
    ['UTC+5', 'Etc/GMT-5', 'UTC+5'],
    ['utc +5', 'Etc/GMT-5', 'UTC+5'],
    ['UTC 5', 'Etc/GMT-5', 'UTC+5'],
    ['GMT+3', 'Etc/GMT-3', 'UTC+3'],
    ['gmt+03:00', 'Etc/GMT-3', 'UTC+3'],
    ['UTC-3', 'Etc/GMT+3', 'UTC−3'],
    ['UTC−3', 'Etc/GMT+3', 'UTC−3'],
    ['-8', 'Etc/GMT+8', 'UTC−8'],
    ['UTC+14', 'Etc/GMT-14', 'UTC+14'],
    ['UTC-12', 'Etc/GMT+12', 'UTC−12'],
    ['UTC', 'UTC', 'UTC'],
    ['utc', 'UTC', 'UTC'],
    ['UTC+0', 'UTC', 'UTC'],
    ['+00:00', 'UTC', 'UTC'],
    ['GMT-0', 'UTC', 'UTC'],
    ['время UTC+3', 'Etc/GMT-3', 'UTC+3'],
    ['UTC+5:45', 'Asia/Kathmandu', 'Катманду (UTC+5:45)'],
    ['+5:30', 'Asia/Kolkata', 'Индия (UTC+5:30)'],
    ['utc+0530', 'Asia/Kolkata', 'Индия (UTC+5:30)'],
    ['+3:30', 'Asia/Tehran', 'Тегеран (UTC+3:30)'],
    ['+4:30', 'Asia/Kabul', 'Кабул (UTC+4:30)'],
    ['+9:30', 'Australia/Darwin', 'Дарвин (UTC+9:30)'],
    ['-9:30', 'Pacific/Marquesas', 'Маркизские острова (UTC−9:30)'],
  ];
  it.each(offsets)('"%s" is %s, shown as %s', (text, zone, label) => {
    expect(parseTimeZone(text, 'ru', winter)).toEqual({ kind: 'zone', zone, label });
  });

  it('Etc zones really are ahead of UTC by the offset typed (IANA inverts the sign)', () => {
    expect(tzOffset(zoneOf('UTC+5'), winter)).toBe(300);
    expect(tzOffset(zoneOf('UTC-3'), winter)).toBe(-180);
  });

  it('an offset only a zone with summer time has is offered as a button, not set silently', () => {
    const a = parseTimeZone('utc-3:30', 'en', winter);
    expect(a).toEqual({ kind: 'ambiguous', options: [{ zone: 'America/St_Johns', label: "St. John's (UTC−3:30)" }] });
    expect(parseTimeZone('UTC+10:30', 'en', winter)).toMatchObject({ kind: 'ambiguous', options: [{ zone: 'Australia/Lord_Howe' }] });
  });

  const impossible = ['+15', 'UTC+15', '-13', 'UTC-12:30', '+14:30', '+5:60', '+5:20', 'UTC+99', '+123'];
  it.each(impossible)('"%s" is no zone', (text) => {
    expect(parseTimeZone(text, 'en', winter)).toEqual({ kind: 'unknown' });
  });
});

describe('/tz by abbreviation', () => {
  const single: [string, string][] = [
    ['MSK', 'Europe/Moscow'],
    ['msk', 'Europe/Moscow'],
    ['МСК', 'Europe/Moscow'],
    ['по МСК', 'Europe/Moscow'],
    ['время по мск', 'Europe/Moscow'],
    ['МСК+0', 'Europe/Moscow'],
    ['МСК-1', 'Europe/Kaliningrad'],
    ['МСК+1', 'Europe/Samara'],
    ['МСК+2', 'Asia/Yekaterinburg'],
    ['мск +2', 'Asia/Yekaterinburg'],
    ['MSK+2', 'Asia/Yekaterinburg'],
    ['МСК+3', 'Asia/Omsk'],
    ['МСК+4', 'Asia/Krasnoyarsk'],
    ['МСК+5', 'Asia/Irkutsk'],
    ['МСК+6', 'Asia/Yakutsk'],
    ['МСК+7', 'Asia/Vladivostok'],
    ['МСК+8', 'Asia/Magadan'],
    ['МСК+9', 'Asia/Kamchatka'],
    ['EKB', 'Asia/Yekaterinburg'],
    ['YEKT', 'Asia/Yekaterinburg'],
    ['CET', 'Europe/Berlin'],
    ['CEST', 'Europe/Berlin'],
    ['BST', 'Europe/London'],
    ['EST', 'America/New_York'],
    ['EDT', 'America/New_York'],
    ['PDT', 'America/Los_Angeles'],
    ['JST', 'Asia/Tokyo'],
    ['GST', 'Asia/Dubai'],
    ['WITA', 'Asia/Makassar'],
  ];
  it.each(single)('"%s" is %s', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });

  it('МСК+2 is echoed as the city it means', () => {
    expect(parseTimeZone('МСК+2', 'ru', winter)).toEqual({ kind: 'zone', zone: 'Asia/Yekaterinburg', label: 'Екатеринбург (UTC+5)' });
  });

  it('a Moscow-relative step Russia does not have is unknown', () => {
    expect(parseTimeZone('МСК+10', 'ru', winter).kind).toBe('unknown');
    expect(parseTimeZone('МСК-2', 'ru', winter).kind).toBe('unknown');
  });

  const ambiguous: [string, string[]][] = [
    ['CST', ['America/Chicago', 'Asia/Shanghai', 'America/Havana', 'America/Mexico_City']],
    ['IST', ['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin']],
    ['MST', ['America/Denver', 'America/Phoenix']],
    ['CDT', ['America/Chicago', 'America/Havana']],
    ['PST', ['America/Los_Angeles', 'Asia/Manila']],
    ['AST', ['Asia/Riyadh', 'America/Halifax']],
    ['GMT', ['UTC', 'Europe/London']],
    ['EET', ['Europe/Kaliningrad', 'Europe/Kyiv', 'Europe/Riga', 'Europe/Chisinau', 'Europe/Helsinki', 'Europe/Athens']],
  ];
  it.each(ambiguous)('"%s" offers a choice of %j', (text, zones) => {
    expect(zonesOf(parseTimeZone(text, 'en', winter))).toEqual(zones);
  });

  it('the choice for CST reads as buttons in the chat language', () => {
    const a = parseTimeZone('cst', 'en', winter);
    expect(a.kind === 'ambiguous' && a.options.map((o) => o.label)).toEqual(['Chicago (UTC−6)', 'China (UTC+8)', 'Cuba (UTC−5)', 'Mexico City (UTC−6)']);
    const ru = parseTimeZone('CST', 'ru', winter);
    expect(ru.kind === 'ambiguous' && ru.options[0]?.label).toBe('Чикаго (UTC−6)');
  });
});

describe('/tz with a name that means several places', () => {
  const shared: [string, string[]][] = [
    ['Петропавловск', ['Asia/Kamchatka', 'Asia/Almaty']],
    ['в Петропавловске', ['Asia/Kamchatka', 'Asia/Almaty']],
    ['Брест', ['Europe/Minsk', 'Europe/Paris']],
    ['Portland', ['America/New_York', 'America/Los_Angeles']],
    ['Georgia', ['Asia/Tbilisi', 'America/New_York']],
    ['Washington', ['America/New_York', 'America/Los_Angeles']],
    ['США', ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu']],
    ['Россия', ['Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Krasnoyarsk', 'Asia/Vladivostok']],
    ['Canada', ['America/Toronto', 'America/Vancouver', 'America/Edmonton']],
    ['Индонезия', ['Asia/Makassar', 'Asia/Jakarta']],
  ];
  it.each(shared)('"%s" offers %j', (text, zones) => {
    expect(zonesOf(parseTimeZone(text, 'ru', winter))).toEqual(zones);
  });

  it('each option says which place it is', () => {
    const a = parseTimeZone('Брест', 'ru', winter);
    expect(a.kind === 'ambiguous' && a.options.map((o) => o.label)).toEqual(['Брест, Беларусь (UTC+3)', 'Брест, Франция (UTC+1)']);
  });

  it('a choice never has more buttons than fit', () => {
    for (const p of zonePlaces) {
      for (const name of [p.name.ru, p.name.en, ...p.aliases]) {
        const a = parseTimeZone(name, 'en', winter);
        if (a.kind === 'ambiguous') expect(a.options.length).toBeLessThanOrEqual(6);
      }
    }
  });
});

describe('/tz with a word the bot does not know', () => {
  const typos: [string, string][] = [
    ['Екатеринбур', 'Екатеринбург'],
    ['Екатиринбург', 'Екатеринбург'],
    ['Новосибрск', 'Новосибирск'],
    ['Londn', 'London'],
    ['Berlim', 'Berlin'],
    ['Yekaterinburgh', 'Yekaterinburg'],
    ['Владевосток', 'Владивосток'],
    ['Алмааты', 'Алматы'],
    ['Tblisi', 'Tbilisi'],
    ['в Красноярсге', 'Красноярск'],
  ];
  it.each(typos)('"%s" suggests %s', (text, suggestion) => {
    expect(parseTimeZone(text, 'ru', winter)).toEqual({ kind: 'unknown', suggestion });
  });

  // biome-ignore format: a word list, packed by hand
  const nothing = ['', '   ', 'Springfield', 'asdfgh', 'завтра', 'хочу чтобы было удобно', '12345', 'constructor', '__proto__', 'toString', '/', 'в', '+', 'Europe/', 'x'.repeat(500)];
  it.each(nothing)('"%s" is unknown with no suggestion', (text) => {
    expect(parseTimeZone(text, 'ru', winter)).toEqual({ kind: 'unknown' });
  });
});

describe('the zone tables', () => {
  const allZones = new Set<string>([
    ...zonePlaces.map((p) => p.zone),
    ...[...zoneAbbreviations.values()].flat().map((z) => z.zone),
    ...Object.values(moscowRelativeZones).map((z) => z.zone),
    ...Object.values(fractionalOffsetZones).map((z) => z.zone),
  ]);

  it('every zone in them is one Intl on this Node knows', () => {
    for (const zone of allZones) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), zone).not.toThrow();
  });

  it('cover the CIS and the usual emigration and business cities', () => {
    expect(zonePlaces.length).toBeGreaterThanOrEqual(120);
  });

  it('every place is found by its Russian and English name, in its own zone', () => {
    for (const p of zonePlaces) {
      for (const name of [p.name.ru, p.name.en]) expect([name, zoneOf(name, 'en')]).toEqual([name, p.zone]);
    }
  });

  it('every alias leads to its place, alone or among the options of a shared word', () => {
    for (const p of zonePlaces) {
      for (const alias of p.aliases) {
        const a = parseTimeZone(alias, 'en', winter);
        const zones = a.kind === 'zone' ? [a.zone] : zonesOf(a);
        expect([alias, zones.includes(p.zone)]).toEqual([alias, true]);
      }
    }
  });

  it('МСК+n is n hours ahead of Moscow', () => {
    for (const [steps, z] of Object.entries(moscowRelativeZones)) {
      expect([z.zone, tzOffset(z.zone, winter)]).toEqual([z.zone, 180 + 60 * Number(steps)]);
    }
  });

  it('a fractional offset leads to a zone that has it: all year when marked so, else part of it', () => {
    for (const [minutes, z] of Object.entries(fractionalOffsetZones)) {
      const seen = [tzOffset(z.zone, winter), tzOffset(z.zone, summer)];
      if (z.yearRound) expect([z.zone, ...seen]).toEqual([z.zone, Number(minutes), Number(minutes)]);
      else expect([z.zone, seen.includes(Number(minutes)), seen[0] === seen[1]]).toEqual([z.zone, true, false]);
    }
  });
});

describe('zone labels', () => {
  it('a stored zone reads as its city, a fixed offset as UTC±n', () => {
    expect(zoneLabel('Europe/Moscow', 'ru', winter)).toBe('Москва (UTC+3)');
    expect(zoneLabel('Asia/Makassar', 'en', winter)).toBe('Bali (UTC+8)');
    expect(zoneLabel('Etc/GMT-5', 'ru', winter)).toBe('UTC+5');
    expect(zoneLabel('Etc/GMT+3', 'ru', winter)).toBe('UTC−3');
    expect(zoneLabel('UTC', 'en', winter)).toBe('UTC');
    expect(zoneLabel('Europe/Berlin', 'en', summer)).toBe('Berlin (UTC+2)');
    expect(zoneLabel('Asia/Ho_Chi_Minh', 'ru', winter)).toBe('Хошимин (UTC+7)');
  });

  it('a zone this Node does not know reads as itself rather than as a broken offset', () => {
    expect(zoneLabel('Mars/Olympus_Mons', 'en', winter)).toBe('Mars/Olympus_Mons');
  });

  it('offsets read with a true minus and minutes only when there are some', () => {
    expect([formatUtcOffset(300), formatUtcOffset(-210), formatUtcOffset(345), formatUtcOffset(0)]).toEqual(['UTC+5', 'UTC−3:30', 'UTC+5:45', 'UTC+0']);
  });
});

describe('edit distance', () => {
  it('counts one-letter edits and stops counting past the limit', () => {
    expect(editDistance('londn', 'london')).toBe(1);
    expect(editDistance('berlim', 'berlin')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('moscow', 'vladivostok', 2)).toBe(3);
  });
});

describe('/tz never throws', () => {
  it('any text gets an answer of one of the three kinds, with at most six options', () => {
    // biome-ignore format: a word list, packed by hand
    const pieces = fc.constantFrom('utc', 'gmt', 'мск', 'msk', '+', '-', '−', ':', '5', '30', '14', 'в', 'на', 'Москве', 'new', 'york', '/', 'Europe', '_', ' ', 'cst', 'Петропавловск', 'constructor', 'ё', 'é');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom<Lang>('ru', 'en'), (t, lang) => {
        const a = parseTimeZone(t, lang, winter);
        expect(['zone', 'ambiguous', 'unknown']).toContain(a.kind);
        if (a.kind === 'zone') expect(() => new Intl.DateTimeFormat('en-US', { timeZone: a.zone })).not.toThrow();
        if (a.kind === 'ambiguous') expect(a.options.length).toBeGreaterThan(0);
        if (a.kind === 'ambiguous') expect(a.options.length).toBeLessThanOrEqual(6);
      }),
      { numRuns: 1000 },
    );
  });
});
