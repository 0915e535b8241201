// An order as JustClick's API sends it (the PHP side's JSON: strings everywhere), for what must produce the
// same answers: the built-in demo shop, and the fake JustClick the tests run against.

export interface RawPartner {
  partner_lvl: string;
  partner_id: string;
  partner_name: string;
  partner_fee: string;
}

export interface RawItem {
  id: string;
  title: string;
  sum: string;
  price: string;
  partners: RawPartner[];
}

/** An order as JustClick's PHP sends it: strings everywhere, `paid: "0"` while unpaid, `utm: []` when empty. */
export interface RawOrder {
  id: string;
  first_name: string;
  last_name: string;
  middle_name: string;
  email: string;
  phone: string;
  city: string;
  country: string;
  address: string;
  region: string;
  postalcode: string;
  created: string;
  pay_status: string;
  paid: string;
  type: string;
  payway: string;
  comment: string;
  domain: string;
  link: string;
  utm: Record<string, string> | [];
  price: string;
  good_count: string;
  is_recurrent: string;
  bill_sum_topay: string;
  tag: string;
  kupon: string;
  items: RawItem[];
}

/** The fields GetOrders lists (no goods); getOrdersWithGoods adds the rest of RawOrder. */
// biome-ignore format: a field list, packed by hand
export const GET_ORDERS_FIELDS = [
  'id', 'first_name', 'last_name', 'middle_name', 'email', 'phone', 'city', 'country', 'address', 'region',
  'postalcode', 'created', 'pay_status', 'paid', 'type', 'payway', 'comment', 'domain', 'link', 'utm', 'price',
] as const satisfies readonly (keyof RawOrder)[];
