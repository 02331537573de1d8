import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer } from '../support/browser.js';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function logIn(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/login`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill('eerstethuis-demo');
  await page.getByRole('button', { name: /inloggen/i }).click();
  await page.getByTestId('counter-realised').waitFor();
  return page;
}

describe('the Living Lab: business case, observations, bottlenecks', () => {
  it('the office reads the business case with its sources and records a new tariff version', async () => {
    const page = await logIn('programma@eerstethuis.demo');
    await page.locator('#nav-business-case').click();
    await page.waitForURL(/\/businesscase$/);
    await page.locator('#bc-date').fill('2022-06-30');
    await page.locator('#bc-verdict').waitFor();
    expect(await page.locator('#bc-verdict').innerText()).toMatch(/Positief|Niet positief/);
    await page.locator('#bc-sensitivity').waitFor();
    expect(await page.locator('#bc-settings').innerText()).toMatch(/wethouder/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#bc-edit-shelter_night').click();
    await page.locator('#bc-setting-value').fill('120');
    await page.locator('#bc-setting-source').fill('Nieuw tarief uit de e2e-test (verzonnen).');
    await page.locator('#bc-setting-save').click();
    await page.locator('#bc-setting-saved').waitFor();
    expect(await page.locator('#bc-settings').innerText()).toMatch(/e2e-test/);
  });

  it('a care worker records an observation on a location; a referrer proposes a bottleneck the office solves', async () => {
    const care = await logIn('begeleider@tussenvoorziening.demo');
    await care.locator('#nav-observations').click();
    await care.waitForURL(/\/observaties$/);
    await care.locator('#obs-table').waitFor();
    await care.locator('#obs-location').selectOption({ label: 'Nijevelt' });
    await care.locator('#obs-factor').selectOption('failure');
    await care.locator('#obs-text').fill('Geen vaste contactpersoon bij de corporatie.');
    await care.locator('#obs-tags').fill('contactpersoon');
    await care.locator('#obs-submit').click();
    await care.locator('#obs-saved').waitFor();
    await care.locator('#obs-filter-tag').fill('contactpersoon');
    await expect.poll(() => care.locator('#obs-table tbody tr').count()).toBe(1);
    expect(await seriousViolations(care)).toEqual([]);

    const referrer = await logIn('toeleider@backup.demo');
    await referrer.locator('#nav-bottlenecks').click();
    await referrer.waitForURL(/\/knelpunten$/);
    await referrer.locator('#bn-new-title').fill('Geen postadres voor daklozen');
    await referrer.locator('#bn-new-description').fill('Zonder postadres geen uitkering bij de start van de huur.');
    await referrer.locator('#bn-new-area').selectOption('regulation');
    await referrer.locator('#bn-new-submit').click();
    await referrer.locator('#bn-proposed').waitFor();
    expect(await seriousViolations(referrer)).toEqual([]);

    const office = await logIn('programma@eerstethuis.demo');
    await office.locator('#nav-bottlenecks').click();
    await office.getByRole('link', { name: 'Geen postadres voor daklozen' }).click();
    await office.locator('#bn-edit-status').selectOption('solved');
    await office.locator('#bn-edit-solution').fill('Briefadres via het buurtteam.');
    await office.locator('#bn-edit-save').click();
    await expect.poll(() => office.locator('#bn-detail-status').innerText()).toBe('Opgelost');
    expect(await office.locator('#bn-history').innerText()).toMatch(/Open → Opgelost/);
    expect(await seriousViolations(office)).toEqual([]);
  });
});
