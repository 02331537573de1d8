import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// From keys to flip (issue 6): the programme office records a tenancy of an intake home at
// Leidsche Rijn (De Tussenvoorziening holds the lease, Mitros is the landlord) for a ready
// candidate of De Tussenvoorziening; the care worker records the keys and the checklist items
// that are theirs (rent on time, goals, the tenant's wish); Mitros records its consent as the
// corporation and flips the lease after a confirmation; the timeline then shows the flip and the
// lease history both leases. The list and tenancy pages are checked with axe-core.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';
const OFFICE = 'programma@eerstethuis.demo';
const TV_WORKER = 'begeleider@tussenvoorziening.demo';
const MITROS = 'corporatie@mitros.demo';
const LOCATION = 'Gemengd wonen Leidsche Rijn';

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

async function apiGet<T>(path: string): Promise<T> {
  const response = await page.request.get(`${server.url}/api${path}`);
  expect(response.ok(), `${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/** A write with the browser's session and its CSRF token (for the setup only). */
async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>('/v1/me');
  const response = await page.request.post(`${server.url}/api${path}`, { data: body, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Records one checklist item through its form and waits until the page shows it met. */
async function recordCheck(kind: string, evidence: string) {
  const item = page.locator(`#tenancy-checklist li[data-kind="${kind}"]`);
  await page.locator(`#check-${kind}-evidence`).fill(evidence);
  await page.locator(`#check-${kind}-submit`).click();
  await item.and(page.locator('[data-status="met"]')).waitFor();
}

describe('tenancies: from keys to flip', () => {
  let tenancyUrl = '';

  it('the office records a tenancy of an intake home; the list shows it', async () => {
    await login(OFFICE);
    const units = await apiGet<{ items: Array<{ id: string; label: string; location: string | null }> }>('/v1/units?status=available&limit=200');
    const offers = await apiGet<{ items: Array<{ unit: { id: string }; participant: { id: string | null } }> }>('/v1/offers?limit=200');
    const busyUnits = new Set(offers.items.map((o) => o.unit.id));
    const busyPeople = new Set(offers.items.map((o) => o.participant.id));
    const unit = units.items.filter((u) => u.location === LOCATION && !busyUnits.has(u.id)).sort((a, b) => a.label.localeCompare(b.label))[0];
    const ready = await apiGet<{ items: Array<{ id: string; code: string; provider: { name: string } | null }> }>('/v1/participants?phase=ready&limit=200');
    const person = ready.items.find((p) => p.provider?.name === 'De Tussenvoorziening' && !busyPeople.has(p.id));
    expect(unit && person).toBeTruthy();
    const tenancy = await apiPost<{ id: string; leaseHolder: string }>('/v1/tenancies', { unitId: unit.id, participantId: person!.id, startDate: '2024-01-15' });
    expect(tenancy.leaseHolder).toBe('provider');
    tenancyUrl = `${server.url}/huurcontracten/${tenancy.id}`;

    await page.locator('#nav-tenancies').click();
    await page.locator('#tenancies-table').waitFor();
    await expectAxeClean('tenancy list');
  });

  it('the care worker hands over the keys and records the checks that are theirs', async () => {
    await login(TV_WORKER);
    await page.goto(tenancyUrl);
    await page.locator('#tenancy-heading').waitFor();
    await expect.poll(() => page.locator('#tenancy-timeline li[data-kind="keys"]').getAttribute('data-done')).toBe('false');
    await expectAxeClean('tenancy page before the keys');
    await page.locator('#move-in-date').fill('2024-02-01');
    await page.locator('#move-in-submit').click();
    await page.locator('#tenancy-timeline li[data-kind="keys"][data-done="true"]').waitFor();
    expect(await page.locator('#move-in-submit').count()).toBe(0);

    await recordCheck('rent_paid_on_time', 'Huuroverzicht: twaalf maanden op tijd betaald.');
    await recordCheck('goals_met', 'Evaluatie begeleidingsplan: doelen wonen behaald.');
    await recordCheck('tenant_agrees', 'Huurder wil het contract op eigen naam.');
    // The corporation's consent is not the care worker's to record, and a care worker does not flip.
    expect(await page.locator('#check-corporation_agrees-submit').count()).toBe(0);
    expect(await page.locator('#tenancy-flip').count()).toBe(0);
    await expect.poll(() => page.locator('#checklist-missing').textContent()).toContain('Corporatie stemt in');
    await expectAxeClean('tenancy page with the checklist partly done');
  });

  it('the corporation records its consent and flips the lease after a confirmation', async () => {
    await login(MITROS);
    await page.goto(tenancyUrl);
    await page.locator('#tenancy-heading').waitFor();
    await recordCheck('corporation_agrees', 'Akkoord van Mitros per brief.');
    await page.locator('#checklist-complete').waitFor();
    await expectAxeClean('tenancy page with a complete checklist (corporation)');

    await page.locator('#tenancy-flip').click();
    await page.locator('#flip-dialog').waitFor({ state: 'visible' });
    await expectAxeClean('flip confirmation');
    await page.locator('#flip-dialog-confirm').click();
    await page.locator('#tenancy-timeline li[data-kind="flip"][data-done="true"]').waitFor();
    expect(await page.locator('#tenancy-leases tbody tr').count()).toBe(2);
    expect(await page.locator('#tenancy-leases tbody tr[data-holder="tenant"]').count()).toBe(1);
    await expect.poll(() => page.locator('#tenancy-status').textContent()).toContain('Huurder');
    await expectAxeClean('tenancy page after the flip');
  });
});
