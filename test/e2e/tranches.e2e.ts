import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// The tranche page (docs/tranches.md): the programme office reads capacity vs use, previews the
// year-end rollover of the first tranche (places unused on 31 December 2021 move to the second,
// De Tussenvoorziening loses them), confirms it in a dialog that states what will change, and
// finds it in the history. A care manager reads the page without the confirm button. Axe-clean.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';

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

describe('tranches', () => {
  it('a care manager reads the tranche page without the confirmation', async () => {
    await login('zorgmanager@tussenvoorziening.demo');
    await page.locator('#nav-tranches').click();
    await page.locator('#tranche-current').waitFor();
    await page.locator('#rollover-units').waitFor();
    expect(await page.locator('#rollover-confirm-open').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the programme office previews and confirms the year-end rollover', async () => {
    await login('programma@eerstethuis.demo');
    await page.locator('#nav-tranches').click();
    await page.locator('#tranche-current').waitFor();
    expect(await page.locator('#tranche-current').innerText()).toMatch(/Eerste tranche/);
    await page.locator('#rollover-units').waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toMatch(/De Tussenvoorziening/);
    expect(body).toMatch(/Plekken die overgaan\s*28/);
    expect(await page.locator('#contingents').innerText()).toMatch(/De Tussenvoorziening/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#rollover-confirm-open').click();
    await page.locator('#rollover-dialog').waitFor();
    const text = await page.locator('#rollover-dialog').innerText();
    expect(text).toMatch(/28 plekken/);
    expect(text).toMatch(/De Tussenvoorziening verliest/);
    expect(text).toMatch(/114 → 86/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#rollover-dialog-confirm').click();
    await page.getByText(/28 plekken zijn overgeheveld/).waitFor();
    await page.getByText(/al bevestigd/).waitFor();
    expect(await page.locator('main').innerText()).toMatch(/Geschiedenis van overhevelingen[\s\S]*Eerste tranche/);
  });

  it('shows the due-work page', async () => {
    await page.locator('#nav-due-work').click();
    await page.getByRole('heading', { level: 1, name: 'Te doen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
