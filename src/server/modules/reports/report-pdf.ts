import { existsSync } from 'node:fs';
import { AppError } from '../../platform/errors';

const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Prints a report page to A4 PDF with headless Chromium. The page is a plain HTML string with
 * inline CSS and SVG; requests to the network are refused so nothing outside the report is loaded.
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new AppError(
      503,
      'pdf_unavailable',
      `PDF reports need Chromium at ${executablePath}, which is not installed on this server. Download the Word version instead, or ask the administrator to install Chromium.`,
    );
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
