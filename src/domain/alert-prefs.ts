// What a chat has chosen about its alerts beyond on and off: which paid orders it hears about (filters), when
// its phone may ring (quiet hours), the opt-in silence alert and its own alert template. Pure: parsing, checking.
import { z } from 'zod';
import type { AlertOrder } from './alert.js';
import { isAlertTemplate } from './alert-template.js';

/** `silent`: sent without a sound; `hold`: kept and sent as one summary when the quiet hours end. */
export type QuietMode = 'silent' | 'hold';

export interface QuietHours {
  /** Local `HH:MM`; `to` before `from` reaches across midnight (23:00–08:00). */
  from: string;
  to: string;
  mode: QuietMode;
}

export interface AlertPrefs {
  /** Orders below this sum (minor units) are not alerted. */
  minSum?: number;
  /** Only orders with at least one of these products (titles, as the catalog spells them). */
  products?: string[];
  /** Orders with a zero sum are not alerted. */
  skipFree?: boolean;
  /** Only orders whose utm_source is one of these. */
  sources?: string[];
  quiet?: QuietHours;
  /** The "no paid orders for a while" alert. */
  silence?: boolean;
  /** The chat's own shape of a single paid-order alert (alert-template.ts), as the seller typed it. */
  template?: string;
}

/** Lists longer than this are refused: the keyboard and the state message must stay readable. */
export const MAX_LISTED = 10;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const listed = z.array(z.string().min(1).max(200)).min(1).max(MAX_LISTED);
const schema = z.object({
  minSum: z.number().int().positive().optional(),
  products: listed.optional(),
  skipFree: z.boolean().optional(),
  sources: listed.optional(),
  quiet: z.object({ from: z.string().regex(HHMM), to: z.string().regex(HHMM), mode: z.enum(['silent', 'hold']) }).optional(),
  silence: z.boolean().optional(),
  // A template the rules of a later version no longer read is dropped alone, keeping the chat's filters.
  template: z.string().refine(isAlertTemplate).optional().catch(undefined),
});

/** The stored form (JSON); what does not parse counts as no choice at all rather than breaking alerts. */
export function parseAlertPrefs(stored: string | undefined): AlertPrefs {
  if (stored === undefined || stored === '') return {};
  try {
    const parsed = schema.safeParse(JSON.parse(stored));
    return parsed.success ? withoutUndefined(parsed.data as AlertPrefs) : {};
  } catch {
    return {};
  }
}

export function serializeAlertPrefs(prefs: AlertPrefs): string {
  return JSON.stringify(schema.parse(withoutUndefined(prefs)));
}

function withoutUndefined(p: AlertPrefs): AlertPrefs {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== false)) as AlertPrefs;
}

/** Case, ё and spacing do not make two products or sources different. */
export const sameName = (a: string, b: string): boolean => normalizeName(a) === normalizeName(b);
const normalizeName = (s: string) => s.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** True when the chat wants to hear about this paid order. */
export function passesFilters(order: AlertOrder, prefs: AlertPrefs): boolean {
  if (prefs.skipFree && order.price === 0) return false;
  if (prefs.minSum !== undefined && order.price < prefs.minSum) return false;
  if (prefs.products && !order.goods.some((g) => prefs.products!.some((p) => sameName(g, p)))) return false;
  if (prefs.sources && !prefs.sources.some((s) => sameName(order.utm.source ?? '', s))) return false;
  return true;
}
