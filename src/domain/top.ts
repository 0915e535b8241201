// /top: where a period's paid revenue came from — products, traffic sources (utm source, medium,
// campaign), payment methods and partners — each row with its count, sum and share. Pure.
import type { Minor, Order } from './justclick.js';
import type { TimeRange } from './calendar.js';
import { isPaid, uniqueOrders } from './order-facts.js';

/** How many rows each breakdown lists before the rest goes into "other". */
const TOP_ROWS = 5;

export interface BreakdownRow {
  /** What the row groups by, folded to lower case for text typed by people ("VK" and "vk" are one source); null: none given. */
  key: string | null;
  /** The first spelling seen (products: the latest title); null when none was given (direct traffic, no payway). */
  title: string | null;
  count: number;
  sum: Minor;
  /** sum / the breakdown's total, 0…1; 0 when the total is 0. */
  share: number;
  /**
   * Which account the row belongs to (an index into combinedTopBreakdowns' parts): products and partners
   * of several accounts are told apart; sources and payment methods add up across them.
   */
  account?: number;
}

/** The rows past the limit, merged. */
export interface OtherRows {
  /** How many rows were merged. */
  rows: number;
  count: number;
  sum: Minor;
  share: number;
}

export interface Breakdown<Row extends BreakdownRow = BreakdownRow> {
  /** By sum, then count, then title; at most the limit. */
  rows: Row[];
  other: OtherRows | null;
  /** What the shares are of. */
  total: Minor;
}

export interface PartnerRow extends BreakdownRow {
  /** The partner's fees from these orders. */
  fee: Minor;
}

export interface TopBreakdowns {
  /** Orders paid within the period and still paid. */
  orders: number;
  revenue: Minor;
  /**
   * Per product (by id, or title when there is none): count is order lines, sum what was paid for them;
   * an order listed without goods (GetOrders) is one row with key null and its total. Shares are of
   * these sums, which may differ from `revenue` when an order's lines do not add up to its total.
   */
  products: Breakdown;
  /** Per utm_source, utm_medium, utm_campaign and payment method: count is orders, sum their totals. */
  sources: Breakdown;
  mediums: Breakdown;
  campaigns: Breakdown;
  payways: Breakdown;
  /**
   * Per partner (from items[].partners[]): count is orders, sum what the lines they are on were paid,
   * fee their fees; key null is what sold without a partner. A line with a first- and a second-level
   * partner counts for both, so the shares (of `revenue`) may add up to more than 1.
   */
  partners: Breakdown<PartnerRow>;
  /** All partner fees of the period. */
  fees: Minor;
  /** revenue − fees: what the seller keeps after paying partners. */
  netRevenue: Minor;
}

interface Tally {
  key: string | null;
  account: number | null;
  title: string | null;
  count: number;
  sum: Minor;
  fee: Minor;
  /** Orders already counted (an order with two lines of one product or partner counts once for partners). */
  lastOrder: string | null;
}

class Tallies {
  private readonly byKey = new Map<string | null, Tally>();

  /** `account`: the row is that account's own (a product, a partner), not added up with the same key of another. */
  add(key: string | null, title: string | null, sum: Minor, orderId: string | null, fee = 0, titleWins = false, account: number | null = null): void {
    const scoped = account === null || key === null ? key : `${account}\u0000${key}`;
    let t = this.byKey.get(scoped);
    if (!t) this.byKey.set(scoped, (t = { key, account: key === null ? null : account, title, count: 0, sum: 0, fee: 0, lastOrder: null }));
    else if (titleWins && title) t.title = title;
    // Counting orders: an order adds 1 once however many of its lines land here (lines of one order arrive together).
    if (orderId === null || t.lastOrder !== orderId) t.count += 1;
    t.lastOrder = orderId;
    t.sum += sum;
    t.fee += fee;
  }

