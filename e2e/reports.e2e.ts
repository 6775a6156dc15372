import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { BoardPage, ReportsPage } from './page-models/reports-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';
import { lastAcademicYear } from './support/demo-data';

const TRUSTEE = 'margaret.ellis@northfield.example';

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0)
    console.error(`Accessibility problems on ${name}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations).toEqual([]);
}

describe('reports and the trust board', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a trustee reads the board dashboard, opens the board report and downloads it as Word', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, TRUSTEE, inject('password'));
    await shell.openFromNav('Trust board');
    const board = new BoardPage(page);
    await board.heading.waitFor();
    await board
      .tile('Headline gaps')
      .getByText(/^Year 11 maths/)
      .first()
      .waitFor();
    expect(await board.tile('Schools since joining').textContent()).toContain(
      'Attainment 8 (published)2018/19: 43.1',
    );
    // The last closed round: Summer 2026 in the demo, or one another browser test closed since.
    expect(await board.tile('Self-evaluation').textContent()).toMatch(/Agreed judgements, .+ round\./);
    await screenshot(page, 'board-dashboard');
    await expectNoSeriousViolations(page, 'the board dashboard');

    await page.getByRole('link', { name: 'Board report' }).click();
    const reports = new ReportsPage(page);
    await reports.heading.waitFor();
    await expect
      .poll(() => reports.reportTitle.textContent())
      .toBe('Report to the board: Northfield Learning Trust');
    // Small groups appear as the DfE's "c", and every figure names the query that made it.
    await page.getByText('Source: GET /api/v1/analysis/gaps?assessmentId=').first().waitFor();
    expect(await page.getByRole('cell', { name: 'c', exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'reports-board');
    // The full report is long; the first screen shows how it opens.
    await page.screenshot({ path: 'e2e/screenshots/reports-board-top.png' });
    await expectNoSeriousViolations(page, 'the reports page');

    const word = await reports.download('Download Word');
    expect(word.suggestedFilename()).toBe('report-to-the-board-northfield-learning-trust.docx');
    const bytes = await readFile((await word.path()) ?? '');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // A period: last year's spring data drop only, not the summer KS2 tests.
    const last = lastAcademicYear();
    const spring = last.start + 1;
    await page.getByLabel('From', { exact: true }).fill(`01/01/${spring}`);
    await page.getByLabel('To', { exact: true }).fill(`31/03/${spring}`);
    await page.getByLabel('To', { exact: true }).press('Enter');
    await page.getByText(`For the period 01/01/${spring} to 31/03/${spring}`).waitFor();
    await expect.poll(() => page.getByText('KS2 reading test', { exact: false }).count()).toBe(0);
    expect(await page.getByText(`Year 11 maths (${last.label}, Spring 2)`).count()).toBe(1);

    await reports.choose('Self-evaluation summary');
    await reports.select('Round', 'Summer 2026');
    await reports.select('School', 'Holmebridge Academy');
    await expect
      .poll(() => reports.reportTitle.textContent())
      .toBe('Self-evaluation summary: Holmebridge Academy');
    await page.getByRole('table', { name: /Teaching and learning: judgements by aspect/ }).waitFor();
    await screenshot(page, 'reports-self-evaluation');
  });

  test('the board report prints to PDF, and pdftoppm renders its pages', async () => {
    // Chromium is what prints the PDF; this suite already requires it, and CI installs it first.
    expect(existsSync('/usr/bin/chromium') || !!process.env.CHROMIUM_PATH).toBe(true);
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const res = await page.request.get('/api/v1/reports/board/file?format=pdf');
    expect(res.status(), await res.text().catch(() => '')).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const dir = await mkdtemp(join(tmpdir(), 'sip-board-pdf-'));
    const pdf = join(dir, 'board.pdf');
    await writeFile(pdf, await res.body());
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) await copyFile(join(dir, p), join('e2e/screenshots', `board-report-pdf-${p}`));
  });
});
