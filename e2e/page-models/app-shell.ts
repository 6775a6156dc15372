import type { Locator, Page } from 'playwright-core';
import { LoginPage } from './login-page';

/** The signed-in frame around every page: header and the main navigation. */
export class AppShell {
  readonly nav: Locator;
  readonly signOutButton: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.signOutButton = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async openFromNav(label: string): Promise<void> {
    await this.nav.getByRole('link', { name: label, exact: true }).click();
  }

  async signOut(): Promise<LoginPage> {
    await this.signOutButton.click();
    const login = new LoginPage(this.page);
    await login.heading.waitFor();
    return login;
  }
}

/** Signs in through the login form and waits for the signed-in shell. */
export async function signIn(page: Page, email: string, password: string): Promise<AppShell> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  const shell = new AppShell(page);
  await shell.signOutButton.waitFor();
  return shell;
}
