// Parsing time per phrase over the test corpus of sellers' phrasings: parseRequest beside the /orders
// grammar it replaced (a frozen copy in bench/support/period-before.ts), on the same phrases and clock.
import { TZDate } from '@date-fns/tz';
import { parseRequest } from '../src/domain/request.js';
import { MOMENTS } from '../test/unit/period-corpus.data.js';
import { parseOrdersArgs as parseOrdersArgsBefore } from './support/period-before.js';
import type { Study, StudyTable } from './run.js';

const ZONE = 'Europe/Moscow';
const GOAL_P99_US = 50;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;

function localNow(when: string): Date {
  const [date, time] = when.split(' ');
  const [y, m, d] = date!.split('-').map(Number);
  const [h, min] = (time ?? '00:00').split(':').map(Number);
  return new Date(new TZDate(y!, m! - 1, d!, h!, min!, 0, ZONE).getTime());
}

type Parser = (text: string, now: Date) => boolean;

const parsers: { name: string; parse: Parser }[] = [
  { name: '`parseOrdersArgs` before (the grammar on main before this change)', parse: (t, now) => parseOrdersArgsBefore(t, { now, timeZone: ZONE }).ok },
  { name: '`parseRequest` (everyday words)', parse: (t, now) => parseRequest(t, { now, timeZone: ZONE }).ok },
];

async function run({ quick }: { quick: boolean }): Promise<StudyTable[]> {
  const phrases = MOMENTS.flatMap((m) => m.rows.map(([text]) => ({ text, now: localNow(m.now) })));
  const repeats = quick ? 20 : 100;
  const rounds = quick ? 3 : 7;
  const rows: string[][] = [];
  const figures: Record<string, { understood: number; p50Us: number; p99Us: number; maxUs: number }> = {};
  for (const { name, parse } of parsers) {
    for (let w = 0; w < 3; w++) for (const p of phrases) parse(p.text, p.now); // warm-up
    // Each phrase's time is the best of a few rounds of `repeats` calls, so that a GC pause or the
    // other processes on the machine do not count as parsing.
    const perPhrase = phrases.map((p) => {
      let best = Infinity;
      for (let r = 0; r < rounds; r++) {
        const start = performance.now();
        for (let i = 0; i < repeats; i++) parse(p.text, p.now);
        best = Math.min(best, (performance.now() - start) / repeats);
      }
      return best;
    });
    const understood = phrases.filter((p) => parse(p.text, p.now)).length;
    const p50 = percentile(perPhrase, 50);
    const p99 = percentile(perPhrase, 99);
    const max = Math.max(...perPhrase);
    rows.push([name, `${understood} of ${phrases.length}`, us(p50), us(p99), us(max)]);
    figures[name] = { understood, p50Us: p50 * 1000, p99Us: p99 * 1000, maxUs: max * 1000 };
  }
  const now = figures[parsers[1]!.name]!;
  return [
    {
      title: '8. Parsing a phrase: everyday words against the old grammar',
      method:
        `Every phrasing of the test corpus (test/unit/period-corpus.data.ts: ${phrases.length} phrasings at five moments, Russian and English), ` +
        `in ${ZONE}, parsed by the old \`/orders\` grammar (a frozen copy of \`parseOrdersArgs\` as it was before \`parseRequest\`) and by ` +
        `\`parseRequest\`. A phrase's time is the best of ${rounds} rounds of ${repeats} calls, after 3 warm-up passes; p50, p99 and the slowest over the phrases. ` +
        '"Understood" counts the phrasings that parse at all (the old grammar refuses most of them, so its time is often that of a refusal).',
      columns: ['parser', 'phrasings understood', 'p50 per phrase', 'p99 per phrase', 'slowest phrase'],
      rows,
      notes: [
        `Goal: p99 ≤ ${GOAL_P99_US} µs per phrase. Measured ${us(now.p99Us / 1000)} — ${now.p99Us <= GOAL_P99_US ? 'met' : 'NOT met'}.`,
        'A refusal with "Did you mean …?" re-parses a few candidate phrases, so it costs several parses; it is not in this corpus, which holds phrasings that must be understood.',
        'Both parsers find local midnights through src/domain/calendar.ts: the old one through a frozen copy of it (a TZDate per day start, tens of µs), the new one through the current one, which reads wall clocks from one cached Intl formatter per zone and remembers day starts it has found; a day not seen before in a zone costs about three formatter calls (a few µs) once.',
      ],
      figures: { phrases: phrases.length, repeats, rounds, ...figures },
    },
  ];
}

export const studies: Study[] = [{ name: 'phrase parsing', order: 8, run }];
