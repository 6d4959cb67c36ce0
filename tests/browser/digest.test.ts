// The round digest in the browser: sentences and charts of what moved between Time 2 and Time 3,
// one printed A4 page, in Arabic too, and through a donor's scoped link.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { I18n } from '../../dashboard/i18n/i18n.ts';
import { launch, openPage, screenshot } from './browser.ts';
import { axeViolations, expectClean } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function digestReady(page: Page) {
  await page.locator('mr-digest ul.totals li').first().waitFor();
  await page.locator('mr-digest svg.chart.pillar g.segment').first().waitFor();
}

const texts = (page: Page, selector: string) =>
  page
    .locator(`mr-digest ${selector}`)
    .allTextContents()
    .then((all) => all.map((t) => t.trim()));

/** Pages in a PDF Chromium printed: one /Type /Page object each. */
const pdfPages = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('the round digest', () => {
  it('says what moved between the last two rounds, in sentences and bars', async () => {
    const watched = await openPage(browser, `${inject('filledUrl')}/digest`);
    const { page } = watched;
    await digestReady(page);
    const today = new I18n('en').date(new Date().toISOString());
    expect(await texts(page, 'h1')).toEqual(['Round digest: Time 2 → Time 3']);
    expect(await texts(page, 'ul.totals li')).toEqual([
      'Newly completed: 31.',
      'Newly discarded: 2.',
      'Still open in both rounds: 10.',
      'Back to open after being completed or discarded: 5.',
      `Overdue (accepted, not completed, past their due date) as of ${today}: 4.`,
    ]);
    const pillars = await texts(page, 'section:has(#digest-pillar) ul.sentences li');
    expect(pillars).toHaveLength(5);
    expect(pillars[1]).toBe(
      '2. Institutional Accountability and Transparency: 7 newly completed, 1 newly discarded, 3 still open, 1 overdue.',
    );
    expect((await texts(page, 'section:has(#digest-unit) ul.sentences li'))[0]).toBe(
      'PSEAH: 24 newly completed, 0 newly discarded, 6 still open, 3 overdue.',
    );
    // The bars carry the same counts.
    const bar = await page
      .locator('mr-digest svg.chart.pillar g.row')
      .nth(1)
      .locator('g.segment')
      .evaluateAll((s) => s.map((e) => e.getAttribute('aria-label')));
    expect(bar).toEqual([
      '2. Institutional Accountability and Transparency: 7 newly completed',
      '2. Institutional Accountability and Transparency: 3 still open',
      '2. Institutional Accountability and Transparency: 1 newly discarded',
      '2. Institutional Accountability and Transparency: 1 back to open',
    ]);
    expect(await texts(page, '.lists h2')).toEqual([
      'Newly completed recommendations (31)',
      'Back to open (5)',
      'Overdue (4)',
    ]);
    expect(await texts(page, '.lists section:last-child li strong')).toEqual([
      '#15',
      '#30',
      '#45',
      '#60',
    ]);
    await screenshot(page, 'digest-en');
    expect(await axeViolations(page)).toEqual([]);
    await expectClean(watched);
    await watched.context.close();
  });

  it('prints on one A4 page, without the controls', async () => {
    const watched = await openPage(browser, `${inject('filledUrl')}/digest`);
    const { page } = watched;
    await digestReady(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print this digest' }).isVisible()).toBe(false);
    expect(await page.locator('mr-topbar').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', path: 'tests/artifacts/digest.pdf' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdfPages(pdf)).toBe(1);
    await watched.context.close();
  });

  it('reads right to left in Arabic, bars mirrored', async () => {
    const watched = await openPage(browser, `${inject('filledUrl')}/digest?lang=ar`);
    const { page } = watched;
    await digestReady(page);
    const ar = new I18n('ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await texts(page, 'ul.totals li')).toContain(ar.t('digest.completed', { count: 31 }));
    const [first, second] = await page
      .locator('mr-digest svg.chart.pillar g.row')
      .first()
      .locator('g.segment rect')
      .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect()));
    expect(first!.left).toBeGreaterThanOrEqual(second!.right - 0.5);
    await screenshot(page, 'digest-ar');
    const pdf = await page.pdf({ format: 'A4', path: 'tests/artifacts/digest-ar.pdf' });
    expect(pdfPages(pdf)).toBe(1);
    await expectClean(watched);
    await watched.context.close();
  });

  it('says what is wrong with rounds that cannot be compared', async () => {
    const watched = await openPage(
      browser,
      `${inject('filledUrl')}/digest?from=Time%203&to=Time%202`,
    );
    const { page } = watched;
    await expect
      .poll(() => page.locator('mr-digest [role="alert"]').textContent())
      .toBe("'from' (Time 3) must be an earlier round than 'to' (Time 2).");
    // The failed request is the only console error, and it is the API's 400.
    expect(watched.errors.every((e) => e.includes('400'))).toBe(true);
    await watched.context.close();
  });

  it('opens for a donor through a share link, scoped and in the link’s language', async () => {
    const admin = await openPage(browser, `${inject('filledUrl')}/admin`);
    await admin.page.getByRole('heading', { name: 'Donor share links' }).waitFor();
    await admin.page.getByLabel('Label').fill('Bureau de Genève – pilier 4');
    await admin.page.getByLabel('4. Quality and Accessible Victim Assistance').check();
    await admin.page.getByLabel('Language of the shared view').selectOption('fr');
    await admin.page.getByRole('button', { name: 'Create link' }).click();
    const url = (await admin.page.locator('mr-admin .created code').textContent())!;
    await admin.context.close();

    const donor = await openPage(browser, url);
    const { page } = donor;
    await page.locator('mr-breakdown-chart g.segment').first().waitFor();
    expect(page.url()).toMatch(/\/shared\/\?lang=fr$/);
    const fr = new I18n('fr');
    await page.getByRole('link', { name: fr.t('nav.digest') }).click();
    await digestReady(page);
    expect(new URL(page.url()).pathname).toBe('/shared/digest');
    // Pillar 4 only: 9 recommendations, of which 4 newly completed, 1 still open, 1 back to open.
    expect(await texts(page, 'p.intro')).toEqual([
      fr.t('digest.intro', { from: 'Time 2', to: 'Time 3', total: 9 }),
    ]);
    expect((await texts(page, 'ul.totals li')).slice(0, 3)).toEqual([
      fr.t('digest.completed', { count: 4 }),
      fr.t('digest.discarded', { count: 0 }),
      fr.t('digest.stillOpen', { count: 1 }),
    ]);
    expect(await texts(page, 'section:has(#digest-pillar) ul.sentences li')).toHaveLength(1);
    expect(await page.getByRole('link', { name: fr.t('nav.admin') }).count()).toBe(0);
    await screenshot(page, 'digest-donor-fr');
    await expectClean(donor);
    await donor.context.close();
  });
});
