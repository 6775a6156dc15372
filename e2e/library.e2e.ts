import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { PlansPage } from './page-models/plans-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

const PRIORITY = 'Storytelling to build early vocabulary in Reception';
const LESSON = 'Retelling with props worked best when the same story ran for a whole week.';
const LEAD = 'daniel.okafor@northfield.example';

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) {
    console.error(`Accessibility problems on the ${name} page:\n${JSON.stringify(violations, null, 2)}`);
  }
  expect(violations).toEqual([]);
}

async function hideNotifications(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
}

function academicYearStart(): string {
  const now = new Date();
  const year = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `01/09/${year}`;
}

function ukDate(daysFromToday: number): string {
  const d = new Date();
  d.setDate(d.getDate() + daysFromToday);
  return d.toLocaleDateString('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

describe('the case-study library', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the Learn page shows the demo trust’s case studies, suggestions and the Toolkit list', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    await page.goto('/learn');
    await page.getByRole('heading', { level: 1, name: 'Learn' }).waitFor();
    await page.getByRole('link', { name: 'Same-day phonics catch-up in Reception and Year 1' }).waitFor();
    const suggested = page.getByRole('region', { name: 'Suggested for you' });
    await suggested.getByText(/judged below Secure/).waitFor();

    await page.getByRole('textbox', { name: 'Search case studies' }).fill('persistent absence');
    const result = page
      .getByRole('article')
      .filter({ hasText: 'Bringing persistent absence down in Year 9' });
    await result.locator('mark').first().waitFor();
    await hideNotifications(page);
    await screenshot(page, 'learn-search');
    await expectNoSeriousViolations(page, 'Learn');

    await page.getByRole('link', { name: 'EEF Toolkit strands' }).click();
    await page.getByRole('heading', { level: 1, name: 'EEF Toolkit strands' }).waitFor();
    const meta = page.getByRole('row', { name: /Metacognition and self-regulation/ });
    expect(await meta.textContent()).toContain('+7 months');
    await expectNoSeriousViolations(page, 'Toolkit');
    await screenshot(page, 'learn-toolkit');
    await page.close();
  });

  test('a case study written from a priority is submitted, published by the lead and found by search', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const plans = new PlansPage(page);
    await plans.goto();
    const plan = await plans.createPlan({ school: 'Calder Vale Primary', owner: 'Sarah Whitaker' });
    const card = await plan.addPriority(
      PRIORITY,
      'Children started Reception with a narrow spoken vocabulary, and the gap showed again in Year 1 reading.',
    );
    await plan.addOutcome(PRIORITY, {
      description: 'More children reach the expected level in communication and language',
      measure: 'Children at the expected level in communication and language',
      unit: '%',
      baseline: '58',
      baselineOn: academicYearStart(),
      target: '75',
      targetOn: ukDate(240),
    });

    await hideNotifications(page);
    await card.screenshot({ path: 'e2e/screenshots/learn-priority-card.png' });

    // Write the case study: a draft pre-filled from the priority opens in the editor.
    await card.getByRole('button', { name: 'Write a case study' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit: ${PRIORITY}` }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(PRIORITY);
    expect(await page.getByRole('textbox', { name: 'The problem' }).inputValue()).toContain(
      'narrow spoken vocabulary',
    );
    expect(await page.getByRole('textbox', { name: 'Measure' }).first().inputValue()).toContain(
      'communication and language',
    );
    await page.getByRole('textbox', { name: 'Lessons' }).fill(LESSON);
    await page.getByRole('radio', { name: 'Every trust on this platform' }).check();
    await hideNotifications(page);
    await screenshot(page, 'learn-editor');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('heading', { level: 1, name: PRIORITY, exact: true }).waitFor();
    await page.getByText(LESSON).waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('In review', { exact: true }).first().waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();

    // The improvement lead finds it waiting for review and publishes it.
    await signIn(page, LEAD, inject('password'));
    await page.goto('/learn');
    await page
      .getByRole('region', { name: 'Drafts and reviews' })
      .getByRole('link', { name: PRIORITY })
      .click();
    await page.getByRole('heading', { level: 1, name: PRIORITY, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Published', { exact: true }).first().waitFor();
    await page
      .getByRole('cell', { name: /communication and language/ })
      .first()
      .waitFor();
    await hideNotifications(page);
    await expectNoSeriousViolations(page, 'case study');
    await screenshot(page, 'learn-case-study');

    // Anyone in the trust now finds it by the words in its lessons.
    await page.goto('/learn');
    await page.getByRole('textbox', { name: 'Search case studies' }).fill('retelling props');
    const found = page.getByRole('article').filter({ hasText: PRIORITY });
    await found.locator('mark').first().waitFor();
    expect(await found.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Retelling']));
    await page.close();
  });
});
