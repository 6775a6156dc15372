import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

const DATA_MANAGER = 'paul.kershaw@northfield.example';

describe('pupils: finding one and reading their record', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a data manager finds a pupil of their school by name and opens the record', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, DATA_MANAGER, inject('password'));
    // A pupil of the data manager's school with results, read through the API the page uses.
    const schools = (await (await page.request.get('/api/v1/schools')).json()).schools as {
      id: string;
      name: string;
    }[];
    const school = schools.find((s) => s.name === 'Holmebridge Academy')!;
    const csv = await (await page.request.get(`/api/v1/pupils/export.csv?schoolId=${school.id}`)).text();
    // One whose name no other pupil of the school (on roll or left) shares, so a link names one pupil.
    const rows = parse(csv, { from_line: 2 }) as string[][];
    const nameOf = (r: string[]) => `${r[1]} ${r[2]}`;
    const [upn, given, family] = rows.find((r) => rows.filter((o) => nameOf(o) === nameOf(r)).length === 1)!;

    await shell.openFromNav('Pupils');
    await shell.heading.filter({ hasText: 'Pupils' }).waitFor();
    // Their roles are at one school, so that is the only one offered.
    await page.getByRole('combobox', { name: 'School' }).click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Holmebridge Academy']);
    await page.keyboard.press('Escape');

    await page.getByRole('textbox', { name: 'Name or UPN' }).fill(`${given} ${family}`);
    const found = page.getByRole('table', { name: 'Pupils found' });
    await found
      .getByRole('link', { name: `${family}, ${given}` })
      .first()
      .click();
    await shell.heading.filter({ hasText: `${given} ${family}` }).waitFor();
    await page.getByText(upn!, { exact: true }).waitFor({ timeout: 5_000 });
    const results = page.getByRole('table', { name: 'Results' });
    await results.waitFor();
    expect(await results.getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('table', { name: 'Attendance' }).getByRole('row').count()).toBeGreaterThan(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'pupil-record');

    // Back to the same search from the breadcrumb.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Pupils' }).click();
    await page.getByRole('textbox', { name: 'Name or UPN' }).waitFor();
  });
});
