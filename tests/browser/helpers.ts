// What the browser tests share: waiting for the dashboard, reading its charts and table, and
// the checks every page must pass (no console error, no CSP violation, no serious axe finding).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WatchedPage } from './browser.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export const segment = (page: Page, dimension: string, label: string) =>
  page.locator(`mr-breakdown-chart[dimension="${dimension}"] g.segment[aria-label^="${label}"]`);

export async function ready(watched: WatchedPage) {
  await watched.page.locator('mr-breakdown-chart[dimension="pillar"] g.segment').first().waitFor();
  await watched.page.locator('mr-recommendation-table tbody tr').first().waitFor();
}

export async function segmentLabels(page: Page, dimension: string): Promise<string[]> {
  return page
    .locator(`mr-breakdown-chart[dimension="${dimension}"] g.segment`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
}

export async function tableCount(page: Page): Promise<string> {
  return (await page.locator('mr-recommendation-table p[role="status"]').textContent())!.trim();
}

export async function expectClean(watched: WatchedPage) {
  expect(watched.errors).toEqual([]);
  expect(await watched.cspViolations()).toEqual([]);
}

export async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
