import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// In-app notifications, parked participants and the allocation office's CSV bookkeeping: the
// programme office sees its unread count in the header (the demo seed writes notifications),
// opens /meldingen, marks one read and sees the count drop; it opens the parked participants
// (the demo parks one after two declines). Het Vierde Huis opens the allocation steps, downloads
// the CSV export and uploads it again. Every page is checked with axe-core.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';
const OFFICE = 'programma@eerstethuis.demo';
const ALLOCATION = 'toewijzing@vierdehuis.demo';

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const login = (email: string) => loginInBrowser(page, server.url, email, PASSWORD);

async function expectAxeClean(what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

const badgeCount = async () => Number((await page.locator('#notifications-unread').getAttribute('data-count')) ?? '0');

describe('notifications, parked participants and allocation steps', () => {
  it('the office sees its unread notifications, marks one read and the count drops', async () => {
    await login(OFFICE);
    await page.locator('#notifications-unread').waitFor();
    const before = await badgeCount();
    expect(before).toBeGreaterThan(0);

    await page.locator('#notifications-badge').click();
    await page.waitForURL((url) => url.pathname === '/meldingen');
    await page.locator('#notifications-list').waitFor();
    await expectAxeClean('notifications page');

    // newest first
    const times = await page.locator('#notifications-list time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort().reverse());

    const first = page.locator('#notifications-list li[data-unread="true"]').first();
    const id = await first.getAttribute('data-id');
    expect(id).toBeTruthy();
    // keyboard: focus the button and press Enter
    await page.locator(`#notification-read-${id}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`#notifications-list li[data-id="${id}"]`).getAttribute('data-unread')).toBe('false');
    await expect.poll(badgeCount).toBe(before - 1);
    await expectAxeClean('notifications page after marking one read');
  });

  it('the office opens the parked participants and can cancel ending a parking', async () => {
    await page.locator('#nav-parkings').click();
    await page.waitForURL((url) => url.pathname === '/aanbiedingen/geparkeerd');
    await page.locator('#parkings-table').waitFor();
    expect(await page.locator('#parkings-table tbody tr').count()).toBeGreaterThanOrEqual(1);
    await expectAxeClean('parked participants');

    await page.locator('#parkings-table tbody tr').first().getByRole('button').click();
    await page.locator('#parking-end-dialog').waitFor({ state: 'visible' });
    await expectAxeClean('end-parking confirmation');
    await page.keyboard.press('Escape');
    await page.locator('#parking-end-dialog').waitFor({ state: 'hidden' });
    expect(await page.locator('#parkings-table tbody tr').count()).toBeGreaterThanOrEqual(1);
  });

  it('Het Vierde Huis opens the steps page; the export answers CSV and uploading it reports per row', async () => {
    await login(ALLOCATION);
    await page.locator('#nav-allocation-steps').click();
    await page.waitForURL((url) => url.pathname === '/toewijzing/stappen');
    await page.locator('#steps-export').waitFor();
    await expectAxeClean('allocation steps');

    const href = await page.locator('#steps-export').getAttribute('href');
    expect(href).toBe('/api/v1/allocation-steps/export');
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv.trim().length).toBeGreaterThan(0);

    // uploading the export unchanged: the server answers with its per-row report (or its errors)
    await page.locator('#steps-file').setInputFiles({ name: 'stappen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
    await page.locator('#steps-file-summary').waitFor();
    await page.locator('#steps-submit').click();
    await page.locator('#steps-report, #steps-error').first().waitFor();
    await expectAxeClean('allocation steps after upload');
  });
});
