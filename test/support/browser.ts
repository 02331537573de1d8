import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openPglite } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import { seedDemo } from '../../src/server/db/seed/demo.js';
import type { FastifyInstance } from 'fastify';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app with the demo region on an in-memory PGlite, listening on a free port. */
export async function startDemoServer(): Promise<{ app: FastifyInstance; url: string; close: () => Promise<void> }> {
  // The demo region seeded once by the e2e project's global setup (demo-template-setup.ts);
  // seeded here when a journey runs without it.
  const template = inject('demoTemplate');
  const fromTemplate = Boolean(template) && fs.existsSync(template);
  const database = fromTemplate ? await openPglite(undefined, { loadDataDir: new Blob([fs.readFileSync(template)]) }) : await openPglite();
  await migrate(database);
  if (!fromTemplate) await seedDemo(database);
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url: address,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Logs a demo account in through the login page, on a fresh session, and waits for the app. */
export async function loginInBrowser(page: Page, baseUrl: string, email: string, password = 'eerstethuis-demo'): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.getByRole('button', { name: /inloggen/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('nav[aria-label="Hoofdmenu"]').waitFor();
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium ontbreekt op ${CHROMIUM}: installeer het met 'apt-get install -y chromium' of zet CHROMIUM_PATH. / Chromium is missing.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousViolations(page: Page) {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) still holds.
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
