import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { signIn } from './page-models/app-shell';
import { launchBrowser, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';

const HEAD = 'grace.adeyemi@northfield.example';
const EXPORT = readFileSync(new URL('../test-data/surveys/ms-forms-pupil-voice.csv', import.meta.url));

describe('surveys: pupil voice from a Microsoft Forms export', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a head creates a survey, checks and imports the export, and sees the charts with small groups hidden', async () => {
    const page = await newPage(browser);
    const shell = await signIn(page, HEAD, inject('password'));
    await shell.openFromNav('Analyse');
    await page.getByRole('tab', { name: 'Surveys' }).click();
    await page.getByRole('button', { name: 'New survey' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Pupil voice spring 2025');
    await page.getByRole('button', { name: 'Create survey' }).click();
    await page.getByRole('heading', { name: 'Pupil voice spring 2025', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Import responses' }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'pupil-voice.csv', mimeType: 'text/csv', buffer: EXPORT });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('Microsoft Forms export').waitFor();
    const columns = page.getByRole('table', { name: 'How each column will be read' });
    expect(await columns.getByRole('row', { name: /^Email/ }).textContent()).toContain('Never stored');
    await screenshot(page, 'surveys-import-check');
    await page.getByRole('button', { name: 'Import 40 responses' }).click();
    await page.getByText('Imported 40 responses').waitFor();

    const safe = page.getByRole('article', { name: '1. I feel safe at school' });
    await safe.getByRole('img', { name: /^All respondents: Strongly disagree/ }).waitFor();
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Disadvantaged and others' }).click();
    await expect.poll(() => safe.getByText('Fewer than 6 respondents', { exact: false }).count()).toBe(2);
    const violations = await seriousAccessibilityViolations(page);
    if (violations.length) console.error(JSON.stringify(violations, null, 1));
    expect(violations).toEqual([]);
    await screenshot(page, 'surveys-results');

    // Link the first question to a part of the school improvement model; it is still linked after a reload.
    const evidence = page.getByRole('combobox', { name: 'Evidence for: I feel safe at school' });
    await evidence.click();
    const first = page.getByRole('option').first();
    const chosen = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForResponse((r) => r.url().includes('/api/v1/surveys/') && r.request().method() === 'GET');
    await page.reload();
    await expect.poll(() => evidence.inputValue()).toBe(chosen);
    await evidence.scrollIntoViewIfNeeded();
    await screenshot(page, 'surveys-links');

    await page.getByRole('link', { name: '← All surveys' }).click();
    const list = page.getByRole('table', { name: 'Surveys' });
    await expect
      .poll(() => list.getByRole('row', { name: /Pupil voice spring 2025/ }).textContent())
      .toMatch(/40$/);
    await screenshot(page, 'surveys-list');
  });
});
