import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const SCREENSHOTS = 'e2e/screenshots';

/** Debian's Chromium, headless; the tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh, signed-out page in its own context, as a British user would see it. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport,
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Full-page captures of a scrolled page repeat the fixed header part-way down; start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

export type Violation = { id: string; impact: string; help: string; targets: string[] };

/** WCAG 2.2 AA scan of the current page; returns the serious and critical problems only. */
export async function seriousAccessibilityViolations(page: Page): Promise<Violation[]> {
  // A toast fading in or out is drawn half transparent, which axe reads as faint text: check once
  // every notification on screen is fully shown (or gone), as a reader would see it.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.mantine-Notification-root')].every((n) => {
          for (let e: Element | null = n; e; e = e.parentElement)
            if (Number(getComputedStyle(e).opacity) < 1) return false;
          return true;
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined); // still fading after 5 s: check the page as it is
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}
