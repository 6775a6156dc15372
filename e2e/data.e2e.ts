import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';
import { lastAcademicYear } from './support/demo-data';

const DATA_MANAGER = 'paul.kershaw@northfield.example';
const HEADER = 'UPN,Assessment,Subject,Year group,Academic year,Collection point,Grade set,Date,Result';

/** The data manager's own school's UPNs, read through the same export the page offers. */
async function upnsOfOwnSchool(page: Page): Promise<{ schoolId: string; upns: string[] }> {
  const schools = (await (await page.request.get('/api/v1/schools')).json()).schools as {
    id: string;
    name: string;
  }[];
  const school = schools.find((s) => s.name === 'Holmebridge Academy')!;
  const csv = await (await page.request.get(`/api/v1/pupils/export.csv?schoolId=${school.id}`)).text();
  return {
    schoolId: school.id,
    upns: csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!),
  };
}

async function chooseFile(page: Page, name: string, text: string, mimeType = 'text/csv'): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

describe('data: importing results', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a data manager checks a results file, sees the line to fix, then imports the corrected file', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, DATA_MANAGER, inject('password'));
    await shell.openFromNav('Data');
    await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
    const { upns } = await upnsOfOwnSchool(page);
    expect(upns.length).toBeGreaterThan(20);

    const lines = upns
      .slice(0, 20)
      .map((u, i) => `${u},Year 11 science mock,Science,Y11,2025/26,Spring 2,gcse,03/03/2026,${i % 10}`);
    const broken = [...lines];
    broken[6] = broken[6]!.replace(/,\d$/, ',12');
    await chooseFile(page, 'science-mock.csv', [HEADER, ...broken].join('\n'));
    // The long layout is recognised from its headings and the first rows are previewed, the bad one marked.
    const firstRows = page.getByRole('table', { name: 'Preview of the first rows' });
    await firstRows.waitFor();
    await expect
      .poll(() => firstRows.getByRole('row').nth(7).textContent())
      .toMatch(/^8.*Result: Not a result/);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('Nothing was imported').waitFor();
    const problems = page.getByRole('table', { name: 'Lines with problems' });
    expect(await problems.getByRole('row').nth(1).textContent()).toMatch(
      /^8Result12Not a result on the GCSE 9-1/,
    );
    await screenshot(page, 'data-rejected');

    await chooseFile(page, 'science-mock.csv', [HEADER, ...lines].join('\n'));
    await expect.poll(() => firstRows.getByRole('row').nth(7).textContent()).toMatch(/Ready$/);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file is ready to import').waitFor();
    await page.getByRole('button', { name: 'Import 20 lines' }).click();
    await page.getByText('20 lines imported.').waitFor();
    const history = page.getByRole('table', { name: 'Recent imports' });
    await expect
      .poll(() => history.getByRole('row').nth(1).textContent())
      .toMatch(/science-mock\.csvAssessment resultsImported/);
    const violations = await seriousAccessibilityViolations(page);
    if (violations.length) console.error(JSON.stringify(violations, null, 1));
    expect(violations).toEqual([]);
    await screenshot(page, 'data-imported');
  });

  test('a data manager maps a wide Excel marksheet, saves the mapping, and imports it', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, DATA_MANAGER, inject('password'));
    await shell.openFromNav('Data');
    const { upns } = await upnsOfOwnSchool(page);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['Exported from the MIS']);
    const sheet = book.addWorksheet('Marksheet');
    sheet.addRow(['UPN', 'Surname', 'Forename', 'Year', 'Maths Spr1', 'English Spr1', 'Reading age']);
    for (const [i, u] of upns.slice(0, 12).entries())
      sheet.addRow([u, `Pupil${i}`, 'Test', 10, i % 10, (i + 3) % 10, 11]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    await page.locator('input[type="file"]').setInputFiles({
      name: 'y10-marksheet.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    // The first sheet holds no marks: choose the marksheet, and the wide layout is recognised.
    await page.getByText('Excel workbook, sheet “Notes”').waitFor();
    await page.getByRole('combobox', { name: 'Sheet' }).click();
    await page.getByRole('option', { name: 'Marksheet' }).click();
    const columns = page.getByRole('table', { name: 'Assessment columns' });
    await columns.waitFor();
    await expect.poll(() => columns.getByRole('row').count()).toBe(4);
    // Reading age is not a GCSE grade: leave it out, and name the collection point as the school does.
    await page.getByRole('button', { name: 'Leave Reading age out' }).click();
    await expect.poll(() => columns.getByRole('row').count()).toBe(3);
    for (const subject of ['Maths', 'English']) {
      const point = page.getByRole('textbox', { name: `Collection point for ${subject} Spr1` });
      await point.fill('Spring 1');
    }
    const firstRows = page.getByRole('table', { name: 'Preview of the first rows' });
    await expect
      .poll(() => firstRows.getByRole('row').nth(1).textContent(), { timeout: 10_000 })
      .toMatch(/Maths Spr1.*Spring 1.*Ready$/);
    await page.getByRole('textbox', { name: 'Save this mapping as' }).fill('Year 10 marksheet');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Mapping “Year 10 marksheet” saved').waitFor();
    await screenshot(page, 'data-mapping-wide');

    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file is ready to import').waitFor();
    await page.getByRole('button', { name: 'Import 24 lines' }).click();
    await page.getByText('24 lines imported.').waitFor();
    await screenshot(page, 'data-mapping-imported');
    const violations = await seriousAccessibilityViolations(page);
    if (violations.length) console.error(JSON.stringify(violations, null, 1));
    expect(violations).toEqual([]);

    // The saved mapping is offered for the next file of the same shape.
    const templates = await (await page.request.get('/api/v1/import-mappings')).json();
    expect(templates.templates.map((t: { name: string }) => t.name)).toContain('Year 10 marksheet');
  });

  test('a data manager imports a Common Transfer File from a primary school into their school', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, DATA_MANAGER, inject('password'));
    await shell.openFromNav('Data');
    await page.locator('label', { hasText: 'CTF (XML)' }).click();
    await page.getByText('Any CTF version').waitFor();
    const ctf = readFileSync(new URL('../test-data/ctf/ctf-25-mixed.xml', import.meta.url), 'utf8');

    await chooseFile(page, 'year6-leavers.xml', ctf.replace('C380212319002', 'A380212319002'), 'text/xml');
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('Nothing was imported').waitFor();
    const problems = page.getByRole('table', { name: 'Lines with problems' });
    expect(await problems.getByRole('row').nth(1).textContent()).toMatch(
      /Pupil\/UPNA380212319002Not a valid UPN/,
    );
    await screenshot(page, 'data-ctf-rejected');

    await chooseFile(page, 'year6-leavers.xml', ctf, 'text/xml');
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('button', { name: 'Import 4 pupils' }).click();
    await page.getByText('4 pupils imported.').waitFor();
    const history = page.getByRole('table', { name: 'Recent imports' });
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toMatch(/year6-leavers\.xml/);
    await screenshot(page, 'data-ctf-imported');
  });
});

