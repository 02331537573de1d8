import type { CurrentPlace, ParticipantPhase, PhaseReason, TargetGroup, SuitabilityAnswer } from '../../../shared/enums.js';
import { bsnProblem } from '../../../shared/bsn.js';
import { nameKey, randomCode } from '../../domain/participants/participants.service.js';
import { DEFAULT_PRIORITY, priorityKey } from '../../domain/waitingList/waitingList.priority.js';
import { evaluate, type Criterion } from '../../domain/suitability/suitability.evaluate.js';

/**
 * About 250 fictitious participants for the demo region, spread over phases and providers and
 * consistent with the counter: every unit that is `occupied` has one housed participant (linked
 * through participant_placements, referred before being matched on the unit's allocation date
 * and housed on its occupation date); the two units that fell vacant in 2022 belong to two
 * participants who exited then. The rest wait: a pool ready for matching, assessed, eligible
 * (with open assessment requests in the access office's queue), just referred (two pairs of
 * possible duplicates among them), and some not eligible or withdrawn.
 *
 * Everything comes from one seeded PRNG, so every fresh start gives the same people. Names are
 * invented combinations; BSNs (on some records) are in the 99999xxxx range used for testing.
 * All dates lie in the programme's period (September 2020 – September 2022).
 */

export type Run = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** What the demo seed (demo.ts) passes: its ids and its deterministic id function. */
export interface DemoIds {
  regionId: string;
  programmeId: string;
  /** Organisation name → id. */
  organisations: Map<string, string>;
  /** Municipality name → id. */
  municipalities: Map<string, string>;
  /** The id of a demo account by e-mail address. */
  userId: (email: string) => string;
  /** Deterministic ids from name parts (the same function demo.ts uses). */
  id: (...parts: string[]) => string;
}

/** mulberry32: a small, well-known seeded PRNG (deterministic across platforms). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Anouk', 'Bram', 'Daan', 'Emma', 'Fenna', 'Gijs', 'Hidde', 'Iris', 'Jesse', 'Kim', 'Lars', 'Lotte', 'Milan', 'Noor', 'Olaf', 'Pien',
  'Quinten', 'Roos', 'Sem', 'Tess', 'Ruben', 'Sanne', 'Thijs', 'Vera', 'Wout', 'Yara', 'Zoë', 'Mohamed', 'Fatima', 'Yusuf', 'Ayaan',
  'Priya', 'Kees', 'Henk', 'Ria', 'Marco', 'Dennis', 'Sandra', 'Esther', 'Patrick', 'Rachid', 'Samira', 'Jeroen', 'Ingrid', 'Bas',
  'Nadia', 'Tom', 'Linda', 'Erik', 'Mirjam', 'Kevin', 'Naima', 'Stefan', 'Monique', 'Ahmet', 'Elif', 'Wesley', 'Chantal', 'Ricardo', 'Dewi',
];
const PREFIX = ['', '', '', 'van ', 'van der ', 'de ', 'ter ', 'van den ', 'op de '];
const ROOT = ['Lind', 'Molen', 'Esch', 'Horst', 'Wiel', 'Zand', 'Brug', 'Beek', 'Hoven', 'Kolk', 'Gaard', 'Weer', 'Dorp', 'Stee', 'Vliet', 'Ruys'];
const SUFFIX = ['brink', 'veld', 'kamp', 'hoek', 'meer', 'wal', 'bosch', 'haar', 'dijk', 'berg', 'stra', 'inga', 'mans', 'ink'];

const FIRST_ORDER: ParticipantPhase[] = ['referred', 'eligible', 'assessed', 'ready', 'matched', 'housed'];

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Plan {
  targetGroup: TargetGroup;
  provider: string;
  referrer: string;
  /** Phase steps with dates (first is `referred`). */
  steps: { phase: ParticipantPhase; date: string; reason?: PhaseReason; note?: string; unitId?: string }[];
  assessment?: { requestedOn: string; status: 'requested' | 'assigned' | 'decided'; decidedOn?: string; validYears?: number; indication?: 'beschermd_thuis' | 'ambulant' };
  consentOn?: string;
  placement?: { unitId: string; start: string; end?: string };
  screening?: string;
  suitability?: { version: 1 | 2; on: string };
  duplicateOf?: { givenName: string; familyName: string; dateOfBirth: string };
  exclusionMunicipality?: string;
}

