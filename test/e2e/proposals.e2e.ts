import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// Eligibility rules and batch proposals (docs/matching.md): the programme office opens the rules
// page, adds a location rule with its reason and sees it listed; then it computes a batch proposal
// for the available homes of a project location (Leidsche Rijn) and reads the pairs with their
// score parts and the comparison with the greedy choice. Both pages are checked with axe-core.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';
const OFFICE = 'programma@eerstethuis.demo';
const LOCATION = 'Gemengd wonen Leidsche Rijn';
const RULE_LOCATION = 'Gemengd wonen Nieuwegein';
const REASON = 'Afspraak met Portaal: gelijkvloers is niet overal mogelijk.';

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

describe('eligibility rules and a batch proposal', () => {
  it('the office adds a location rule and sees it among the rules', async () => {
    await login(OFFICE);
    await page.locator('#nav-offers').click();
    await page.locator('#offers-rules-link').click();
    await page.waitForURL((url) => url.pathname === '/matching/regels');
    await page.locator('#rules-programme-table').waitFor();
    // the demo's Leidsche Rijn rule with its reason
    await expect.poll(() => page.locator('#rules-location-table').innerText()).toContain('geen huisdieren');
    await expectAxeClean('rules page');

    await page.locator('#rules-new').click();
    await page.locator('#rule-form').waitFor();
    // required fields are reported beside the fields
    await page.locator('#rule-level-location').check();
    await page.locator('#rule-submit').click();
    await page.locator('#rule-location-error').waitFor();
    await page.locator('#rule-kind-error').waitFor();
    await expectAxeClean('rule form with errors');

    await page.locator('#rule-location').selectOption({ label: RULE_LOCATION });
    await page.locator('#rule-kind').selectOption('household_size');
    await page.locator('#rule-maxPersonsPerRoom').fill('1');
    await page.locator('#rule-maxPersons').fill('2');
    await page.locator('#rule-note').fill(REASON);
    await page.locator('#rule-submit').click();
    await page.locator('#rule-added').waitFor();
    const row = page.locator('#rules-location-table tr[data-kind="household_size"]');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(RULE_LOCATION);
    expect(text).toContain(REASON);
    expect(text).toContain('hoogstens 1 per kamer');
    await expectAxeClean('rules page with the new rule');

    // removing asks for confirmation; the rule leaves the list (the server keeps it marked removed)
    const id = await row.getAttribute('data-rule');
    await page.locator(`#rule-remove-${id}`).click();
    await page.locator('#rule-remove-dialog-location-cancel').waitFor();
    await expectAxeClean('remove dialog');
    await page.locator('#rule-remove-dialog-location-confirm').click();
    await expect.poll(() => page.locator(`#rules-location-table tr[data-rule="${id}"]`).count()).toBe(0);
  });

  it('the office computes a proposal for a project location and reads the pairs', async () => {
    await page.locator('#nav-offers').click();
    await page.locator('#offers-new-proposal-link').click();
    await page.locator('#proposal-form').waitFor();
    await expectAxeClean('new proposal form');

    const option = page.locator('#proposal-location option', { hasText: LOCATION });
    const value = await option.getAttribute('value');
    expect(value).toBeTruthy();
    await page.locator('#proposal-location').selectOption(value!);
    await page.locator('#proposal-submit').click();

    await page.waitForURL((url) => /^\/matching\/voorstellen\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.locator('#proposal-created').waitFor();
    await page.locator('#proposal-pairs-table').waitFor();
    const rows = page.locator('#proposal-pairs-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    // every pair shows the score parts and the greedy choice beside it
    const first = await rows.first().innerText();
    expect(first).toMatch(/Wachttijd|Wachtlijst/);
    expect(first).toMatch(/\d+ van \d+/);
    await expect.poll(() => page.locator('#proposal-greedy').innerText()).toMatch(/gretige keuze/i);
    await expectAxeClean('proposal page');

    // the confirmation can be cancelled with Escape, then confirmed
    await page.locator('#proposal-accept').click();
    await page.locator('#proposal-accept-dialog-cancel').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#proposal-accept-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.locator('#proposal-accept').click();
    await expectAxeClean('proposal accept dialog');
    await page.locator('#proposal-accept-dialog-confirm').click();
    await page.locator('#proposal-accepted').waitFor();
    await expect.poll(() => page.locator('#proposal-status').innerText()).toMatch(/omgezet/i);
    await page.locator('#proposal-offers-link').click();
    await page.locator('#offers-table').waitFor();
  });
});
