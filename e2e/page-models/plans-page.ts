import type { Locator, Page } from 'playwright-core';
import { PlanPage } from './plan-page';

type NewPlan = { school: string; owner?: string };

/** The list of improvement plans, with the trust overview and the register of stopped initiatives. */
export class PlansPage {
  readonly heading: Locator;
  readonly dialog: Locator;
  readonly plansTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Improvement plans' });
    this.dialog = page.getByRole('dialog');
    this.plansTable = page.getByRole('region', { name: 'Plans' }).getByRole('table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/plan');
    await this.heading.waitFor();
  }

  private async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Creates a plan through "New plan", keeping the suggested title and dates, and opens it. */
  async createPlan({ school, owner }: NewPlan): Promise<PlanPage> {
    await this.page.getByRole('button', { name: 'New plan' }).first().click();
    await this.choose('School', school);
    if (owner) await this.choose('Plan owner', owner);
    const title = await this.dialog.getByRole('textbox', { name: 'Title' }).inputValue();
    await this.dialog.getByRole('button', { name: 'Create plan' }).click();
    const plan = new PlanPage(this.page);
    await plan.heading(title).waitFor();
    return plan;
  }
}
