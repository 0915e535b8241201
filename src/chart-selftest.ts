// `npm run chart:selftest`: proves this machine (the Docker image's final stage) can draw a chart with
// Cyrillic text — resvg's native binary loads and the bundled font is there. Exits 1 otherwise, so a
// build that lost the font fails instead of sending sellers charts without a word on them.
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FILE, renderRevenueChart } from './domain/chart/revenue-chart.js';
import { revenueSeries } from './domain/revenue-series.js';

const WORDS = 'Выручка · 1 234 ₽';
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><rect width="400" height="80" fill="#fff"/><text x="10" y="55" font-size="40" font-family="DejaVu Sans" fill="#000">${WORDS}</text></svg>`;

/** Pixels that are not white: the text, and nothing else is drawn on the white square. */
function inked(withFont: boolean): number {
  const image = new Resvg(svg, {
    font: { fontFiles: withFont ? [CHART_FONT_FILE] : [], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    logLevel: 'off',
  }).render();
  let count = 0;
  for (let i = 0; i < image.pixels.length; i += 4) if (image.pixels[i]! < 200) count++;
  return count;
}

try {
  const withFont = inked(true);
  const withoutFont = inked(false);
  // The whole chart path too: series, SVG, resvg, our PNG encoder.
  const day = { from: new Date('2026-11-28T00:00:00Z'), to: new Date('2026-11-29T00:00:00Z') };
  const png = renderRevenueChart({ current: revenueSeries([], day, 'UTC'), previous: null, title: WORDS, lang: 'ru', currency: 'RUB', theme: 'light' });
  // "Выручка · 1 234 ₽" at 40 px covers a few thousand dark pixels; a missing font draws none.
  const ok = withFont > 1_000 && withoutFont === 0 && png.subarray(1, 4).toString('latin1') === 'PNG';
  console.log(
    `chart selftest: ${withFont} text pixels with ${CHART_FONT_FILE}, ${withoutFont} without it, chart PNG ${png.length} bytes — ${ok ? 'ok' : 'FAILED'}`,
  );
  process.exit(ok ? 0 : 1);
} catch (err) {
  console.error(`chart selftest FAILED: ${(err as Error).message}`);
  process.exit(1);
}
