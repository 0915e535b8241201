// A child process that times one XLSX builder alone (today's writer, or the exceljs one it replaced), so
// that its memory is measured from a clean baseline and not on top of whatever the other benchmarks left
// in the parent's heap.
import { setImmediate as tick } from 'node:timers/promises';
import { buildOrdersWorkbook } from '../../src/domain/xlsx.js';
import { buildOrdersWorkbookBefore } from './xlsx-before.js';
import { reply, serve } from './child.js';
import { shopOrders } from './glance-orders.js';

const gc = (globalThis as { gc?: () => void }).gc;

serve(async (message) => {
  if (message.type !== 'run') return;
  const count = Number(message.orders);
  const samples = Number(message.samples);
  const build = message.builder === 'exceljs' ? buildOrdersWorkbookBefore : buildOrdersWorkbook;
  const orders = shopOrders(count, new Date('2026-10-01T00:00:00Z'), new Date('2026-11-28T00:00:00Z'));
  const opts = { timeZone: 'Europe/Moscow', lang: 'ru' as const, currency: 'RUB', title: 'Заказы' };
  await build(orders.slice(0, 500), opts); // warm-up: load the modules, compile
  const times: number[] = [];
  const cpu: number[] = [];
  const rssGrowth: number[] = [];
  const heapGrowth: number[] = [];
  let bytes = 0;
  for (let s = 0; s < samples; s++) {
    gc?.();
    await tick();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    // exceljs streams through the event loop: a sampler every millisecond sees the peaks in between (today's
    // writer runs in one go: the figure after it is its peak, or near).
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 1);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const file = await build(orders, opts);
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    clearInterval(sampler);
    const after = process.memoryUsage();
    rssGrowth.push(Math.max(peakRss, after.rss) - before.rss);
    heapGrowth.push(Math.max(peakHeap, after.heapUsed) - before.heapUsed);
    bytes = file.length;
  }
  reply({ type: 'result', times, cpu, rssGrowth, heapGrowth, bytes, rows: orders.length, items: orders.reduce((n, o) => n + o.items.length, 0) });
});