/** Writes the demo participants; returns how many there are per phase. */
export async function seedDemoParticipants(run: Run, ids: DemoIds): Promise<Record<string, number>> {
  const rnd = prng(20210115);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const org = (name: string) => {
    const o = ids.organisations.get(name);
    if (!o) throw new Error(`seed: unknown organisation ${name}`);
    return o;
  };
  const muni = (name: string) => {
    const m = ids.municipalities.get(name);
    if (!m) throw new Error(`seed: unknown municipality ${name}`);
    return m;
  };
  const office = ids.userId('programma@eerstethuis.demo');
  const assessor = ids.userId('beoordelaar@regionaletoegang.demo');
  const backUpUser = ids.userId('toeleider@backup.demo');
  const tvWorker = ids.userId('begeleider@tussenvoorziening.demo');
  const accessOffice = org('Regionale Toegang Utrecht');
  const backUp = 'Stadsteam Back Up';

  // —— The homes people live in now, and the two that fell vacant ——
  const occupied = (await run(
    `SELECT u.id, u.label, u.status_since AS occupied_on, o.name AS provider, pl.target_group, m.name AS municipality,
            (SELECT max(e.effective_date) FROM unit_status_events e WHERE e.unit_id = u.id AND e.status = 'allocated')::text AS allocated_on
       FROM units u JOIN locations l ON l.id = u.location_id JOIN organisations o ON o.id = l.provider_id
       JOIN pledges pl ON pl.id = u.pledge_id JOIN municipalities m ON m.id = u.municipality_id
      WHERE u.region_id = $1 AND u.status = 'occupied' ORDER BY u.label`,
    [ids.regionId],
  )) as { id: string; label: string; occupied_on: string; provider: string; target_group: TargetGroup; municipality: string; allocated_on: string }[];
  const vacated = (await run(
    `SELECT u.id, u.label, o.name AS provider, pl.target_group, m.name AS municipality, u.status_since AS vacated_on,
            (SELECT max(e.effective_date) FROM unit_status_events e WHERE e.unit_id = u.id AND e.status = 'occupied')::text AS occupied_on,
            (SELECT max(e.effective_date) FROM unit_status_events e WHERE e.unit_id = u.id AND e.status = 'allocated')::text AS allocated_on
       FROM units u JOIN locations l ON l.id = u.location_id JOIN organisations o ON o.id = l.provider_id
       JOIN pledges pl ON pl.id = u.pledge_id JOIN municipalities m ON m.id = u.municipality_id
      WHERE u.region_id = $1 AND u.status = 'available'
        AND EXISTS (SELECT 1 FROM unit_status_events e WHERE e.unit_id = u.id AND e.status = 'occupied')
      ORDER BY u.label`,
    [ids.regionId],
  )) as { id: string; label: string; provider: string; target_group: TargetGroup; municipality: string; vacated_on: string; occupied_on: string; allocated_on: string }[];

  const plans: Plan[] = [];
  const referrerFor = (provider: string) => (chance(0.55) ? backUp : provider);
  /** The path to `ready` before a date, walked backwards so every step precedes the next. */
  const readyBefore = (latest: string) => {
    const ready = addDays(latest, -int(3, 30));
    const decided = addDays(ready, -int(3, 20));
    const eligible = addDays(decided, -int(10, 40));
    const referred = addDays(eligible, -int(5, 20));
    const requested = addDays(referred, int(0, 8));
    return { referred, eligible, requested, decided, ready };
  };
  const housedPlan = (u: { id: string; provider: string; target_group: TargetGroup; allocated_on: string; occupied_on: string }, end?: string): Plan => {
    const d = readyBefore(u.allocated_on);
    const steps: Plan['steps'] = [
      { phase: 'referred', date: d.referred },
      { phase: 'eligible', date: d.eligible },
      { phase: 'assessed', date: d.decided, note: 'Zorginhoudelijke beoordeling afgerond / care assessment decided' },
      { phase: 'ready', date: d.ready },
      { phase: 'matched', date: u.allocated_on, unitId: u.id },
      { phase: 'housed', date: u.occupied_on, unitId: u.id },
    ];
    if (end) steps.push({ phase: 'exited', date: end, reason: pick(['moved_on', 'returned_to_shelter'] as const) });
    return {
      targetGroup: u.target_group,
      provider: u.provider,
      referrer: u.target_group === 'domestic_violence' ? 'Moviera' : referrerFor(u.provider),
      steps,
      assessment: { requestedOn: d.requested, status: 'decided', decidedOn: d.decided, validYears: 3, indication: chance(0.85) ? 'beschermd_thuis' : 'ambulant' },
      consentOn: addDays(d.referred, int(0, 5)),
      placement: { unitId: u.id, start: u.occupied_on, end },
      screening: u.target_group === 'domestic_violence' ? addDays(d.referred, int(2, 10)) : undefined,
    };
  };
  for (const u of occupied) plans.push(housedPlan(u));
  for (const u of vacated) plans.push(housedPlan(u, u.vacated_on));

  const PROVIDERS = ['De Tussenvoorziening', 'De Tussenvoorziening', 'De Tussenvoorziening', 'Leger des Heils', 'Kwintes', 'Lister', 'BijBram', 'Moviera'];
  const waitingPlan = (target: ParticipantPhase, from: string, to: string): Plan => {
    const provider = pick(PROVIDERS);
    const targetGroup: TargetGroup = provider === 'Moviera' ? 'domestic_violence' : provider === 'BijBram' ? 'young_adult' : chance(0.1) ? 'family' : 'single_adult';
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    const referred = addDays(from, int(0, span));
    const eligible = addDays(referred, int(5, 20));
    const requested = addDays(referred, int(0, 8));
    const decided = addDays(eligible, int(10, 40));
    const ready = addDays(decided, int(3, 20));
    const steps: Plan['steps'] = [{ phase: 'referred', date: referred }];
    const upTo = FIRST_ORDER.indexOf(target);
    if (upTo >= 1) steps.push({ phase: 'eligible', date: eligible });
    if (upTo >= 2) steps.push({ phase: 'assessed', date: decided, note: 'Zorginhoudelijke beoordeling afgerond / care assessment decided' });
    if (upTo >= 3) steps.push({ phase: 'ready', date: ready });
    const assessment: Plan['assessment'] =
      upTo >= 2
        ? { requestedOn: requested, status: 'decided', decidedOn: decided, validYears: 5, indication: chance(0.85) ? 'beschermd_thuis' : 'ambulant' }
        : upTo === 1 || chance(0.4)
          ? { requestedOn: requested, status: chance(0.5) ? 'assigned' : 'requested' }
          : undefined;
    return {
      targetGroup,
      provider,
      referrer: targetGroup === 'domestic_violence' ? 'Moviera' : referrerFor(provider),
      steps,
      assessment,
      // Some assessed people lack recorded consent: that is why they are not ready yet.
      consentOn: target === 'assessed' && chance(0.4) ? undefined : addDays(referred, int(0, 5)),
      screening: targetGroup === 'domestic_violence' ? addDays(referred, int(2, 10)) : undefined,
      exclusionMunicipality: targetGroup === 'domestic_violence' ? pick(['Zeist', 'Nieuwegein', 'Houten']) : undefined,
    };
  };
  const readyPool = Array.from({ length: 30 }, () => waitingPlan('ready', '2021-09-01', '2022-05-31'));
  readyPool.forEach((p, i) => {
    if (p.provider === 'De Tussenvoorziening' && i % 2 === 0) p.suitability = { version: i < 14 ? 1 : 2, on: addDays(p.steps.at(-1)!.date, int(1, 20)) };
  });
  plans.push(...readyPool);
  plans.push(...Array.from({ length: 14 }, () => waitingPlan('assessed', '2022-01-15', '2022-06-30')));
  plans.push(...Array.from({ length: 12 }, () => waitingPlan('eligible', '2022-05-01', '2022-08-15')));
  plans.push(...Array.from({ length: 15 }, () => waitingPlan('referred', '2022-07-01', '2022-09-20')));
  for (let i = 0; i < 8; i++) {
    const p = waitingPlan('referred', '2021-01-15', '2022-06-30');
    p.assessment = undefined;
    p.steps.push({ phase: 'not_eligible', date: addDays(p.steps[0].date, int(7, 30)), reason: pick(['not_homeless', 'not_expected_independent', 'outside_target_group'] as const) });
    plans.push(p);
  }
  const withdrawnFrom: ParticipantPhase[] = ['referred', 'eligible', 'eligible', 'assessed', 'assessed', 'ready', 'ready', 'ready', 'referred', 'assessed'];
  for (const from of withdrawnFrom) {
    const p = waitingPlan(from, '2021-02-01', '2022-03-31');
    if (p.assessment && p.assessment.status !== 'decided') p.assessment = { requestedOn: p.assessment.requestedOn, status: 'decided', decidedOn: addDays(p.assessment.requestedOn, 20), validYears: 5, indication: 'ambulant' };
    if (from === 'referred' || from === 'eligible') p.assessment = undefined;
    p.steps.push({ phase: 'withdrawn', date: addDays(p.steps.at(-1)!.date, int(10, 60)), reason: pick(['own_choice', 'housed_elsewhere', 'not_reachable', 'needs_more_care'] as const) });
    plans.push(p);
  }
  // Two people referred twice, by Stadsteam Back Up and by their shelter's provider: the
  // programme office's list of possible duplicates shows them, ready to merge.
  const dupBase = plans.length;
  for (let i = 0; i < 2; i++) {
    const a = waitingPlan('referred', '2022-07-01', '2022-08-31');
    a.referrer = backUp;
    const b = waitingPlan('referred', '2022-07-01', '2022-08-31');
    b.referrer = b.provider;
    plans.push(a, b);
  }

  // —— People ——
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  const usedBsns = new Set<string>();
  const person = (targetGroup: TargetGroup) => {
    for (;;) {
      const given = pick(GIVEN);
      // "van der Lindbrink": a lower-case prefix, an invented capitalised surname.
      const family = `${pick(PREFIX)}${pick(ROOT)}${pick(SUFFIX)}`;
      // Young adults (18–27) were born 1995–2003; others 1958–2002.
      const dob = targetGroup === 'young_adult' ? addDays('1995-01-01', int(0, 365 * 8)) : addDays('1958-01-01', int(0, 365 * 44));
      const key = `${nameKey(given, family)}#${dob}`;
      if (!usedNames.has(key)) {
        usedNames.add(key);
        return { given, family, dob };
      }
    }
  };
  const code = () => {
    for (;;) {
      const c = randomCode((max) => Math.floor(rnd() * max));
      if (!usedCodes.has(c)) {
        usedCodes.add(c);
        return c;
      }
    }
  };
  const bsn = () => {
    for (;;) {
      const head = `99999${int(0, 999).toString().padStart(3, '0')}`;
      const sum = [...head].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
      const last = sum % 11;
      const candidate = `${head}${last}`;
      if (last <= 9 && bsnProblem(candidate) === null && !usedBsns.has(candidate)) {
        usedBsns.add(candidate);
        return candidate;
      }
    }
  };

  // —— The suitability framework: version 1 (January 2022) and version 2 (June 2022) ——
  const frameworks = await seedFrameworks(run, ids, office);

  const PLACES: CurrentPlace[] = ['night_shelter', 'night_shelter', 'night_shelter', 'shelter_24h', 'shelter_24h', 'street', 'street', 'with_friends', 'sheltered_housing', 'other'];
  const MUNICIPALITIES = ['Utrecht', 'Utrecht', 'Utrecht', 'Nieuwegein', 'Houten', 'Zeist', 'Woerden', 'Stichtse Vecht', 'Utrechtse Heuvelrug', 'Vijfheerenlanden', 'Bunnik'];
  const counts: Record<string, number> = {};
  const dupPeople: { given: string; family: string; dob: string }[] = [];
  for (const [n, plan] of plans.entries()) {
    const pid = ids.id('participant', String(n + 1));
    const isDup = n >= dupBase;
    let who = person(plan.targetGroup);
    if (isDup && (n - dupBase) % 2 === 1) who = dupPeople[(n - dupBase - 1) / 2];
    else if (isDup) dupPeople.push(who);
    const last = plan.steps.at(-1)!;
    const referred = plan.steps[0].date;
    const onList = chance(0.65);
    const waitingListOn = onList ? addDays(referred, -int(60, 900)) : null;
    const currentPlace: CurrentPlace = plan.targetGroup === 'domestic_violence' ? 'shelter_24h' : pick(PLACES);
    const family = plan.targetGroup === 'domestic_violence' || plan.targetGroup === 'family';
    const children = family ? int(1, 3) : 0;
    const childrenAges = Array.from({ length: children }, () => int(0, 16));
    const preferred = [...new Set([pick(MUNICIPALITIES), ...(chance(0.4) ? [pick(MUNICIPALITIES)] : [])])].filter((m) => m !== plan.exclusionMunicipality);
    const excluded = plan.exclusionMunicipality ? [plan.exclusionMunicipality] : [];
    const needs = [...(chance(0.15) ? ['ground_floor'] : []), ...(chance(0.1) ? ['pets'] : []), ...(chance(0.05) ? ['accessible', 'no_stairs'] : [])];
    const c = code();
    const key = priorityKey(DEFAULT_PRIORITY, {
      code: c,
      phase: last.phase,
      waitingListRegisteredOn: waitingListOn,
      firstReferredOn: referred,
      targetGroup: plan.targetGroup,
      currentPlace,
    });
    const referrerUser = plan.referrer === backUp ? backUpUser : plan.referrer === 'De Tussenvoorziening' ? tvWorker : null;
    await run(
      `INSERT INTO participants (region_id, id, programme_id, code, given_name, family_name, name_key, date_of_birth, bsn, phone, email,
         household_adults, household_children, children_ages, target_group, current_place, preferred_municipality_ids, excluded_municipality_ids,
         needs, consent_given_on, consent_scope, protected_address, waiting_list_registered_on, provider_id, phase, phase_since,
         first_referred_on, priority_key, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)`,
      [
        ids.regionId, pid, ids.programmeId, c, who.given, who.family, nameKey(who.given, who.family), who.dob,
        !isDup && chance(0.4) ? bsn() : null, chance(0.5) ? `06-${int(10000000, 99999999)}` : null,
        1, children, childrenAges, plan.targetGroup, currentPlace, preferred.map(muni), excluded.map(muni), needs,
        plan.consentOn ?? null, plan.consentOn ? (chance(0.5) ? ['programme', 'housing', 'research'] : ['programme', 'housing']) : [],
        plan.targetGroup === 'domestic_violence', waitingListOn, org(plan.provider), last.phase, last.date, referred, key, referrerUser ?? office,
        `${referred}T09:00:00Z`,
      ],
    );
    await run(
      `INSERT INTO referrals (region_id, id, participant_id, original_participant_id, organisation_id, referred_by, referred_on, homelessness,
         expected_independent, motivation, notes, created_at)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, NULL, $10)`,
      [
        ids.regionId, ids.id('referral', String(n + 1)), pid, org(plan.referrer), referrerUser, referred,
        last.reason === 'not_homeless' ? 'no' : chance(0.85) ? 'homeless' : 'at_risk',
        last.reason !== 'not_expected_independent',
        pick([
          'Verblijft al lang in de opvang, houdt afspraken na en wil graag zelfstandig wonen.',
          'Stabiel in de nachtopvang; met intensieve begeleiding binnen twee jaar zelfstandig.',
          'Heeft eerder zelfstandig gewoond; schulden zijn in beeld bij de schuldhulpverlening.',
          'Gemotiveerd, heeft een dagbesteding en een netwerk in de wijk.',
        ]),
        `${referred}T09:00:00Z`,
      ],
    );
    const relations: [string, string, string][] = [[org(plan.referrer), 'referrer', referred], [org(plan.provider), 'provider', referred]];
    if (plan.assessment) relations.push([accessOffice, 'assessor', plan.assessment.requestedOn]);
    for (const [o, relation, since] of relations) {
      await run(
        `INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [ids.regionId, pid, o, relation, since],
      );
    }
    for (const [k, s] of plan.steps.entries()) {
      await run(
        `INSERT INTO participant_phase_events (region_id, id, participant_id, phase, effective_date, reason, note, unit_id, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          ids.regionId, ids.id('phase', String(n + 1), String(k)), pid, s.phase, s.date, s.reason ?? null,
          s.note ?? (s.reason ? 'Demo' : null), s.unitId ?? null, s.phase === 'assessed' ? assessor : office, `${s.date}T12:00:00Z`,
        ],
      );
    }
    if (plan.assessment) {
      const a = plan.assessment;
      const decided = a.status === 'decided';
      await run(
        `INSERT INTO care_assessments (region_id, id, participant_id, original_participant_id, access_office_id, requested_by, requested_by_organisation_id,
           requested_on, question, status, assessor_id, assigned_on, decided_on, decided_by, indication, valid_from, valid_to, guidance_intensity, notes)
         VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
        [
          ids.regionId, ids.id('assessment', String(n + 1)), pid, accessOffice, referrerUser, org(plan.referrer), a.requestedOn,
          'Graag een zorginhoudelijke beoordeling voor deelname aan Eerst een Thuis.', a.status,
          a.status === 'requested' ? null : assessor, a.status === 'requested' ? null : addDays(a.requestedOn, int(1, 10)),
          decided ? a.decidedOn : null, decided ? assessor : null, decided ? a.indication : null, decided ? a.decidedOn : null,
          decided ? addDays(a.decidedOn!, 365 * (a.validYears ?? 3)) : null,
          decided ? pick(['moderate', 'intensive', 'intensive', 'very_intensive'] as const) : null, null,
        ],
      );
    }
    if (plan.placement) {
      await run(
        `INSERT INTO participant_placements (region_id, id, participant_id, unit_id, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6)`,
        [ids.regionId, ids.id('placement', String(n + 1)), pid, plan.placement.unitId, plan.placement.start, plan.placement.end ?? null],
      );
    }
    if (plan.screening) {
      await run(
        `INSERT INTO risk_screenings (region_id, id, participant_id, original_participant_id, organisation_id, screened_on, risk_level,
           excluded_municipality_ids, excluded_areas, notes, recorded_by, created_at)
         VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, NULL, $10)`,
        [
          ids.regionId, ids.id('screening', String(n + 1)), pid, org('Moviera'), plan.screening, pick(['medium', 'high'] as const),
          excluded.map(muni), chance(0.5) ? ['Kanaleneiland'] : [], 'Verzonnen demotaxatie.', `${plan.screening}T10:00:00Z`,
        ],
      );
    }
    if (plan.suitability) {
      const f = frameworks[plan.suitability.version];
      const answers = new Map<string, SuitabilityAnswer>(f.criteria.map((c) => [c.id, c.knockOut ? (chance(0.9) ? 'yes' : 'partly') : pick(['yes', 'yes', 'yes', 'partly', 'no'] as const)]));
      const e = evaluate(f.criteria, answers, f.thresholds);
      const sid = ids.id('suitability', String(n + 1));
      await run(
        `INSERT INTO suitability_assessments (region_id, id, participant_id, original_participant_id, framework_id, organisation_id, location_id,
           assessed_on, result, score, max_score, percentage, reasons, recorded_by, created_at)
         VALUES ($1, $2, $3, $3, $4, $5, NULL, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [ids.regionId, sid, pid, f.id, org('De Tussenvoorziening'), plan.suitability.on, e.result, e.halfPoints, e.maxHalfPoints, e.percentage,
          JSON.stringify(e.reasons), tvWorker, `${plan.suitability.on}T15:00:00Z`],
      );
      for (const [criterionId, answer] of answers) {
        await run(`INSERT INTO suitability_answers (region_id, assessment_id, criterion_id, answer, note) VALUES ($1, $2, $3, $4, NULL)`, [ids.regionId, sid, criterionId, answer]);
      }
    }
    counts[last.phase] = (counts[last.phase] ?? 0) + 1;
  }
  return counts;
}

