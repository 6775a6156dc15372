import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { DashboardPage } from './page-models/dashboard-page';
import { LoginPage } from './page-models/login-page';
import { launchBrowser, newPage, screenshot } from './support/browser';

describe('signing in and out', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the demo trust administrator signs in and sees the trust dashboard with its six schools', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const dashboard = new DashboardPage(page);
    await dashboard.heading('Northfield Learning Trust').waitFor();
    expect(await dashboard.schoolNames()).toEqual([
      'Ashby Lane Primary School',
      'Brookfield Primary Academy',
      'Calder Vale Primary',
      'Dene Park Primary School',
      'Holmebridge Academy',
      'Riverside All-Through School',
    ]);
    expect(await page.title()).toContain('Northfield Learning Trust');
    await screenshot(page, 'dashboard');
    await page.context().close();
  });

  test('a school leader sees only their own school, titled "Your school"', async () => {
    const page = await newPage(browser);
    await signIn(page, 'helen.marsh@northfield.example', inject('password'));
    const dashboard = new DashboardPage(page);
    await dashboard.heading('Your school').waitFor();
    expect(await dashboard.schoolNames()).toEqual(['Ashby Lane Primary School']);
    await screenshot(page, 'dashboard-school-leader');
    await page.context().close();
  });

  test('signing out returns to the sign-in page and closes the session', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, inject('adminEmail'), inject('password'));
    const login = await shell.signOut();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('status').filter({ hasText: 'You have signed out.' }).waitFor();
    await screenshot(page, 'signed-out');

    await page.goto('/');
    await login.heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  test('a wrong password shows an error and stays on the sign-in page', async () => {
    const page = await newPage(browser);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(inject('adminEmail'), 'not-the-right-password');
    await login.error.waitFor();
    expect(await login.error.textContent()).toMatch(/sign-in failed/i);
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-failed');
    await page.context().close();
  });
});