describe('data: DfE downloads', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a trust administrator imports a DfE absence file for a year', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, inject('adminEmail'), inject('password'));
    await shell.openFromNav('Data');
    await page.locator('label', { hasText: 'DfE downloads' }).click();
    await page.getByRole('combobox', { name: 'Which file' }).click();
    await page.getByRole('option', { name: 'Absence (overall and persistent)' }).click();
    await page.getByRole('textbox', { name: 'Year the file describes' }).fill('2019');
    const file =
      'LA,ESTAB,URN,PERCTOT,PPERSABS10\n201,3614,100000,2.6,3.4\n202,2000,136807,4.3,SUPP\nNAT,PRI,,4,8.2\n';
    await chooseFile(page, 'england_abs.csv', file);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file is ready to import').waitFor();
    await page.getByRole('button', { name: 'Import 3 lines' }).click();
    await page.getByText('3 lines imported.').waitFor();
    const history = page.getByRole('table', { name: 'Recent imports' });
    await expect
      .poll(() => history.getByRole('row').nth(1).textContent())
      .toMatch(/england_abs\.csvAbsenceImported/);
    await screenshot(page, 'data-dfe-absence');
  });

  test('a trust administrator checks what a GIAS extract would change in the trust’s schools', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, inject('adminEmail'), inject('password'));
    await shell.openFromNav('Data');
    await page.locator('label', { hasText: 'Schools (GIAS)' }).click();
    const files = page.locator('input[type="file"]');
    await files.nth(0).setInputFiles('test-data/gias/edubasealldata-sample.csv');
    await files.nth(1).setInputFiles('test-data/gias/allgroupslinksdata-sample.csv');
    await page.getByRole('textbox', { name: 'Trust’s group UID' }).fill('5001');
    await page.getByRole('button', { name: 'Check changes' }).click();
    const toAdd = page.getByRole('table', { name: 'Schools to add' });
    await toAdd.waitFor();
    // The demo trust has none of the extract's schools: all four of its group are new, with join dates.
    expect(await toAdd.getByRole('row').count()).toBe(5);
    expect(await toAdd.textContent()).toContain('Kirkstall Academy');
    expect(await toAdd.textContent()).toContain('01/09/2016');
    await page.getByRole('button', { name: 'Apply 4 changes' }).waitFor();
    expect(await page.getByText('Nothing has been written yet').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'data-gias-preview');
  });

  test('the data calendar warns at a fourth collection point and shows which planned assessments have their results', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, inject('adminEmail'), inject('password'));
    await shell.openFromNav('Data');
    const calendar = page.getByRole('region', { name: 'Data collection calendar' });
    const points = calendar.getByRole('table', { name: 'Collection points' });
    await points.waitFor();
    expect(await points.getByRole('row').count()).toBe(4);
    expect(await calendar.getByText('collection points', { exact: false }).count()).toBe(0);

    await calendar.getByRole('textbox', { name: 'New collection point' }).fill('Y11 mock results');
    const spring = lastAcademicYear().start + 2;
    await calendar.getByRole('textbox', { name: 'Data due' }).fill(`16/01/${spring}`);
    await calendar.getByLabel('Year groups').click();
    await page.getByRole('option', { name: 'Year 11', exact: true }).click();
    await page.keyboard.press('Escape');
    await calendar.getByRole('button', { name: 'Add point' }).click();
    await calendar.getByText('Year 11: 4 collection points').waitFor();
    expect(await points.getByRole('row').count()).toBe(5);
    await calendar.scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'data-calendar');

    // The demo's planned assessments: those whose date has passed have the generated results in.
    const planned = calendar.getByRole('table', { name: 'Planned assessments' });
    const rows = planned.getByRole('row');
    expect(await rows.count()).toBe(13);
    const today = new Date().toISOString().slice(0, 10);
    for (const row of (await rows.all()).slice(1)) {
      const [d, m, y] = ((await row.getByRole('cell').nth(3).textContent()) ?? '').split('/');
      const results = await row.getByRole('cell').nth(5).textContent();
      expect(results).toMatch(
        `${y}-${m}-${d}` <= today ? /^Results in\s*[\d,]+ results, \d+ schools?$/ : /^Upcoming$/,
      );
    }

    // A planned assessment added, then taken off again.
    const start = lastAcademicYear().start + 1;
    await calendar.getByRole('textbox', { name: 'New planned assessment' }).fill('Year 9 science quiz');
    await calendar.getByRole('textbox', { name: 'Subject' }).fill('Science');
    await calendar.getByRole('combobox', { name: 'Year group', exact: true }).click();
    await page.getByRole('option', { name: 'Y9', exact: true }).click();
    await calendar.getByRole('textbox', { name: 'Date', exact: true }).fill(`10/06/${start + 1}`);
    await calendar.getByRole('button', { name: 'Add assessment' }).click();
    const quiz = planned.getByRole('row').filter({ hasText: 'Year 9 science quiz' });
    await quiz.waitFor();
    expect(await quiz.getByRole('cell').nth(5).textContent()).toBe('Upcoming');
    await quiz.getByRole('button', { name: 'Remove Year 9 science quiz (Y9)' }).click();
    await page
      .getByRole('dialog', { name: 'Remove planned assessment' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await quiz.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(13);

    // The fourth collection point removed again: the warning goes with it.
    await points.getByRole('button', { name: 'Remove Y11 mock results' }).click();
    await page
      .getByRole('dialog', { name: 'Remove collection point' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await calendar.getByText('Year 11: 4 collection points').waitFor({ state: 'detached' });
    expect(await points.getByRole('row').count()).toBe(4);
  });

  test('a data manager corrects the term dates, and a half term outside its term is refused beside the date', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, inject('adminEmail'), inject('password'));
    await shell.openFromNav('Data');
    const calendar = page.getByRole('region', { name: 'Data collection calendar' });
    const terms = calendar.getByRole('table', { name: /^Term dates for / });
    await terms.waitFor();
    expect(await terms.getByRole('row').count()).toBe(4);
    await calendar.getByRole('button', { name: 'Edit term dates' }).click();
    const dialog = page.getByRole('dialog', { name: /^Term dates for / });
    const start = lastAcademicYear().start + 1;
    const halfStart = dialog.getByRole('textbox', { name: 'Autumn half term starts' });
    await halfStart.fill(`01/08/${start}`);
    await dialog.getByRole('button', { name: 'Save term dates' }).click();
    await dialog.getByText('Half term must fall inside the autumn term').waitFor();
    await screenshot(page, 'data-term-dates');
    await halfStart.fill(`19/10/${start}`);
    await dialog.getByRole('textbox', { name: 'Autumn half term ends' }).fill(`23/10/${start}`);
    await dialog.getByRole('button', { name: 'Save term dates' }).click();
    await dialog.waitFor({ state: 'detached' });
    const autumn = terms.getByRole('row').filter({ hasText: 'Autumn' });
    expect(await autumn.getByRole('cell').nth(2).textContent()).toBe(`19/10/${start} to 23/10/${start}`);
  });
});
