import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { PeoplePage } from './page-models/people-page';
import { launchBrowser, newPage, screenshot } from './support/browser';

describe('people and roles', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a trust administrator gives a teacher a governor role and sees its badge', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, inject('adminEmail'), inject('password'));
    await shell.openFromNav('People and roles');
    const people = new PeoplePage(page);
    await people.heading.waitFor();
    await people.row('Emma Fielding').waitFor();

    await people.assignRole('Emma Fielding', { role: 'Governor', school: 'Brookfield Primary Academy' });
    await people.roleBadge('Emma Fielding', 'Governor at Brookfield Primary Academy').waitFor();
    await people.roleBadge('Emma Fielding', 'Teacher at Brookfield Primary Academy').waitFor();
    await screenshot(page, 'people');
    await page.context().close();
  });

  test('a department role is given by choosing the school and then its department', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const people = new PeoplePage(page);
    await people.goto();

    await people.assignRole('Chris Doyle', {
      role: 'Middle leader',
      school: 'Holmebridge Academy',
      department: 'Humanities',
    });
    await people.roleBadge('Chris Doyle', 'Middle leader, Humanities at Holmebridge Academy').waitFor();
    await page.context().close();
  });
});
