import type { Locator, Page } from 'playwright-core';

/** Self-evaluation: the list of rounds, and starting a new one. */
export class RoundsPage {
  readonly heading: Locator;
  readonly startRoundButton: Locator;
  readonly roundsTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Self-evaluation' });
    this.startRoundButton = page.getByRole('link', { name: 'Start a round' });
    this.roundsTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Round' }) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/evaluate');
    await this.heading.waitFor();
  }
}

type NewRound = {
  name: string;
  tool: string;
  schools: string[];
  /** School name -> liaison's name as listed. */
  liaisons?: Record<string, string>;
};

/** The "Start a round" form. */
export class NewRoundPage {
  readonly heading: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Start a round' });
    this.form = page.getByRole('form', { name: 'Start a round' });
  }

  async start(round: NewRound): Promise<void> {
    await this.form.waitFor();
    await this.form.getByRole('textbox', { name: 'Name' }).fill(round.name);
    await this.form.getByRole('checkbox', { name: new RegExp(`^${round.tool}\\b`) }).check();
    // Every school is chosen at first; keep only the ones named.
    await this.form.getByRole('checkbox', { name: 'All schools' }).uncheck();
    for (const school of round.schools) {
      await this.form.getByRole('checkbox', { name: school, exact: true }).check();
    }
    for (const [school, liaison] of Object.entries(round.liaisons ?? {})) {
      await this.form.getByRole('combobox', { name: `Liaison for ${school}` }).click();
      await this.page.getByRole('option', { name: new RegExp(`^${liaison}`) }).click();
    }
    await this.form.getByRole('button', { name: 'Start the round' }).click();
  }
}
