import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { MonitorPage } from './page-models/plan-monitor-page';
import { PlansPage } from './page-models/plans-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

const SCHOOL = 'Dene Park Primary School';
const PRIORITY = 'Make retrieval practice a daily habit in Key Stage 2';
const OUTCOME = 'More Year 6 pupils recall key facts a term later';
const ACTION = 'Write a bank of retrieval quizzes for Years 5 and 6';

function ukDate(daysFromToday: number): string {
  const d = new Date();
  d.setDate(d.getDate() + daysFromToday);
  return d.toLocaleDateString('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0)
    console.error(`Accessibility problems on ${name}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations).toEqual([]);
}

async function hideNotifications(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
}

/** A colleague's save made through the API in the same session, between opening a form and saving it. */
async function patchAsColleague(page: Page, path: string, data: object): Promise<number> {
  const request = page.context().request;
  const { csrfToken } = (await (await request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return (await request.patch(`/api/v1${path}`, { data, headers: { 'x-csrf-token': csrfToken } })).status();
}

describe('monitoring around a priority', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('barriers, support and fidelity are recorded on a priority, and outcome edits catch a colleague’s save', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const plans = new PlansPage(page);
    await plans.goto();
    const plan = await plans.createPlan({ school: SCHOOL });
    const card = await plan.addPriority(PRIORITY, 'Pupils forget what they were taught last term.');
    await plan.addOutcome(PRIORITY, {
      description: OUTCOME,
      measure: 'Pupils scoring 8 or more on the recall quiz',
      unit: '%',
      baseline: '45',
      baselineOn: ukDate(-30),
      target: '70',
      targetOn: ukDate(200),
    });
    await plan.addAction(PRIORITY, { description: ACTION, owner: 'Priya Shah', dueOn: ukDate(10) });

    await card.getByRole('button', { name: 'Add barrier' }).click();
    await plan.dialog.getByRole('textbox', { name: 'Risk' }).fill('Supply staff do not know the routine');
    await plan.dialog.getByRole('textbox', { name: 'Early-warning sign' }).fill('Quizzes missing from books');
    await plan.dialog.getByRole('button', { name: 'Add barrier' }).click();
    await plan.dialog.waitFor({ state: 'detached' });
    const barriers = card.getByRole('table', { name: 'Barriers and contingencies' });
    await barriers.getByRole('cell', { name: 'Supply staff do not know the routine' }).waitFor();

    await card.getByRole('button', { name: 'Record support' }).click();
    await plan.dialog.getByRole('combobox', { name: 'Given by' }).click();
    await page
      .getByRole('option', { name: /Priya Shah/ })
      .first()
      .click();
    await plan.dialog.getByRole('textbox', { name: 'Sessions held so far' }).fill('3');
    await plan.dialog
      .getByRole('textbox', { name: 'Notes' })
      .fill('Modelling retrieval starters with Year 5');
    await plan.dialog.getByRole('button', { name: 'Record support' }).click();
    await plan.dialog.waitFor({ state: 'detached' });
    const support = card.getByRole('table', { name: 'Support' });
    await support.getByRole('cell', { name: 'Priya Shah' }).waitFor();
    await support.getByRole('cell', { name: '3', exact: true }).waitFor();

    await card.getByRole('button', { name: 'Add measure' }).click();
    await plan.dialog.getByRole('textbox', { name: 'Measure' }).fill('Lessons opening with a retrieval quiz');
    await plan.dialog.getByRole('textbox', { name: 'Target' }).fill('90');
    await plan.dialog.getByRole('button', { name: 'Add measure' }).click();
    await plan.dialog.waitFor({ state: 'detached' });
    const valueForm = card.getByRole('form', {
      name: 'Record a value for Lessons opening with a retrieval quiz',
    });
    for (const [date, value] of [
      [ukDate(-14), '55'],
      [ukDate(0), '78'],
    ] as const) {
      await valueForm.getByRole('textbox', { name: 'Date' }).fill(date);
      await valueForm.getByRole('textbox', { name: /^Value/ }).fill(value);
      await valueForm.getByRole('button', { name: 'Record value' }).click();
      await card
        .getByRole('table', { name: /Values for/ })
        .getByRole('cell', { name: `${value}%` })
        .waitFor();
    }
    await card
      .getByRole('img', { name: /Lessons opening with a retrieval quiz: 55, 78; target 90/ })
      .waitFor();

    // Edit the outcome's target.
    await card.getByRole('button', { name: `Edit outcome: ${OUTCOME}` }).click();
    await plan.dialog.getByRole('textbox', { name: 'Target', exact: true }).fill('75');
    await plan.dialog.getByRole('button', { name: 'Save outcome' }).click();
    await plan.dialog.waitFor({ state: 'detached' });
    await card.getByRole('img', { name: /target 75%/ }).waitFor();

    // A colleague saves while the form is open: the later save is refused, not silently lost.
    await card.getByRole('button', { name: `Edit outcome: ${OUTCOME}` }).click();
    const planId = new URL(page.url()).pathname.split('/').pop();
    const detail = (await (await page.request.get(`/api/v1/plans/${planId}`)).json()) as {
      priorities: { title: string; outcomes: Record<string, unknown>[] }[];
    };
    const { id, latestValue, latestOn, onTrack, ...fields } = detail.priorities.find(
      (p) => p.title === PRIORITY,
    )!.outcomes[0]!;
    expect(await patchAsColleague(page, `/outcomes/${id}`, { ...fields, targetValue: '80' })).toBe(200);
    await plan.dialog.getByRole('textbox', { name: 'Target', exact: true }).fill('85');
    await plan.dialog.getByRole('button', { name: 'Save outcome' }).click();
    await plan.dialog.getByRole('alert').filter({ hasText: 'Someone else changed this record' }).waitFor();
    await hideNotifications(page);
    await screenshot(page, 'outcome-stale-edit');
    await plan.dialog.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('img', { name: /target 80%/ }).waitFor();

    // Plan details and the priority itself can be changed after they were made.
    await page.getByRole('button', { name: 'Edit details' }).click();
    await plan.dialog.getByRole('textbox', { name: 'Title' }).fill('Dene Park improvement plan');
    await plan.dialog.getByRole('button', { name: 'Save details' }).click();
    await plan.dialog.waitFor({ state: 'detached' });
    await plan.heading('Dene Park improvement plan').waitFor();
    await card.getByRole('button', { name: `Edit priority: ${PRIORITY}` }).click();
    await plan.dialog.getByRole('checkbox', { name: 'This priority is completed' }).waitFor();
    await screenshot(page, 'priority-edit');
    await plan.dialog.getByRole('button', { name: 'Cancel' }).click();
    await plan.dialog.waitFor({ state: 'detached' });

    await card.getByRole('heading', { name: 'Implementation fidelity' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'priority-barriers-support-fidelity');
    await expectNoSeriousViolations(page, 'the plan with barriers, support and fidelity');

    await plans.goto();
    await page.getByRole('link', { name: 'Capacity' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capacity' }).waitFor();
    await page
      .getByRole('table', { name: /^Capacity from/ })
      .getByRole('row')
      .nth(1)
      .waitFor();
    await screenshot(page, 'capacity');
    await expectNoSeriousViolations(page, 'capacity');
    await page.context().close();
  });

  test('a liaison records a meeting with a school and finds it after a reload', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const monitor = new MonitorPage(page);
    await monitor.goto();
    await monitor.openSchoolMeeting(SCHOOL);
    await page.getByRole('heading', { name: 'Support under way' }).waitFor();
    await monitor.item(ACTION).waitFor();
    await monitor.recordMeeting({
      notes: 'Walked Year 5 and 6 with the head; quizzes seen in most books.',
      decisions: { [ACTION]: 'Share the quiz bank with the other primaries' },
      actionsAgreed: 'Head to brief supply staff on the routine.',
    });
    await monitor.pastMeeting(/quizzes seen in most books/).waitFor();
    await page.reload();
    await monitor.heading.waitFor();
    const logged = monitor.pastMeeting(/quizzes seen in most books/);
    await logged.getByText('Head to brief supply staff on the routine.').waitFor();
    await logged.getByText(/Share the quiz bank with the other primaries/).waitFor();
    await hideNotifications(page);
    await screenshot(page, 'monitor-school-meeting');
    await expectNoSeriousViolations(page, 'school meeting');
    await page.context().close();
  });

  test('anyone can turn the daily email off and on from their account', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    await page.goto('/account');
    const toggle = page.getByRole('switch', { name: /daily list of what is due/ });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await page.getByText('The daily email is turned off.').waitFor();
    await page.reload();
    // Disabled until the saved choice has loaded, so only then does its state mean anything.
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await hideNotifications(page);
    await screenshot(page, 'account-digest');
    await expectNoSeriousViolations(page, 'account');
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.context().close();
  });
});
