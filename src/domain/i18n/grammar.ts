// Every word the /orders grammar knows, by meaning, in Russian and English: the one place to add a
// word form, and the lists /help and the README are copied from. The parser (domain/request.ts) only
// looks words up here; it has no code path per word.
import type { Lang } from './lang.js';

export type Unit = 'day' | 'week' | 'month' | 'quarter' | 'halfYear' | 'year';
export type StatusWord = 'paid' | 'unpaid' | 'cancelled' | 'refunded' | 'all';

export type Meaning =
  /** Words that add nothing: "за", "show me", "please". */
  | { is: 'filler' }
  /** Start and end of a range: "с 1 по 15", "from … to …", "between … and …". */
  | { is: 'from'; since: boolean }
  | { is: 'to' }
  | { is: 'between' }
  | { is: 'and' }
  /** A day named relative to today: 0 today, -1 yesterday, -2 the day before, 1 tomorrow. */
  | { is: 'relativeDay'; offset: number }
  /** "this week", "last month", "next year", "последние 3 дня". */
  | { is: 'which'; which: 'this' | 'last' | 'next' | 'recent' }
  /** `short` forms ("d", "дн", "q") count only after a number: "7d", "Q3". */
  | { is: 'unit'; unit: Unit; short?: true }
  | { is: 'month'; month: number }
  | { is: 'weekday'; weekday: number }
  | { is: 'numeral'; n: number }
  | { is: 'status'; status: StatusWord }
  /** "оплата", "payments": paid orders, unless another word asks for a status. */
  | { is: 'payment' }
  /** "не", "not": "не оплачены" are unpaid orders. */
  | { is: 'not' }
  /** The question asks for a number: "сколько", "how many", "total". */
  | { is: 'summary' }
  /** Money paid: the paid list, summed. */
  | { is: 'revenue' }
  /** "заказ", "order": a number right after it is one order's id. */
  | { is: 'order' }
  /** "покупатель", "buyer": an e-mail or a phone follows. */
  | { is: 'buyer' }
  /** "goods", "товары": product ids follow. */
  | { is: 'goods' };

export interface GrammarEntry {
  meaning: Meaning;
  ru: readonly string[];
  en: readonly string[];
}

const filler: Meaning = { is: 'filler' };
const month = (n: number): Meaning => ({ is: 'month', month: n });
const weekday = (n: number): Meaning => ({ is: 'weekday', weekday: n });
const numeral = (n: number): Meaning => ({ is: 'numeral', n });
const unit = (u: Unit, short?: true): Meaning => (short ? { is: 'unit', unit: u, short } : { is: 'unit', unit: u });

/**
 * Forms are written lower-case with е for ё (the parser folds both); a form of several words
 * ("day before yesterday", "ждут оплаты") is matched as a whole before its single words.
 */
