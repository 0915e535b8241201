// What /tz text means as an IANA zone: an IANA name, a city or country in Russian or English (any case
// form), a UTC offset, "МСК+2", or an abbreviation; ambiguous words get options, typos a suggestion.
import { tzOffset } from '@date-fns/tz';
import { editDistance } from './edit-distance.js';
import { DEFAULT_LANG, type Lang } from './i18n/lang.js';
import { fractionalOffsetZones, moscowRelativeZones, zoneAbbreviations, zoneFillerWords, zonePlaces, type ZoneName } from './i18n/zones.js';

export interface ZoneOption {
  zone: string;
  /** Ready for a button or an echo: "Екатеринбург (UTC+5)", "Chicago (UTC−6)". */
  label: string;
}

export type ZoneAnswer =
  | { kind: 'zone'; zone: string; label: string }
  | { kind: 'ambiguous'; options: ZoneOption[] }
  | { kind: 'unknown'; suggestion?: string };

/** Buttons beyond this many stop helping; the seller can type their city instead. */
const MAX_ZONE_OPTIONS = 6;

// Nobody types a zone this long; the cap keeps the typo search cheap on pasted junk.
const MAX_INPUT = 200;
const MAX_SUGGESTION_INPUT = 40;

/**
 * The zone `text` names. `at` fixes the offsets shown in labels (London is UTC+0 in winter, UTC+1 in
 * summer); pass the bot's clock.
 */
export function parseTimeZone(text: string, lang: Lang = DEFAULT_LANG, at: Date = new Date()): ZoneAnswer {
  if (text.length > MAX_INPUT) return { kind: 'unknown' };
  const raw = text.normalize('NFKC').trim();
  if (raw.includes('/')) {
    const zone = ianaZone(raw);
    if (zone) return { kind: 'zone', zone, label: zoneLabel(zone, lang, at) };
  }

  const words = wordsOf(raw.includes('/') ? raw.slice(raw.lastIndexOf('/') + 1) : raw);
  const offset = offsetAnswer(words.join(''), lang, at);
  if (offset) return offset;

  const key = words.filter((w) => /[\p{L}\p{N}]/u.test(w)).join(' ');
  if (key === '') return { kind: 'unknown' };
  const named = zoneAbbreviations.get(key) ?? exactNames.get(key) ?? stemNames.get(stemKey(key));
  if (named) return answerOf(named, lang, at);
  return withSuggestion(key);
}

/** How the bot names a zone it already has: "Москва (UTC+3)", "UTC+5" for a fixed offset, "UTC". */
export function zoneLabel(zone: string, lang: Lang, at: Date): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const offset = tzOffset(zone, at);
  if (!Number.isFinite(offset)) return zone;
  if (/^Etc\/GMT[+-]\d+$/.test(zone)) return formatUtcOffset(offset);
  const city = keyOf((zone.split('/').pop() ?? zone).replace(/_/g, ' '));
  const namesake = zonePlaces.find((p) => p.zone === zone && keysOf(p).includes(city));
  const known = namesake ?? zonePlaces.find((p) => p.zone === zone) ?? Object.values(fractionalOffsetZones).find((z) => z.zone === zone);
  return `${known ? known.name[lang] : zone} (${formatUtcOffset(offset)})`;
}

/** "UTC+5", "UTC−3:30" (a true minus sign, as on a clock face), "UTC+0". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const mm = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${mm === 0 ? '' : `:${String(mm).padStart(2, '0')}`}`;
}

// --- IANA names ---

// Intl accepts "europe/moscow" but answers with ICU's spelling, which on Node 20 is the old one for some
// zones (Europe/Kiev for Europe/Kyiv); the table's and Intl's own lists give the spelling the seller typed.
const ianaSpelling = new Map<string, string>(
  [
    ...Intl.supportedValuesOf('timeZone'),
    ...zonePlaces.map((p) => p.zone),
    ...Array.from({ length: 27 }, (_, i) => (i === 12 ? 'Etc/GMT' : `Etc/GMT${i < 12 ? '+' : '-'}${Math.abs(i - 12)}`)),
  ].map((z) => [z.toLowerCase(), z]),
);

function ianaZone(raw: string): string | null {
  const typed = raw.replace(/\s+/g, '_');
  const known = ianaSpelling.get(typed.toLowerCase());
  if (known) return known;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

// --- offsets: +5, UTC+5:45, GMT-3, МСК+2 ---

const UTC_ALONE = /^(?:utc|ut|z)$/;
const UTC_OFFSET = /^(?:utc|gmt|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$|^(?:utc|gmt)(\d{1,2})(?::?(\d{2}))?$/;
const MOSCOW_OFFSET = /^(?:msk|мск)([+-])(\d{1,2})$/;

function offsetAnswer(compact: string, lang: Lang, at: Date): ZoneAnswer | null {
  if (UTC_ALONE.test(compact)) return { kind: 'zone', zone: 'UTC', label: 'UTC' };

  const moscow = MOSCOW_OFFSET.exec(compact);
  if (moscow) {
    const steps = (moscow[1] === '-' ? -1 : 1) * Number(moscow[2]);
    const z = moscowRelativeZones[steps];
    return z ? { kind: 'zone', zone: z.zone, label: labelOf(z, lang, at) } : { kind: 'unknown' };
  }

  const m = UTC_OFFSET.exec(compact);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const hours = Number(m[2] ?? m[4]);
  const minutes = Number(m[3] ?? m[5] ?? 0);
  const total = sign * (hours * 60 + minutes);
  if (minutes > 59 || total < -12 * 60 || total > 14 * 60) return { kind: 'unknown' };
  if (total === 0) return { kind: 'zone', zone: 'UTC', label: 'UTC' };
  if (minutes === 0) {
    // IANA's Etc zones count the other way round: Etc/GMT-5 is five hours ahead of UTC.
    const zone = `Etc/GMT${sign > 0 ? '-' : '+'}${hours}`;
    return { kind: 'zone', zone, label: formatUtcOffset(total) };
  }
  const place = fractionalOffsetZones[total];
  if (!place) return { kind: 'unknown' };
  const option = { zone: place.zone, label: labelOf(place, lang, at) };
  return place.yearRound ? { kind: 'zone', ...option } : { kind: 'ambiguous', options: [option] };
}

// --- names: cities, countries, abbreviations ---

const fillers = new Set(zoneFillerWords);

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .replace(/[−–—]/g, '-')
    .replace(/['’ʼ`]/g, '');
}

/** Words of the text without filler, keeping +, - and : so offsets survive ("utc", "+5:30"). */
function wordsOf(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}+\-:]+|(?<=\p{L})-(?=\p{L})/u)
    .flatMap((w) => (/[+\-:]/.test(w) && !/\d/.test(w) ? w.split(/[+\-:]+/) : [w]))
    .filter((w) => w !== '' && !fillers.has(w));
}

