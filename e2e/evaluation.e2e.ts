import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { EvaluationPage } from './page-models/evaluation-page';
import { HeatmapPage } from './page-models/heatmap-page';
import { RoundPage } from './page-models/round-page';
import { NewRoundPage, RoundsPage } from './page-models/rounds-page';
import { ToolLibraryPage } from './page-models/tool-library-page';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

const ROUND = 'Spring 2027 pilot';
const NEXT_ROUND = 'Summer 2027 pilot';
const TOOL = 'Teaching and learning';
const SCHOOL = 'Ashby Lane Primary School';

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length > 0) {
    console.error(`Accessibility problems on the ${name}:\n${JSON.stringify(violations, null, 2)}`);
  }
  expect(violations).toEqual([]);
}

/** The demo trust ships the starter library; a trust without tools adds it from the library page. */
async function ensureToolLibrary(page: Page): Promise<void> {
  await page.goto('/evaluate/tools');
  const starter = page.getByRole('button', { name: 'Add the starter library' });
  const firstTool = page.getByRole('article').first();
  await firstTool.or(starter).first().waitFor();
  if (await starter.isVisible()) {
    await starter.click();
    await firstTool.waitFor();
  }
}

type Api = {
  get: (path: string) => Promise<unknown>;
  patch: (path: string, data: unknown) => Promise<number>;
};

