// /top as Telegram HTML: the period's paid total with its change, then each breakdown's rows with count,
// sum and share. Titles come from buyers' and sellers' typing: escaped and clipped here.
import type { Breakdown, BreakdownRow, PartnerRow, TopBreakdowns } from '../top.js';
import { describeChange } from '../comparison.js';
import { comparisonLine, type Glance } from '../glance.js';
import { escapeHtml, html, joinHtml, type Html } from './html.js';
import { formatMoney } from './money.js';
import { clipLine } from './text.js';
import { describePeriod } from './dates.js';
import { glanceText } from '../i18n/glance.js';
import { topText } from '../i18n/top.js';
import type { Lang } from '../i18n/lang.js';
import type { Minor } from '../justclick.js';

/** Row titles are cut to this: six breakdowns of six rows stay within one message. */
const TITLE_MAX = 48;

export interface TopRenderOptions {
  timeZone: string;
  lang: Lang;
  currency: string;
}

/** "42%", "<1%" for a share that is there but rounds to nothing. */
export function formatShare(share: number): string {
  const percent = Math.round(share * 100);
  return percent === 0 && share > 0 ? '<1%' : `${percent}%`;
}

/** The header every glance answer starts with: title, paid in the period, the change. */
export function glanceHeader(title: Html, glance: Glance, opts: TopRenderOptions): Html {
  const t = glanceText[opts.lang];
  return joinHtml(
    [
      title,
      t.paidInPeriod(glance.current.count, formatMoney(glance.current.revenue, opts.currency, opts.lang)),
      comparisonLine(glance, opts.timeZone, opts.lang, opts.currency),
    ],
    '\n',
  );
}

/** One account's glance in an "@all" answer; null: JustClick did not answer for it. */
export interface AccountGlance {
  label: string;
  glance: Glance | null;
}

/** The header of an "@all" answer: title, the total paid and its change, then a line per account. */
export function accountsHeader(title: Html, total: Glance, accounts: readonly AccountGlance[], opts: TopRenderOptions): Html {
  const t = glanceText[opts.lang];
  const lines = accounts.map(({ label, glance: g }) =>
    t.accountLine(
      label,
      g === null
        ? null
        : {
            count: g.current.count,
            sum: formatMoney(g.current.revenue, opts.currency, opts.lang),
            change: describeChange(g.current.revenue, g.previous.revenue, opts.lang, opts.currency),
          },
    ),
  );
  return joinHtml([glanceHeader(title, total, opts), ...lines], '\n');
}

/**
 * /top as a message. `combined` ("@all"): the accounts' header instead of the one-account one, and the
 * rows that are one account's (products, partners) name it, by their index into `labels`.
 */
export function renderTop(top: TopBreakdowns, glance: Glance, opts: TopRenderOptions, combined?: { header: Html; labels: readonly string[] }): Html {
  const t = glanceText[opts.lang];
  const words = topText[opts.lang];
  const money = (m: Minor) => formatMoney(m, opts.currency, opts.lang);
  const header = combined?.header ?? glanceHeader(t.topTitle(describePeriod(glance.period, opts.lang)), glance, opts);
  const whose = (row: BreakdownRow) => {
    const label = row.account === undefined ? undefined : combined?.labels[row.account];
    return label === undefined ? html`` : html` · <i>${escapeHtml(clipLine(label, TITLE_MAX))}</i>`;
  };
  if (top.orders === 0) return joinHtml([header, html``, t.noPaidOrders], '\n');

  const section = <Row extends BreakdownRow>(title: string, b: Breakdown<Row>, nameless: string, fee?: (row: Row) => Minor | null): Html[] => {
    const lines = [html``, t.section(title)];
    b.rows.forEach((row, i) => {
      const name = html`${row.title === null ? html`<i>${escapeHtml(nameless)}</i>` : escapeHtml(clipLine(row.title, TITLE_MAX))}${whose(row)}`;
      const paidOut = fee?.(row) ?? null;
      lines.push(t.topRow(`${i + 1}.`, name, money(row.sum), row.count, formatShare(row.share), paidOut === null ? null : money(paidOut)));
    });
    if (b.other)
      lines.push(t.topRow('…', html`<i>${escapeHtml(words.other(b.other.rows))}</i>`, money(b.other.sum), b.other.count, formatShare(b.other.share), null));
    return lines;
  };
  // A breakdown where nothing was given at all (no order carried a utm_medium) says nothing: leave it out.
  const given = (b: Breakdown) => b.rows.some((r) => r.key !== null);

  const lines: Html[] = [header];
  lines.push(...section(words.products, top.products, words.noGoods));
  lines.push(...section(words.sources, top.sources, words.direct));
  if (given(top.mediums)) lines.push(...section(words.mediums, top.mediums, words.notSet));
  if (given(top.campaigns)) lines.push(...section(words.campaigns, top.campaigns, words.notSet));
  lines.push(...section(words.payways, top.payways, words.noPayway));
  if (given(top.partners)) {
    lines.push(...section(words.partners, top.partners, words.noPartner, (row: PartnerRow) => (row.key === null ? null : row.fee)));
    lines.push(t.netRevenue(words.netRevenue, money(top.netRevenue), money(top.fees)));
  }
  return joinHtml(lines, '\n');
}
