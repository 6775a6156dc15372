import type { Locator, Page } from 'playwright-core';
import { SchoolPage } from './school-page';

export class DashboardPage {
  readonly schoolsTable: Locator;
  readonly schoolLinks: Locator;
  /** The schools section, whichever layout it uses: a table on wide screens, cards on a phone. */
  readonly schoolsSection: Locator;

  constructor(readonly page: Page) {
    this.schoolsSection = page.getByRole('region', { name: /^Schools?$/ });
    this.schoolsTable = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'URN' }) });
    this.schoolLinks = this.schoolsTable.getByRole('rowheader').getByRole('link');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.schoolsTable.waitFor();
  }

  async schoolNames(): Promise<string[]> {
    await this.schoolsTable.waitFor();
    return this.schoolLinks.allTextContents();
  }

  async openSchool(name: string): Promise<SchoolPage> {
    await this.schoolsTable.getByRole('link', { name, exact: true }).click();
    const school = new SchoolPage(this.page);
    await school.heading(name).waitFor();
    return school;
  }
}
