import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { ParticipantPhase } from '../../src/shared/enums.js';
import { call, loginAs, type Session, type TestApp } from './app.js';
import { ROLE_ACCOUNTS, TEST_PASSWORD, type BuiltRegion } from './builders.js';

/** A region with a logged-in session per account (keys as in ROLE_ACCOUNTS: office, careWorker, referrer…). */
export interface Kit {
  t: TestApp;
  r: BuiltRegion;
  s: Record<string, Session>;
}

/** Logs in every account of a built region. */
export async function kitFor(t: TestApp, r: BuiltRegion): Promise<Kit> {
  const s: Record<string, Session> = {};
  for (const a of ROLE_ACCOUNTS) s[a.key] = await loginAs(t.app, r.emails[a.key], TEST_PASSWORD);
  return { t, r, s };
}

let counter = 0;
const GIVEN = ['Anouk', 'Bram', 'Chantal', 'Dirk', 'Esra', 'Freek', 'Gijs', 'Hanna', 'Ivo', 'Jasmijn'];

/** A unique, fictitious name (tests never depend on the names' content). */
export function uniqueName() {
  counter += 1;
  // Letters only: duplicate detection compares names without digits or punctuation.
  const letters = [...crypto.randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return { givenName: GIVEN[counter % GIVEN.length], familyName: `Test${letters}` };
}

/**
 * A valid referral body: a single adult in the night shelter, guided by provider A, with consent
 * for the programme on 2021-01-04 and positive answers to the eligibility questions.
 */
export function referralBody(r: BuiltRegion, over: Record<string, unknown> = {}, referral: Record<string, unknown> = {}) {
  return {
    programmeId: r.programmeId,
    ...uniqueName(),
    dateOfBirth: '1985-06-15',
    targetGroup: 'single_adult',
    currentPlace: 'night_shelter',
    providerId: r.orgs.providerA,
    preferredMunicipalityIds: [r.municipalities.a],
    consentGivenOn: '2021-01-04',
    consentScope: ['programme'],
    ...over,
    referral: {
      referredOn: '2021-01-04',
      homelessness: 'homeless',
      expectedIndependent: true,
      motivation: 'Houdt afspraken na en wil graag zelfstandig wonen.',
      ...referral,
    },
  };
}

export interface Built {
  id: string;
  code: string;
  assessmentId: string | null;
  unitId: string | null;
}

/** Refers someone through the API (as the referral team by default) and returns the detail. */
export async function refer(k: Kit, over: Record<string, unknown> = {}, referral: Record<string, unknown> = {}, as = 'referrer') {
  const res = await call(k.t.app, k.s[as], 'POST', '/api/v1/participants', referralBody(k.r, over, referral));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A unit of the region's programme in the given status, for `housed`. */
export async function buildUnit(k: Kit, status: 'allocated' | 'occupied' | 'available' = 'allocated'): Promise<string> {
  const id = crypto.randomUUID();
  await k.t.database.query(
    `INSERT INTO units (region_id, id, programme_id, municipality_id, label, form, status, status_since)
     VALUES ($1, $2, $3, $4, $5, 'existing_stock', $6, '2021-01-01')`,
    [k.r.regionId, id, k.r.programmeId, k.r.municipalities.a, `Testwoning ${id.slice(0, 6)}`, status],
  );
  return id;
}

/** Records a phase through the API and expects it to be accepted. */
export async function phase(k: Kit, id: string, body: Record<string, unknown>, as = 'office') {
  const res = await call(k.t.app, k.s[as], 'POST', `/api/v1/participants/${id}/phase-changes`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Requests a care assessment (as the referrer) and returns its id. */
export async function requestAssessment(k: Kit, id: string, requestedOn = '2021-01-05', as = 'referrer'): Promise<string> {
  const res = await call(k.t.app, k.s[as], 'POST', `/api/v1/participants/${id}/assessments`, { requestedOn, question: 'Graag een beoordeling.' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Decides an assessment (as the assessor) with a Beschermd Thuis-like indication valid 2021–2030. */
export async function decide(k: Kit, assessmentId: string, over: Record<string, unknown> = {}) {
  const current = (await call(k.t.app, k.s.assessor, 'GET', `/api/v1/assessments/${assessmentId}`)).json();
  const res = await call(k.t.app, k.s.assessor, 'POST', `/api/v1/assessments/${assessmentId}/decisions`, {
    version: current.version,
    decidedOn: '2021-01-06',
    indication: 'beschermd_thuis',
    validFrom: '2021-01-06',
    validTo: '2030-12-31',
    guidanceIntensity: 'intensive',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const ORDER: ParticipantPhase[] = ['referred', 'eligible', 'assessed', 'ready', 'matched', 'housed', 'exited'];

/**
 * A participant walked through the API to `target`, visible to every participant role of the
 * region (referred by the referral team, guided by provider A, an assessment requested from the
 * access office). Dates: referred 2021-01-04, eligible 01-05, assessed 01-06, ready 01-07,
 * matched 01-08, housed 01-09, exited 2021-06-01; withdrawn/not_eligible on 01-05.
 */
export async function buildParticipant(k: Kit, target: ParticipantPhase = 'referred', over: Record<string, unknown> = {}): Promise<Built> {
  const d = await refer(k, over);
  const out: Built = { id: d.id, code: d.code, assessmentId: null, unitId: null };
  if (target === 'not_eligible') {
    await phase(k, d.id, { phase: 'not_eligible', effectiveDate: '2021-01-05', reason: 'not_homeless' });
    return out;
  }
  out.assessmentId = await requestAssessment(k, d.id);
  if (target === 'withdrawn') {
    await phase(k, d.id, { phase: 'withdrawn', effectiveDate: '2021-01-05', reason: 'own_choice' });
    return out;
  }
  const steps = ORDER.slice(1, ORDER.indexOf(target) + 1);
  for (const step of steps) {
    if (step === 'eligible') await phase(k, d.id, { phase: 'eligible', effectiveDate: '2021-01-05' });
    if (step === 'assessed') await decide(k, out.assessmentId);
    if (step === 'ready') await phase(k, d.id, { phase: 'ready', effectiveDate: '2021-01-07' });
    if (step === 'matched') await phase(k, d.id, { phase: 'matched', effectiveDate: '2021-01-08' });
    if (step === 'housed') {
      out.unitId = await buildUnit(k);
      await phase(k, d.id, { phase: 'housed', effectiveDate: '2021-01-09', unitId: out.unitId });
    }
    if (step === 'exited') await phase(k, d.id, { phase: 'exited', effectiveDate: '2021-06-01', reason: 'moved_on' });
  }
  return out;
}

/** The participant's detail as one account sees it. */
export async function detail(k: Kit, id: string, as = 'office') {
  const res = await call(k.t.app, k.s[as], 'GET', `/api/v1/participants/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Counts rows of a table in the kit's region (to prove that a refused request wrote nothing). */
export async function countIn(k: Kit, table: string): Promise<number> {
  const [row] = await k.t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE region_id = $1`, [k.r.regionId]);
  return row.n;
}

/**
 * A CSV file in the import template's columns (semicolon-separated). Each row gives only the
 * columns it needs; the rest stay empty.
 */
export function importCsv(rowsIn: Record<string, string>[], columns = IMPORT_HEADERS): string {
  const esc = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(';'), ...rowsIn.map((row) => columns.map((c) => esc(row[c] ?? '')).join(';'))].join('\r\n');
}

export const IMPORT_HEADERS = [
  'voornaam', 'achternaam', 'geboortedatum', 'bsn', 'telefoon', 'email', 'volwassenen', 'kinderen', 'leeftijden_kinderen', 'doelgroep',
  'verblijfplaats', 'voorkeursgemeenten', 'uitgesloten_gemeenten', 'woonwensen', 'toestemming_datum', 'toestemming_omvang', 'beschermd_adres',
  'wachtlijst_datum', 'zorgaanbieder', 'aanmelddatum', 'dakloos', 'zelfstandig_binnen_twee_jaar', 'motivatie', 'toelichting',
];

/** A valid import row for a unique, fictitious person. */
export function importRow(over: Record<string, string> = {}): Record<string, string> {
  const n = uniqueName();
  return {
    voornaam: n.givenName,
    achternaam: n.familyName,
    geboortedatum: '12-04-1987',
    doelgroep: 'single_adult',
    verblijfplaats: 'nachtopvang',
    aanmelddatum: '2021-02-01',
    dakloos: 'ja',
    zelfstandig_binnen_twee_jaar: 'ja',
    motivatie: 'Stabiel in de nachtopvang en gemotiveerd.',
    ...over,
  };
}
