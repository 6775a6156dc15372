import type { Download, Locator, Page } from 'playwright-core';

/** Analyse: gaps between groups of pupils on one assessment, as a chart or a table. */
export class AnalysisPage {
  readonly heading: Locator;
  readonly assessment: Locator;
  readonly compare: Locator;
  readonly reading: Locator;
  readonly gaps: Locator;
  readonly chart: Locator;
  readonly table: Locator;
  readonly quality: Locator;
  readonly trend: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Analyse' });
    this.assessment = page.getByRole('combobox', { name: 'Assessment' });
    this.compare = page.getByRole('combobox', { name: 'Compare' });
    this.reading = page.getByTestId('reading');
    this.gaps = page.getByRole('region', { name: 'Gaps by school' });
    this.chart = this.gaps.getByRole('img');
    this.table = this.gaps.getByRole('table');
    this.quality = page.getByRole('region', { name: 'About these figures' });
    this.trend = page.getByRole('region', { name: /^Is the gap closing\?/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/analyse');
    await this.heading.waitFor();
  }

  private async pick(control: Locator, option: string): Promise<void> {
    await control.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Waits until the gaps on screen are for this assessment and comparison, not the previous ones. */
  private async showing(assessment: string | undefined, compare: string | undefined): Promise<void> {
    const a = assessment ? `[data-assessment="${assessment}"]` : '';
    const c = compare ? `[data-compare="${compare}"]` : '';
    await this.page.locator(`section${a}${c}[aria-busy="false"]`).waitFor();
  }

  /** `option` is the picker's label; `name` the assessment's own, when the label adds its term. */
  async chooseAssessment(option: string, name = option): Promise<void> {
    await this.pick(this.assessment, option);
    await this.showing(name, undefined);
  }

  /** `key` is what the comparison is by: disadvantaged, sen, eal or sex. */
  async chooseComparison(label: string, key: string): Promise<void> {
    await this.pick(this.compare, label);
    await this.showing(undefined, key);
  }

  async showAsTable(): Promise<void> {
    await this.gaps.getByRole('button', { name: 'Show as table' }).click();
    await this.table.waitFor();
  }

  async showAsChart(): Promise<void> {
    await this.gaps.getByRole('button', { name: 'Show as chart' }).click();
    await this.chart.waitFor();
  }

  /** The table row for the trust ("All schools") or one school. */
  row(label: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label }) });
  }

  async downloadCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.gaps.getByRole('button', { name: 'Download CSV' }).click();
    return download;
  }
}
