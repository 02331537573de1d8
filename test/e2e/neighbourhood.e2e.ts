import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// The neighbourhood (docs/neighbourhood.md): the programme office opens Nijevelt, reads how the
// building is doing, records an incident and closes it after a confirmation, then filters the
// incidents overview (/overlast). The municipality of Nieuwegein sees its incidents without what
// happened or about whom. The pages are checked with axe-core.

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

describe('the neighbourhood of a building', () => {
  it('the office reads Nijevelt, records an incident and closes it', async () => {
    await login('programma@eerstethuis.demo');
    const list = await page.request.get(`${server.url}/api/v1/locations?q=Nijevelt`);
    const nijevelt = ((await list.json()) as { items: { id: string }[] }).items[0];
    await page.goto(`${server.url}/locations/${nijevelt.id}`);
    await page.getByRole('heading', { name: 'Buurt', level: 2 }).waitFor();
    await page.getByText(/^Signaal: /).waitFor();
    await page.getByText(/programmaplekken en 12 reguliere woningen/).waitFor();
    expect(await seriousViolations(page), 'location page').toEqual([]);

    await page.getByRole('button', { name: 'Incident melden' }).click();
    await page.locator('#incident-new-source').selectOption('neighbour');
    await page.locator('#incident-new-severity').selectOption('low');
    await page.locator('#incident-new-description').fill('Fietsen blokkeren de nooduitgang (e2e).');
    await page.locator('#incident-new-heading').waitFor();
    expect(await seriousViolations(page), 'incident form').toEqual([]);
    await page.locator('form').getByRole('button', { name: 'Incident melden' }).click();
    await page.getByText('Het incident is vastgelegd.').waitFor();

    const row = page.getByRole('row').filter({ hasText: 'Fietsen blokkeren de nooduitgang (e2e).' });
    await row.getByRole('button', { name: 'Afsluiten' }).click();
    await page.locator('#location-incident-closure-followup').fill('Fietsen verplaatst naar de stalling.');
    await page.locator('form:has(#location-incident-closure-followup)').getByRole('button', { name: 'Afsluiten', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ja, afsluiten' }).click();
    await page.getByText('Het incident is afgesloten.').waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Afgesloten');
  });

  it('the overview filters by severity and open incidents', async () => {
    await page.getByRole('link', { name: 'Overlast' }).click();
    await page.getByRole('heading', { name: 'Overlast en incidenten', level: 1 }).waitFor();
    await page.locator('#incidents-open').selectOption('true');
    await page.locator('#incidents-severity').selectOption('high');
    await page.getByRole('status').filter({ hasText: /getoond/ }).waitFor();
    const rows = page.locator('tbody tr');
    await expect.poll(async () => (await rows.allTextContents()).every((r) => r.includes('Hoog') && r.includes('Open'))).toBe(true);
    expect(await seriousViolations(page), 'incidents overview').toEqual([]);
  });

  it('the municipality sees that something happened, not what or about whom', async () => {
    await login('gemeente@nieuwegein.demo');
    await page.goto(`${server.url}/overlast`);
    await page.getByRole('heading', { name: 'Overlast en incidenten', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const text = (await page.locator('tbody').textContent()) ?? '';
    expect(text).toContain('Alleen zichtbaar voor programmabureau, zorgaanbieder en corporatie');
    expect(text).not.toContain('Geschreeuw');
    expect(await seriousViolations(page), 'municipality overview').toEqual([]);
  });
});
