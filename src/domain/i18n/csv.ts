// The column headers of the /export CSV file in each language (plain text, not HTML).
import type { Lang } from './lang.js';

/** Every column of the export, in file order. */
export const CSV_COLUMNS = [
  'id', 'created', 'paid', 'status', 'payway', 'price', 'toPay', 'firstName', 'lastName', 'middleName', 'email', 'phone',
  'country', 'region', 'city', 'postalCode', 'address', 'comment', 'type', 'recurrent', 'domain', 'link', 'utmSource',
  'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm', 'tag', 'coupon', 'items', 'itemIds',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const CSV_HEADERS: Record<Lang, Record<CsvColumn, string>> = {
  en: {
    id: 'id', created: 'created', paid: 'paid', status: 'status', payway: 'payway', price: 'price', toPay: 'to pay',
    firstName: 'first name', lastName: 'last name', middleName: 'middle name', email: 'email', phone: 'phone',
    country: 'country', region: 'region', city: 'city', postalCode: 'postal code', address: 'address', comment: 'comment',
    type: 'type', recurrent: 'recurrent', domain: 'domain', link: 'link', utmSource: 'utm_source', utmMedium: 'utm_medium',
    utmCampaign: 'utm_campaign', utmContent: 'utm_content', utmTerm: 'utm_term', tag: 'tag', coupon: 'coupon',
    items: 'items', itemIds: 'item ids',
  },
  ru: {
    id: 'номер', created: 'создан', paid: 'оплачен', status: 'статус', payway: 'способ оплаты', price: 'сумма',
    toPay: 'к оплате', firstName: 'имя', lastName: 'фамилия', middleName: 'отчество', email: 'email', phone: 'телефон',
    country: 'страна', region: 'регион', city: 'город', postalCode: 'индекс', address: 'адрес', comment: 'комментарий',
    type: 'тип', recurrent: 'рекуррентный', domain: 'домен', link: 'ссылка', utmSource: 'utm_source', utmMedium: 'utm_medium',
    utmCampaign: 'utm_campaign', utmContent: 'utm_content', utmTerm: 'utm_term', tag: 'тег', coupon: 'купон',
    items: 'товары', itemIds: 'id товаров',
  },
};
