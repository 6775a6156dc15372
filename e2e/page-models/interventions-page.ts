import type { Locator, Page } from 'playwright-core';

/** Plan > Interventions: the register, one intervention's page, and its dialogs. */
export class InterventionsPage {
  readonly heading: Locator;
  readonly dialog: Locator;
  readonly impact: Locator;
  readonly pupils: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.dialog = page.getByRole('dialog');
    this.impact = page.getByRole('region', { name: 'Did it work?' });
    this.pupils = page.getByRole('region', { name: 'Pupils and attendance' });
  }

  async pick(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async create(v: { school: string; name: string; startsOn: string; baseline: string; outcome: string }) {
    await this.page.getByRole('button', { name: 'New intervention' }).click();
    await this.pick('School', v.school);
    await this.dialog.getByRole('textbox', { name: 'Name' }).fill(v.name);
    await this.dialog.getByRole('textbox', { name: 'Starts on' }).fill(v.startsOn);
    await this.pick('Baseline assessment (before)', v.baseline);
    await this.pick('Outcome assessment (after)', v.outcome);
    await this.dialog.getByRole('button', { name: 'Add intervention' }).click();
    await this.page.getByRole('heading', { level: 1, name: v.name }).waitFor();
  }

  /** Adds the first `count` pupils of a year group from the school roll. */
  async addPupils(yearGroup: string, count: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Add pupils' }).click();
    await this.pick('Year group', yearGroup);
    const boxes = this.dialog.getByRole('checkbox', { name: /^Choose (?!every)/ });
    await boxes.first().waitFor();
    for (let i = 0; i < count; i++) await boxes.nth(i).check();
    await this.dialog.getByRole('button', { name: `Add ${count} pupils` }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
