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

  test('inviting a person leads straight on to giving them a role', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const people = new PeoplePage(page);
    await people.goto();

    const assign = await people.invite({
      name: 'Zara Patel',
      email: 'zara.patel@northfield.example',
      jobTitle: 'Year 6 Teacher',
    });
    await assign.getByText('Zara Patel has been invited.').waitFor();
    await people.fillRole({ role: 'Teacher', school: 'Ashby Lane Primary School' });
    await people.roleBadge('Zara Patel', 'Teacher at Ashby Lane Primary School').waitFor();
    await people.row('Zara Patel').getByText('Invited', { exact: true }).waitFor();
    await page.context().close();
  });

  test('removing a role asks first, then takes the badge away', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const people = new PeoplePage(page);
    await people.goto();

    await people.removeRole('Olivia Stanton', 'Governor at Holmebridge Academy');
    await people.row('Olivia Stanton').getByText('No role yet').waitFor();
    await page.context().close();
  });
});
