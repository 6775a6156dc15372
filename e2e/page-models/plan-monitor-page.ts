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

  async openSchoolMeeting(school: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'School meeting' }).click();
    await this.page.getByRole('combobox', { name: 'School agenda for' }).click();
    await this.page.getByRole('option', { name: school }).first().click();
    await this.main.getByRole('heading', { name: `Agenda for ${school}` }).waitFor();
  }

  get meetingForm(): Locator {
    return this.page.getByRole('form', { name: 'Record this meeting' });
  }

  /** Fills in and saves the meeting form under the agenda. */
  async recordMeeting(m: { notes: string; actionsAgreed: string; decisions?: Record<string, string> }) {
    const form = this.meetingForm;
    await form.getByRole('textbox', { name: 'Notes', exact: true }).fill(m.notes);
    for (const [item, decision] of Object.entries(m.decisions ?? {}))
      await form.getByRole('textbox', { name: item }).first().fill(decision);
    await form.getByRole('textbox', { name: /^Actions agreed/ }).fill(m.actionsAgreed);
    await form.getByRole('button', { name: 'Save meeting' }).click();
  }

  /** A meeting in the "Past meetings" list, found by something it says. */
  pastMeeting(text: string | RegExp): Locator {
    return this.main
      .getByRole('listitem')
      .filter({ hasText: /^Meeting on/ })
      .filter({ hasText: text });
  }
}
