import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { DashboardPage } from './page-models/dashboard-page';
import { launchBrowser, newPage, screenshot } from './support/browser';

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
});
