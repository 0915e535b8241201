// A shop's orders for the chart and export benchmarks: realistic fields (Cyrillic names, utm, partners,
// a hostile comment now and then), paid through the day with a quiet night, deterministic.
import type { Order } from '../../src/domain/justclick.js';

export function shopOrders(count: number, from: Date, to: Date): Order[] {
  let seed = 20_261_128;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const start = Math.floor(from.getTime() / 1000);
  const span = Math.floor(to.getTime() / 1000) - start;
  return Array.from({ length: count }, (_, i): Order => {
    const created = start + Math.floor((i / count) * span);
    const paid = i % 3 === 2 ? null : created + Math.floor(random() * 3_600);
    const price = (990 + Math.floor(random() * 9_000)) * 100;
    // biome-ignore format: an order, packed by hand
    return {
      id: String(500_000 + i), firstName: 'Мария', lastName: 'Иванова-Петрова', middleName: 'Сергеевна',
      email: `buyer${i}@example.ru`, phone: '+7 (912) 345-67-89', city: 'Екатеринбург', country: 'Россия',
      address: 'ул. Малышева, д. 51, кв. 12', region: 'Свердловская область', postalcode: '620014', created, paid,
      payStatus: paid === null ? 'waiting' : 'paid', type: 'order', payway: i % 2 ? 'Робокасса' : 'ЮKassa',
      comment: i % 7 === 0 ? '=HYPERLINK("http://evil.example")' : i % 5 === 0 ? 'Позвоните после 18:00, пожалуйста' : '',
      domain: 'shop.justclick.ru', link: `https://shop.justclick.ru/order/${i}`,
      utm: i % 2 ? { source: 'vk', medium: 'cpc', campaign: 'осень-2026', content: 'banner', term: 'курс' } : {},
      price, toPay: paid === null ? price : 0, isRecurrent: i % 11 === 0, tag: 'vip', kupon: i % 4 ? '' : 'SALE10',
      items: [
        { id: 'course', title: 'Курс «Продажи без выгорания»', sum: price - 500_00, price: price, partners: i % 3 ? [] : [{ id: 'p1', name: 'Анна', level: 1, fee: 10_000 }] },
        { id: 'book', title: 'Рабочая тетрадь', sum: 500_00, price: 500_00, partners: [] },
      ],
    };
  });
}
