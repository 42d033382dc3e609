import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's chromium (tools/ci/services.sh installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RenderedReport {
  /** Width × height of each `svg.chart` as laid out by the browser. */
  charts: { width: number; height: number }[];
  /** Visible rows of the trials table. */
  trialRows: number;
  /** Requests to anything but the report file itself (must be none: the report is self-contained). */
  externalRequests: string[];
}

/**
 * Opens the report in headless Chromium, measures what the browser actually laid out, and writes two
 * PNGs: the whole page and the tuning part (trials table to the last learning curve).
 */
export async function renderInChromium(
  htmlPath: string,
  out: { page: string; tuning: string },
): Promise<RenderedReport> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (tools/ci/services.sh up) or set CHROMIUM_PATH`,
    );
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const url = pathToFileURL(htmlPath).href;
    const externalRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) externalRequests.push(r.url());
    });
    await page.goto(url);
    const charts = await page.$$eval('svg.chart', (els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        return { width: box.width, height: box.height };
      }),
    );
    const trialRows = await page.locator('table.trials tr.trial:visible').count();
    await page.screenshot({ path: out.page, fullPage: true });
    const top = await page.locator('table.trials').boundingBox();
    const bottom = await page.locator('figure.curve').last().boundingBox();
    if (!top || !bottom) throw new Error('the report has no trials table or no learning curve to screenshot');
    await page.screenshot({
      path: out.tuning,
      fullPage: true,
      clip: { x: 0, y: top.y - 40, width: 1280, height: bottom.y + bottom.height - top.y + 60 },
    });
    return { charts, trialRows, externalRequests };
  } finally {
    await browser.close();
  }
}