/** Two versions of the intake-home framework: version 2 adds a knock-out on the neighbourhood and reweighs. */
async function seedFrameworks(run: Run, ids: DemoIds, office: string) {
  const v1: Omit<Criterion, 'id' | 'position'>[] = [
    { questionNl: 'Wil de kandidaat in deze wijk blijven wonen?', questionEn: 'Does the candidate want to stay in this neighbourhood?', weight: 3, knockOut: false },
    { questionNl: 'Accepteert de kandidaat begeleiding in de woning?', questionEn: 'Does the candidate accept guidance in the home?', weight: 5, knockOut: true },
    { questionNl: 'Kan de kandidaat de huur (met hulp) betalen?', questionEn: 'Can the candidate pay the rent (with help)?', weight: 4, knockOut: false },
    { questionNl: 'Is er zicht op het omklappen van het huurcontract binnen twee jaar?', questionEn: 'Can the lease flip to the candidate within two years?', weight: 3, knockOut: false },
    { questionNl: 'Past het huishouden in de woning?', questionEn: 'Does the household fit the home?', weight: 2, knockOut: false },
  ];
  const v2: Omit<Criterion, 'id' | 'position'>[] = [
    ...v1.slice(0, 4),
    { questionNl: 'Past het huishouden in de woning?', questionEn: 'Does the household fit the home?', weight: 2, knockOut: true },
    { questionNl: 'Is de buurt veilig voor de kandidaat (geen bekende conflicten)?', questionEn: 'Is the neighbourhood safe for the candidate (no known conflicts)?', weight: 4, knockOut: true },
  ];
  const out: { id: string; criteria: Criterion[]; thresholds: { suitable: number; conditional: number } }[] = [];
  for (const [version, list, created, thresholds] of [
    [1, v1, '2022-01-10', { suitable: 75, conditional: 50 }],
    [2, v2, '2022-06-01', { suitable: 70, conditional: 50 }],
  ] as const) {
    const fid = ids.id('framework', String(version));
    await run(
      `INSERT INTO suitability_frameworks (region_id, id, programme_id, version, name, description, suitable_threshold, conditional_threshold, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [ids.regionId, fid, ids.programmeId, version, 'Afwegingskader instroomwoning',
        'Verzonnen voorbeeld naar het afwegingskader van De Tussenvoorziening (seed 004).', thresholds.suitable, thresholds.conditional, office, `${created}T09:00:00Z`],
    );
    const criteria: Criterion[] = [];
    for (const [i, c] of list.entries()) {
      const cid = ids.id('criterion', String(version), String(i + 1));
      await run(
        `INSERT INTO suitability_criteria (region_id, id, framework_id, position, question_nl, question_en, weight, knock_out) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [ids.regionId, cid, fid, i + 1, c.questionNl, c.questionEn, c.weight, c.knockOut],
      );
      criteria.push({ ...c, id: cid, position: i + 1 });
    }
    out.push({ id: fid, criteria, thresholds });
  }
  return { 1: out[0], 2: out[1] };
}
