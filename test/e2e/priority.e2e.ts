import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// The programme office's two screens around the by-name list (docs/participants.md, docs/priority.md):
// merging a pair of possible duplicates (the demo seed has two pairs) keeps the history of both
// on the record that stays; the priority rules are changed with keyboard-operable "up"/"down"
// buttons, saved as a new version, and the by-name list follows them. A stale version is refused
// (409) and the page offers to reload. Every screen is checked with axe-core on the way.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';
const OFFICE = 'programma@eerstethuis.demo';
const REFERRER = 'toeleider@backup.demo';

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

async function logout() {
  await page.getByRole('button', { name: /^uitloggen$/i }).click();
  await page.waitForURL(/\/login/);
}

async function expectAxeClean(what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

/** The data-* values of the items of a list, in the order shown. */
const valuesOf = (selector: string, attribute: string) =>
  page.locator(selector).evaluateAll((els, name) => els.map((el) => el.getAttribute(name)), attribute);

describe('programme office: possible duplicates', () => {
  it('merges one of the two seeded pairs and sees the history of both on the record that stays', async () => {
    await login(OFFICE);
    await page.locator('#nav-participants').click();
    await page.locator('#participants-count').waitFor();
    await page.locator('#participants-duplicates').click();
    await page.waitForURL(/\/deelnemers\/dubbelen$/);
    await page.locator('#duplicates-list').waitFor();
    const pairs = page.locator('#duplicates-list > li');
    expect(await pairs.count()).toBe(2);
    expect(await page.locator('#duplicates-count').innerText()).toMatch(/paren van dossiers: 2/i);
    await expectAxeClean('possible duplicates');

    const card = pairs.first().locator('article');
    const [codeA, codeB] = ((await card.getAttribute('data-pair')) ?? '').split(' ');
    expect(codeA).toMatch(/^EH-[A-Z0-9]{6}$/);
    expect(codeB).toMatch(/^EH-[A-Z0-9]{6}$/);
    const key = `pair-${codeA}-${codeB}`;
    // side by side: one column per record, same name and date of birth
    const table = card.locator('table');
    expect(await table.locator('thead').innerText()).toContain(codeA);
    expect(await table.locator('thead').innerText()).toContain(codeB);
    expect(await card.innerText()).toMatch(/zelfde naam en geboortedatum/i);

    await page.locator(`#${key}-merge`).click();
    await page.locator(`#${key}-survivor`).waitFor();
    // the pages of both records add the provider and more to the comparison
    await table.getByText(/begeleidende zorgaanbieder/i).waitFor();
    // the focus moved to the merge panel
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${key}-panel-heading`);

    // nothing chosen: the errors show beside the fields
    await page.locator(`#${key}-submit`).click();
    await page.locator(`#${key}-survivor-error`).waitFor();
    await page.locator(`#${key}-reason-error`).waitFor();
    await expectAxeClean('merge panel with errors');

    await page.locator(`#${key}-survivor-a`).check();
    await page.locator(`#${key}-reason`).fill('Twee keer aangemeld, door Back Up en door de opvang; nagevraagd bij de begeleider.');
    await page.locator(`#${key}-submit`).click();
    const dialog = page.locator(`#${key}-dialog`);
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/geschiedenis van beide dossiers blijft bewaard/i);
    expect(await dialog.innerText()).toMatch(/kan niet ongedaan worden gemaakt/i);
    // the safe choice has the focus
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${key}-dialog-cancel`);
    await expectAxeClean('merge confirmation');
    await page.locator(`#${key}-dialog-confirm`).click();

    await page.locator('#duplicates-merged').waitFor();
    expect(await page.locator('#duplicates-merged').innerText()).toContain(`${codeB} is samengevoegd in ${codeA}`);
    // the pair left the list
    await expect.poll(() => pairs.count()).toBe(1);
    await expectAxeClean('possible duplicates after the merge');

    await page.locator('#duplicates-merged-link').click();
    await page.locator('#participant-heading').waitFor();
    expect((await page.locator('#participant-code').innerText()).trim()).toBe(codeA);
    expect(await page.locator('#participant-merged').count()).toBe(0);
    const timeline = page.locator('#timeline');
    await timeline.getByText(`Dubbel dossier ${codeB} samengevoegd`).waitFor();
    // the merged record's referral and phases are in the survivor's history, marked with their origin
    await timeline.getByText(`(dossier ${codeB})`).first().waitFor();
    expect(await page.locator('#referrals article').count()).toBe(2);
    await expectAxeClean('survivor page with the merged history');

    // the merged record points to the one that stays
    await page.goto(`${server.url}/deelnemers/${codeB}`);
    await page.locator('#participant-merged').waitFor();
    expect(await page.locator('#participant-merged').innerText()).toContain(codeA);
  });
});

