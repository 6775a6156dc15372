import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { MonitorPage } from './page-models/plan-monitor-page';
import { PlanPage } from './page-models/plan-page';
import { PlansPage } from './page-models/plans-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

/** A day relative to today, as a British user types it (dd/mm/yyyy). */
function ukDate(daysFromToday: number): string {
  const d = new Date();
  d.setDate(d.getDate() + daysFromToday);
  return d.toLocaleDateString('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** The start of this academic year, so the baseline is always in the past. */
function academicYearStart(): string {
  const now = new Date();
  const year = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `01/09/${year}`;
}

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) {
    console.error(`Accessibility problems on the ${name} page:\n${JSON.stringify(violations, null, 2)}`);
  }
  expect(violations).toEqual([]);
}

/** Hides the "Done" messages, which would otherwise cover the page in full-page screenshots. */
async function hideNotifications(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none; }' });
}

const PRIORITY = 'Improve reading fluency in Key Stage 3';
const ACTION = 'Train form tutors to lead paired reading';
const MEASURE = 'Pupils reading at age-related fluency';

// The tests run in order: the plan made in the first is monitored in the later ones.
describe('improvement planning and monitoring', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a trust administrator plans a priority, records an impact check and moves it through every phase', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const plans = new PlansPage(page);
    await plans.goto();
    const plan = await plans.createPlan({ school: 'Holmebridge Academy', owner: 'Grace Adeyemi' });
    await page.getByText('Led by Grace Adeyemi', { exact: false }).first().waitFor();

    const card = await plan.addPriority(
      PRIORITY,
      'The agreed evaluation found reading is not taught consistently after Year 7.',
    );
    expect(await plan.currentPhase(PRIORITY).textContent()).toContain('Explore');

    await plan.addOutcome(PRIORITY, {
      description: 'More pupils in Years 8 and 9 read fluently',
      measure: MEASURE,
      unit: '%',
      baseline: '40',
      baselineOn: academicYearStart(),
      target: '70',
      targetOn: ukDate(240),
    });
    await card.getByText('No check recorded yet').waitFor();

    await plan.addAction(PRIORITY, { description: ACTION, owner: 'Amira Hussain', dueOn: ukDate(7) });
    await card.getByRole('row', { name: new RegExp(ACTION) }).waitFor();

    await plan.planCheck(PRIORITY, { dueOn: ukDate(3), method: 'Data drop', owner: 'Amira Hussain' });
    await plan.planCheck(PRIORITY, { dueOn: ukDate(10), method: 'Lesson visits', owner: 'Amira Hussain' });

    // "Adapt" needs to say what will change: the form says so at the field.
    const dialog = await plan.startRecording(PRIORITY, 'Data drop', {
      values: { [`${MEASURE} (%)`]: '42' },
      findings: 'Fluency rose a little, mostly in the tutor groups that kept to the routine.',
      rag: 'Amber',
      response: 'Adapt',
      detail: '',
    });
    await dialog.getByRole('button', { name: 'Record check' }).click();
    await dialog.getByText('Say what will change').waitFor();
    await dialog
      .getByRole('textbox', { name: /^What will change/ })
      .fill('Move paired reading into tutor time on three days a week.');
    await dialog.getByRole('button', { name: 'Record check' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card.getByText('Decision: Adapt').waitFor();
    await card
      .getByText('Move paired reading into tutor time on three days a week.', { exact: false })
      .waitFor();
    await card.getByText('Amber', { exact: true }).waitFor();
    await card.getByText(`${MEASURE}: 42%`).waitFor();
    await card.getByText('Behind the line').waitFor();
    await card.getByRole('img', { name: /Baseline 40% .* latest 42% .* target 70%/ }).waitFor();

    await plan.movePhase(PRIORITY, 'Prepare', 'Staff agree the problem is fluency, not decoding.');
    await plan.movePhase(PRIORITY, 'Deliver', 'Tutors are trained and the texts are bought.');
    await plan.movePhase(PRIORITY, 'Sustain', 'Paired reading now runs in every tutor group.');
    expect(await plan.currentPhase(PRIORITY).textContent()).toContain('Sustain');
    // Keyboard users land on the new current phase, not at the top of the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^4Sustain/);
    const history = card.getByRole('listitem').filter({ hasText: /to Sustain – Paired reading now runs/ });
    await history.waitFor();
    await card.getByText(/Explore to Prepare – Staff agree/).waitFor();

    await hideNotifications(page);
    await screenshot(page, 'plan');
    await expectNoSeriousViolations(page, 'plan');

    // Printed, the plan stands alone: no navigation, header or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Add outcome' }).isVisible()).toBe(false);
    await screenshot(page, 'plan-print');
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'plan-mobile');
    await expectNoSeriousViolations(page, 'plan on a phone');
    await page.context().close();
  });

  test('agreed judgements below secure become priorities in one click, and a failing one is stopped', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const plan = new PlanPage(page);
    // Open the demo's Autumn 2026 round by id: other journeys may have added newer rounds that the
    // page would otherwise open first.
    const rounds = (await (await page.request.get('/api/v1/rounds')).json()) as {
      rounds: { id: string; name: string }[];
    };
    const autumn = rounds.rounds.find((r) => r.name === 'Autumn 2026');
    if (!autumn) throw new Error('the demo trust has no Autumn 2026 round');
    const fromJudgements = async () => {
      await page.goto(`/plan/from-judgements?roundId=${autumn.id}`);
      await page.getByRole('heading', { level: 1, name: 'Plan from judgements' }).waitFor();
      // Which judgements are already priorities arrives after the list: let it settle before a click.
      await page.waitForLoadState('networkidle');
      return page.getByRole('region', { name: 'Ashby Lane Primary School' });
    };
    /** Makes the first weak judgement not yet planned a priority; returns its title. */
    const makePriority = async () => {
      const ashby = await fromJudgements();
      const make = ashby.getByRole('button', { name: /^Make this a priority/ }).first();
      await make.waitFor();
      await make.click();
      await page.waitForURL(/\/plan\/[0-9a-f-]{36}#priority-/);
      const card = page.locator(new URL(page.url()).hash);
      await card.getByText('From the evaluation').waitFor();
      return (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
    };

    const ashby = await fromJudgements();
    await ashby
      .getByRole('button', { name: /^Make this a priority/ })
      .first()
      .waitFor();
    await screenshot(page, 'plan-from-judgements');
    await expectNoSeriousViolations(page, 'plan from judgements');

    const first = await makePriority();
    expect(first).toMatch(/^Improve: /);
    await page
      .getByRole('heading', { level: 1, name: /Ashby Lane Primary School improvement plan/ })
      .waitFor();
    expect(await plan.currentPhase(first).textContent()).toContain('Explore');
    await plan.planCheck(first, { dueOn: ukDate(-2), method: 'Work scrutiny', owner: 'Amira Hussain' });
    await plan.priority(first).getByText('Overdue', { exact: true }).waitFor();

    // The judgement now links to its priority instead of offering to make another.
    await (await fromJudgements()).getByRole('link', { name: 'Already a priority' }).first().waitFor();

    const second = await makePriority();
    expect(second).not.toBe(first);
    await plan.planCheck(second, { dueOn: ukDate(0), method: 'Staff voice', owner: 'Amira Hussain' });
    const dialog = await plan.startRecording(second, 'Staff voice', {
      values: {},
      findings: 'Staff say the weekly log takes an hour and nobody reads it.',
      rag: 'Red',
      response: 'Stop',
      detail: 'It costs more time than it saves; the termly review covers the same ground.',
    });
    await dialog.getByText('Stopping de-implements this priority').waitFor();
    await dialog.getByRole('textbox', { name: 'Time freed' }).fill('1 hour a week for each middle leader');
    await dialog.getByRole('textbox', { name: 'Money freed' }).fill('£600 a year in cover');
    await dialog.getByRole('button', { name: 'Record and stop the priority' }).click();
    await dialog.waitFor({ state: 'detached' });
    await plan.priority(second).getByText('This priority has been stopped').waitFor();
    await plan.priority(second).getByText('Stopped (de-implemented)').waitFor();
    await hideNotifications(page);
    await screenshot(page, 'plan-from-judgements-stopped');
    await page.context().close();
  });

  test("my week lists what is due, and a line manager's meeting is recorded against the agenda", async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const monitor = new MonitorPage(page);
    await monitor.goto();
    await monitor.item(ACTION).waitFor();
    await monitor.item(/Impact check\s*Lesson visits/).waitFor();
    await monitor.item(ACTION).getByRole('link', { name: PRIORITY }).waitFor();
    // Overdue comes first.
    await expect
      .poll(() => monitor.main.getByRole('listitem').first().textContent())
      .toContain('Work scrutiny');
    await screenshot(page, 'monitor');
    await expectNoSeriousViolations(page, 'monitor');

    await monitor.openMeetingAgenda('Grace Adeyemi');
    await monitor.item(/Impact check\s*Lesson visits/).waitFor();
    await page.getByText('More pupils in Years 8 and 9 read fluently').waitFor();
    await monitor.recordMeeting({
      notes: 'Ask how the tutor-time change is landing.',
      decisions: { 'Lesson visits': 'Visit Year 8 tutor groups first' },
      actionsAgreed: 'Grace to share the visit rota with tutors.',
    });
    await monitor.pastMeeting('Ask how the tutor-time change is landing.').waitFor();
    // Kept on the server: still there after a reload, with its decision and actions.
    await page.reload();
    await monitor.heading.waitFor();
    const logged = monitor.pastMeeting('Ask how the tutor-time change is landing.');
    await logged.getByText('Visit Year 8 tutor groups first', { exact: false }).waitFor();
    await logged.getByText('Grace to share the visit rota with tutors.').waitFor();
    await logged.getByText('Next meeting').waitFor();
    await hideNotifications(page);
    await screenshot(page, 'monitor-meeting');
    await expectNoSeriousViolations(page, 'meeting agenda');

    // Following an item leads to its priority in the plan.
    await page.getByRole('tab', { name: 'My week' }).click();
    await monitor.item(ACTION).getByRole('link', { name: PRIORITY }).click();
    await new PlanPage(page).priority(PRIORITY).waitFor();
    await page.context().close();
  });

  test("a school leader plans in their own school and opens a colleague's agenda", async () => {
    const page = await newPage(browser);
    await signIn(page, 'grace.adeyemi@northfield.example', inject('password'));
    const plans = new PlansPage(page);
    await plans.goto();
    await plans.plansTable.getByRole('link', { name: /Holmebridge Academy improvement plan/ }).click();
    const plan = new PlanPage(page);
    await plan.priority(PRIORITY).waitFor();
    // The owner list holds the school's own staff, who may own work in its plan.
    await plan.priority(PRIORITY).getByRole('button', { name: 'Add action' }).click();
    await plan.dialog.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: /Rachel Byrne/ }).waitFor();
    await page.keyboard.press('Escape');
    await plan.dialog.getByRole('button', { name: 'Cancel' }).click();

    const monitor = new MonitorPage(page);
    await monitor.goto();
    await monitor.item(/Impact check\s*Lesson visits/).waitFor();
    await monitor.openMeetingAgenda('Rachel Byrne');
    await page.getByText('Nothing is due in the next fortnight and nothing is overdue.').waitFor();
    await expectNoSeriousViolations(page, 'school leader meeting agenda');
    await page.context().close();
  });

  test('the plans list shows each plan with the trust overview and the register of stopped initiatives', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const plans = new PlansPage(page);
    await plans.goto();
    await plans.plansTable.getByRole('link', { name: /Holmebridge Academy improvement plan/ }).waitFor();
    const overview = page.getByRole('region', { name: 'Across the trust' });
    await overview.getByRole('rowheader', { name: 'Holmebridge Academy' }).waitFor();
    const register = page.getByRole('region', { name: 'Stopped initiatives' });
    await register.getByRole('cell', { name: '£600 a year in cover' }).waitFor();
    await register.getByRole('cell', { name: /It costs more time than it saves/ }).waitFor();
    await screenshot(page, 'plans');
    await expectNoSeriousViolations(page, 'plans');

    await page.goto('/');
    const tile = page.getByRole('region', { name: 'Improvement plans' });
    await tile.getByText(/\d+ plans, \d+ active priorit/).waitFor();
    await screenshot(page, 'dashboard-plans');
    await tile.getByRole('link', { name: 'Open plans' }).click();
    await plans.heading.waitFor();
    await page.context().close();
  });
});
