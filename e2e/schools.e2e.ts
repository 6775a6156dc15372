import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { DashboardPage } from './page-models/dashboard-page';
import { launchBrowser, newPage, screenshot } from './support/browser';

/** Saves a change to a school through the API, as a colleague in another browser would. */
async function colleagueRenamesLocalAuthority(page: Page, schoolName: string, localAuthority: string) {
  const request = page.context().request;
  const { csrfToken } = (await (await request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const { schools } = (await (await request.get('/api/v1/schools')).json()) as {
    schools: { id: string; name: string; version: number }[];
  };
  const school = schools.find((s) => s.name === schoolName);
  if (!school) throw new Error(`No school called ${schoolName}`);
  const res = await request.patch(`/api/v1/schools/${school.id}`, {
    data: { version: school.version, localAuthority },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status()).toBe(200);
}

describe('school page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a trust administrator adds a department to a school and sees it listed', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const school = await new DashboardPage(page).openSchool('Holmebridge Academy');
    await school.department('Science').waitFor();

    await school.addDepartment('Design and Technology');
    await school.department('Design and Technology').waitFor();
    expect(await school.newDepartmentName.inputValue()).toBe('');
    await screenshot(page, 'school');
    await page.context().close();
  });

  test('a duplicate department name is explained at the name field', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const school = await new DashboardPage(page).openSchool('Holmebridge Academy');
    await school.department('English').waitFor();

    await school.addDepartment('English');
    await expect.poll(() => school.departmentNameError()).toMatch(/already has a department with that name/);
    await screenshot(page, 'school-duplicate-department');
    await page.context().close();
  });

  test("saving over a colleague's newer change explains the conflict and loads their version", async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const school = await new DashboardPage(page).openSchool('Dene Park Primary School');
    const dialog = await school.openEditDetails();

    await colleagueRenamesLocalAuthority(page, 'Dene Park Primary School', 'Wakefield Council');
    await dialog.getByRole('textbox', { name: 'School name' }).fill('Dene Park Primary');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Someone else changed this record' }).waitFor();
    await screenshot(page, 'school-edit-conflict');

    await dialog.getByRole('button', { name: 'Load their changes' }).click();
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Local authority' }).inputValue())
      .toBe('Wakefield Council');
    expect(await dialog.getByRole('textbox', { name: 'School name' }).inputValue()).toBe(
      'Dene Park Primary School',
    );
    await page.context().close();
  });
});
