// The words of /top in each language (plain text, not HTML): section titles and the names of rows
// that have no name of their own (key null in src/domain/top.ts).
import type { Lang } from './lang.js';

export interface TopText {
  products: string;
  sources: string;
  mediums: string;
  campaigns: string;
  payways: string;
  partners: string;
  /** An order listed without its goods. */
  noGoods: string;
  /** No utm_source: direct traffic. */
  direct: string;
  /** No utm_medium / utm_campaign. */
  notSet: string;
  noPayway: string;
  /** What sold without a partner. */
  noPartner: string;
  /** The merged rows past the limit. */
  other(rows: number): string;
  fee: string;
  /** Revenue net of partner fees. */
  netRevenue: string;
}

const ruOther = (n: number) => {
  const tens = n % 100;
  const ones = n % 10;
  const word = tens >= 11 && tens <= 14 ? 'других' : ones === 1 ? 'другой' : 'других';
  return `ещё ${n} ${word}`;
};

export const topText: Record<Lang, TopText> = {
  en: {
    products: 'Products',
    sources: 'Traffic sources',
    mediums: 'Mediums (utm_medium)',
    campaigns: 'Campaigns (utm_campaign)',
    payways: 'Payment methods',
    partners: 'Partners',
    noGoods: 'goods not listed',
    direct: 'direct',
    notSet: 'not set',
    noPayway: 'method not given',
    noPartner: 'without a partner',
    other: (n) => `${n} more`,
    fee: 'fee',
    netRevenue: 'Revenue after partner fees',
  },
  ru: {
    products: 'Товары',
    sources: 'Источники трафика',
    mediums: 'Каналы (utm_medium)',
    campaigns: 'Кампании (utm_campaign)',
    payways: 'Способы оплаты',
    partners: 'Партнёры',
    noGoods: 'товары не указаны',
    direct: 'прямые заходы',
    notSet: 'не указано',
    noPayway: 'способ не указан',
    noPartner: 'без партнёра',
    other: ruOther,
    fee: 'комиссия',
    netRevenue: 'Выручка за вычетом комиссий партнёров',
  },
};
