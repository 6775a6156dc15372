import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { InterventionsPage } from './page-models/interventions-page';
import { PlansPage } from './page-models/plans-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

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
    await interventions.create({
      school: 'Holmebridge Academy',
      name: 'Year 11 maths tutoring',
      startsOn: '06/10/2025',
      baseline: 'Year 11 maths baseline (2025/26, Autumn 1)',
      outcome: 'Year 11 maths mock (2025/26, Spring 1)',
    });
    await interventions.addPupils('Y11', 12);
    await expect.poll(() => interventions.pupils.getByRole('row').count()).toBe(13);

    await interventions.pupils.getByRole('textbox', { name: 'Session date' }).fill('13/10/2025');
    await interventions.pupils.getByRole('button', { name: 'Record a session' }).click();
    const marks = interventions.pupils.getByRole('checkbox', { name: /at the session on 13\/10\/2025$/ });
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
