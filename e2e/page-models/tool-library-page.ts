import type { Locator, Page } from 'playwright-core';

/** The evaluation tool library, and its import dialog. */
export class ToolLibraryPage {
  readonly heading: Locator;
  readonly importDialog: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Tool library' });
    this.importDialog = page.getByRole('dialog', { name: 'Import evaluation tools' });
    this.problems = this.importDialog.getByRole('table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/evaluate/tools');
    await this.heading.waitFor();
  }

  tool(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  /** Opens the import dialog, pastes a file's contents and imports it. */
  async importFile(content: string, format: 'JSON' | 'CSV' = 'JSON'): Promise<void> {
    if (!(await this.importDialog.isVisible())) {
      await this.page.getByRole('button', { name: 'Import a tool' }).first().click();
    }
    await this.importDialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
    await this.importDialog.getByRole('textbox', { name: 'File contents' }).fill(content);
    await this.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** The problems listed for a refused file, as "line: field" pairs. */
  async problemLines(): Promise<string[]> {
    await this.problems.waitFor();
    const rows = await this.problems.getByRole('row').all();
    const out: string[] = [];
    for (const row of rows.slice(1)) {
      const cells = await row.getByRole('cell').allTextContents();
      out.push(`${cells[0]}: ${cells[1]}`);
    }
    return out;
  }
}