export const GRAMMAR: readonly GrammarEntry[] = [
  {
    meaning: filler,
    ru: [
      'за', 'на', 'в', 'во', 'к', 'у', 'о', 'об', 'про', 'покажи', 'покажите', 'показать', 'мне', 'мои', 'мой', 'моих', 'нам', 'наши',
      'пожалуйста', 'плиз', 'какие', 'какой', 'какая', 'что', 'там', 'есть', 'были', 'было', 'был', 'была', 'ли', 'а', 'ну', 'вот',
      'дай', 'дайте', 'хочу', 'посмотреть', 'глянуть', 'список', 'меня', 'нас', 'вообще', 'бот', 'привет', 'скажи', 'подскажи',
      'выведи', 'отчет', 'выгрузка', 'выгрузи', 'кто', 'которые', 'который', 'которых', 'которая', 'период', 'за период', 'заказы', 'заказов', 'заказам', 'заказах', 'покупки', 'покупок', 'пришло',
      'пришли', 'сделали', 'сделано', 'какое', 'число', 'количество', 'всех', 'по заказам', 'и т д', 'числа',
    ],
    en: [
      'for', 'in', 'the', 'of', 'on', 'at', 'a', 'an', 'show', 'me', 'my', 'our', 'please', 'pls', 'plz', 'list', 'give', 'get',
      'i', 'we', 'want', 'see', 'check', 'what', "what's", 'whats', 'were', 'was', 'is', 'are', 'did', 'do', 'have', 'had', 'there',
      'orders', 'order list', 'purchases', 'hi', 'bot', 'report', 'tell', 'about', 'how', 'so', 'far', 'so far', 'up', 'come', 'came',
      'in total', 'period', 'export', 'who', 'which', 'that', 'all of', 'year of', 'overview', 'by', 'during', 'over', 'within', 'any',
    ],
  },
  /** "from yesterday" names yesterday's orders, "since yesterday" and "со вчера" run up to now. */
  { meaning: { is: 'from', since: true }, ru: ['с', 'со', 'от', 'начиная с', 'начиная со'], en: ['since', 'starting', 'starting from', 'beginning'] },
  { meaning: { is: 'from', since: false }, ru: [], en: ['from'] },
  { meaning: { is: 'to' }, ru: ['по', 'до', 'и по'], en: ['to', 'till', 'until', 'through', 'thru', 'up to'] },
  { meaning: { is: 'between' }, ru: ['между', 'в период с', 'в промежутке'], en: ['between'] },
  { meaning: { is: 'and' }, ru: ['и'], en: ['and'] },

  { meaning: { is: 'relativeDay', offset: 0 }, ru: ['сегодня', 'сегодняшние', 'сегодняшний', 'сегодняшняя', 'сегодняшних', 'сегодняшнюю', 'сейчас', 'сёдня', 'седня'], en: ['today', "today's", 'todays', 'now', 'tonight', 'this day'] },
  { meaning: { is: 'relativeDay', offset: -1 }, ru: ['вчера', 'вчерашние', 'вчерашний', 'вчерашняя', 'вчерашних', 'вчерашнюю', 'вчерашнее', 'вчерашнего'], en: ['yesterday', "yesterday's", 'yesterdays', 'yday'] },
  { meaning: { is: 'relativeDay', offset: -2 }, ru: ['позавчера', 'позавчерашние', 'позавчерашний', 'позавчерашних', 'позавчерашнюю'], en: ['day before yesterday', 'the day before yesterday', 'two days ago'] },
  { meaning: { is: 'relativeDay', offset: 1 }, ru: ['завтра', 'завтрашние', 'послезавтра'], en: ['tomorrow', 'day after tomorrow'] },

  {
    meaning: { is: 'which', which: 'this' },
    ru: ['этот', 'эта', 'это', 'эту', 'этой', 'этом', 'этого', 'текущий', 'текущая', 'текущую', 'текущей', 'текущем', 'текущего', 'нынешний', 'нынешняя', 'нынешнюю', 'нынешнем', 'нынешней', 'сей', 'сего'],
    en: ['this', 'current', 'the current'],
  },
  {
    meaning: { is: 'which', which: 'last' },
    ru: ['прошлый', 'прошлая', 'прошлое', 'прошлую', 'прошлой', 'прошлом', 'прошлого', 'прошедший', 'прошедшая', 'прошедшую', 'прошедшей', 'прошедшем', 'прошедшего', 'предыдущий', 'предыдущая', 'предыдущую', 'предыдущей', 'предыдущем', 'предыдущего', 'минувший', 'минувшая', 'минувшую', 'минувшей', 'минувшем'],
    en: ['last', 'previous', 'prev', 'past', 'the last', 'the previous', 'the past'],
  },
  {
    meaning: { is: 'which', which: 'next' },
    ru: ['следующий', 'следующая', 'следующую', 'следующей', 'следующем', 'будущий', 'будущая', 'будущую', 'будущей', 'будущем'],
    en: ['next', 'coming', 'the next'],
  },
  {
    meaning: { is: 'which', which: 'recent' },
    ru: ['последние', 'последний', 'последняя', 'последнюю', 'последней', 'последних', 'последнем', 'последнее', 'крайние', 'крайний', 'крайнюю'],
    en: ['the last few', 'recent', 'latest', 'rolling'],
  },

  { meaning: unit('day'), ru: ['день', 'дня', 'дней', 'дню', 'сутки', 'суток', 'денек'], en: ['day', 'days'] },
  { meaning: unit('day', true), ru: ['д', 'дн'], en: ['d', 'dy', 'dys'] },
  { meaning: unit('week'), ru: ['неделя', 'неделю', 'недели', 'неделе', 'недель', 'неделька', 'недельку', 'неделей'], en: ['week', 'weeks'] },
  { meaning: unit('week', true), ru: ['нед'], en: ['w', 'wk', 'wks'] },
  { meaning: unit('month'), ru: ['месяц', 'месяца', 'месяце', 'месяцев', 'месяцу', 'месяцем'], en: ['month', 'months'] },
  { meaning: unit('month', true), ru: ['мес'], en: ['mo', 'mth'] },
  { meaning: unit('quarter'), ru: ['квартал', 'квартала', 'квартале', 'кварталов', 'кварталу'], en: ['quarter', 'quarters', 'qtr'] },
  { meaning: unit('quarter', true), ru: ['кв'], en: ['q'] },
  { meaning: unit('year'), ru: ['год', 'года', 'году', 'лет', 'годы', 'годом'], en: ['year', 'years', 'yr'] },
  { meaning: unit('halfYear'), ru: ['полгода', 'полугодие', 'полугодия'], en: ['half a year', 'half year', 'six months'] },
  { meaning: unit('year', true), ru: ['г', 'гг'], en: [] },

  { meaning: month(1), ru: ['январь', 'января', 'январе', 'янв'], en: ['january', 'jan'] },
  { meaning: month(2), ru: ['февраль', 'февраля', 'феврале', 'фев', 'февр'], en: ['february', 'feb'] },
  { meaning: month(3), ru: ['март', 'марта', 'марте', 'мар'], en: ['march', 'mar'] },
  { meaning: month(4), ru: ['апрель', 'апреля', 'апреле', 'апр'], en: ['april', 'apr'] },
  { meaning: month(5), ru: ['май', 'мая', 'мае'], en: ['may'] },
  { meaning: month(6), ru: ['июнь', 'июня', 'июне', 'июн'], en: ['june', 'jun'] },
  { meaning: month(7), ru: ['июль', 'июля', 'июле', 'июл'], en: ['july', 'jul'] },
  { meaning: month(8), ru: ['август', 'августа', 'августе', 'авг'], en: ['august', 'aug'] },
  { meaning: month(9), ru: ['сентябрь', 'сентября', 'сентябре', 'сен', 'сент'], en: ['september', 'sep', 'sept'] },
  { meaning: month(10), ru: ['октябрь', 'октября', 'октябре', 'окт'], en: ['october', 'oct'] },
  { meaning: month(11), ru: ['ноябрь', 'ноября', 'ноябре', 'ноя', 'нояб'], en: ['november', 'nov'] },
  { meaning: month(12), ru: ['декабрь', 'декабря', 'декабре', 'дек'], en: ['december', 'dec'] },

  { meaning: weekday(1), ru: ['понедельник', 'понедельника', 'пн'], en: ['monday', 'mon'] },
  { meaning: weekday(2), ru: ['вторник', 'вторника', 'вт'], en: ['tuesday', 'tue', 'tues'] },
  { meaning: weekday(3), ru: ['среда', 'среду', 'среды', 'ср'], en: ['wednesday', 'wed'] },
  { meaning: weekday(4), ru: ['четверг', 'четверга', 'чт'], en: ['thursday', 'thu', 'thurs'] },
  { meaning: weekday(5), ru: ['пятница', 'пятницу', 'пятницы', 'пт'], en: ['friday', 'fri'] },
  { meaning: weekday(6), ru: ['суббота', 'субботу', 'субботы', 'сб'], en: ['saturday', 'sat'] },
  { meaning: weekday(7), ru: ['воскресенье', 'воскресенья', 'вс'], en: ['sunday', 'sun'] },

  { meaning: numeral(1), ru: ['один', 'одна', 'одну', 'одни', 'первый', 'первого', 'первом'], en: ['one', 'first'] },
  { meaning: numeral(2), ru: ['два', 'две', 'пару', 'пара', 'второй', 'второго', 'втором'], en: ['two', 'couple', 'a couple', 'second'] },
  { meaning: numeral(3), ru: ['три', 'третий', 'третьего', 'третьем'], en: ['three', 'third'] },
  { meaning: numeral(4), ru: ['четыре', 'четвертый', 'четвертого', 'четвертом'], en: ['four', 'fourth'] },
  { meaning: numeral(5), ru: ['пять'], en: ['five'] },
  { meaning: numeral(6), ru: ['шесть'], en: ['six'] },
  { meaning: numeral(7), ru: ['семь'], en: ['seven'] },
  { meaning: numeral(10), ru: ['десять'], en: ['ten'] },
  { meaning: numeral(14), ru: ['четырнадцать'], en: ['fourteen'] },
  { meaning: numeral(30), ru: ['тридцать'], en: ['thirty'] },

  {
    meaning: { is: 'status', status: 'paid' },
    ru: ['оплаченные', 'оплаченных', 'оплаченный', 'оплаченная', 'оплаченным', 'оплачено', 'оплачен', 'оплачены', 'оплатили', 'оплатил', 'оплаты пришли', 'продажи', 'продаж', 'продажа', 'продажам', 'продажах', 'продано', 'продали', 'проданных', 'платные', 'платежи', 'платежей', 'поступления', 'поступлений'],
    en: ['paid', 'sales', 'sale', 'sold', 'payed', 'paid orders', 'payments received'],
  },
  { meaning: { is: 'payment' }, ru: ['оплата', 'оплаты', 'оплат', 'оплату', 'оплатам'], en: ['payment', 'payments'] },
  {
    meaning: { is: 'status', status: 'unpaid' },
    ru: ['неоплаченные', 'неоплаченных', 'неоплаченный', 'неоплаченная', 'неоплачено', 'неоплачен', 'неоплачены', 'ждут оплаты', 'ожидают оплаты', 'ждущие оплаты', 'ожидающие оплаты', 'в ожидании оплаты', 'без оплаты', 'ожидающие', 'висят', 'висящие', 'брошенные', 'не оплачены', 'не оплачено', 'не оплаченные', 'не оплатили'],
    en: ['unpaid', 'pending', 'awaiting payment', 'waiting for payment', 'waiting', 'not paid', 'outstanding', 'open'],
  },
  {
    meaning: { is: 'status', status: 'cancelled' },
    ru: ['отмененные', 'отмененных', 'отмененный', 'отменено', 'отменен', 'отменены', 'отмена', 'отмены', 'отмен', 'отменили'],
    en: ['cancelled', 'canceled', 'cancel', 'cancellations', 'cancellation', 'cancelled orders'],
  },
  {
    meaning: { is: 'status', status: 'refunded' },
    ru: ['возвраты', 'возврат', 'возвратов', 'возвращенные', 'возвращенных', 'возвращено', 'возвратили', 'вернули', 'рефанды'],
    en: ['refunded', 'refunds', 'refund', 'returned', 'returns', 'moneyback', 'money back', 'chargebacks'],
  },
  { meaning: { is: 'status', status: 'all' }, ru: ['все', 'любые', 'всякие'], en: ['all', 'every', 'everything'] },
  { meaning: { is: 'not' }, ru: ['не', 'ни'], en: ['not', 'non'] },
  {
    meaning: { is: 'summary' },
    ru: ['сколько', 'скока', 'итого', 'итог', 'итоги', 'всего', 'сумма', 'сумму', 'суммы', 'статистика', 'статистику', 'стата', 'стату', 'сводка', 'сводку', 'количество заказов', 'посчитай', 'подсчитай', 'цифры', 'результат', 'результаты'],
    en: ['how many', 'how much', 'total', 'totals', 'sum', 'stats', 'statistics', 'summary', 'count', 'number of', 'figures', 'results', 'numbers'],
  },
  {
    meaning: { is: 'revenue' },
    ru: ['выручка', 'выручку', 'выручки', 'выручкой', 'доход', 'доходы', 'дохода', 'доходов', 'оборот', 'оборота', 'заработал', 'заработали', 'заработано', 'заработок', 'денег', 'деньги', 'касса', 'кассу', 'поступило', 'сколько денег'],
    en: ['revenue', 'revenues', 'income', 'earnings', 'earned', 'earn', 'made', 'make', 'money', 'turnover', 'takings', 'gross'],
  },
  { meaning: { is: 'order' }, ru: ['заказ', 'заказа', 'заказу', 'заказе', 'номер', 'номером', 'счет', 'счета', 'счет номер'], en: ['order', 'order no', 'order number', 'invoice', 'bill', 'nr', 'num', 'number'] },
  { meaning: { is: 'buyer' }, ru: ['покупатель', 'покупателя', 'покупателю', 'покупателей', 'клиент', 'клиента', 'клиенту', 'почта', 'почте', 'почтой', 'емейл', 'имейл', 'телефон', 'телефону', 'тел', 'email', 'e-mail', 'от покупателя'], en: ['buyer', 'buyers', 'customer', 'client', 'email', 'e-mail', 'mail', 'phone', 'tel', 'by buyer', 'customer with'] },
  { meaning: { is: 'goods' }, ru: ['товар', 'товары', 'товаров', 'товару', 'товарам', 'продукт', 'продукты', 'продукту', 'продуктам'], en: ['goods', 'good', 'product', 'products', 'item', 'items'] },
];

