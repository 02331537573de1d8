import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../support/app.js';
import { buildLocation, buildRegion, ROLE_ACCOUNTS, TEST_PASSWORD, type BuiltRegion } from '../support/builders.js';
import type { ParticipantPhase, Role } from '../../src/shared/enums.js';
import { buildParticipant, importCsv, importRow, refer, referralBody, type Kit } from '../support/participants.js';
import { ALL_ROLES, type AccessEnv, type Entry } from './access/entry.js';
import { reportsEntries } from './access/reports.js';
import { researchEntries } from './access/research.js';
import { availableUnits, decision, offerAt, readyCandidate, readyCandidatesDirect } from '../support/offers.js';
import { neighbourhoodEntries } from './access/neighbourhood.js';
import { guidanceEntries } from './access/guidance.js';
import { tranchesEntries } from './access/tranches.js';
import { outcomesEntries } from './access/outcomes.js';
import { tenanciesEntries } from './access/tenancies.js';
import { livingLabEntries } from './access/livingLab.js';
import { livingLabOverviewEntries } from './access/livingLab-overview.js';

/**
 * The access table: for every /api/v1 route, whether it is public, which roles may use it, and a
 * valid request. Each protected route is tried without a session (401) and as every role
 * (allowed → 2xx, others → 403). A route added to the app without an entry here fails the test.
 */
let t: TestApp;
let r: BuiltRegion;
let sessions: Partial<Record<string, Session>> = {};
/** A second region: its records must not exist for the first region's users (404). */
let other: { r: BuiltRegion; sessions: Partial<Record<string, Session>> };

const ALL: Role[] = ALL_ROLES;
// The researcher works from the pseudonymised export, the privacy officer from the access log,
// the allocation office from the offers it is party to.
const STOCK_READERS = ALL.filter((x) => x !== 'researcher' && x !== 'privacy_officer');


