// The dashboard in English, French, Spanish and Arabic: every label from the language's catalogue,
// numbers and dates in its format, Arabic right to left with mirrored charts; a screenshot each.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CATALOGUES, I18n, LOCALES } from '../../dashboard/i18n/i18n.ts';
import { launch, openPage, screenshot } from './browser.ts';
import { axeViolations, expectClean, ready, segmentLabels, tableCount } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const documentLang = (page: Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** Each segment's box and status, in the first row of the pillar chart. */
const firstRowSegments = (page: Page) =>
  page
    .locator('mr-breakdown-chart[dimension="pillar"] g.row')
    .first()
    .locator('g.segment')
    .evaluateAll((segments) =>
      segments.map((s) => {
        const box = s.querySelector('rect')!.getBoundingClientRect();
        return { status: s.getAttribute('data-status'), left: box.left, right: box.right };
      }),
    );

describe('the dashboard in each language', () => {
  it.each(LOCALES)(
    '%s: labels, numbers and dates in the language, with a screenshot',
    async (locale) => {
      const i18n = new I18n(locale);
      const watched = await openPage(browser, `${inject('filledUrl')}/?lang=${locale}`);
      await ready(watched);
      const { page } = watched;
      expect(await documentLang(page)).toEqual([locale, locale === 'ar' ? 'rtl' : 'ltr']);
      expect(await page.title()).toBe(`${i18n.t('app.title')} – ${i18n.t('app.subtitle')}`);
      const headings = page.locator('mr-breakdown-chart h2');
      expect(await headings.allTextContents()).toEqual(
        (['chart.pillar', 'chart.criterion', 'chart.unit', 'chart.response'] as const).map((k) =>
          i18n.t(k),
        ),
      );
      // Pillar 1 has 12 completed in Time 3; the round's name stays as the sheet writes it.
      expect((await segmentLabels(page, 'pillar'))[0]).toBe(
        i18n.t('chart.segment', {
          group: i18n.pillar('1'),
          count: 12,
          status: i18n.status('completed'),
          round: 'Time 3',
        }),
      );
      expect(await page.locator('mr-headline dt').first().textContent()).toBe(
        i18n.t('headline.recommendations'),
      );
      await expect.poll(() => tableCount(page)).toBe(i18n.t('table.count', { count: 62 }));
      // #15's due date, as the language writes dates.
      const due = page.locator('mr-recommendation-table tbody tr').nth(14).locator('td.due');
      expect(await due.textContent()).toContain(i18n.date('2025-01-31'));
      expect(await due.textContent()).toContain(i18n.t('table.overdue'));
      // Sheet content stays as written: the recommendation text is the sheet's English.
      expect(
        await page.locator('mr-recommendation-table tbody tr .excerpt').first().textContent(),
      ).toMatch(/PSEAH/);
      await screenshot(page, `dashboard-${locale}`);
      await expectClean(watched);
      await watched.context.close();
    },
  );

  it('lays Arabic out right to left: mirrored bars, the table from the right, digits readable', async () => {
    const watched = await openPage(browser, `${inject('filledUrl')}/?lang=ar`);
    await ready(watched);
    const { page } = watched;
    const rtl = await firstRowSegments(page);
    const [completed, open] = [
      rtl.find((s) => s.status === 'completed')!,
      rtl.find((s) => s.status === 'open')!,
    ];
    // Bars grow from the right: the first status (completed) sits to the right of the next.
    expect(completed.left).toBeGreaterThanOrEqual(open.right - 0.5);
    const chart = await page
      .locator('mr-breakdown-chart[dimension="pillar"] svg.chart')
      .evaluate((svg) => {
        const frame = svg.getBoundingClientRect();
        const label = svg.querySelector('text.label')!.getBoundingClientRect();
        const bar = svg.querySelector('g.segment rect')!.getBoundingClientRect();
        return { frameRight: frame.right, labelLeft: label.left, barRight: bar.right };
      });
    // The label is on the right, the bar to its left.
    expect(chart.labelLeft).toBeGreaterThan(chart.barRight);
    const direction = await page
      .locator('mr-recommendation-table table')
      .evaluate((t) => getComputedStyle(t).direction);
    expect(direction).toBe('rtl');
    const [first, second] = await page
      .locator('mr-recommendation-table thead th')
      .evaluateAll((cells) => cells.slice(0, 2).map((c) => c.getBoundingClientRect().left));
    expect(first!).toBeGreaterThan(second!);
    // Western digits, as the sheet's own numbers are written.
    expect(await page.locator('mr-headline dd').first().textContent()).toBe('62');

    // The same chart in English grows from the left.
    await page.goto(`${inject('filledUrl')}/?lang=en`);
    await ready(watched);
    const ltr = await firstRowSegments(page);
    expect(ltr.find((s) => s.status === 'completed')!.right).toBeLessThanOrEqual(
      ltr.find((s) => s.status === 'open')!.left + 0.5,
    );
    await watched.context.close();
  });

  it('passes an axe scan in Arabic', async () => {
    const watched = await openPage(browser, `${inject('filledUrl')}/?lang=ar`);
    await ready(watched);
    expect(await axeViolations(watched.page)).toEqual([]);
    await watched.context.close();
  });
});

describe('choosing the language', () => {
  it('follows the browser’s language when the address names none', async () => {
    const watched = await openPage(browser, inject('filledUrl'), undefined, 'es-ES');
    await ready(watched);
    expect(await documentLang(watched.page)).toEqual(['es', 'ltr']);
    expect(await watched.page.locator('mr-breakdown-chart h2').first().textContent()).toBe(
      CATALOGUES.es['chart.pillar'],
    );
    await watched.context.close();
  });

  it('switches from the top bar, keeps the choice in the address and in the page links', async () => {
    const watched = await openPage(browser, inject('filledUrl'), undefined, 'en-GB');
    await ready(watched);
    const { page } = watched;
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => documentLang(page)).toEqual(['fr', 'ltr']);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    expect(await page.locator('mr-breakdown-chart h2').first().textContent()).toBe(
      CATALOGUES.fr['chart.pillar'],
    );
    const digest = page.getByRole('link', { name: CATALOGUES.fr['nav.digest'] });
    expect(await digest.getAttribute('href')).toBe('/digest?lang=fr');
    await digest.click();
    await page.locator('mr-digest ul.totals li').first().waitFor();
    expect(await documentLang(page)).toEqual(['fr', 'ltr']);
    await page.reload();
    await page.locator('mr-digest ul.totals li').first().waitFor();
    expect(await page.locator('mr-digest h1').textContent()).toBe(
      new I18n('fr').t('digest.title', { from: 'Time 2', to: 'Time 3' }),
    );
    await expectClean(watched);
    await watched.context.close();
  });
});
