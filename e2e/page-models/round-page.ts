import type { Locator, Page } from 'playwright-core';

/** One round: each evaluation's progress, and the round's actions. */
export class RoundPage {
  readonly progressTable: Locator;

  constructor(readonly page: Page) {
    this.progressTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Progress' }) });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  row(school: string): Locator {
    return this.progressTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: school }) });
  }

  async openEvaluation(school: string, tool: string): Promise<void> {
    await this.progressTable.getByRole('link', { name: `${school}: ${tool}` }).click();
    await this.page.getByRole('heading', { level: 1, name: `${school}: ${tool}` }).waitFor();
  }

  async close(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Close round' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Close ${name}?` });
    await dialog.getByRole('button', { name: 'Close round' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByText('This round is closed', { exact: true }).waitFor();
  }

  /** Opens the next round from the suggested name and dates; returns the name it was given. */
  async openNextRound(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Open the next round' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Open the next round' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Open the next round' }).click();
    await this.heading(name).waitFor();
  }
}