/** The same session's API, as a colleague in another browser tab would use it. */
async function apiOf(page: Page): Promise<Api> {
  const request = page.context().request;
  const { csrfToken } = (await (await request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return {
    get: async (path) => (await request.get(`/api/v1${path}`)).json(),
    patch: async (path, data) =>
      (await request.patch(`/api/v1${path}`, { data, headers: { 'x-csrf-token': csrfToken } })).status(),
  };
}

describe('self-evaluation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a round from start to the next: judge with autosave, submit, agree with one disagreement, close, carry forward', {
    timeout: 240_000,
  }, async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    await ensureToolLibrary(page);
    await screenshot(page, 'evaluation-tool-library');

    // Start a round for three schools with a school-level tool.
    const rounds = new RoundsPage(page);
    await rounds.goto();
    await rounds.startRoundButton.click();
    await new NewRoundPage(page).start({
      name: ROUND,
      tool: TOOL,
      schools: [SCHOOL, 'Brookfield Primary Academy', 'Calder Vale Primary'],
      liaisons: { [SCHOOL]: 'Priya Shah' },
    });
    const round = new RoundPage(page);
    await round.heading(ROUND).waitFor();
    expect(await round.progressTable.getByRole('rowheader').count()).toBe(3);
    expect(await round.row(SCHOOL).textContent()).toContain('Priya Shah');
    await expectNoSeriousViolations(page, 'round page');
    await screenshot(page, 'evaluation-round');

    // The school judges some statements; each change saves itself.
    await round.openEvaluation(SCHOOL, TOOL);
    const evaluation = new EvaluationPage(page);
    await evaluation.judge('TL.1.1', '3 Secure');
    await evaluation.giveReason('TL.1.1', 'Lesson visits this half term showed this in every class.');
    await evaluation.chooseEvidence('TL.1.1', 'Lesson visits');
    await evaluation.judge('TL.1.2', '2 Developing');
    await evaluation.leaveUntilNextTime('TL.1.4', 'Pupil voice in the spring will settle this.');
    await evaluation.waitForSaved();
    await expectNoSeriousViolations(page, 'evaluation form');
    await screenshot(page, 'evaluation-form');

    // Nothing was lost: a reload shows what was typed.
    await page.reload();
    await evaluation.statement('TL.1.2').waitFor();
    expect(await evaluation.chosen('TL.1.2').getAttribute('value')).toBe('2');
    expect(
      await evaluation
        .statement('TL.1.1')
        .getByRole('textbox', { name: 'Why? What does the evidence show?' })
        .inputValue(),
    ).toBe('Lesson visits this half term showed this in every class.');
    expect(
      await evaluation.statement('TL.1.4').getByRole('switch', { name: 'Leave until next time' }).isChecked(),
    ).toBe(true);

    // The rest of the statements, aspect by aspect, then submit.
    const aspects = await evaluation.aspectCount();
    for (let i = 0; i < aspects; i++) {
      await evaluation.openAspect(i);
      await evaluation.judgeRemaining('3 Secure');
    }
    await evaluation.waitForSaved();
    await evaluation.submit();
    await evaluation.status('Submitted for review').waitFor();

    // The liaison (here the trust administrator) reviews: one disagreement needs a rationale.
    await evaluation.openAspect(0);
    await evaluation.judge('TL.1.2', '3 Secure', 'Agreed judgement');
    const disputed = evaluation.statement('TL.1.2');
    await disputed.getByText('Differs from the school’s judgement (Developing)').waitFor();
    await disputed.getByText('Give a rationale: the agreed judgement is not saved until you do').waitFor();
    await evaluation.giveRationale('TL.1.2', 'Books in every class we looked at show this is secure.');
    await evaluation.waitForSaved();
    await evaluation.comment('TL.1.2', 'Can we look at Year 5 books together next week?');
    await expectNoSeriousViolations(page, 'liaison review');
    await screenshot(page, 'evaluation-review');

    await evaluation.agree();
    await evaluation.status('Agreed').waitFor();
    await disputed.getByText('Books in every class we looked at show this is secure.').waitFor();

    // The heatmap shows the agreed judgements and opens the evaluation from a cell.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: ROUND }).click();
    await round.heading(ROUND).waitFor();
    await page.getByRole('link', { name: 'Heatmap' }).click();
    const heatmap = new HeatmapPage(page);
    const agreedCell = await heatmap.cell(SCHOOL, 'TL.1.2');
    expect(await agreedCell.textContent()).toBe('3');
    expect(await (await heatmap.cell(SCHOOL, 'TL.1.4')).textContent()).toBe('L');
    expect(await (await heatmap.cell('Brookfield Primary Academy', 'TL.1.2')).textContent()).toBe('–');
    await agreedCell.hover();
    await heatmap.tooltip.getByText('Agreed: 3 Secure').waitFor();
    await expectNoSeriousViolations(page, 'heatmap');
    await screenshot(page, 'evaluation-heatmap');

    // By keyboard: move along the row with the arrow keys; Enter opens the evaluation at that statement.
    await (await heatmap.cell(SCHOOL, 'TL.1.1')).focus();
    await page.keyboard.press('ArrowRight');
    await heatmap.tooltip.getByText(/TL\.1\.2: Explanations/).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `${SCHOOL}: ${TOOL}` }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^TL\.1\.2 /);

    // By mouse: a click does the same.
    await page.goBack();
    await (await heatmap.cell(SCHOOL, 'TL.1.4')).click();
    await page.getByRole('heading', { level: 1, name: `${SCHOOL}: ${TOOL}` }).waitFor();

    // Close the round and open the next: agreed judgements carry forward.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: ROUND }).click();
    await round.close(ROUND);
    await round.openNextRound(NEXT_ROUND);
    await round.openEvaluation(SCHOOL, TOOL);
    const carried = evaluation.statement('TL.1.2');
    await carried.getByText('Carried forward').waitFor();
    await carried.getByText('Secure (agreed)').waitFor();
    expect(await evaluation.chosen('TL.1.2').getAttribute('value')).toBe('3');
    await evaluation.statement('TL.1.4').getByText('left until next time').waitFor();

    // Moving a judgement on shows which way it went since last round.
    await evaluation.judge('TL.1.1', '4 Exemplary');
    await evaluation.statement('TL.1.1').getByText('Higher than last round').waitFor();
    await evaluation.waitForSaved();
    await screenshot(page, 'evaluation-next-round');
    await page.context().close();
  });

  test('an imported tool file with mistakes is refused line by line, and the corrected file is added', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const library = new ToolLibraryPage(page);
    await ensureToolLibrary(page);
    const file = (area: string, text: string) =>
      JSON.stringify(
        {
          key: 'reading-for-pleasure',
          name: 'Reading for pleasure',
          area,
          completedBy: 'school',
          aspects: [{ title: 'A reading culture', statements: [{ code: 'RP.1', text }] }],
        },
        null,
        2,
      );

    await library.importFile(file('reading', ''));
    expect(await library.problemLines()).toEqual(['4: area', '12: aspects.0.statements.0.text']);
    await screenshot(page, 'evaluation-import-errors');
    await expectNoSeriousViolations(page, 'import dialog');

    await library.importFile(
      file('curriculum', 'Pupils choose books to read for pleasure and talk about them.'),
    );
    await library.importDialog.waitFor({ state: 'detached' });
    await library.tool('Reading for pleasure').waitFor();
    await page.context().close();
  });

  test('a statement a colleague saved first is explained, and their judgement can be kept', async () => {
    const page = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('password'));
    const api = await apiOf(page);
    const { rounds } = (await api.get('/rounds')) as { rounds: { id: string; status: string }[] };
    let draftId: string | undefined;
    for (const r of rounds.filter((x) => x.status === 'open')) {
      const detail = (await api.get(`/rounds/${r.id}`)) as { subjects: { id: string; status: string }[] };
      draftId ??= detail.subjects.find((s) => s.status === 'draft')?.id;
    }
    if (!draftId) throw new Error('No evaluation in progress to test with');

    await page.goto(`/evaluate/evaluations/${draftId}`);
    const evaluation = new EvaluationPage(page);
    const card = evaluation.page.getByRole('article').first();
    await card.waitFor();
    const code = (await card.getByRole('heading').textContent())?.split(/\s/)[0] ?? '';

    // A colleague saves a different judgement of the same statement.
    const detail = (await api.get(`/evaluations/${draftId}`)) as {
      aspects: { statements: { id: string; code: string }[] }[];
      responses: { id: string; statementId: string; version: number }[];
    };
    const statement = detail.aspects[0]?.statements.find((s) => s.code === code);
    const response = detail.responses.find((r) => r.statementId === statement?.id);
    if (!response) throw new Error(`No response for ${code}`);
    expect(
      await api.patch(`/responses/${response.id}`, {
        version: response.version,
        selfValue: 1,
        selfReason: 'Seen on the colleague’s learning walk.',
      }),
    ).toBe(200);

    // A judgement different from what this page shows, so choosing it is a change to save.
    const chosen = evaluation.chosen(code);
    const shown = (await chosen.count()) > 0 ? await chosen.getAttribute('value') : null;
    await evaluation.judge(code, shown === '4' ? '3 Secure' : '4 Exemplary');
    const notice = evaluation.statement(code).getByRole('alert');
    await notice.getByText('Not saved: someone else changed this statement').waitFor();
    await notice.getByText(/They saved: Not yet in place/).waitFor();
    await screenshot(page, 'evaluation-conflict');

    await notice.getByRole('button', { name: 'Use theirs' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await evaluation.chosen(code).getAttribute('value')).toBe('1');

    // Later changes build on their version and save normally.
    await evaluation.judge(code, '2 Developing');
    await evaluation.waitForSaved();
    await page.reload();
    await evaluation.statement(code).waitFor();
    expect(await evaluation.chosen(code).getAttribute('value')).toBe('2');
    await page.context().close();
  });
});