function keyOf(name: string): string {
  return wordsOf(name).join(' ');
}

function keysOf(p: { name: Record<Lang, string>; aliases: readonly string[] }): string[] {
  return [p.name.ru, p.name.en, ...p.aliases].map(keyOf);
}

// Russian names change with the case ("в Москве", "из Екатеринбурга", "Нижнем Новгороде"); comparing
// word stems matches every form without listing them. Latin words are compared as typed.
// biome-ignore format: endings packed by length, longest first
const RUSSIAN_ENDINGS = [
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими',
  'ом', 'ем', 'ой', 'ей', 'ою', 'ею', 'ую', 'юю', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ах', 'ях', 'ам', 'ям',
  'а', 'я', 'е', 'и', 'у', 'ю', 'ы', 'о', 'ь', 'й',
];

function stemOf(word: string): string {
  if (word.length < 3 || !/^[а-яіїєґ]+$/.test(word)) return word;
  let stem = word;
  const ending = RUSSIAN_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 2);
  if (ending) stem = word.slice(0, -ending.length);
  if (stem.length > 2 && /[йь]$/.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

function stemKey(key: string): string {
  return key.split(' ').map(stemOf).join(' ');
}

function indexBy(keyFn: (key: string) => string): Map<string, ZoneName[]> {
  const index = new Map<string, ZoneName[]>();
  for (const p of zonePlaces) {
    for (const key of new Set(keysOf(p).map(keyFn))) {
      const list = index.get(key) ?? [];
      if (!list.some((q) => q.zone === p.zone)) list.push(p);
      index.set(key, list);
    }
  }
  return index;
}

const exactNames = indexBy((k) => k);
const stemNames = indexBy(stemKey);

function labelOf(z: ZoneName, lang: Lang, at: Date): string {
  if (z.zone === 'UTC') return 'UTC';
  return `${z.name[lang]} (${formatUtcOffset(tzOffset(z.zone, at))})`;
}

function answerOf(names: readonly ZoneName[], lang: Lang, at: Date): ZoneAnswer {
  const options = names.slice(0, MAX_ZONE_OPTIONS).map((z) => ({ zone: z.zone, label: labelOf(z, lang, at) }));
  const [only] = options;
  if (only && options.length === 1) return { kind: 'zone', ...only };
  return { kind: 'ambiguous', options };
}

// Every name and alias a typo could be aiming at (once each), with the name to suggest in the script it
// was typed in.
const suggestable: { key: string; stem: string; suggestion: string }[] = [
  ...new Map(
    zonePlaces.flatMap((p) =>
      keysOf(p)
        .filter((key) => key.length >= 4)
        .map((key) => [key, { key, stem: stemKey(key), suggestion: /[а-яіїєґ]/.test(key) ? p.name.ru : p.name.en }] as const),
    ),
  ).values(),
];

function withSuggestion(key: string): ZoneAnswer {
  if (key.length < 3 || key.length > MAX_SUGGESTION_INPUT) return { kind: 'unknown' };
  const limit = key.length <= 5 ? 1 : key.length <= 9 ? 2 : 3;
  const stem = stemKey(key);
  let best: { distance: number; suggestion: string } | undefined;
  for (const s of suggestable) {
    let distance = editDistance(key, s.key, limit);
    if (distance > 0 && stem !== key && s.stem !== s.key) distance = Math.min(distance, editDistance(stem, s.stem, limit));
    if (distance <= limit && (!best || distance < best.distance)) best = { distance, suggestion: s.suggestion };
  }
  return best ? { kind: 'unknown', suggestion: best.suggestion } : { kind: 'unknown' };
}
