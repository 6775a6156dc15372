import type { Locator, Page } from 'playwright-core';

/** Monitor: "My week" and, for line managers, a meeting agenda for a colleague. */
export class MonitorPage {
  readonly heading: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Monitor' });
    this.main = page.getByRole('main');
  }

  async goto(): Promise<void> {
    await this.page.goto('/monitor');
    await this.heading.waitFor();
  }

  item(title: string | RegExp): Locator {
    // Only the open tab's list: the other tab's may still be on its way out.
    return this.main.getByRole('listitem').filter({ hasText: title, visible: true });
  }

  async openMeetingAgenda(person: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Meeting agenda' }).click();
    await this.page.getByRole('combobox', { name: 'Meeting agenda for' }).click();
    await this.page.getByRole('option', { name: person }).first().click();
    await this.main.getByRole('heading', { name: `Agenda for ${person}` }).waitFor();
  }

  notes(person: string): Locator {
    return this.page.getByRole('textbox', { name: `Meeting notes with ${person}` });
  }
}
