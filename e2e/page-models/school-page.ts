import type { Locator, Page } from 'playwright-core';
import { fieldError } from '../support/fields';

export class SchoolPage {
  readonly departments: Locator;
  readonly newDepartmentName: Locator;
  readonly addDepartmentButton: Locator;

  constructor(readonly page: Page) {
    this.departments = page.getByRole('region', { name: 'Departments' });
    this.newDepartmentName = page.getByRole('textbox', { name: 'New department name' });
    this.addDepartmentButton = page.getByRole('button', { name: 'Add department' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  department(name: string): Locator {
    return this.departments.getByRole('rowheader', { name, exact: true });
  }

  async addDepartment(name: string): Promise<void> {
    await this.newDepartmentName.fill(name);
    await this.addDepartmentButton.click();
  }

  async openEditDetails(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Edit / });
    await dialog.waitFor();
    return dialog;
  }

  /** The message shown at the department name field, e.g. for a duplicate name. */
  departmentNameError(): Promise<string | undefined> {
    return fieldError(this.newDepartmentName);
  }
}
