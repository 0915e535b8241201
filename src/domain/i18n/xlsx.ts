// The words of the XLSX export in each language: sheet names and column headers (plain text).
import type { Lang } from './lang.js';

export type OrderColumn =
  | 'id' | 'created' | 'paid' | 'status' | 'payway' | 'price' | 'toPay' | 'firstName' | 'lastName' | 'middleName'
  | 'email' | 'phone' | 'country' | 'region' | 'city' | 'postalcode' | 'address' | 'comment' | 'type' | 'recurrent'
  | 'domain' | 'link' | 'utmSource' | 'utmMedium' | 'utmCampaign' | 'utmContent' | 'utmTerm' | 'tag' | 'coupon'
  | 'goods' | 'partnerFees';

export type ItemColumn = 'order' | 'paid' | 'status' | 'productId' | 'product' | 'sum' | 'price' | 'partners' | 'partnerFees';

export interface XlsxText {
  ordersSheet: string;
  itemsSheet: string;
  orders: Record<OrderColumn, string>;
  items: Record<ItemColumn, string>;
  /** A column of local times names the zone: "created (Europe/Moscow)". */
  zoned(header: string, timeZone: string): string;
}

export const xlsxText: Record<Lang, XlsxText> = {
  en: {
    ordersSheet: 'Orders',
    itemsSheet: 'Items',
    orders: {
      id: 'order', created: 'created', paid: 'paid', status: 'status', payway: 'payment method', price: 'sum',
      toPay: 'to pay', firstName: 'first name', lastName: 'last name', middleName: 'middle name', email: 'email',
      phone: 'phone', country: 'country', region: 'region', city: 'city', postalcode: 'postal code', address: 'address',
      comment: 'comment', type: 'type', recurrent: 'recurrent', domain: 'domain', link: 'link', utmSource: 'utm_source',
      utmMedium: 'utm_medium', utmCampaign: 'utm_campaign', utmContent: 'utm_content', utmTerm: 'utm_term', tag: 'tag',
      coupon: 'coupon', goods: 'goods', partnerFees: 'partner fees',
    },
    items: {
      order: 'order', paid: 'paid', status: 'status', productId: 'product id', product: 'product', sum: 'paid for it',
      price: 'list price', partners: 'partners', partnerFees: 'partner fees',
    },
    zoned: (header, tz) => `${header} (${tz})`,
  },
  ru: {
    ordersSheet: 'Заказы',
    itemsSheet: 'Товары',
    orders: {
      id: 'заказ', created: 'создан', paid: 'оплачен', status: 'статус', payway: 'способ оплаты', price: 'сумма',
      toPay: 'к оплате', firstName: 'имя', lastName: 'фамилия', middleName: 'отчество', email: 'email', phone: 'телефон',
      country: 'страна', region: 'регион', city: 'город', postalcode: 'индекс', address: 'адрес', comment: 'комментарий',
      type: 'тип', recurrent: 'рекуррентный', domain: 'домен', link: 'ссылка', utmSource: 'utm_source',
      utmMedium: 'utm_medium', utmCampaign: 'utm_campaign', utmContent: 'utm_content', utmTerm: 'utm_term', tag: 'тег',
      coupon: 'купон', goods: 'товары', partnerFees: 'комиссии партнёров',
    },
    items: {
      order: 'заказ', paid: 'оплачен', status: 'статус', productId: 'id товара', product: 'товар', sum: 'оплачено',
      price: 'цена', partners: 'партнёры', partnerFees: 'комиссии партнёров',
    },
    zoned: (header, tz) => `${header} (${tz})`,
  },
};
