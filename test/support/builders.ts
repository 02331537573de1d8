import crypto from 'node:crypto';
import type { Database } from '../../src/server/db/client.js';
import { hashPassword } from '../../src/server/domain/session/session.service.js';
import type { OrganisationKind, Role } from '../../src/shared/enums.js';

export const TEST_PASSWORD = 'test-wachtwoord-123';
let passwordHash: Promise<string> | null = null;

const uuid = () => crypto.randomUUID();

/** The accounts every built region has: one per role, plus a second corporation. */
export const ROLE_ACCOUNTS: { key: string; role: Role; org: string }[] = [
  { key: 'office', role: 'programme_office', org: 'office' },
  { key: 'admin', role: 'administrator', org: 'office' },
  { key: 'careWorker', role: 'care_worker', org: 'providerA' },
  { key: 'careWorkerB', role: 'care_worker', org: 'providerB' },
  { key: 'careManager', role: 'care_manager', org: 'providerA' },
  { key: 'corporation', role: 'corporation', org: 'corporationA' },
  { key: 'corporationB', role: 'corporation', org: 'corporationB' },
  { key: 'assessor', role: 'assessor', org: 'access' },
  { key: 'referrer', role: 'referrer', org: 'referral' },
  { key: 'municipality', role: 'municipality', org: 'municipalityA' },
  { key: 'researcher', role: 'researcher', org: 'research' },
  { key: 'privacy', role: 'privacy_officer', org: 'office' },
  { key: 'allocation', role: 'allocation_officer', org: 'allocation' },
];

const ORGS: { key: string; kind: OrganisationKind }[] = [
  { key: 'office', kind: 'programme_office' },
  { key: 'providerA', kind: 'care_provider' },
  { key: 'providerB', kind: 'care_provider' },
  { key: 'corporationA', kind: 'housing_corporation' },
  { key: 'corporationB', kind: 'housing_corporation' },
  { key: 'access', kind: 'access_office' },
  { key: 'referral', kind: 'referral_team' },
  { key: 'municipalityA', kind: 'municipality' },
  { key: 'research', kind: 'research_institute' },
  { key: 'allocation', kind: 'allocation_office' },
];

export interface BuiltRegion {
  regionId: string;
  programmeId: string;
  municipalities: { a: string; b: string };
  orgs: Record<string, string>;
  tranches: { first: string; second: string };
  emails: Record<string, string>;
}

/**
 * A fresh region (tenant) with organisations of every kind, one account per role, a programme
 * with two tranches, and no units: tests add what they need, so no test depends on another's data.
 */
export async function buildRegion(database: Database, opts: { target?: number; totpRequiredRoles?: Role[] } = {}): Promise<BuiltRegion> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const tag = crypto.randomBytes(5).toString('hex');
  const regionId = uuid();
  await database.query('INSERT INTO regions (id, code, name) VALUES ($1, $2, $3)', [regionId, `T-${tag}`, `Testregio ${tag}`]);
  // Tests log in with passwords only, unless a test asks for the second factor for some roles.
  await database.query('INSERT INTO security_settings (region_id, totp_required_roles) VALUES ($1, $2)', [regionId, opts.totpRequiredRoles ?? []]);
  const municipalities = { a: uuid(), b: uuid() };
  await database.query('INSERT INTO municipalities (region_id, id, name) VALUES ($1, $2, $3), ($1, $4, $5)', [
    regionId, municipalities.a, `Gemeente A ${tag}`, municipalities.b, `Gemeente B ${tag}`,
  ]);
  const orgs: Record<string, string> = {};
  for (const o of ORGS) {
    orgs[o.key] = uuid();
    await database.query('INSERT INTO organisations (region_id, id, name, kind, municipality_id) VALUES ($1, $2, $3, $4, $5)', [
      regionId, orgs[o.key], `${o.key} ${tag}`, o.kind, o.kind === 'municipality' ? municipalities.a : null,
    ]);
  }
  const emails: Record<string, string> = {};
  for (const a of ROLE_ACCOUNTS) {
    emails[a.key] = `${a.key.toLowerCase()}.${tag}@test.example`;
    await database.query(
      'INSERT INTO users (region_id, id, organisation_id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [regionId, uuid(), orgs[a.org], emails[a.key], `${a.key} ${tag}`, hash, [a.role]],
    );
  }
  const programmeId = uuid();
  await database.query(
    'INSERT INTO programmes (region_id, id, name, period_start, period_end, target, budget_cents) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [regionId, programmeId, `Programma ${tag}`, '2020-09-01', '2022-09-30', opts.target ?? 200, 2_240_000_000],
  );
  const tranches = { first: uuid(), second: uuid() };
  await database.query(
    `INSERT INTO tranches (region_id, id, programme_id, number, name, capacity, provider_id, deadline)
     VALUES ($1, $2, $3, 1, 'Eerste tranche', 10, $4, '2021-12-31'), ($1, $5, $3, 2, 'Tweede tranche', 10, NULL, '2022-09-30')`,
    [regionId, tranches.first, programmeId, orgs.providerA, tranches.second],
  );
  return { regionId, programmeId, municipalities, orgs, tranches, emails };
}

/** A location owned by corporation A (or the given one), inserted directly. */
export async function buildLocation(database: Database, r: BuiltRegion, opts: { corporation?: string; municipality?: string } = {}) {
  const id = uuid();
  await database.query(
    `INSERT INTO locations (region_id, id, programme_id, name, municipality_id, form, delivery_mode, corporation_id, provider_id)
     VALUES ($1, $2, $3, $4, $5, 'mixed', 'project', $6, $7)`,
    [r.regionId, id, r.programmeId, `Locatie ${id.slice(0, 6)}`, opts.municipality ?? r.municipalities.a, opts.corporation ?? r.orgs.corporationA, r.orgs.providerA],
  );
  return id;
}
