import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { AnalysisPage } from './page-models/analysis-page';
import { signIn } from './page-models/app-shell';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';
import { gapsFor, latestAssessment } from './support/demo-data';

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
    expect(await page.getByRole('listbox').textContent()).toMatch(/^Year 1\D.*Year 11/);
    await screenshot(page, 'analysis-assessment-picker');
    await page.keyboard.press('Escape');

    // Last summer's Year 11 maths, as the API has it for this reader.
    const maths = await latestAssessment(page, 'Year 11 maths', 'Summer 2');
    const [trustScope] = await gapsFor(page, maths.id, 'disadvantaged');
    const [dis, others] = trustScope!.groups;
    await analysis.chooseAssessment(maths.label, maths.name);
    await expect
      .poll(() => analysis.reading.textContent())
      .toMatch(
        /^Across the trust, disadvantaged pupils averaged \d\.\d against \d\.\d for other pupils \(gap -?\d\.\d, likely between/,
      );
    expect(
      await analysis.page.getByText('0 = no gap, 10 = every disadvantaged pupil below').isVisible(),
    ).toBe(true);
    const summary = await analysis.chart.getAttribute('aria-label');
    expect(summary).toMatch(new RegExp(`All schools: Disadvantaged \\d\\.\\d \\(${dis!.n} pupils\\)`));
    expect(summary).toMatch(/Holmebridge Academy: .*Riverside All-Through School: /);
    expect(await analysis.gaps.getByText('GCSE grade (0 to 9)').isVisible()).toBe(true);
    await expectNoSeriousViolations(page, 'the gap chart');
    await screenshot(page, 'analysis');

    await analysis.showAsTable();
    const trust = analysis.row('All schools');
    const cells = await trust.getByRole('cell').allTextContents();
    expect(cells[0]).toBe(String(dis!.n));
    expect(cells[1]).toMatch(/^\d\.\d \(-?\d\.\d to -?\d\.\d\)$/);
    expect(cells[2]).toBe(String(others!.n));
    expect(cells).toContain(trustScope!.gap!.distinguishable ? 'Likely real' : 'Could be chance');
    await expectNoSeriousViolations(page, 'the gap table');
    await screenshot(page, 'analysis-table');

    const download = await analysis.downloadCsv();
    expect(download.suggestedFilename()).toBe(`gaps-${maths.slug}-disadvantaged.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('School,Assessment,Disadvantaged: pupils,Disadvantaged: average');
    expect(csv).toContain(`\r\nAll schools,Year 11 maths,${dis!.n},`);
    await page.context().close();
  });

  test('the gap over time says whether it closed and which group moved', async () => {
    const page = await newPage(browser);
    const analysis = await openAnalyse(page, inject('adminEmail'));
    const maths = await latestAssessment(page, 'Year 11 maths', 'Summer 2');
    const dis = (await gapsFor(page, maths.id, 'disadvantaged'))[0]!.groups[0]!;
    await analysis.chooseAssessment(maths.label, maths.name);
    await analysis.trend.getByTestId('trend-sentence').waitFor();
    expect(await analysis.trend.getByRole('heading').textContent()).toBe(
      'Is the gap closing? Maths, Year 11, all schools',
    );
    // Year 11 maths at every data drop the trust has, oldest first, the chosen one among them.
    const rows = analysis.trend.getByRole('table').getByRole('row');
    expect(await rows.count()).toBeGreaterThan(4);
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toMatch(/^Autumn 2 \d{4}\/\d{2}$/);
    const chosen = rows.filter({
      has: page.getByRole('rowheader', { name: `Summer 2 ${maths.academicYear}`, exact: true }),
    });
    expect(await chosen.getByRole('cell').first().textContent()).toMatch(
      new RegExp(`^-?\\d\\.\\d \\(${dis.n}\\)$`),
    );
    expect(await analysis.trend.getByTestId('trend-sentence').textContent()).toMatch(
      /^(The gap (narrowed|widened) from \d\.\d to \d\.\d|There was no clear change in the gap)/,
    );
    expect(await analysis.trend.getByRole('img').getAttribute('aria-label')).toMatch(/^Is the gap closing\?/);
    await expectNoSeriousViolations(page, 'the gap over time');
    await analysis.trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-trend');
    await page.context().close();
  });

  test('staff see a small group with a caution, not hidden', async () => {
    const page = await newPage(browser);
    const analysis = await openAnalyse(page, inject('adminEmail'));

    const ks2 = await latestAssessment(page, 'KS2 reading test');
    // A school whose pupils with SEN number fewer than six: the demo's primaries are small.
    const small = (await gapsFor(page, ks2.id, 'sen')).find(
      (s) => s.scope === 'school' && (s.groups[0]?.n ?? 0) > 0 && (s.groups[0]?.n ?? 0) < 6,
    );
    expect(small, 'a school with a small SEN group').toBeDefined();
    const n = small!.groups[0]!.n!;
    await analysis.chooseAssessment(ks2.label, ks2.name);
    await analysis.chooseComparison('SEN vs no SEN', 'sen');
    expect(await analysis.gaps.getByText('KS2 scaled score (80 to 120)').isVisible()).toBe(true);
    expect(await analysis.chart.getAttribute('aria-label')).toMatch(
      new RegExp(`${small!.label}: SEN \\(support or EHCP\\) \\d+\\.\\d \\(${n} pupils?, small group\\)`),
    );
    expect(await analysis.gaps.getByText('Small group – interpret with caution').count()).toBeGreaterThan(0);
    await screenshot(page, 'analysis-small-group');

    await analysis.showAsTable();
    const row = analysis.row(small!.label);
    expect(await row.getByRole('rowheader').textContent()).toContain('Small group – interpret with caution');
    expect((await row.getByRole('cell').allTextContents())[0]).toBe(`${n}⚠︎ (small group)`);
    await expectNoSeriousViolations(page, 'the small-group table');
    await page.context().close();
  });

  test("a trustee sees 'c' where a group is too small to show", async () => {
    const page = await newPage(browser);
    const analysis = await openAnalyse(page, TRUSTEE);

    const ks2 = await latestAssessment(page, 'KS2 reading test');
    const scopes = await gapsFor(page, ks2.id, 'sen');
    const hidden = scopes.filter((s) => s.groups.some((g) => g.suppressed));
    const shown = scopes.find((s) => s.scope === 'school' && !s.groups.some((g) => g.suppressed));
    expect(hidden.length).toBeGreaterThan(0);
    await analysis.chooseAssessment(ks2.label, ks2.name);
    await analysis.chooseComparison('SEN vs no SEN', 'sen');
    const summary = await analysis.chart.getAttribute('aria-label');
    for (const h of hidden) expect(summary).toContain(`${h.label}: too few pupils to show.`);
    expect(await analysis.gaps.getByText('c – too few pupils to show').count()).toBe(hidden.length);
    expect(await analysis.quality.getByText('hidden for your role').isVisible()).toBe(true);
    await analysis.quality.getByRole('button', { name: 'How we calculate this' }).click();
    await analysis.quality.getByText('Welch’s method', { exact: false }).waitFor();
    await expectNoSeriousViolations(page, "the trustee's gap chart");
    await screenshot(page, 'analysis-trustee');

    await analysis.showAsTable();
    const first = await analysis.row(hidden[0]!.label).getByRole('cell').allTextContents();
    expect(first.slice(0, 6)).toEqual(['c', 'c', 'c', 'c', 'c', 'c']);
    if (shown)
      expect(await analysis.row(shown.label).getByRole('cell').first().textContent()).toBe(
        String(shown.groups[0]!.n),
      );

    const csv = await readFile(await (await analysis.downloadCsv()).path(), 'utf8');
    expect(csv).toContain(
      `\r\n${hidden[0]!.label},KS2 reading test,c,c,c,c,c,c,c,c,c,c,c,c,c – fewer than 6`,
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
    const english = await latestAssessment(page, 'Year 11 English');
    await analysis.chooseAssessment(english.label, english.name);
    await analysis.chart.waitFor();
    await expectNoSeriousViolations(page, 'the phone layout');
    await screenshot(page, 'analysis-mobile');
    await page.context().close();
  });
});
