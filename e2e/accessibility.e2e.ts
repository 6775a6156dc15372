import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { DashboardPage } from './page-models/dashboard-page';
import { LoginPage } from './page-models/login-page';
import { PeoplePage } from './page-models/people-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) {
    console.error(`Accessibility problems on the ${name} page:\n${JSON.stringify(violations, null, 2)}`);
  }
  expect(violations).toEqual([]);
}

describe('accessibility (WCAG 2.2 AA, serious and critical)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the sign-in page, also when showing an error', async () => {
    const page = await newPage(browser);
    const login = new LoginPage(page);
    await login.goto();
    await expectNoSeriousViolations(page, 'sign-in');
    await login.signIn(inject('adminEmail'), 'not-the-right-password');
    await login.error.waitFor();
    await expectNoSeriousViolations(page, 'sign-in error');
    await page.context().close();
  });

  test('the dashboard, a school page and the people page', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const dashboard = new DashboardPage(page);
    await dashboard.schoolsTable.waitFor();
    await expectNoSeriousViolations(page, 'dashboard');

    const school = await dashboard.openSchool('Riverside All-Through School');
    await school.department('Sixth Form').waitFor();
    await expectNoSeriousViolations(page, 'school');

    const people = new PeoplePage(page);
    await people.goto();
    await people.row('Amira Hussain').waitFor();
    await expectNoSeriousViolations(page, 'people');
    await page.context().close();
  });

  test('the dashboard on a phone-sized screen', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, inject('adminEmail'), inject('password'));
    const dashboard = new DashboardPage(page);
    await dashboard.schoolsSection.getByRole('link', { name: 'Holmebridge Academy' }).waitFor();
    expect(await dashboard.schoolsTable.isVisible()).toBe(false);
    await expectNoSeriousViolations(page, 'mobile dashboard');
    await screenshot(page, 'dashboard-mobile');
    await page.context().close();
  });

  test('forms showing field errors, and the dialogs that hold them', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const school = await new DashboardPage(page).openSchool('Calder Vale Primary');
    await school.addDepartmentButton.click();
    await expect.poll(() => school.departmentNameError()).toBeTruthy();
    await expectNoSeriousViolations(page, 'school with a field error');

    await school.openEditDetails();
    await expectNoSeriousViolations(page, 'edit school dialog');

    const people = new PeoplePage(page);
    await people.goto();
    await page.getByRole('button', { name: 'Invite person' }).click();
    await people.dialog.getByRole('button', { name: 'Send invitation' }).click();
    await people.dialog.getByText('Enter their full name').waitFor();
    await expectNoSeriousViolations(page, 'invite dialog with errors');
    await page.context().close();
  });
});
