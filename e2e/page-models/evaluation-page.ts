import type { Locator, Page } from 'playwright-core';

/** One evaluation: a school's judgements, their review by the liaison, and the workflow buttons. */
export class EvaluationPage {
  readonly saveState: Locator;
  readonly toolbar: Locator;
  readonly aspects: Locator;

  constructor(readonly page: Page) {
    this.saveState = page.getByRole('status').filter({ has: page.locator('[data-save-state]') });
    this.toolbar = page.getByRole('region', { name: 'Evaluation progress and actions' });
    this.aspects = page.getByRole('tablist', { name: 'Aspects' });
  }

  /** The card of one statement, found by its code. */
  statement(code: string): Locator {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name: code }) });
  }

  /** Opens an aspect and waits until its statements have replaced the previous aspect's. */
  async openAspect(index: number): Promise<void> {
    const tab = this.aspects.getByRole('tab').nth(index);
    await tab.click();
    const id = await tab.getAttribute('id');
    await this.page.locator(`[role="tabpanel"][aria-labelledby="${id}"]`).waitFor();
    await this.page.getByRole('tabpanel').getByRole('article').first().waitFor();
  }

  async aspectCount(): Promise<number> {
    return this.aspects.getByRole('tab').count();
  }

  /** Chooses a point on the scale, e.g. "3 Secure", in the card's self or agreed judgement. */
  async judge(code: string, point: string, which: 'Your judgement' | 'Agreed judgement' = 'Your judgement') {
    const group = this.statement(code).getByRole('radiogroup', { name: new RegExp(`^${which}`) });
    await group.getByText(point, { exact: true }).click();
  }

  /** Judges every statement of the open aspect that has no judgement yet. */
  async judgeRemaining(point: string): Promise<void> {
    const groups = this.page.getByRole('tabpanel').getByRole('radiogroup', { name: /^Your judgement/ });
    for (const group of await groups.all()) {
      if ((await group.getByRole('radio', { checked: true }).count()) > 0) continue;
      // A statement left until next time has its scale switched off.
      if (await group.getByRole('radio').first().isEnabled()) {
        await group.getByText(point, { exact: true }).click();
      }
    }
  }

  async giveReason(code: string, reason: string): Promise<void> {
    await this.statement(code)
      .getByRole('textbox', { name: 'Why? What does the evidence show?' })
      .fill(reason);
  }

  async chooseEvidence(code: string, source: string): Promise<void> {
    // The chip's checkbox is visually hidden; people press its label.
    await this.statement(code).getByText(source, { exact: true }).click();
  }

  async leaveUntilNextTime(code: string, note: string): Promise<void> {
    const card = this.statement(code);
    await card.getByRole('switch', { name: 'Leave until next time' }).check();
    await card.getByRole('textbox', { name: /Why leave it/ }).fill(note);
  }

  async giveRationale(code: string, rationale: string): Promise<void> {
    await this.statement(code).getByRole('textbox', { name: 'Rationale' }).fill(rationale);
  }

  /** Opens a statement's comments, posts one and waits for it to appear in the thread. */
  async comment(code: string, body: string): Promise<void> {
    const card = this.statement(code);
    await card.getByRole('button', { name: new RegExp(`^(Comments|\\d+ comments?) on ${code}$`) }).click();
    await card.getByRole('textbox', { name: 'Add a comment' }).fill(body);
    await card.getByRole('button', { name: 'Post comment' }).click();
    await card.getByText(body, { exact: true }).waitFor();
    await card.getByRole('button', { name: `1 comment on ${code}` }).waitFor();
  }

  /** Waits until every change has been saved. */
  async waitForSaved(): Promise<void> {
    await this.page.locator('[data-save-state="saved"]').waitFor();
  }

  chosen(code: string, which: 'Your judgement' | 'Agreed judgement' = 'Your judgement'): Locator {
    return this.statement(code)
      .getByRole('radiogroup', { name: new RegExp(`^${which}`) })
      .getByRole('radio', { checked: true });
  }

  private async confirm(button: string, dialogTitle: string, confirmLabel: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: button }).click();
    const dialog = this.page.getByRole('dialog', { name: dialogTitle });
    await dialog.getByRole('button', { name: confirmLabel }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  submit(): Promise<void> {
    return this.confirm('Submit for review', 'Submit for review?', 'Submit');
  }

  agree(): Promise<void> {
    return this.confirm('Agree evaluation', 'Agree and lock this evaluation?', 'Agree and lock');
  }

  status(label: string): Locator {
    return this.toolbar.getByText(label, { exact: true });
  }
}