const unitBody = () => ({
  programmeId: r.programmeId, municipalityId: r.municipalities.a, label: 'Toegang', form: 'flex', status: 'pledged', effectiveDate: '2021-01-01',
});
async function freshUnit(): Promise<string> {
  const loc = await buildLocation(t.database, r);
  const res = await call(t.app, sessions.office!, 'POST', '/api/v1/units', { ...unitBody(), status: 'location_found', locationId: loc });
  return res.json().id;
}
/** A user at the programme office that the office's administrator may change. */
async function throwAwayUser(): Promise<string> {
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO users (region_id, id, organisation_id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, 'Wegwerp', 'x', '{programme_office}')`,
    [r.regionId, id, r.orgs.office, `wegwerp-${id}@test.example`],
  );
  return id;
}
async function invitationToken(): Promise<string> {
  const email = `acc-${crypto.randomUUID()}@test.example`;
  await call(t.app, sessions.admin!, 'POST', '/api/v1/invitations', { email, name: 'Aanname', roles: ['programme_office'] });
  const [m] = await t.database.query<{ body_text: string }>('SELECT body_text FROM outbox_messages WHERE to_address = $1', [email]);
  return /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(m.body_text)![1];
}
async function freshLocation(): Promise<string> {
  return buildLocation(t.database, r, { corporation: r.orgs.corporationB });
}

// —— Participants (issue 3) ——
const PARTICIPANT_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager', 'assessor', 'referrer'];
const REFERRERS: Role[] = ['programme_office', 'care_worker', 'care_manager', 'referrer'];
const IMPORTERS: Role[] = ['programme_office', 'care_manager', 'assessor', 'referrer'];
/** Imports belong to their organisation and drafts to their author: the office made these, others who may use the route get 404. */
const OFFICE_IMPORT: Partial<Record<Role, number>> = { care_manager: 404, referrer: 404, assessor: 404 };
const OFFICE_DRAFT: Partial<Record<Role, number>> = { care_worker: 404, care_manager: 404, referrer: 404 };
const kit = (): Kit => ({ t, r, s: sessions as Record<string, Session> });
/** Referred by the referral team, guided by provider A, with an assessment requested: every participant role sees it. */
const visibleParticipant = (phase: ParticipantPhase = 'referred', over: Record<string, unknown> = {}) => buildParticipant(kit(), phase, over);
async function currentFramework(): Promise<{ id: string; version: number; criteria: { id: string }[] }> {
  const list = (await call(t.app, sessions.office!, 'GET', `/api/v1/suitability-frameworks?programmeId=${r.programmeId}`)).json().items;
  if (list.length) return list[0];
  const res = await call(t.app, sessions.office!, 'POST', '/api/v1/suitability-frameworks', frameworkBody(0));
  return res.json();
}
const frameworkBody = (baseVersion: number) => ({
  programmeId: r.programmeId, name: 'Kader', suitableThreshold: 70, conditionalThreshold: 40, baseVersion,
  criteria: [{ questionNl: 'Wil de kandidaat hier wonen?', questionEn: 'Does the candidate want to live here?', weight: 3, knockOut: true }],
});
async function officeImport(): Promise<string> {
  const res = await call(t.app, sessions.office!, 'POST', '/api/v1/imports', { programmeId: r.programmeId, csv: importCsv([importRow()]) });
  return res.json().id;
}
async function officeDraft(): Promise<string> {
  return (await call(t.app, sessions.office!, 'POST', '/api/v1/referral-drafts', { data: { givenName: 'Concept' } })).json().id;
}
async function prioritySettingsVersion(): Promise<number> {
  return (await call(t.app, sessions.office!, 'GET', `/api/v1/programmes/${r.programmeId}/priority-settings`)).json().version;
}

// —— Matching and allocation (issue 5) ——
const OFFER_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager', 'corporation', 'allocation_officer'];
const CARE: Role[] = ['care_worker', 'care_manager'];
/** A broad call of the office to every provider, about a fresh location with two available homes. */
async function officeCall(): Promise<string> {
  const { locationId } = await availableUnits(kit(), 2);
  const res = await call(t.app, sessions.office!, 'POST', '/api/v1/calls', {
    programmeId: r.programmeId, title: 'Toegang', locationId, requirements: 'Alleenstaand.', deadline: '2099-12-31',
  });
  return res.json().id;
}
async function officeProposal(): Promise<string> {
  const { locationId } = await availableUnits(kit(), 1);
  return (await call(t.app, sessions.office!, 'POST', '/api/v1/matching-proposals', { programmeId: r.programmeId, locationId })).json().id;
}
/** A project offer waiting for the corporation (so its corporation sees it; the allocation office does not). */
const sharedOffer = async () => (await offerAt(kit(), 'corporation_decision')).offerId;
/** A project offer declined by the corporation, waiting for the office's review. */
async function declinedOffer(): Promise<string> {
  const id = await sharedOffer();
  await decision(kit(), 'corporation', id, 'corporation_decision', 'decline', { reason: 'not_affordable' });
  return id;
}
async function parking(): Promise<string> {
  const [p] = await readyCandidatesDirect(kit(), 1);
  const id = crypto.randomUUID();
  await t.database.query(`INSERT INTO participant_parkings (region_id, id, participant_id, parked_from, parked_until, reason) VALUES ($1, $2, $3, '2021-01-01', NULL, 'office_decision')`, [r.regionId, id, p.id]);
  return id;
}
async function eligibilityRule(): Promise<string> {
  const { unitIds } = await availableUnits(kit(), 1);
  return (await call(t.app, sessions.office!, 'POST', '/api/v1/eligibility-rules', { programmeId: r.programmeId, unitId: unitIds[0], kind: 'no_pets' })).json().id;
}

const env: AccessEnv = {
  get t() { return t; },
  get r() { return r; },
  get sessions() { return sessions; },
  kit,
};

const TABLE: Record<string, Entry> = {
  // Domains of later issues keep their rows beside this file (test/integration/access/*.ts):
  // ...tenancyEntries(env),
  ...tenanciesEntries(env),
  ...reportsEntries(env),
  ...researchEntries(env),
  ...neighbourhoodEntries(env),
  ...guidanceEntries(env),
  ...tranchesEntries(env),
  ...outcomesEntries(env),
  ...livingLabEntries(env),
  ...livingLabOverviewEntries(env),

  'GET /api/v1/programmes': { public: true, request: async () => ({ url: '/api/v1/programmes' }) },
  'GET /api/v1/programmes/:id': { public: true, request: async () => ({ url: `/api/v1/programmes/${r.programmeId}` }) },
  'GET /api/v1/programmes/:id/counter': { public: true, request: async () => ({ url: `/api/v1/programmes/${r.programmeId}/counter` }) },
  'GET /api/v1/programmes/:id/counter/history': { public: true, request: async () => ({ url: `/api/v1/programmes/${r.programmeId}/counter/history` }) },
  'POST /api/v1/session': { public: true, request: async () => ({ url: '/api/v1/session', body: { email: r.emails.office, password: TEST_PASSWORD } }) },
  'DELETE /api/v1/session': { roles: ALL, request: async () => ({ url: '/api/v1/session' }) },
  'GET /api/v1/me': { roles: ALL, request: async () => ({ url: '/api/v1/me' }) },
  'GET /api/v1/sessions': { roles: ALL, request: async () => ({ url: '/api/v1/sessions' }) },
  'DELETE /api/v1/sessions': { roles: ALL, request: async () => ({ url: '/api/v1/sessions' }) },
  // Another user's session id is not found among mine: 404 for everyone is the expected answer,
  // so this entry uses the caller's own second session (see sessionRequest).
  'DELETE /api/v1/sessions/:id': { roles: ALL, request: async () => ({ url: '/api/v1/sessions/__own__' }) },
  'POST /api/v1/me/totp-enrolments': { roles: ALL, request: async () => ({ url: '/api/v1/me/totp-enrolments' }) },
  // Confirming needs a code from the app: covered in session.test.ts; here only who may reach it
  // (a wrong code answers 401 invalid_totp, which the table treats as "reached").
  'POST /api/v1/me/totp-enrolments/confirmations': { roles: ALL, request: async () => ({ url: '/api/v1/me/totp-enrolments/confirmations', body: { code: '000000' } }) },
  'GET /api/v1/organisations': { roles: ALL, request: async () => ({ url: '/api/v1/organisations' }) },
  'GET /api/v1/municipalities': { roles: ALL, request: async () => ({ url: '/api/v1/municipalities' }) },
  // Only the office's administrator and programme office may add organisations (unique names per try).
  'POST /api/v1/organisations': {
    roles: ['programme_office', 'administrator'],
    request: async () => ({ url: '/api/v1/organisations', body: { name: `Org ${crypto.randomUUID()}`, kind: 'care_provider' } }),
  },
  'PATCH /api/v1/organisations/:id': { roles: ['programme_office', 'administrator'], request: async () => ({ url: `/api/v1/organisations/${r.orgs.referral}`, body: { name: `Verwijsteam ${crypto.randomUUID()}` } }) },
  'GET /api/v1/users': { roles: ['administrator'], request: async () => ({ url: '/api/v1/users' }) },
  'PATCH /api/v1/users/:id': { roles: ['administrator'], request: async () => ({ url: `/api/v1/users/${await throwAwayUser()}`, body: { version: 1, name: 'Gewijzigd' } }) },
  'POST /api/v1/invitations': {
    roles: ['administrator'],
    request: async () => ({ url: '/api/v1/invitations', body: { email: `inv-${crypto.randomUUID()}@test.example`, name: 'Uitgenodigd', roles: ['programme_office'] } }),
  },
  'POST /api/v1/invitations/:token/acceptances': { public: true, request: async () => ({ url: `/api/v1/invitations/${await invitationToken()}/acceptances`, body: { password: 'een-lang-wachtwoord' } }) },
  'GET /api/v1/audit-events': { roles: ['privacy_officer'], request: async () => ({ url: '/api/v1/audit-events' }) },
  'GET /api/v1/audit-events/export': { roles: ['privacy_officer'], request: async () => ({ url: '/api/v1/audit-events/export' }) },
  'GET /api/v1/participants/:id/data-export': { roles: ['privacy_officer'], request: async () => ({ url: `/api/v1/participants/${(await visibleParticipant()).id}/data-export` }) },
  'GET /api/v1/outbox-messages': { roles: ['programme_office', 'administrator'], request: async () => ({ url: '/api/v1/outbox-messages' }) },
  'GET /api/v1/programmes/:id/pledges': { roles: STOCK_READERS, request: async () => ({ url: `/api/v1/programmes/${r.programmeId}/pledges` }) },
  'POST /api/v1/programmes/:id/pledges': {
    roles: ['programme_office'],
    request: async () => ({
      url: `/api/v1/programmes/${r.programmeId}/pledges`,
      body: { municipalityId: r.municipalities.a, places: 1, targetGroup: 'single_adult', form: 'flex', pledgedOn: '2021-01-01', partnerIds: [r.orgs.providerA] },
    }),
  },
  'GET /api/v1/programmes/:id/tranches': { roles: STOCK_READERS, request: async () => ({ url: `/api/v1/programmes/${r.programmeId}/tranches` }) },
  'GET /api/v1/locations': { roles: STOCK_READERS, request: async () => ({ url: '/api/v1/locations' }) },
  // The location belongs to corporation B and municipality A: corporation A does not see it.
  'GET /api/v1/locations/:id': { roles: STOCK_READERS, expect: { corporation: 404 }, request: async () => ({ url: `/api/v1/locations/${await freshLocation()}` }) },
  'POST /api/v1/locations': {
    roles: ['programme_office'],
    request: async () => ({ url: '/api/v1/locations', body: { programmeId: r.programmeId, name: 'Nieuw', municipalityId: r.municipalities.a, form: 'mixed', deliveryMode: 'project' } }),
  },
  // Corporation A does not own these locations (corporation B does): only the office may edit.
  'PATCH /api/v1/locations/:id': { roles: ['programme_office'], expect: { corporation: 404 }, request: async () => ({ url: `/api/v1/locations/${await freshLocation()}`, body: { version: 1, district: 'Wijk' } }) },
  'GET /api/v1/units': { roles: STOCK_READERS, request: async () => ({ url: '/api/v1/units' }) },
  'GET /api/v1/units/:id': { roles: STOCK_READERS, request: async () => ({ url: `/api/v1/units/${await freshUnit()}` }) },
  'POST /api/v1/units': { roles: ['programme_office'], request: async () => ({ url: '/api/v1/units', body: unitBody() }) },
  // freshUnit sits at a location of corporation A, so its account may edit and change status.
  'PATCH /api/v1/units/:id': { roles: ['programme_office', 'corporation'], request: async () => ({ url: `/api/v1/units/${await freshUnit()}`, body: { version: 1, label: 'Gewijzigd' } }) },
  'POST /api/v1/units/:id/status-changes': {
    roles: ['programme_office', 'corporation'],
    request: async () => ({ url: `/api/v1/units/${await freshUnit()}/status-changes`, body: { status: 'available', effectiveDate: '2021-02-01' } }),
  },
  'GET /api/v1/participants': { roles: PARTICIPANT_ROLES, request: async () => ({ url: '/api/v1/participants' }) },
  'POST /api/v1/participants': { roles: REFERRERS, request: async () => ({ url: '/api/v1/participants', body: referralBody(r) }) },
  'POST /api/v1/participants/duplicate-checks': {
    roles: REFERRERS,
    request: async () => ({ url: '/api/v1/participants/duplicate-checks', body: { givenName: 'Jan', familyName: 'Controle', dateOfBirth: '1980-01-01' } }),
  },
  'GET /api/v1/participants/duplicates': { roles: ['programme_office'], request: async () => ({ url: '/api/v1/participants/duplicates' }) },
  'GET /api/v1/participants/flow': { roles: PARTICIPANT_ROLES, request: async () => ({ url: '/api/v1/participants/flow?from=2021-01-01&to=2021-06-30' }) },
  'GET /api/v1/participants/:id': { roles: PARTICIPANT_ROLES, request: async () => ({ url: `/api/v1/participants/${(await visibleParticipant()).id}` }) },
  'PATCH /api/v1/participants/:id': {
    roles: PARTICIPANT_ROLES,
    request: async () => ({ url: `/api/v1/participants/${(await visibleParticipant()).id}`, body: { version: 1, currentPlace: 'street' } }),
  },
  'POST /api/v1/participants/:id/phase-changes': {
    roles: REFERRERS,
    request: async () => ({
      url: `/api/v1/participants/${(await visibleParticipant()).id}/phase-changes`,
      body: { phase: 'withdrawn', effectiveDate: '2021-02-01', reason: 'own_choice' },
    }),
  },
  'POST /api/v1/participants/:id/referrals': {
    roles: REFERRERS,
    request: async () => ({
      url: `/api/v1/participants/${(await visibleParticipant('withdrawn')).id}/referrals`,
      body: { referredOn: '2021-03-01', homelessness: 'homeless', expectedIndependent: true, motivation: 'Komt terug en is weer gemotiveerd.' },
    }),
  },
  'POST /api/v1/participants/:id/merges': {
    roles: ['programme_office'],
    request: async () => {
      const a = await visibleParticipant();
      const b = await refer(kit(), { givenName: 'Dubbel', familyName: a.code, dateOfBirth: '1985-06-15' });
      return { url: `/api/v1/participants/${a.id}/merges`, body: { duplicateId: b.id, reason: 'Twee keer aangemeld.', version: 1 } };
    },
  },
  'POST /api/v1/participants/:id/consultations': {
    roles: ['programme_office'],
    request: async () => ({ url: `/api/v1/participants/${(await visibleParticipant()).id}/consultations`, body: { organisationId: r.orgs.providerB } }),
  },
  // On the central waiting list, so the assessor sees the participant and is refused (403), not kept out (404).
  'POST /api/v1/participants/:id/assessments': {
    roles: REFERRERS,
    request: async () => ({
      url: `/api/v1/participants/${(await refer(kit(), { waitingListRegisteredOn: '2020-06-01' })).id}/assessments`,
      body: { requestedOn: '2021-01-10' },
    }),
  },
  'GET /api/v1/assessments/queue': { roles: ['programme_office', 'assessor'], request: async () => ({ url: '/api/v1/assessments/queue' }) },
  'GET /api/v1/assessments/:id': { roles: PARTICIPANT_ROLES, request: async () => ({ url: `/api/v1/assessments/${(await visibleParticipant()).assessmentId}` }) },
  'POST /api/v1/assessments/:id/assignments': {
    roles: ['assessor'],
    request: async () => ({ url: `/api/v1/assessments/${(await visibleParticipant()).assessmentId}/assignments`, body: { version: 1 } }),
  },
  'POST /api/v1/assessments/:id/decisions': {
    roles: ['assessor'],
    request: async () => ({
      url: `/api/v1/assessments/${(await visibleParticipant()).assessmentId}/decisions`,
      body: { version: 1, decidedOn: '2021-01-20', indication: 'beschermd_thuis', validFrom: '2021-01-20', validTo: '2024-01-19', guidanceIntensity: 'intensive' },
    }),
  },
  'GET /api/v1/suitability-frameworks': { roles: PARTICIPANT_ROLES, request: async () => ({ url: '/api/v1/suitability-frameworks' }) },
  'GET /api/v1/suitability-frameworks/:id': { roles: PARTICIPANT_ROLES, request: async () => ({ url: `/api/v1/suitability-frameworks/${(await currentFramework()).id}` }) },
  'POST /api/v1/suitability-frameworks': {
    roles: ['programme_office'],
    request: async () => ({ url: '/api/v1/suitability-frameworks', body: frameworkBody((await currentFramework()).version) }),
  },
  'POST /api/v1/participants/:id/suitability-assessments': {
    roles: ['care_worker', 'care_manager'],
    request: async () => {
      const f = await currentFramework();
      return {
        url: `/api/v1/participants/${(await visibleParticipant()).id}/suitability-assessments`,
        body: { frameworkId: f.id, assessedOn: '2021-02-01', answers: f.criteria.map((c) => ({ criterionId: c.id, answer: 'yes' })) },
      };
    },
  },
  'POST /api/v1/participants/:id/risk-screenings': {
    roles: ['care_worker', 'care_manager', 'assessor'],
    request: async () => ({
      url: `/api/v1/participants/${(await visibleParticipant('referred', { targetGroup: 'domestic_violence' })).id}/risk-screenings`,
      body: { screenedOn: '2021-01-10', riskLevel: 'high', excludedMunicipalityIds: [r.municipalities.b] },
    }),
  },
  'GET /api/v1/programmes/:id/priority-settings': { roles: PARTICIPANT_ROLES, request: async () => ({ url: `/api/v1/programmes/${r.programmeId}/priority-settings` }) },
  'POST /api/v1/programmes/:id/priority-settings': {
    roles: ['programme_office'],
    request: async () => ({
      url: `/api/v1/programmes/${r.programmeId}/priority-settings`,
      body: { baseVersion: await prioritySettingsVersion(), criteria: ['waiting_list', 'referral_date'] },
    }),
  },
  'GET /api/v1/imports/template.csv': { roles: IMPORTERS, request: async () => ({ url: '/api/v1/imports/template.csv' }) },
  'POST /api/v1/imports': { roles: IMPORTERS, request: async () => ({ url: '/api/v1/imports', body: { programmeId: r.programmeId, csv: importCsv([importRow()]) } }) },
  'GET /api/v1/imports/:id': { roles: ['programme_office'], expect: OFFICE_IMPORT, request: async () => ({ url: `/api/v1/imports/${await officeImport()}` }) },
  'POST /api/v1/imports/:id/confirmations': {
    roles: ['programme_office'],
    expect: OFFICE_IMPORT,
    request: async () => ({ url: `/api/v1/imports/${await officeImport()}/confirmations`, body: {} }),
  },
  'GET /api/v1/referral-drafts': { roles: REFERRERS, request: async () => ({ url: '/api/v1/referral-drafts' }) },
  'POST /api/v1/referral-drafts': { roles: REFERRERS, request: async () => ({ url: '/api/v1/referral-drafts', body: { data: { givenName: 'Concept' } } }) },
  'GET /api/v1/referral-drafts/:id': { roles: ['programme_office'], expect: OFFICE_DRAFT, request: async () => ({ url: `/api/v1/referral-drafts/${await officeDraft()}` }) },
  'PUT /api/v1/referral-drafts/:id': {
    roles: ['programme_office'],
    expect: OFFICE_DRAFT,
    request: async () => ({ url: `/api/v1/referral-drafts/${await officeDraft()}`, body: { version: 1, data: { givenName: 'Anders' } } }),
  },
  'DELETE /api/v1/referral-drafts/:id': { roles: ['programme_office'], expect: OFFICE_DRAFT, request: async () => ({ url: `/api/v1/referral-drafts/${await officeDraft()}` }) },
  'GET /api/v1/eligibility-rules': { roles: OFFER_ROLES, request: async () => ({ url: `/api/v1/eligibility-rules?programmeId=${r.programmeId}` }) },
  'POST /api/v1/eligibility-rules': {
    roles: ['programme_office'],
    request: async () => ({ url: '/api/v1/eligibility-rules', body: { programmeId: r.programmeId, unitId: (await availableUnits(kit(), 1)).unitIds[0], kind: 'no_pets' } }),
  },
  'DELETE /api/v1/eligibility-rules/:id': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/eligibility-rules/${await eligibilityRule()}` }) },
  'GET /api/v1/calls': { roles: ['programme_office', ...CARE], request: async () => ({ url: '/api/v1/calls' }) },
  'POST /api/v1/calls': {
    roles: ['programme_office'],
    request: async () => ({
      url: '/api/v1/calls',
      body: { programmeId: r.programmeId, title: 'Toegang', locationId: (await availableUnits(kit(), 1)).locationId, requirements: 'Alleenstaand.', deadline: '2099-12-31' },
    }),
  },
  'GET /api/v1/calls/:id': { roles: ['programme_office', ...CARE], request: async () => ({ url: `/api/v1/calls/${await officeCall()}` }) },
  'POST /api/v1/calls/:id/nominations': {
    roles: CARE,
    request: async () => ({ url: `/api/v1/calls/${await officeCall()}/nominations`, body: { participantId: (await readyCandidate(kit())).id, motivation: 'Past goed bij deze plek.' } }),
  },
  'POST /api/v1/calls/:id/closures': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/calls/${await officeCall()}/closures`, body: {} }) },
  'GET /api/v1/units/:id/ranking': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/units/${(await availableUnits(kit(), 1)).unitIds[0]}/ranking` }) },
  'POST /api/v1/matching-proposals': {
    roles: ['programme_office'],
    request: async () => ({ url: '/api/v1/matching-proposals', body: { programmeId: r.programmeId, locationId: (await availableUnits(kit(), 1)).locationId } }),
  },
  'GET /api/v1/matching-proposals/:id': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/matching-proposals/${await officeProposal()}` }) },
  'POST /api/v1/matching-proposals/:id/acceptances': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/matching-proposals/${await officeProposal()}/acceptances`, body: {} }) },
  'GET /api/v1/offers': { roles: OFFER_ROLES, request: async () => ({ url: '/api/v1/offers' }) },
  // The care provider proposes its own candidate (project route); the office offers on either route.
  'POST /api/v1/offers': {
    roles: ['programme_office', ...CARE],
    request: async () => ({ url: '/api/v1/offers', body: { unitId: (await availableUnits(kit(), 1)).unitIds[0], participantId: (await readyCandidate(kit())).id } }),
  },
  'GET /api/v1/offers/dashboard': { roles: ['programme_office'], request: async () => ({ url: '/api/v1/offers/dashboard' }) },
  // A project offer is not the allocation office's: it does not exist for it.
  'GET /api/v1/offers/:id': { roles: OFFER_ROLES, expect: { allocation_officer: 404 }, request: async () => ({ url: `/api/v1/offers/${await sharedOffer()}` }) },
  // The provider's step: the office may not propose for it (403); for the corporation (not yet shared) and the allocation office the offer does not exist.
  'POST /api/v1/offers/:id/decisions': {
    roles: CARE,
    expect: { corporation: 404, allocation_officer: 404 },
    request: async () => ({ url: `/api/v1/offers/${(await offerAt(kit(), 'provider_proposal')).offerId}/decisions`, body: { step: 'provider_proposal', decision: 'accept' } }),
  },
  'POST /api/v1/offers/:id/decline-reviews': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/offers/${await declinedOffer()}/decline-reviews`, body: { outcome: 'confirm' } }) },
  'POST /api/v1/offers/:id/cancellations': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/offers/${await sharedOffer()}/cancellations`, body: { reason: 'unit_unavailable' } }) },
  'GET /api/v1/parkings': { roles: ['programme_office'], request: async () => ({ url: '/api/v1/parkings' }) },
  'POST /api/v1/parkings/:id/ends': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/parkings/${await parking()}/ends`, body: {} }) },
  'GET /api/v1/allocation-steps/export': { roles: ['programme_office', 'allocation_officer'], request: async () => ({ url: '/api/v1/allocation-steps/export' }) },
  'POST /api/v1/allocation-steps/imports': { roles: ['allocation_officer'], request: async () => ({ url: '/api/v1/allocation-steps/imports', body: { csv: 'aanbod;stap;gebeurtenis;datum' } }) },
  'GET /api/v1/notifications': { roles: ALL, request: async () => ({ url: '/api/v1/notifications' }) },
  'POST /api/v1/notifications/reads': { roles: ALL, request: async () => ({ url: '/api/v1/notifications/reads', body: {} }) },
};

beforeAll(async () => {
  t = await createTestApp({ demoMode: true });
  r = await buildRegion(t.database);
  for (const a of ROLE_ACCOUNTS) sessions[a.key] = await loginAs(t.app, r.emails[a.key], TEST_PASSWORD);
  const otherRegion = await buildRegion(t.database);
  other = { r: otherRegion, sessions: {} };
  for (const a of ROLE_ACCOUNTS) other.sessions[a.key] = await loginAs(t.app, otherRegion.emails[a.key], TEST_PASSWORD);
});

/** Builds a request against the other region's records (the builders read `r` and `sessions`). */
async function requestInOtherRegion(k: string) {
  const own = { r, sessions };
  r = other.r;
  sessions = other.sessions;
  try {
    return await TABLE[k].request();
  } finally {
    r = own.r;
    sessions = own.sessions;
  }
}
afterAll(() => t.close());

const key = (m: string, u: string) => `${m} ${u}`;

describe('access table', () => {
  it('has an entry for every route of the app', () => {
    const missing = t.app.routeTable.map((x) => key(x.method, x.url)).filter((k) => !(k in TABLE));
    expect(missing).toEqual([]);
  });

  const protectedRoutes = Object.entries(TABLE).filter(([, e]) => !e.public);
  it.each(protectedRoutes.map(([k]) => k))('%s without a session answers 401', async (k) => {
    const [method, path] = k.split(' ');
    const req = await TABLE[k].request();
    const res = await call(t.app, null, method as 'GET', req.url, req.body);
    expect(res.statusCode, `${k}: ${res.body}`).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
    expect(path).toBeTruthy();
  });

  const cases = protectedRoutes.flatMap(([k, e]) =>
    ROLE_ACCOUNTS.filter((a) => a.key !== 'careWorkerB' && a.key !== 'corporationB').map(
      (a) => [k, a.key, e.expect?.[a.role] ?? (e.roles!.includes(a.role) ? 'allowed' : 403)] as const,
    ),
  );
  it.each(cases)('%s as %s → %s', async (k, account, expected) => {
    const allowed = expected === 'allowed';
    const [method] = k.split(' ');
    const req = await TABLE[k].request();
    // Routes that end or change the session get a throw-away session of the same account.
    const throwAway = ['DELETE /api/v1/session', 'DELETE /api/v1/sessions', 'DELETE /api/v1/sessions/:id', 'POST /api/v1/me/totp-enrolments', 'POST /api/v1/me/totp-enrolments/confirmations'];
    const s = throwAway.includes(k) ? await loginAs(t.app, r.emails[account], TEST_PASSWORD) : sessions[account]!;
    let url = req.url;
    if (url.includes('__own__')) {
      const other = await loginAs(t.app, r.emails[account], TEST_PASSWORD);
      const mine = (await call(t.app, other, 'GET', '/api/v1/sessions')).json().items as { id: string; current: boolean }[];
      url = url.replace('__own__', mine.find((x) => x.current)!.id);
    }
    const res = await call(t.app, s, method as 'GET', url, req.body);
    // Logging out everywhere also ended the shared session of this account: log in again.
    if (k === 'DELETE /api/v1/sessions') sessions[account] = await loginAs(t.app, r.emails[account], TEST_PASSWORD);
    if (k === 'POST /api/v1/me/totp-enrolments/confirmations' && allowed) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().code).toBe('invalid_totp');
      return;
    }
    if (typeof expected === 'number' && expected !== 403) {
      expect(res.statusCode, `${k} as ${account}: ${res.body}`).toBe(expected);
    } else if (allowed) expect(res.statusCode, `${k} as ${account}: ${res.body}`).toBeLessThan(300);
    else {
      expect(res.statusCode, `${k} as ${account}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
  });

  // Every route that names a record (a path parameter), tried by each role allowed to use it on a
  // record of another region: the record does not exist for them.
  const recordRoutes = protectedRoutes.filter(([k]) => k.includes('/:') && !k.includes('/sessions/:id'));
  const otherRegionCases = recordRoutes.flatMap(([k, e]) =>
    ROLE_ACCOUNTS.filter((a) => e.roles!.includes(a.role) && a.key !== 'careWorkerB' && a.key !== 'corporationB').map((a) => [k, a.key] as const),
  );
  it.each(otherRegionCases)("%s as %s on another region's record → 404", async (k, account) => {
    const [method] = k.split(' ');
    const req = await requestInOtherRegion(k);
    const res = await call(t.app, sessions[account]!, method as 'GET', req.url, req.body);
    expect(res.statusCode, `${k} as ${account}: ${res.body}`).toBe(404);
  });

  it('public routes answer without a session', async () => {
    for (const [k, e] of Object.entries(TABLE).filter(([, x]) => x.public)) {
      const [method] = k.split(' ');
      const req = await e.request();
      const res = await call(t.app, null, method as 'GET', req.url, req.body);
      expect(res.statusCode, `${k}: ${res.body}`).toBeLessThan(300);
    }
  });
});
