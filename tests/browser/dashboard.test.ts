// The dashboard in headless Chromium against `wrangler dev` on loopback: what leadership sees,
// what a click does, what a link keeps, what a reader can download, and that it stays safe.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { HOSTILE_COMMENT } from '../fixtures/filled-matrix.ts';
import { launch, openPage, screenshot, type WatchedPage } from './browser.ts';
import {
  axeViolations,
  expectClean,
  ready,
  segment,
  segmentLabels,
  tableCount,
} from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the bundled matrix (no Google account)', () => {
  it('renders the headline and four charts with the matrix’s counts, cleanly', async () => {
    const watched = await openPage(browser, inject('bundledUrl'));
    await ready(watched);
    const { page } = watched;
    await expect.poll(() => page.locator('mr-headline dd').first().textContent()).toBe('62');
    expect(await segmentLabels(page, 'pillar')).toEqual([
      '1. Leadership and Organizational Culture: 18 unreported in Time 3. Filter by this.',
      '2. Institutional Accountability and Transparency: 15 unreported in Time 3. Filter by this.',
      '3. Capacity Development, Behaviour Change and Communications: 10 unreported in Time 3. Filter by this.',
      '4. Quality and Accessible Victim Assistance: 9 unreported in Time 3. Filter by this.',
      '5. Partnership and Coordination: 10 unreported in Time 3. Filter by this.',
    ]);
    const criteria = (await segmentLabels(page, 'criterion')).map((l) => l.match(/: (\d+) /)![1]);
    expect(criteria).toEqual(['7', '4', '6', '16', '15', '5', '9']);
    const responses = (await segmentLabels(page, 'response')).map((l) =>
      l
        .match(/^(.*): (\d+)/)!
        .slice(1)
        .join(' '),
    );
    expect(responses).toEqual(['Accept 45', 'Partially accept 15', 'Not accept 2']);
    expect(await tableCount(page)).toBe('62 recommendations');
    await expect.poll(() => page.locator('mr-header .alert').count()).toBe(0);
    await screenshot(page, 'bundled-desktop');
    await expectClean(watched);
    await watched.context.close();
  });

  it('shows nothing about due dates, since the matrix has none', async () => {
    const watched = await openPage(browser, inject('bundledUrl'));
    await ready(watched);
    const { page } = watched;
    expect(await page.locator('mr-headline .overdue').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show only overdue' }).count()).toBe(0);
    expect(await page.locator('mr-recommendation-table th').allTextContents()).not.toContainEqual(
      expect.stringContaining('Due'),
    );
    await watched.context.close();
  });

  it('passes an axe scan with no serious or critical violation', async () => {
    const watched = await openPage(browser, inject('bundledUrl'));
    await ready(watched);
    expect(await axeViolations(watched.page)).toEqual([]);
    await watched.context.close();
  });
});

