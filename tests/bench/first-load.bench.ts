// A reader's first visit in headless Chromium: bytes transferred (gzipped, as Cloudflare serves
// them) and the time to the first chart, against a plain static page from the same server.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildDashboard } from '../../dashboard/build.ts';
import { launch } from '../browser/browser.ts';
import { ensureChromium } from '../browser/ensure-chromium.ts';
import { startWranglerDev } from '../browser/wrangler-dev.ts';
import { fmt, median, printTable } from './measure.ts';

const RUNS = 7;

export async function run(): Promise<void> {
  ensureChromium();
  await buildDashboard();
  // The floor: a page with nothing to fetch but itself, served the same way (for this run only).
  writeFileSync(
    'dist/dashboard/bench-floor.html',
    '<!doctype html><title>floor</title><h1>Static page</h1>',
  );
  const server = await startWranglerDev();
  const browser = await launch();
  try {
    await fetch(`${server.url}/api/summary`);
    // Bytes: every response of a first load, gzipped the way the edge would send it.
    const page = await browser.newPage();
    const urls: string[] = [];
    page.on('response', (r) => urls.push(r.url()));
    await page.goto(server.url);
    await page.locator('mr-breakdown-chart g.segment').first().waitFor();
    await page.locator('mr-recommendation-table tbody tr').first().waitFor();
    await page.close();
    const sizes: [string, number, number][] = [];
    for (const url of [...new Set(urls)]) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      sizes.push([new URL(url).pathname, body.length, gzipSync(body, { level: 9 }).length]);
    }
    const total = sizes.reduce((n, [, , gz]) => n + gz, 0);
    printTable('First load, bytes (gzipped as served by Cloudflare)', [
      ['resource', 'raw', 'gzip'],
      ...sizes.map(([path, raw, gz]) => [
        path,
        `${(raw / 1024).toFixed(1)} KB`,
        `${(gz / 1024).toFixed(1)} KB`,
      ]),
      ['total', '', `${(total / 1024).toFixed(1)} KB`],
    ]);
    console.log(`  total vs the 80 KB target: ${((total / 1024 / 80) * 100).toFixed(0)}%`);

    // Time: navigation to the first chart segment drawn, and to a static page's load, fresh each run.
    const chart: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(`${server.url}/bench-floor.html`, { waitUntil: 'load' });
      floor.push(
        await p.evaluate(
          () =>
            (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .loadEventEnd,
        ),
      );
      await context.close();
      const fresh = await browser.newContext();
      const q = await fresh.newPage();
      await q.goto(server.url, { waitUntil: 'commit' });
      const drawn = await q.waitForFunction(
        () => {
          const app = document.querySelector('mr-app')?.shadowRoot;
          const chartElement = app?.querySelector('mr-breakdown-chart')?.shadowRoot;
          return chartElement?.querySelector('g.segment') ? performance.now() : null;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      chart.push((await drawn.jsonValue()) as number);
      await fresh.close();
    }
    printTable(`Time to the first chart, headless Chromium (median of ${RUNS})`, [
      ['page', 'median'],
      ['dashboard: navigation → first chart drawn', fmt(median(chart))],
      ['static page: navigation → load', fmt(median(floor))],
    ]);
    console.log(`  first chart / static floor: ${(median(chart) / median(floor)).toFixed(1)}×`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