describe('programme office: priority rules of the by-name list', () => {
  it('moves a criterion with the keyboard, saves a new version, and the by-name list follows it', async () => {
    await page.goto(`${server.url}/deelnemers`);
    await page.locator('#participants-count').waitFor();
    await page.locator('#participants-priority').click();
    await page.waitForURL(/\/deelnemers\/prioritering$/);
    await page.locator('#priority-rules').waitFor();
    expect(await page.locator('#priority-version').innerText()).toMatch(/versie 0/i);
    expect(await valuesOf('#priority-rules > li', 'data-rule')).toEqual(['waiting_before_housed', 'waiting_list', 'referral_date', 'tie_breaker']);
    expect(await page.locator('#priority-rules').innerText()).toMatch(/centrale wachtlijst van de Regionale Toegang/);
    await expectAxeClean('priority page');

    // keyboard only: focus "up" of the second criterion and press Enter
    await page.locator('#priority-criteria-referral_date-up').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => valuesOf('#priority-criteria > li', 'data-value')).toEqual(['referral_date', 'waiting_list']);
    // the focus stays with the item that moved (at the top now: its "down" button)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('priority-criteria-referral_date-down');
    await expect.poll(() => page.locator('#priority-announcement').innerText()).toMatch(/plaats 1 van 2/);

    // include a criterion; it joins the end of the order
    await page.locator('#priority-criterion-current_place').check();
    await expect.poll(() => valuesOf('#priority-criteria > li', 'data-value')).toEqual(['referral_date', 'waiting_list', 'current_place']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('priority-criterion-current_place');
    await page.locator('#priority-note').fill('Wachttijd in het programma eerst, op verzoek van de stuurgroep.');
    await expectAxeClean('priority form with changes');

    await page.locator('#priority-save').click();
    await page.locator('#priority-saved').waitFor();
    expect(await page.locator('#priority-saved').innerText()).toMatch(/versie 1/i);
    expect(await page.locator('#priority-saved').innerText()).toMatch(/namenlijst volgt nu de nieuwe volgorde/i);
    await expect.poll(() => page.locator('#priority-version').innerText()).toMatch(/versie 1/i);
    expect(await valuesOf('#priority-rules > li', 'data-rule')).toEqual([
      'waiting_before_housed',
      'referral_date',
      'waiting_list',
      'current_place',
      'tie_breaker',
    ]);
    expect(await page.locator('#priority-current-note').innerText()).toContain('op verzoek van de stuurgroep');
    await expectAxeClean('priority page after saving');

    // the by-name list explains each place by the new order: waiting time before the waiting list
    await page.locator('#priority-to-list').click();
    await page.locator('#participants-table').waitFor();
    const first = page.locator('#participants-table tbody tr').first();
    await first.locator('summary').click();
    await expect.poll(() => first.locator('.eh-why__list li').first().innerText()).toMatch(/^Aangemeld op/);
  });

  it('refuses a change made on a stale version and offers to load the latest rules', async () => {
    await page.goto(`${server.url}/deelnemers/prioritering`);
    await page.locator('#priority-criteria').waitFor();
    expect(await page.locator('#priority-version').innerText()).toMatch(/versie 1/i);

    // meanwhile someone else saves version 2 (through the API, in the same session)
    const me = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string };
    const programmes = (await (await page.request.get(`${server.url}/api/v1/programmes`)).json()) as { items: { id: string }[] };
    const other = await page.request.post(`${server.url}/api/v1/programmes/${programmes.items[0].id}/priority-settings`, {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { criteria: ['waiting_list', 'referral_date'], baseVersion: 1, note: 'Terug naar de standaard.' },
    });
    expect(other.status()).toBe(201);

    await page.locator('#priority-criteria-waiting_list-down').click();
    await page.locator('#priority-save').click();
    await page.locator('#priority-conflict').waitFor();
    expect(await page.locator('#priority-conflict').innerText()).toMatch(/intussen/i);
    await expectAxeClean('priority conflict');
    await page.locator('#priority-reload').click();
    await page.locator('#priority-reloaded').waitFor();
    await expect.poll(() => page.locator('#priority-version').innerText()).toMatch(/versie 2/i);
    expect(await valuesOf('#priority-criteria > li', 'data-value')).toEqual(['waiting_list', 'referral_date']);
    await logout();
  });

  it('others who see the list read the rules without a form', async () => {
    await login(REFERRER);
    await page.goto(`${server.url}/deelnemers`);
    await page.locator('#participants-count').waitFor();
    // no link to the duplicates for a referrer
    expect(await page.locator('#participants-duplicates').count()).toBe(0);
    await page.locator('#participants-priority').click();
    await page.locator('#priority-rules').waitFor();
    await page.locator('#priority-read-only').waitFor();
    expect(await page.locator('#priority-form').count()).toBe(0);
    await expectAxeClean('priority page (read-only)');
    await logout();
  });
});
