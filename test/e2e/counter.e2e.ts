import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer } from '../support/browser.js';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

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

const number = async (testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''));

describe('programme office: the counter', () => {
  it('logs in, reads the counter of 15 January 2021, adds a unit and sees the counter move', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#login-email').fill('programma@eerstethuis.demo');
    await page.locator('#login-password').fill('eerstethuis-demo');
    await page.getByRole('button', { name: /inloggen/i }).click();

    await page.getByTestId('counter-realised').waitFor();
    await page.locator('#counter-date').fill('2021-01-15');
    await expect.poll(() => number('counter-realised')).toBe(132);
    expect(await number('counter-pipeline')).toBe(45);
    expect(await number('counter-ambition')).toBe(177);
    expect(await number('counter-target')).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);

    // Today's counter before and after a new pledged unit.
    const today = new Date().toISOString().slice(0, 10);
    await page.locator('#counter-date').fill(today);
    await expect.poll(() => number('counter-ambition')).toBeGreaterThan(177);
    const pipelineBefore = await number('counter-pipeline');

    await page.getByRole('link', { name: /woningen/i }).first().click();
    await page.getByRole('link', { name: /nieuwe woning/i }).or(page.getByRole('button', { name: /nieuwe woning/i })).first().click();
    await page.locator('#unit-label').fill('E2E testwoning');
    await page.locator('#unit-municipality').selectOption({ label: 'Houten' });
    await page.locator('#unit-form').selectOption('existing_stock');
    await page.getByRole('button', { name: /opslaan|toevoegen|aanmaken/i }).click();
    await page.getByText('E2E testwoning').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: /dashboard/i }).first().click();
    await page.locator('#counter-date').fill(today);
    await expect.poll(() => number('counter-pipeline')).toBe(pipelineBefore + 1);
  });
});
