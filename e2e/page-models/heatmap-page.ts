import type { Locator, Page } from 'playwright-core';

/** The trust heatmap: evaluations by statements, with common weaknesses beside it. */
export class HeatmapPage {
  readonly grid: Locator;
  readonly tooltip: Locator;
  readonly weaknesses: Locator;

  constructor(readonly page: Page) {
    this.grid = page.locator('table[data-ready="true"]');
    this.tooltip = page.getByRole('tooltip');
    this.weaknesses = page.getByRole('region', { name: 'Common weaknesses' });
  }

  /** The cell of one evaluation's row under one statement code. */
  async cell(rowLabel: string, code: string): Promise<Locator> {
    await this.grid.waitFor();
    const codes = await this.grid.locator('thead tr').nth(1).getByRole('columnheader').allTextContents();
    // The first header of the row names the rows, so statement n sits in body cell n - 1.
    const column = codes.indexOf(code) - 1;
    if (column < 0) throw new Error(`No column for ${code}`);
    const row = this.grid
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: rowLabel }) });
    return row.getByRole('cell').nth(column);
  }
}
