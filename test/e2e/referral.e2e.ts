import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer, loginInBrowser } from '../support/browser.js';

// From referral to `ready` (docs/participants.md): the referrer refers someone new with consent and
// asks the access office for a care assessment; the assessor finds the person eligible and decides
// the assessment with an indication (which moves them to `assessed`); the programme office records
// `ready`. Every main screen is checked with axe-core on the way.

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
let page: Page;

const PASSWORD = 'eerstethuis-demo';
const REFERRER = 'toeleider@backup.demo';
const ASSESSOR = 'beoordelaar@regionaletoegang.demo';
const OFFICE = 'programma@eerstethuis.demo';

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
const today = isoDate(new Date());
const yesterday = isoDate(new Date(Date.now() - 86_400_000));
const inTwoYears = isoDate(new Date(new Date().setFullYear(new Date().getFullYear() + 2)));
/** Letters only: duplicate detection compares names without digits. */
const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Proefpersoon ${letters(8)}`;

const login = (email: string) => loginInBrowser(page, server.url, email, PASSWORD);

async function logout() {
  await page.getByRole('button', { name: /^uitloggen$/i }).click();
  await page.waitForURL(/\/login/);
}

async function expectAxeClean(what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

const phaseText = () => page.locator('#participant-phase').innerText();

describe('participants: from referral to ready', () => {
  let code = '';

  it('the referrer refers someone new (draft, eleven-test, consent) and asks for a care assessment', async () => {
    await login(REFERRER);
    await page.locator('#nav-participants').click();
    await page.locator('#participants-count').waitFor();
    await expectAxeClean('by-name list (referrer)');
    // a referrer has no access to the assessors' queue
    expect(await page.locator('#nav-assessments').count()).toBe(0);

    await page.locator('#participants-refer').click();
    await page.locator('#referral-form').waitFor();
    await expectAxeClean('referral form');

    await page.locator('#referral-given-name').fill('Eva');
    await page.locator('#referral-family-name').fill(familyName);
    await page.locator('#referral-date-of-birth').fill('1988-03-14');

    // the eleven-test gives feedback as soon as the field is left
    await page.locator('#referral-bsn').fill('123456789');
    await page.locator('#referral-phone').focus();
    await expect.poll(() => page.locator('#referral-bsn-error').innerText()).toMatch(/elfproef/i);
    await page.locator('#referral-bsn').fill('');
    await page.locator('#referral-phone').focus();
    await expect.poll(() => page.locator('#referral-bsn-error').count()).toBe(0);

    // saved halfway as a draft: it shows under "Mijn concepten"
    await page.locator('#referral-save-draft').click();
    await page.locator('#referral-draft-saved').waitFor();
    await page.locator('#drafts .eh-draft-list__name strong', { hasText: `Eva ${familyName}` }).waitFor();
    expect(page.url()).toMatch(/concept=/);

    await page.locator('#referral-target-group').selectOption('single_adult');
    await page.locator('#referral-current-place').selectOption('night_shelter');
    await page.locator('#referral-consent-given-on').fill(today);
    await page.locator('#referral-consent-scope-programme').check();
    await page.locator('#referral-homelessness-homeless').check();

    // required questions left open are reported beside their fields
    await page.locator('#referral-submit').click();
    await page.locator('#referral-expected-independent-error').waitFor();
    await page.locator('#referral-motivation-error').waitFor();
    await expectAxeClean('referral form with errors');

    await page.locator('#referral-expected-independent-yes').check();
    await page.locator('#referral-motivation').fill('Verblijft stabiel in de nachtopvang, houdt afspraken na en wil zelfstandig wonen.');
    await page.locator('#referral-submit').click();

    await page.locator('#participant-created').waitFor();
    code = (await page.locator('#participant-code').innerText()).trim();
    expect(code).toMatch(/^EH-[A-Z0-9]{6}$/);
    expect(await page.locator('#participant-name').innerText()).toContain(familyName);
    expect(await phaseText()).toMatch(/aangemeld/i);
    await expectAxeClean('participant page (referrer)');

    await page.locator('#assessment-question').fill('Graag een zorginhoudelijke beoordeling voor Eerst een Thuis.');
    await page.locator('#assessment-request-submit').click();
    await page.locator('#assessment-notice').waitFor();
    await page.locator('#assessment-open').waitFor();
    await page.locator('#timeline').getByText(/beoordeling aangevraagd/i).first().waitFor();
    await expectAxeClean('participant page after the request');
    await logout();
  });

  it('the assessor finds the person eligible and decides the care assessment with an indication', async () => {
    await login(ASSESSOR);
    await page.goto(`${server.url}/deelnemers/${code}`);
    await page.locator('#participant-heading').waitFor();
    expect(await phaseText()).toMatch(/aangemeld/i);
    await page.locator('#phase-new').selectOption('eligible');
    await page.locator('#phase-submit').click();
    await page.locator('#phase-changed').waitFor();
    await expect.poll(phaseText).toMatch(/komt in aanmerking/i);

    await page.locator('#nav-assessments').click();
    await page.locator('#queue-table').waitFor();
    await expectAxeClean('assessment queue');
    const row = page.locator(`#queue-table tr[data-code="${code}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: /aan mij toewijzen/i }).click();
    await page.locator('#queue-done').getByText(/toegewezen/i).waitFor();
    await expect.poll(() => row.innerText()).toContain('Anne Assessor');

    await row.getByRole('button', { name: /uitkomst vastleggen/i }).click();
    await page.locator('#decision-form').waitFor();
    // an indication needs its validity and the advised intensity
    await page.locator('#decision-indication').selectOption('beschermd_thuis');
    await page.locator('#decision-submit').click();
    await page.locator('#decision-valid-to-error').waitFor();
    await page.locator('#decision-intensity-error').waitFor();
    await expectAxeClean('decision form');
    await page.locator('#decision-valid-from').fill(today);
    await page.locator('#decision-valid-to').fill(inTwoYears);
    await page.locator('#decision-intensity').selectOption('intensive');
    await page.locator('#decision-submit').click();
    await page.locator('#queue-done').getByText(/vastgelegd/i).waitFor();
    // decided requests leave the queue
    await expect.poll(() => row.count()).toBe(0);

    await page.locator('#queue-done').getByRole('link', { name: code }).click();
    await page.locator('#participant-heading').waitFor();
    await expect.poll(phaseText).toMatch(/beoordeeld/i);
    await page.locator('#timeline').getByText(/beoordeling afgerond: beschermd thuis/i).waitFor();
    await logout();
  });

  it('the programme office records ready and sees it on the page and in the by-name list', async () => {
    await login(OFFICE);
    await page.goto(`${server.url}/deelnemers/${code}`);
    await page.locator('#participant-heading').waitFor();
    expect(await phaseText()).toMatch(/beoordeeld/i);
    // the office sees the person, but neither the BSN nor contact details
    expect(await page.locator('#participant-person').innerText()).not.toMatch(/telefoonnummer/i);
    await expectAxeClean('participant page (programme office)');

    await page.locator('#phase-new').selectOption('ready');
    // the server judges the date: not before the previous step (assessed today); its message shows beside the field
    await page.locator('#phase-effective-date').fill(yesterday);
    await page.locator('#phase-submit').click();
    await expect.poll(() => page.locator('#phase-effective-date-error').innerText()).toMatch(/vorige faseovergang/i);
    await expectAxeClean('phase change refused');
    await page.locator('#phase-effective-date').fill(today);
    await page.locator('#phase-submit').click();
    await page.locator('#phase-changed').waitFor();
    await expect.poll(phaseText).toMatch(/klaar voor matching/i);
    await page.locator('#timeline').getByText(/fase: klaar voor matching/i).waitFor();
    await expectAxeClean('participant page after ready');

    await page.locator('#nav-participants').click();
    await page.locator('#participants-count').waitFor();
    await page.locator('#participants-phase').selectOption('ready');
    await expect.poll(() => page.url()).toMatch(/phase=ready/);
    const row = page.locator(`#participants-table tr[data-code="${code}"]`);
    // the newest referral without a waiting-list date comes last: load pages until it shows
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      const more = page.locator('#participants-more');
      if ((await more.count()) === 0) {
        await page.waitForTimeout(250);
        continue;
      }
      // The button is replaced while a page loads and gone after the last one: a short try each round.
      await more.click({ timeout: 2_000 }).catch(() => undefined);
      await page.waitForTimeout(250);
    }
    await row.waitFor();
    expect(await row.locator('.eh-phase').innerText()).toMatch(/klaar voor matching/i);
    expect(await row.innerText()).toContain(familyName);
    await row.locator('summary').click();
    await row.getByText(/niet op de centrale wachtlijst/i).waitFor();
    await expectAxeClean('by-name list filtered on ready');

    await page.locator('#participants-view-flow').click();
    await page.locator('#flow-table').waitFor();
    await expectAxeClean('inflow and outflow');
  });

  it('imports a CSV: a report per row, nothing imported before the confirmation', async () => {
    await page.goto(`${server.url}/deelnemers/importeren`);
    await page.locator('#import-file').waitFor();
    await expectAxeClean('import page');
    const name = `Importtest ${letters(8)}`;
    const csv = [
      'voornaam;achternaam;geboortedatum;doelgroep;verblijfplaats;aanmelddatum;dakloos;zelfstandig_binnen_twee_jaar;motivatie',
      `Sanne;${name};12-04-1987;single_adult;night_shelter;${today};homeless;ja;Verblijft stabiel in de nachtopvang.`,
      'Piet;;1987-04-12;alien;night_shelter;2021-01-20;homeless;ja;kort',
    ].join('\n');
    await page.locator('#import-file').setInputFiles({ name: 'lijst.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
    await page.locator('#import-file-summary').waitFor();
    await page.locator('#import-validate').click();
    await page.locator('#import-report').waitFor();
    expect(await page.locator('#import-summary').innerText()).toMatch(/2 rijen: 1 geldig, 1 met fouten/);
    expect(await page.locator('#import-rows').innerText()).toMatch(/achternaam/);
    await expectAxeClean('import report');

    await page.locator('#import-confirm').click();
    await page.locator('#import-result').waitFor();
    expect(await page.locator('#import-imported').innerText()).toMatch(/^1 deelnemers/);
    await expectAxeClean('import result');
  });
});
