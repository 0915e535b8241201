// Cutting an answer into pages that each fit one Telegram message: the header repeated on every page,
// then whole blocks (an order, a line), with room left for the bot's "page 2/7" footer.
import { html, visibleLength, type Html } from './html.js';
import { TELEGRAM_TEXT_LIMIT } from './split.js';

export interface PageLimits {
  /** Visible characters left free on every page (the footer the bot appends). */
  reserve: number;
  /** More blocks than this on one screen stop being readable, however short they are. */
  perPage: number;
  /** What goes between blocks: a blank line for order blocks, a line break for one-line entries. */
  gap: '\n' | '\n\n';
}

/** The header and the blocks as pages; no blocks → the header alone. A block is never split. */
export function packPages(header: Html, blocks: readonly Html[], limits: PageLimits): Html[] {
  const budget = TELEGRAM_TEXT_LIMIT - limits.reserve;
  const join = (page: Html, block: Html) => (limits.gap === '\n' ? html`${page}\n${block}` : html`${page}\n\n${block}`);
  const pages: Html[] = [];
  let page = header;
  let used = visibleLength(header);
  let onPage = 0;
  for (const block of blocks) {
    const cost = visibleLength(block) + limits.gap.length;
    if (onPage > 0 && (onPage === limits.perPage || used + cost > budget)) {
      pages.push(page);
      page = header;
      used = visibleLength(header);
      onPage = 0;
    }
    page = join(page, block);
    used += cost;
    onPage++;
  }
  pages.push(page);
  return pages;
}