  breakdown(limit: number, total?: Minor): Breakdown<PartnerRow> {
    const all = [...this.byKey.values()].sort(
      (a, b) => b.sum - a.sum || b.count - a.count || (a.title ?? '').localeCompare(b.title ?? '') || (a.key ?? '').localeCompare(b.key ?? ''),
    );
    const base = total ?? all.reduce((s, t) => s + t.sum, 0);
    const share = (sum: Minor) => (base === 0 ? 0 : sum / base);
    const rows = all.slice(0, limit).map((t) => ({
      key: t.key,
      title: t.title,
      count: t.count,
      sum: t.sum,
      share: share(t.sum),
      fee: t.fee,
      ...(t.account === null ? {} : { account: t.account }),
    }));
    const rest = all.slice(limit);
    const restSum = rest.reduce((s, t) => s + t.sum, 0);
    const other = rest.length === 0 ? null : { rows: rest.length, count: rest.reduce((s, t) => s + t.count, 0), sum: restSum, share: share(restSum) };
    return { rows, other, total: base };
  }
}

const typed = (value: string | undefined): string | null => {
  const v = value?.trim() ?? '';
  return v === '' ? null : v;
};

/** Drops the partner-only `fee` from the rows of a breakdown that has none. */
const plain = (b: Breakdown<PartnerRow>): Breakdown => ({ ...b, rows: b.rows.map(({ fee: _fee, ...row }) => row) });

/** The breakdowns of the orders paid within [period.from, period.to) and still paid, `limit` rows each. */
export function topBreakdowns(orders: readonly Order[], period: TimeRange, limit = TOP_ROWS): TopBreakdowns {
  return breakdownsOf([orders], period, limit, false);
}

/**
 * The breakdowns of several accounts' orders ranked together ("/top @all"): a product or partner row is one
 * account's (`account`: its index in `accounts`), a source or payment method adds up across accounts.
 */
export function combinedTopBreakdowns(accounts: readonly (readonly Order[])[], period: TimeRange, limit = TOP_ROWS): TopBreakdowns {
  return breakdownsOf(accounts, period, limit, true);
}

function breakdownsOf(accounts: readonly (readonly Order[])[], period: TimeRange, limit: number, scoped: boolean): TopBreakdowns {
  const from = period.from.getTime();
  const to = period.to.getTime();
  // Order ids are each account's own: two accounts may both have an order 101.
  const paid = accounts.flatMap((orders, account) =>
    uniqueOrders(orders)
      .filter((o) => isPaid(o) && o.paid !== null && o.paid * 1000 >= from && o.paid * 1000 < to)
      .map((o) => ({ o, account: scoped ? account : null, orderKey: `${account}/${o.id}` })),
  );

  const products = new Tallies();
  const sources = new Tallies();
  const mediums = new Tallies();
  const campaigns = new Tallies();
  const payways = new Tallies();
  const partners = new Tallies();
  let revenue = 0;
  let fees = 0;

  for (const { o, account, orderKey } of paid) {
    revenue += o.price;
    for (const [tallies, value] of [
      [sources, o.utm.source],
      [mediums, o.utm.medium],
      [campaigns, o.utm.campaign],
      [payways, o.payway],
    ] as const) {
      const title = typed(value);
      tallies.add(title?.toLowerCase() ?? null, title, o.price, orderKey);
    }

    if (o.items.length === 0) {
      products.add(null, null, o.price, null);
      partners.add(null, null, o.price, orderKey);
      continue;
    }
    for (const item of o.items) {
      const title = typed(item.title);
      products.add(typed(item.id) ?? title?.toLowerCase() ?? null, title, item.sum, null, 0, true, account);
      if (item.partners.length === 0) partners.add(null, null, item.sum, orderKey);
      for (const p of item.partners) {
        const name = typed(p.name);
        partners.add(typed(p.id) ?? name?.toLowerCase() ?? null, name, item.sum, orderKey, p.fee, false, account);
        fees += p.fee;
      }
    }
  }

  return {
    orders: paid.length,
    revenue,
    products: plain(products.breakdown(limit)),
    sources: plain(sources.breakdown(limit, revenue)),
    mediums: plain(mediums.breakdown(limit, revenue)),
    campaigns: plain(campaigns.breakdown(limit, revenue)),
    payways: plain(payways.breakdown(limit, revenue)),
    partners: partners.breakdown(limit, revenue),
    fees,
    netRevenue: revenue - fees,
  };
}
