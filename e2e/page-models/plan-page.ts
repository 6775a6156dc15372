import type { Locator, Page } from 'playwright-core';

export type OutcomeInput = {
  description: string;
  measure: string;
  unit: string;
  baseline: string;
  baselineOn: string;
  target: string;
  targetOn: string;
};
export type ActionInput = { description: string; owner: string; dueOn: string };
export type CheckInput = { dueOn: string; method: string; owner: string };
export type CheckRecord = {
  /** Values by the outcome's measure. */
  values: Record<string, string>;
  findings: string;
  rag: 'Red' | 'Amber' | 'Green';
  response: 'Continue' | 'Adapt' | 'Stop' | 'Scale up';
  detail: string;
};

/** One plan: its header and a card per priority with phases, outcomes, actions and impact checks. */
export class PlanPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  priority(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  phaseStepper(title: string): Locator {
    return this.priority(title).getByRole('list', { name: `EEF phase of ${title}` });
  }

  currentPhase(title: string): Locator {
    return this.phaseStepper(title).locator('li[aria-current="step"]');
  }

  private async fill(label: string, value: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: label, exact: true }).fill(value);
  }

  private async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  private async submit(button: string): Promise<void> {
    await this.dialog.getByRole('button', { name: button }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async addPriority(title: string, rationale: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add a priority' }).first().click();
    await this.fill('Priority', title);
    await this.dialog.getByRole('textbox', { name: 'Why this matters here' }).fill(rationale);
    await this.submit('Add priority');
    const card = this.priority(title);
    await card.waitFor();
    return card;
  }

  async addOutcome(priority: string, o: OutcomeInput): Promise<void> {
    await this.priority(priority).getByRole('button', { name: 'Add outcome' }).click();
    await this.fill('What will be different', o.description);
    await this.fill('Measure', o.measure);
    await this.fill('Unit', o.unit);
    await this.fill('Baseline', o.baseline);
    await this.fill('Baseline date', o.baselineOn);
    await this.fill('Target', o.target);
    await this.fill('Target date', o.targetOn);
    await this.submit('Add outcome');
  }

  async addAction(priority: string, a: ActionInput): Promise<void> {
    await this.priority(priority).getByRole('button', { name: 'Add action' }).click();
    await this.fill('What will be done', a.description);
    await this.choose('Owner', a.owner);
    await this.fill('Due on', a.dueOn);
    await this.submit('Add action');
  }

  async planCheck(priority: string, c: CheckInput): Promise<void> {
    await this.priority(priority).getByRole('button', { name: 'Plan a check' }).click();
    await this.fill('Due on', c.dueOn);
    await this.choose('How', c.method);
    await this.choose('Who will lead it', c.owner);
    await this.submit('Plan check');
  }

  /** Opens "Record findings" for the check of this method and fills it in; returns the open dialog. */
  async startRecording(priority: string, method: string, r: CheckRecord): Promise<Locator> {
    await this.priority(priority)
      .getByRole('button', { name: new RegExp(`^Record findings of the ${method.toLowerCase()}`) })
      .click();
    for (const [measure, value] of Object.entries(r.values)) {
      await this.dialog.getByRole('textbox', { name: measure }).fill(value);
    }
    await this.dialog.getByRole('textbox', { name: 'What the check found' }).fill(r.findings);
    await this.dialog.getByRole('radio', { name: r.rag, exact: true }).check();
    await this.dialog.getByRole('radio', { name: r.response, exact: true }).check();
    if (r.detail)
      await this.dialog
        .getByRole('textbox', { name: /^(What will change|Why it is stopping)/ })
        .fill(r.detail);
    return this.dialog;
  }

  async recordCheck(priority: string, method: string, r: CheckRecord): Promise<void> {
    await this.startRecording(priority, method, r);
    await this.submit('Record check');
  }

  async movePhase(priority: string, to: string, reason: string): Promise<void> {
    await this.phaseStepper(priority)
      .getByRole('button', { name: new RegExp(`^Move to ${to}`) })
      .click();
    await this.dialog.getByRole('textbox', { name: 'Why is it moving' }).fill(reason);
    await this.submit(`Move to ${to}`);
    await this.currentPhase(priority).filter({ hasText: to }).waitFor();
  }
}
