import type { Locator, Page } from 'playwright-core';

type Assignment = { role: string; school?: string; department?: string };
type Invitee = { name: string; email: string; jobTitle?: string };

export class PeoplePage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'People and roles' });
    this.table = page.getByRole('table');
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/people');
    await this.table.waitFor();
  }

  /** The table row of one person, found by the name in its row header. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  roleBadge(name: string, text: string): Locator {
    return this.row(name).getByText(text, { exact: true });
  }

  private async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async assignRole(name: string, assignment: Assignment): Promise<void> {
    const button = this.row(name).getByRole('button', { name: `Assign role to ${name}` });
    await button.click();
    await this.dialog.waitFor();
    await this.fillRole(assignment);
  }

  /** Completes the open "Assign a role" dialog and waits for it to close. */
  async fillRole(assignment: Assignment): Promise<void> {
    await this.choose('Role', assignment.role);
    if (assignment.school) await this.choose('Where', assignment.school);
    if (assignment.department) await this.choose('Department', assignment.department);
    await this.dialog.getByRole('button', { name: 'Assign role' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** Sends an invitation; the page then opens "Assign a role" for the new person. */
  async invite(person: Invitee): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Invite person' }).click();
    await this.dialog.getByRole('textbox', { name: 'Full name' }).fill(person.name);
    await this.dialog.getByRole('textbox', { name: 'Email address' }).fill(person.email);
    if (person.jobTitle) await this.dialog.getByRole('textbox', { name: 'Job title' }).fill(person.jobTitle);
    await this.dialog.getByRole('button', { name: 'Send invitation' }).click();
    const assign = this.page.getByRole('dialog', { name: `Assign a role to ${person.name}` });
    await assign.waitFor();
    return assign;
  }

  async removeRole(name: string, roleText: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Remove ${roleText} from ${name}` })
      .click();
    const confirm = this.page.getByRole('dialog', { name: 'Remove this role?' });
    await confirm.getByRole('button', { name: 'Remove role' }).click();
    await confirm.waitFor({ state: 'detached' });
  }
}
