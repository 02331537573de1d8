import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// Matching and allocation (docs/matching.md): the programme office sends a broad call for an
// available home of a project location (Leidsche Rijn, Mitros); care workers of De
// Tussenvoorziening and Leger des Heils each nominate a ready candidate of their own; the office
// reads the nominations side by side, opens the home's ranking with its explanation and makes an
// offer; then every party accepts its step of the project route (provider proposal → corporation
// → candidate → contract signed by the corporation) and the home ends `allocated`. The call,
// ranking and offer pages are checked with axe-core.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';
const OFFICE = 'programma@eerstethuis.demo';
const TV_WORKER = 'begeleider@tussenvoorziening.demo';
const LDH_WORKER = 'begeleider@legerdesheils.demo';
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

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const inTwoWeeks = isoDate(new Date(Date.now() + 14 * 86_400_000));

const login = (email: string) => loginInBrowser(page, server.url, email, PASSWORD);

async function expectAxeClean(what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

/** A GET of the API with the browser's session (reading only: no CSRF token needed). */
async function apiGet<T>(path: string): Promise<T> {
  const response = await page.request.get(`${server.url}/api${path}`);
  expect(response.ok(), `${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

interface RankingItem {
  participant: { id: string; code: string; provider: { name: string } | null };
}

describe('matching: from a broad call to an allocated home', () => {
  let unit = { id: '', label: '' };
  const candidates: Record<'tv' | 'ldh', { id: string; code: string }> = { tv: { id: '', code: '' }, ldh: { id: '', code: '' } };
  let callUrl = '';
  let offerUrl = '';

  it('the office sends a call for an available home of a project location to two providers', async () => {
    await login(OFFICE);
    // A home of Leidsche Rijn (project route, Mitros) without any offer in the demo, and the
    // best-ranked ready candidate of each of the two providers: nobody already in an offer.
    const units = await apiGet<{ items: Array<{ id: string; label: string; location: string | null }> }>('/v1/units?status=available&limit=200');
    const offered = new Set(
      (await apiGet<{ items: Array<{ unit: { id: string } }> }>('/v1/offers?limit=200')).items.map((o) => o.unit.id),
    );
    const free = units.items.filter((u) => u.location === LOCATION && !offered.has(u.id)).sort((a, b) => b.label.localeCompare(a.label));
    expect(free.length).toBeGreaterThan(0);
    unit = free[0];
    const ranking = await apiGet<{ items: RankingItem[] }>(`/v1/units/${unit.id}/ranking?limit=200`);
    const first = (provider: string) => ranking.items.find((i) => i.participant.provider?.name === provider)!.participant;
    candidates.tv = first('De Tussenvoorziening');
    candidates.ldh = first('Leger des Heils');
    expect(candidates.tv && candidates.ldh).toBeTruthy();

    await page.locator('#nav-calls').click();
    await page.locator('#calls-table').waitFor();
    await expectAxeClean('calls list (office)');
    await page.locator('#calls-new').click();
    await page.locator('#call-form').waitFor();

    // required fields are reported beside the fields
    await page.locator('#call-submit').click();
    await page.locator('#call-title-error').waitFor();
    await expectAxeClean('call form with errors');

    await page.locator('#call-title').fill(`Leidsche Rijn: woning ${unit.label}`);
    await page.locator('#call-scope-units').check();
    await page.locator('#call-units').getByLabel(unit.label, { exact: true }).check();
    await page.locator('#call-recipients-mode-chosen').check();
    await page.locator('#call-recipients').getByLabel('De Tussenvoorziening', { exact: true }).check();
    await page.locator('#call-recipients').getByLabel('Leger des Heils', { exact: true }).check();
    await page.locator('#call-requirements').fill('Een appartement voor een alleenstaande zonder huisdieren, gemengd wonen met reguliere huurders.');
    await page.locator('#call-deadline').fill(inTwoWeeks);
    await page.locator('#call-submit').click();

    await page.locator('#call-created').waitFor();
    callUrl = page.url();
    expect(callUrl).toMatch(/\/uitvragen\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('#call-recipients-table').innerText()).toContain('Leger des Heils');
    await expectAxeClean('call page (office)');
  });

  for (const [who, email] of [
    ['tv', TV_WORKER],
    ['ldh', LDH_WORKER],
  ] as const) {
    it(`a care worker of ${who === 'tv' ? 'De Tussenvoorziening' : 'Leger des Heils'} nominates a ready candidate`, async () => {
      await login(email);
      await page.locator('#nav-calls').click();
      await page.locator('#calls-table').getByRole('link', { name: `Leidsche Rijn: woning ${unit.label}` }).click();
      await page.locator('#nominate-form').waitFor();
      await expectAxeClean(`call page (${who})`);
      await page.locator('#nominate-participant').selectOption(candidates[who].id);
      await page.locator('#nominate-motivation').fill('Woont stabiel in de opvang, houdt afspraken na en wil graag in Leidsche Rijn wonen.');
      await page.locator('#nominate-submit').click();
      await page.locator('#nominated').waitFor();
      // a provider sees only its own nominations
      await page.locator(`#nomination-${candidates[who].code}`).waitFor();
      const other = who === 'tv' ? candidates.ldh.code : candidates.tv.code;
      expect(await page.locator(`#nomination-${other}`).count()).toBe(0);
      await expectAxeClean(`call page after nominating (${who})`);
    });
  }

  it('the office reads the nominations side by side, opens the ranking and makes an offer', async () => {
    await login(OFFICE);
    await page.goto(callUrl);
    await page.locator(`#nomination-${candidates.tv.code}`).waitFor();
    await page.locator(`#nomination-${candidates.ldh.code}`).waitFor();
    await expect.poll(() => page.locator(`#nomination-${candidates.tv.code}`).innerText()).toMatch(/komt in aanmerking/);
    await expectAxeClean('call page with nominations (office)');

    // the ranking, reached from the home's page
    await page.goto(`${server.url}/units/${unit.id}`);
    await page.locator('#unit-ranking-link').click();
    await page.locator('#ranking-table').waitFor();
    await expect.poll(() => page.locator('#excluded-heading').innerText()).toBe('Waarom staat iemand niet op de lijst?');
    expect(await page.locator('#excluded-table tbody tr').count()).toBeGreaterThan(0);
    // a nominated candidate gets the points for the nomination
    const row = page.locator(`#ranking-table tr[data-code="${candidates.tv.code}"]`);
    await row.waitFor();
    await expectAxeClean('ranking page');

    // explain one person
    await page.locator('#explain-code').fill(candidates.ldh.code);
    await page.locator('#explain-submit').click();
    await expect.poll(() => page.locator('#explanation').innerText()).toContain(candidates.ldh.code);

    await page.locator(`#offer-${candidates.tv.code}`).click();
    await page.locator('#offer-dialog-confirm').click();
    await page.locator('#offer-created').waitFor();
    offerUrl = page.url();
    expect(offerUrl).toMatch(/\/aanbiedingen\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('#step-provider_proposal').getAttribute('aria-current')).toBe('step');
    await page.locator('#offer-cancel').waitFor();
    await expectAxeClean('offer page (office)');
  });

  async function acceptStep(email: string, step: string, next: string | null) {
    await login(email);
    await page.locator('#nav-offers').click();
    await page.locator('#offers-table').waitFor();
    await page.locator(`#offers-table tr[data-unit="${unit.label}"] a`).first().click();
    await page.locator('#offer-heading').waitFor();
    expect(page.url()).toBe(offerUrl);
    await expect.poll(() => page.locator(`#step-${step}`).getAttribute('aria-current')).toBe('step');
    await expectAxeClean(`offer page at ${step}`);
    await page.locator('#offer-accept').click();
    await page.locator('#offer-done').waitFor();
    if (next) await expect.poll(() => page.locator(`#step-${next}`).getAttribute('aria-current')).toBe('step');
  }

  it('each party accepts its step of the project route and the home is allocated', async () => {
    await acceptStep(TV_WORKER, 'provider_proposal', 'corporation_decision');
    await acceptStep(MITROS, 'corporation_decision', 'candidate_decision');
    await acceptStep(TV_WORKER, 'candidate_decision', 'contract');
    await acceptStep(MITROS, 'contract', null);
    await expect.poll(() => page.locator('#offer-status').innerText()).toMatch(/geslaagd/i);
    await page.locator('#step-succeeded').waitFor();
    await expectAxeClean('offer page, succeeded');

    await login(OFFICE);
    await page.goto(`${server.url}/units/${unit.id}`);
    await page.locator('.eh-page-head .eh-status').waitFor();
    await expect.poll(() => page.locator('.eh-page-head .eh-status').innerText()).toBe('Toegewezen');

    // the office's overview counts the success
    await page.goto(`${server.url}/aanbiedingen/overzicht`);
    await page.locator('#dash-outcomes').waitFor();
    await expectAxeClean('offers overview');
  });
});
