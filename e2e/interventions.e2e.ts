import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { InterventionsPage } from './page-models/interventions-page';
import { PlansPage } from './page-models/plans-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';
import { lastAcademicYear } from './support/demo-data';

describe('plan: the interventions register', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a trust administrator records an intervention, adds pupils, marks a session and reads its impact', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, inject('adminEmail'), inject('password'));
    await shell.openFromNav('Interventions');
    const interventions = new InterventionsPage(page);
    await page.getByRole('heading', { level: 1, name: 'Interventions' }).waitFor();
    // Last year, when this year's Year 11 were in Year 10: its autumn and summer data drops.
    const last = lastAcademicYear();
    const spring = last.start + 1;
    await interventions.create({
      school: 'Holmebridge Academy',
      name: 'Year 11 maths tutoring',
      startsOn: `06/01/${spring}`,
      baseline: `Year 10 maths (${last.label}, Autumn 2)`,
      outcome: `Year 10 maths (${last.label}, Summer 2)`,
    });
    await interventions.addPupils('Y11', 12);
    await expect.poll(() => interventions.pupils.getByRole('row').count()).toBe(13);

    await interventions.pupils.getByRole('textbox', { name: 'Session date' }).fill(`13/01/${spring}`);
    await interventions.pupils.getByRole('button', { name: 'Record a session' }).click();
    const marks = interventions.pupils.getByRole('checkbox', {
      name: new RegExp(`at the session on 13/01/${spring}$`),
    });
    await expect.poll(() => marks.count()).toBe(12);
    // The tick follows the saved mark, so wait for the server rather than the click.
    await marks.first().click();
    await expect.poll(() => interventions.pupils.getByText('(0/1)', { exact: true }).count()).toBe(1);

    await expect
      .poll(() => interventions.impact.textContent())
      .toMatch(
        /The 12 pupils who received the intervention scored \d\.\d\d standard deviations (higher|lower)/,
      );
    const chart = interventions.impact.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^Effect size with 95% confidence interval\. All pupils: /,
    );
    expect(await interventions.impact.getByText('Read with care').isVisible()).toBe(true);
    await screenshot(page, 'intervention');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await shell.openFromNav('Interventions');
    await page.getByRole('link', { name: 'Year 11 maths tutoring' }).waitFor();
    await screenshot(page, 'interventions');
    await page.context().close();
  });

  test('a priority lists the interventions that serve it, and one can be added from there', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const plans = new PlansPage(page);
    await plans.goto();
    const plan = await plans.createPlan({ school: 'Riverside All-Through School' });
    const card = await plan.addPriority('Year 8 reading', 'Too many pupils read below their age.');
    const section = card.getByRole('region', { name: 'Interventions' });
    await section.waitFor();
    expect(await section.textContent()).toMatch(/No pupil interventions serve this priority yet/);
    await section.getByRole('button', { name: 'Add an intervention' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Reading mentors');
    await dialog.getByRole('button', { name: 'Add intervention' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reading mentors' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Reading mentors' }).first().waitFor();
    expect(await page.getByText('Choose an outcome assessment').first().isVisible()).toBe(true);
    await screenshot(page, 'priority-interventions');
    await page.context().close();
  });
});
