import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// The Living Lab page (docs/reports.md, "The Living Lab page"): the programme office opens the
// overview of the demo programme, sees the main question with its three conditions (figures and
// verdicts in words), opens the data behind one of them (the business case), then goes to the
// reports page and downloads the progress report as PDF. Every page is checked with axe-core.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';
const OFFICE = 'programma@eerstethuis.demo';

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true });
  // The overview computes outcomes for several quarter ends: give the page time on a busy machine.
  page.setDefaultTimeout(60_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const login = (email: string) => loginInBrowser(page, server.url, email, PASSWORD);

async function expectAxeClean(what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

const VERDICT = /Gehaald|Nog niet gehaald|Nog niet te zeggen/;

describe('the Living Lab page', () => {
  it('shows the main question with the three conditions, their figures and verdicts', async () => {
    await login(OFFICE);
    await page.locator('#nav-living-lab').click();
    await page.waitForURL((url) => url.pathname === '/livinglab');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Housing First');
    for (const id of ['lab-participants', 'lab-recovery', 'lab-business-case']) {
      const card = page.locator(`#${id}`);
      await card.waitFor();
      expect(await card.locator(`#${id}-value`).textContent(), id).toMatch(/\d|minder dan 5|geen|tarieven ontbreken/);
      expect(await card.locator(`#${id}-verdict`).textContent(), id).toMatch(VERDICT);
      expect(await card.locator('h3').textContent()).toBeTruthy();
    }
    // The participants condition against the programme's goal of 200.
    expect(await page.locator('#lab-participants').textContent()).toContain('≥ 200');
    // The sub-questions: factors per theme and the bottleneck register.
    await page.locator('#lab-factors-guidance').waitFor();
    await page.locator('#lab-bottlenecks').waitFor();
    await expectAxeClean('Living Lab page');
  });

  it('opens the data behind the business case condition', async () => {
    await page.locator('#lab-bc-link').click();
    await page.waitForURL((url) => url.pathname === '/businesscase');
    await page.locator('h1').waitFor();
    await expectAxeClean('business case page from the Living Lab');
    await page.goBack();
    await page.locator('#lab-recovery').waitFor();
  });

  it('goes to the reports page and downloads the progress report as PDF', async () => {
    await page.locator('#nav-reports').click();
    await page.waitForURL((url) => url.pathname === '/rapportage');
    await page.locator('#report-preview').waitFor();
    expect(await page.locator('#report-section-outcomes').count()).toBe(1);
    await expectAxeClean('reports page');
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/reports/progress') && r.request().headers()['accept']?.includes('application/pdf') === true),
      page.waitForEvent('download'),
      page.locator('#report-pdf').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    // The page saved the answer as a file: check that file is a PDF.
    const path = await download.path();
    expect(path).toBeTruthy();
    expect((await readFile(path!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^voortgang-\d{4}-\d{2}-\d{2}\.pdf$/);
    await page.locator('#report-done').waitFor();
    await expectAxeClean('reports page after the download');
  });
});