/** Phrases a seller can copy, one per line in /help and in the README; every one of them parses (tested). */
export const PHRASE_EXAMPLES: Record<Lang, readonly { phrase: string; meaning: string }[]> = {
  ru: [
    { phrase: 'сегодня', meaning: 'с полуночи до сейчас' },
    { phrase: 'вчера', meaning: 'весь вчерашний день' },
    { phrase: 'позавчера', meaning: 'весь позавчерашний день' },
    { phrase: 'на этой неделе', meaning: 'с понедельника до сейчас' },
    { phrase: 'на прошлой неделе', meaning: 'с понедельника по воскресенье прошлой недели' },
    { phrase: 'в этом месяце', meaning: 'с 1-го числа до сейчас' },
    { phrase: 'за прошлый месяц', meaning: 'весь прошлый месяц' },
    { phrase: 'в ноябре', meaning: 'последний начавшийся ноябрь' },
    { phrase: 'ноябрь 2025', meaning: 'весь ноябрь 2025 года' },
    { phrase: 'прошлый квартал', meaning: 'три месяца прошлого квартала' },
    { phrase: '3 квартал 2026', meaning: 'июль–сентябрь 2026' },
    { phrase: 'в этом году', meaning: 'с 1 января до сейчас' },
    { phrase: 'за 2025 год', meaning: 'весь 2025 год' },
    { phrase: 'за последние 7 дней', meaning: 'последние 7×24 часа до сейчас (так же 7д, 7дн, 7 дней)' },
    { phrase: '25 ноября', meaning: 'один день; год — последний, когда этот день уже наступил' },
    { phrase: '25.11.2026', meaning: 'один день (так же 2026-11-25, 25/11)' },
    { phrase: 'с 1 по 15 ноября', meaning: 'с 1-го по 15-е включительно (так же 1-15 ноября, 01.11-15.11)' },
    { phrase: 'с 25 октября по 5 ноября', meaning: 'диапазон через границу месяца' },
    { phrase: 'с 1 ноября', meaning: 'с 1 ноября до сейчас' },
    { phrase: 'оплаченные вчера', meaning: 'заказы, оплаченные вчера (так же продажи)' },
    { phrase: 'неоплаченные за неделю', meaning: 'созданные за неделю и ещё не оплаченные (так же ждут оплаты)' },
    { phrase: 'отменённые в ноябре', meaning: 'созданные в ноябре и отменённые' },
    { phrase: 'возвраты за месяц', meaning: 'созданные за месяц и возвращённые' },
    { phrase: 'сколько продаж вчера?', meaning: 'только итоги: число, сумма, средний чек' },
    { phrase: 'выручка за прошлую неделю', meaning: 'сумма оплаченного за прошлую неделю' },
    { phrase: 'товары 12,14', meaning: 'только эти товары (номера или часть названия)' },
    { phrase: 'заказ 12345', meaning: 'один заказ (так же #12345, заказ №12345)' },
    { phrase: 'покупатель ivan@example.com', meaning: 'все заказы покупателя по e-mail или телефону' },
  ],
  en: [
    { phrase: 'today', meaning: 'since midnight, up to now' },
    { phrase: 'yesterday', meaning: 'the whole of yesterday' },
    { phrase: 'day before yesterday', meaning: 'the whole day before yesterday' },
    { phrase: 'this week', meaning: 'since Monday, up to now' },
    { phrase: 'last week', meaning: 'Monday to Sunday of the previous week' },
    { phrase: 'this month', meaning: 'since the 1st, up to now' },
    { phrase: 'last month', meaning: 'the whole previous month' },
    { phrase: 'in November', meaning: 'the latest November that has begun' },
    { phrase: 'November 2025', meaning: 'the whole of November 2025' },
    { phrase: 'last quarter', meaning: 'the three months of the previous quarter' },
    { phrase: 'Q3 2026', meaning: 'July to September 2026' },
    { phrase: 'this year', meaning: 'since 1 January, up to now' },
    { phrase: '2025', meaning: 'the whole year 2025' },
    { phrase: 'last 7 days', meaning: 'the last 7×24 hours up to now (also 7d, 7 days)' },
    { phrase: 'Nov 25', meaning: 'one day; the latest 25 Nov that has begun (also 25 nov)' },
    { phrase: '2026-11-25', meaning: 'one day (also 25.11.2026, 25/11)' },
    { phrase: 'nov 1-15', meaning: '1 to 15 November inclusive (also from 1 to 15 november, 01.11-15.11)' },
    { phrase: 'from Oct 25 to Nov 5', meaning: 'a range across a month end' },
    { phrase: 'since Nov 1', meaning: 'from 1 November up to now' },
    { phrase: 'paid yesterday', meaning: 'orders paid yesterday (also sales)' },
    { phrase: 'unpaid this week', meaning: 'created this week and not paid yet (also pending)' },
    { phrase: 'cancelled in November', meaning: 'created in November and cancelled' },
    { phrase: 'refunds this month', meaning: 'created this month and refunded' },
    { phrase: 'how many sales today?', meaning: 'the totals only: count, sum, average check' },
    { phrase: 'revenue last month', meaning: 'the money paid last month' },
    { phrase: 'goods 12,14', meaning: 'these products only (ids or part of the name)' },
    { phrase: 'order 12345', meaning: 'one order (also #12345)' },
    { phrase: 'buyer ivan@example.com', meaning: "all of one buyer's orders, by e-mail or phone" },
  ],
};
