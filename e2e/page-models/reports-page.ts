import type { Download, Locator, Page } from 'playwright-core';

/** The Reports page: choose a report, read it on screen, download it. */
export class ReportsPage {
  readonly heading: Locator;
  readonly reportTitle: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Reports' });
    this.reportTitle = page.locator('#report-title');
  }

  async choose(label: string): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Report' }).getByText(label, { exact: true }).click();
  }

  /** Picks an option of a labelled select (Mantine's combobox). */
  async select(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async download(label: 'Download PDF' | 'Download Word'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: label }).click();
    return download;
  }
}

/** The trust board dashboard: one tile per question a board asks. */
export class BoardPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Trust board' });
  }

  tile(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}
