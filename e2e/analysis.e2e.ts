import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { AnalysisPage } from './page-models/analysis-page';
import { signIn } from './page-models/app-shell';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

const TRUSTEE = 'margaret.ellis@northfield.example';

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0)
    console.error(`Accessibility problems on ${name}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations).toEqual([]);
}

async function openAnalyse(page: Page, email: string): Promise<AnalysisPage> {
  const shell = await signIn(page, email, inject('password'));
  await shell.openFromNav('Analyse');
  const analysis = new AnalysisPage(page);
  await analysis.heading.waitFor();
  return analysis;
}

describe('analyse: gaps between groups of pupils', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a trust administrator reads the gap, sees it as a chart and a table, and downloads it', async () => {
    const page = await newPage(browser);
    const analysis = await openAnalyse(page, inject('adminEmail'));

    await analysis.assessment.click();
    expect(await page.getByRole('listbox').textContent()).toMatch(/^Year 6.*Year 11/);
    await screenshot(page, 'analysis-assessment-picker');
    await page.keyboard.press('Escape');

    await analysis.chooseAssessment('Year 11 maths mock');
    await expect
      .poll(() => analysis.reading.textContent())
      .toMatch(
        /^Across the trust, disadvantaged pupils averaged \d\.\d against \d\.\d for other pupils \(gap \d\.\d, likely between/,
      );
    expect(
      await analysis.page.getByText('0 = no gap, 10 = every disadvantaged pupil below').isVisible(),
    ).toBe(true);
    const summary = await analysis.chart.getAttribute('aria-label');
    expect(summary).toMatch(/All schools: Disadvantaged \d\.\d \(82 pupils\)/);
    expect(summary).toMatch(/Holmebridge Academy: .*Riverside All-Through School: /);
    expect(await analysis.gaps.getByText('GCSE grade (0 to 9)').isVisible()).toBe(true);
    await expectNoSeriousViolations(page, 'the gap chart');
    await screenshot(page, 'analysis');

    await analysis.showAsTable();
    const trust = analysis.row('All schools');
    const cells = await trust.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('82');
    expect(cells[1]).toMatch(/^3\.3 \(\d\.\d to \d\.\d\)$/);
    expect(cells[2]).toBe('218');
    expect(cells).toContain('Likely real');
    await expectNoSeriousViolations(page, 'the gap table');
    await screenshot(page, 'analysis-table');

    const download = await analysis.downloadCsv();
    expect(download.suggestedFilename()).toBe('gaps-year-11-maths-mock-disadvantaged.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('School,Assessment,Disadvantaged: pupils,Disadvantaged: average');
    expect(csv).toMatch(/\r\nAll schools,Year 11 maths mock,82,3\.3,/);
    await page.context().close();
  });

  test('the gap over time says whether it closed and which group moved', async () => {
    const page = await newPage(browser);
    const analysis = await openAnalyse(page, inject('adminEmail'));
    await analysis.chooseAssessment('Year 11 maths mock');
    await analysis.trend.getByTestId('trend-sentence').waitFor();
    expect(await analysis.trend.getByRole('heading').textContent()).toBe(
      'Is the gap closing? Maths, Year 11, all schools',
    );
    // The baseline in the autumn and the mock in the spring, for the same pupils.
    const rows = analysis.trend.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe('Autumn 1 2025/26');
    expect(await rows.nth(2).getByRole('cell').first().textContent()).toMatch(/^3\.3 \(82\)$/);
    expect(await analysis.trend.getByTestId('trend-sentence').textContent()).toMatch(
      /^(The gap (narrowed|widened) from \d\.\d to \d\.\d|There was no clear change in the gap)/,
    );
    expect(await analysis.trend.getByRole('img').getAttribute('aria-label')).toMatch(/^Is the gap closing\?/);
    await expectNoSeriousViolations(page, 'the gap over time');
    await analysis.trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-trend');
    await page.context().close();
  });

  test("staff see Dene Park's small group with a caution, not hidden", async () => {
    const page = await newPage(browser);
    const analysis = await openAnalyse(page, inject('adminEmail'));

    await analysis.chooseAssessment('Year 6 reading (KS2 test)');
    await analysis.chooseComparison('SEN vs no SEN', 'sen');
    expect(await analysis.gaps.getByText('KS2 scaled score (80 to 120)').isVisible()).toBe(true);
    expect(await analysis.chart.getAttribute('aria-label')).toMatch(
      /Dene Park Primary School: SEN \(support or EHCP\) \d+\.\d \(2 pupils, small group\)/,
    );
    expect(await analysis.gaps.getByText('Small group – interpret with caution').count()).toBeGreaterThan(0);
    await screenshot(page, 'analysis-small-group');

    await analysis.showAsTable();
    const dene = analysis.row('Dene Park Primary School');
    expect(await dene.getByRole('rowheader').textContent()).toContain('Small group – interpret with caution');
    expect((await dene.getByRole('cell').allTextContents())[0]).toMatch(/^2/);
    await expectNoSeriousViolations(page, 'the small-group table');
    await page.context().close();
  });

  test("a trustee sees 'c' where a group is too small to show", async () => {
    const page = await newPage(browser);
    const analysis = await openAnalyse(page, TRUSTEE);

    await analysis.chooseAssessment('Year 6 reading (KS2 test)');
    await analysis.chooseComparison('SEN vs no SEN', 'sen');
    expect(await analysis.chart.getAttribute('aria-label')).toContain(
      'Dene Park Primary School: too few pupils to show.',
    );
    // Dene Park, plus the next-smallest school so the trust total cannot give Dene Park away.
    expect(await analysis.gaps.getByText('c – too few pupils to show').count()).toBe(2);
    expect(await analysis.quality.getByText('hidden for your role').isVisible()).toBe(true);
    await analysis.quality.getByRole('button', { name: 'How we calculate this' }).click();
    await analysis.quality.getByText('Welch’s method', { exact: false }).waitFor();
    await expectNoSeriousViolations(page, "the trustee's gap chart");
    await screenshot(page, 'analysis-trustee');

    await analysis.showAsTable();
    const dene = await analysis.row('Dene Park Primary School').getByRole('cell').allTextContents();
    expect(dene.slice(0, 6)).toEqual(['c', 'c', 'c', 'c', 'c', 'c']);
    // Ashby Lane is the next-smallest (ties go alphabetically), so it is hidden too; Brookfield is not.
    expect(await analysis.row('Ashby Lane Primary School').getByRole('cell').first().textContent()).toBe('c');
    expect(await analysis.row('Brookfield Primary Academy').getByRole('cell').first().textContent()).toBe(
      '6',
    );

    const csv = await readFile(await (await analysis.downloadCsv()).path(), 'utf8');
    expect(csv).toMatch(
      /\r\nDene Park Primary School,Year 6 reading \(KS2 test\),c,c,c,c,c,c,c,c,c,c,c,c,c – fewer than 6/,
    );
    await page.context().close();
  });

  test('with no results yet, the page explains that they arrive with a data import', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    // The demo trust always has results, so this one response stands in for a trust that has none.
    await page.route('**/api/v1/analysis/assessments', (route) =>
      route.fulfill({ json: { assessments: [] } }),
    );
    const analysis = new AnalysisPage(page);
    await analysis.goto();
    await page.getByRole('heading', { name: 'No assessment results yet' }).waitFor();
    expect(await page.getByText('Results appear here after a data import.').isVisible()).toBe(true);
    await expectNoSeriousViolations(page, 'the empty page');
    await screenshot(page, 'analysis-empty');
    await page.context().close();
  });

  test('the page fits a phone-sized screen', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, inject('adminEmail'), inject('password'));
    const analysis = new AnalysisPage(page);
    await analysis.goto();
    await analysis.chooseAssessment('Year 11 English mock');
    await analysis.chart.waitFor();
    await expectNoSeriousViolations(page, 'the phone layout');
    await screenshot(page, 'analysis-mobile');
    await page.context().close();
  });
});