describe('a sheet with both rounds filled in', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await openPage(browser, inject('filledUrl'));
    await ready(watched);
  });
  // Each test starts from the whole matrix with no panel open, whatever the one before left.
  beforeEach(async () => {
    if (!watched) return;
    await watched.page.goto(inject('filledUrl'));
    await ready(watched);
  });
  afterAll(async () => {
    await watched.context.close();
  });

  it('draws each round’s statuses with their counts', async () => {
    const { page } = watched;
    const completed = (await segmentLabels(page, 'pillar'))
      .filter((l) => l.includes(' completed '))
      .map((l) => l.match(/: (\d+)/)![1]);
    expect(completed).toEqual(['12', '9', '7', '6', '6']);
    await page.locator('mr-header select').selectOption('Time 2');
    await expect
      .poll(async () =>
        (await segmentLabels(page, 'pillar')).filter((l) => l.includes(' completed in Time 2')),
      )
      .toHaveLength(5);
    expect((await segmentLabels(page, 'pillar'))[0]).toBe(
      '1. Leadership and Organizational Culture: 4 completed in Time 2. Filter by this.',
    );
    expect(page.url()).toContain('round=Time+2');
    await page.goBack();
    await expect.poll(async () => (await segmentLabels(page, 'pillar'))[0]).toContain('in Time 3');
  });

  it('counts the overdue in the headline, filters to them, and marks them in the table', async () => {
    const { page } = watched;
    // Due 31 Jan 2025 (every fifth), accepted and open in Time 3 (every third): 15, 30, 45, 60.
    const figure = page.locator('mr-headline .overdue');
    expect(await figure.locator('dt').textContent()).toBe('Overdue (Time 3)');
    expect(await figure.locator('dd').first().textContent()).toBe('4');
    await page.getByRole('button', { name: 'Show only overdue' }).click();
    await expect.poll(() => tableCount(page)).toBe('4 recommendations');
    expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
    expect(
      await page.getByRole('button', { name: 'Show only overdue' }).getAttribute('aria-pressed'),
    ).toBe('true');
    const rows = page.locator('mr-recommendation-table tbody tr');
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(
      ['#15', '#30', '#45', '#60'].map((id) => expect.stringContaining(id)),
    );
    expect(await rows.locator('td.due').allTextContents()).toEqual(
      Array(4).fill(expect.stringMatching(/^\s*31 Jan 2025\s*overdue\s*$/)),
    );
    // The headline's other figures follow the filter too: all four are open in Time 3.
    await expect.poll(() => page.locator('mr-headline dd').first().textContent()).toBe('4');
    await page.getByRole('button', { name: 'Remove filter Overdue' }).click();
    await expect.poll(() => tableCount(page)).toBe('62 recommendations');
    // Not overdue: due at the end of 2099.
    expect(await rows.first().locator('td.due').textContent()).toMatch(/31 Dec 2099/);
  });

  it('filters everything by a clicked bar segment, with a removable chip', async () => {
    const { page } = watched;
    await segment(
      page,
      'pillar',
      '4. Quality and Accessible Victim Assistance: 6 completed',
    ).click();
    await expect.poll(() => tableCount(page)).toBe('6 recommendations');
    expect(new URL(page.url()).searchParams.get('pillar')).toBe('4');
    expect(new URL(page.url()).searchParams.get('status')).toBe('completed');
    await expect.poll(() => page.locator('mr-headline dd').first().textContent()).toBe('6');
    const chips = await page.locator('mr-filter-chips li.chip').allTextContents();
    expect(chips.map((c) => c.replace(/\s+/g, ' ').replace('×', '').trim())).toEqual([
      'Pillar: 4. Quality and Accessible Victim Assistance',
      'Status (Time 3): completed',
    ]);
    await screenshot(page, 'filtered-desktop');
    await page.getByRole('button', { name: 'Remove filter Status (Time 3): completed' }).click();
    await expect.poll(() => tableCount(page)).toBe('9 recommendations');
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => tableCount(page)).toBe('62 recommendations');
  });

  it('keeps the whole view in the address bar: a pasted link opens the same view', async () => {
    const url = `${inject('filledUrl')}/?round=Time+2&criterion=impact&q=communication&rec=43&sort=response&dir=desc`;
    const again = await openPage(browser, url);
    const { page } = again;
    await page.locator('mr-recommendation-detail dialog[open]').waitFor();
    await expect
      .poll(() => page.locator('mr-recommendation-detail h2').textContent())
      .toBe('Recommendation 43');
    expect(await page.locator('mr-header select').inputValue()).toBe('Time 2');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => tableCount(page)).toMatch(/^\d recommendations$/);
    const ids = await page
      .locator('mr-recommendation-table tbody tr td:first-child')
      .allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    expect(await page.locator('mr-recommendation-table input[type="search"]').inputValue()).toBe(
      'communication',
    );
    expect(
      await page.locator('mr-recommendation-table th[aria-sort="descending"]').textContent(),
    ).toContain('Response');
    expect(new URL(page.url()).searchParams.get('rec')).toBeNull();
    await expectClean(again);
    await again.context.close();
  });

  it('opens a recommendation in a detail panel with points, links and every round', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: 'Open recommendation 60', exact: true }).click();
    const dialog = page.locator('mr-recommendation-detail dialog[open]');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Recommendation 60');
    expect(await dialog.locator('h3.point-title').allTextContents()).toEqual([
      'Point 60a',
      'Point 60b',
      'Point 60c',
      'Point 60d',
    ]);
    expect(await dialog.textContent()).toContain('Together We Say No');
    // The sheet has due dates: #60's (31 Jan 2025) has passed and it is open in Time 3.
    expect(await dialog.locator('dl.facts').first().textContent()).toMatch(
      /Due date\s*31 Jan 2025\s*Overdue in Time 3/,
    );
    expect(new URL(page.url()).searchParams.get('rec')).toBe('60');
    await screenshot(page, 'detail-desktop');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('mr-recommendation-detail dialog[open]').count()).toBe(0);
    // Linked recommendations are one click away.
    await page.getByRole('button', { name: 'Open recommendation 4', exact: true }).click();
    await dialog.locator('.linked button', { hasText: '#47' }).click();
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Recommendation 47');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('shows a pasted <img onerror> comment as text, never as HTML', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: 'Open recommendation 25', exact: true }).click();
    const dialog = page.locator('mr-recommendation-detail dialog[open]');
    await expect.poll(() => dialog.textContent()).toContain(HOSTILE_COMMENT);
    const images = await page.evaluate(() => {
      let count = 0;
      const walk = (root: Document | ShadowRoot) => {
        count += root.querySelectorAll('img').length;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return count;
    });
    expect(images).toBe(0);
    await page.getByRole('button', { name: 'Close' }).click();
    await expectClean(watched);
  });

  it('reaches a chart segment from the keyboard and filters with Enter', async () => {
    const { page } = watched;
    await segment(page, 'criterion', 'Relevance: 4 completed').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => {
      const chart = document
        .querySelector('mr-app')!
        .shadowRoot!.querySelector('mr-breakdown-chart[dimension="criterion"]')!;
      return chart.shadowRoot!.activeElement?.getAttribute('aria-label');
    });
    expect(focused).toBe('Relevance: 2 open in Time 3. Filter by this.');
    await page.keyboard.press('Enter');
    await expect.poll(() => tableCount(page)).toBe('2 recommendations');
    await page.getByRole('button', { name: 'Clear all' }).click();
  });

  it('sorts the table by a column', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: 'Sort by Lead unit' }).click();
    const first = await page
      .locator('mr-recommendation-table tbody tr td:nth-child(4)')
      .first()
      .textContent();
    expect(first).toBe('DDG-MR, PSEAH');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('unit');
  });

  it('exports each chart as SVG and PNG, and the table as CSV', async () => {
    const { page } = watched;
    const chart = page.locator('mr-breakdown-chart[dimension="pillar"]');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Save chart as SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('pillar-time-3.svg');
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('<title>By pillar – Time 3</title>');
    expect(svgText).toContain('class="segment"');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Save chart as PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('pillar-time-3.png');
    expect([...readFileSync((await png.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the table (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^management-response-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('Recommendation #,Pillar');
    await expectClean(watched);
  });

  it('lays out an A4 board pack for print, without the controls', async () => {
    const { page } = watched;
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Save chart as SVG' }).first().isVisible()).toBe(
      false,
    );
    expect(await page.locator('mr-recommendation-table table').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', path: 'tests/artifacts/board-pack.pdf' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });

  it('lists the data issues with links to their cells in the sheet', async () => {
    const { page } = watched;
    const link = page.getByRole('link', { name: 'Open C42 in the sheet' });
    expect(await link.getAttribute('href')).toBe(
      `https://docs.google.com/spreadsheets/d/${inject('googleSheetId')}/edit#gid=0&range=C42`,
    );
  });

  it('passes an axe scan with no serious or critical violation', async () => {
    expect(await axeViolations(watched.page)).toEqual([]);
  });
});

describe('on a phone', () => {
  it.each([
    [390, 844],
    [360, 740],
  ])('fits a %i px wide screen without sideways scrolling', async (width, height) => {
    const watched = await openPage(browser, inject('filledUrl'), { width, height });
    await ready(watched);
    const { page } = watched;
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    if (width === 390) await screenshot(page, 'filled-phone-390');
    await expectClean(watched);
    await watched.context.close();
  });
});

describe('admin and donor links', () => {
  it('creates a share link on the admin page, and the donor sees a read-only, scoped view', async () => {
    const admin = await openPage(browser, `${inject('filledUrl')}/admin`);
    const { page } = admin;
    await page.getByRole('heading', { name: 'Donor share links' }).waitFor();
    await page.getByLabel('Label').fill('Donor Fund – pillar 4');
    await page.getByLabel('4. Quality and Accessible Victim Assistance').check();
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = (await page.locator('mr-admin .created code').textContent())!;
    expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{40,}$/);
    await expect
      .poll(() => page.locator('mr-admin tbody tr').allTextContents())
      .toContainEqual(expect.stringContaining('Donor Fund – pillar 4'));
    await screenshot(page, 'admin-desktop');
    await expectClean(admin);
    await admin.context.close();

    const donor = await openPage(browser, url);
    const view = donor.page;
    await view.locator('mr-breakdown-chart g.segment').first().waitFor();
    expect(new URL(view.url()).pathname).toBe('/shared/');
    expect(await view.locator('p.shared-note').textContent()).toContain('Donor Fund – pillar 4');
    await expect.poll(() => tableCount(view)).toBe('9 recommendations');
    expect(await view.locator('mr-data-issues').count()).toBe(0);
    expect(await view.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await screenshot(view, 'donor-desktop');
    await expectClean(donor);
    await donor.context.close();
  });

  it('opens from an email: a link followed from another site lands in the dashboard', async () => {
    const admin = await openPage(browser, `${inject('filledUrl')}/admin`);
    await admin.page.getByRole('heading', { name: 'Donor share links' }).waitFor();
    await admin.page.getByLabel('Label').fill('Emailed link');
    await admin.page.getByRole('button', { name: 'Create link' }).click();
    const url = (await admin.page.locator('mr-admin .created code').textContent())!;
    await admin.context.close();

    // A page of another site (a webmail, here a data: page) with the link in it: the click is a
    // cross-site navigation, as when the donor opens the email.
    const donor = await openPage(browser, `data:text/html,<a href="${url}">Your dashboard</a>`);
    const { page } = donor;
    await page.getByRole('link', { name: 'Your dashboard' }).click();
    await page.locator('mr-breakdown-chart g.segment').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/shared/');
    expect(await page.locator('p.shared-note').textContent()).toContain('Emailed link');
    // The landing page replaced itself: Back leaves the token out of reach.
    await page.goBack();
    expect(page.url()).toMatch(/^data:/);
    await donor.context.close();
  });
});
