import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, startDemoServer } from '../support/browser.js';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context per person: nobody shares a session cookie. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function logIn(page: Page, email: string, password = 'eerstethuis-demo') {
  await page.goto(`${server.url}/login`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.getByRole('button', { name: /inloggen/i }).click();
}

const NEW_NAME = 'Nina Nieuwkomer';
const NEW_EMAIL = `nina.${Date.now()}@eerstethuis.demo`;
const NEW_PASSWORD = 'een lange zin als wachtwoord';

describe('administration: invite, accept, log in, and the access log shows it', () => {
  let invitationLink = '';

  it('the programme office administrator invites someone and reads the link in the mail viewer', async () => {
    const page = await newPage();
    await logIn(page, 'beheer@eerstethuis.demo');
    await page.getByTestId('counter-realised').waitFor();

    // Beheer → Gebruikers
    await page.locator('#admin-menu-button').click();
    await page.locator('#admin-menu-users').click();
    await page.waitForURL(/\/beheer\/gebruikers$/);
    await page.locator('#users-table').waitFor();
    // the own account cannot be changed, and the page says why before anyone tries
    const ownRow = page.locator('#users-table tr', { hasText: 'beheer@eerstethuis.demo' });
    await expect.poll(() => ownRow.getByRole('button').count()).toBe(0);
    expect(await page.locator('#users-self-note').innerText()).toMatch(/eigen account/i);
    expect(await seriousViolations(page)).toEqual([]);

    // Uitnodigen
    await page.locator('#users-invite').click();
    await page.waitForURL(/\/beheer\/gebruikers\/uitnodigen$/);
    await page.locator('#invite-email').fill(NEW_EMAIL);
    await page.locator('#invite-name').fill(NEW_NAME);
    // the programme office: its own organisation is preselected, roles fit its kind
    expect(await page.locator('#invite-roles-corporation').count()).toBe(0);
    await page.locator('#invite-roles-programme_office').check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /uitnodiging versturen/i }).click();
    const sent = page.locator('#invite-sent');
    await sent.waitFor();
    expect(await sent.innerText()).toMatch(/7 dagen/);
    expect(await seriousViolations(page)).toEqual([]);

    // the mail viewer (demo mode)
    await page.locator('#admin-menu-button').click();
    await page.locator('#admin-menu-outbox').click();
    await page.waitForURL(/\/beheer\/post$/);
    const mail = page.locator(`article[data-mail-to="${NEW_EMAIL}"]`);
    await mail.waitFor();
    const body = await mail.locator('pre').innerText();
    const match = /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(body);
    expect(match).not.toBeNull();
    invitationLink = match![0];
    // the link is text, not a link
    expect(await mail.locator('a').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the invited person chooses a password on the public page and logs in', async () => {
    expect(invitationLink).not.toBe('');
    const page = await newPage();
    await page.goto(invitationLink);
    await page.locator('#invitation-password').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // the rule is shown and checked before anything is sent
    await page.locator('#invitation-password').fill('te kort');
    await page.locator('#invitation-password-repeat').fill('te kort');
    await page.getByRole('button', { name: /wachtwoord opslaan/i }).click();
    await page.locator('#invitation-password-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#invitation-password').fill(NEW_PASSWORD);
    await page.locator('#invitation-password-repeat').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /wachtwoord opslaan/i }).click();
    await page.locator('#invitation-accepted').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // the link works once
    const again = await newPage();
    await again.goto(invitationLink);
    await again.locator('#invitation-password').fill(NEW_PASSWORD);
    await again.locator('#invitation-password-repeat').fill(NEW_PASSWORD);
    await again.getByRole('button', { name: /wachtwoord opslaan/i }).click();
    await again.locator('#invitation-gone').waitFor();
    expect(await seriousViolations(again)).toEqual([]);
    await again.context().close();

    // to the login, with the e-mail address filled in
    await page.locator('#invitation-to-login').click();
    await page.waitForURL(/\/login$/);
    expect(await page.locator('#login-email').inputValue()).toBe(NEW_EMAIL);
    await page.locator('#login-password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /inloggen/i }).click();
    // the programme office works with personal data: first the second factor
    await page.waitForURL(/\/beveiliging\/tweede-factor$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.context().close();
  });

  it('the privacy officer lands on the public counter and finds the new login in the access log', async () => {
    const page = await newPage();
    await logIn(page, 'privacy@eerstethuis.demo');
    // the landing page works for a role without housing-stock rights: the public counter
    await page.getByTestId('counter-realised').waitFor();
    const programmes = (await (await fetch(`${server.url}/api/v1/programmes`)).json()) as { items: { id: string }[] };
    const anonymous = (await (await fetch(`${server.url}/api/v1/programmes/${programmes.items[0].id}/counter`)).json()) as { realised: number };
    expect(anonymous.realised).toBeGreaterThan(0);
    await expect
      .poll(async () => Number((await page.getByTestId('counter-realised').innerText()).replace(/\D/g, '')))
      .toBe(anonymous.realised);
    expect(await page.locator('.eh-nav__link', { hasText: /^Woningen$/ }).count()).toBe(0);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#privacy-menu-button').click();
    await page.locator('#privacy-menu-log').click();
    await page.waitForURL(/\/privacy\/logboek$/);
    await page.locator('#audit-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // filter on the new user by clicking their name
    await page.locator('#audit-table a.eh-audit-user', { hasText: NEW_NAME }).first().click();
    await page.waitForURL(/userId=/);
    await page.locator('#audit-user-filter', { hasText: NEW_NAME }).waitFor();
    const loginRow = page.locator('#audit-table tbody tr', { has: page.locator('td[data-action="login"]') });
    await loginRow.first().waitFor();
    expect(await loginRow.first().innerText()).toContain('Inloggen');
    const users = await page.locator('#audit-table tbody td[data-user-id]').evaluateAll((cells) => [
      ...new Set(cells.map((cell) => cell.getAttribute('data-user-id'))),
    ]);
    expect(users).toHaveLength(1);
    expect(await page.locator('#audit-user-id').inputValue()).toBe(users[0]);
    // the CSV export carries the same filter
    expect(await page.locator('#audit-export').getAttribute('href')).toContain(`userId=${users[0]}`);
    expect(await seriousViolations(page)).toEqual([]);

    // the access request page (AVG art. 15)
    await page.locator('#privacy-menu-button').click();
    await page.locator('#privacy-menu-data-export').click();
    await page.locator('#data-export-code').waitFor();
    await page.locator('#data-export-code').fill('EH-000000');
    await page.locator('#data-export-submit').click();
    await page.locator('#data-export-not-found').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the administrator sees the new user and opens the edit form and the deactivation dialog', async () => {
    const page = await newPage();
    await logIn(page, 'beheer@eerstethuis.demo');
    await page.getByTestId('counter-realised').waitFor();
    await page.goto(`${server.url}/beheer/gebruikers`);
    const row = page.locator('#users-table tr', { hasText: NEW_EMAIL });
    await row.waitFor();
    expect(await row.innerText()).toContain('Programmabureau');
    await row.getByRole('button', { name: /wijzigen/i }).click();
    await page.locator('#user-edit-panel').waitFor();
    expect(await page.locator('#user-edit-roles-programme_office').isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#user-deactivate').click();
    await page.locator('#user-deactivate-dialog').waitFor();
    expect(await page.locator('#user-deactivate-dialog').innerText()).toMatch(/sessies/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#user-deactivate-dialog-cancel').click();
    await page.context().close();
  });
});
