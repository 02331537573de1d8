import { nameKey, randomCode } from '../../domain/participants/participants.service.js';
import { DEFAULT_PRIORITY, priorityKey } from '../../domain/waitingList/waitingList.priority.js';
import type { CurrentPlace, DeliveryMode, HousingForm, ParticipantPhase, PhaseReason, Role, TargetGroup, UnitStatus } from '../../../shared/enums.js';
import type { BulkWriter } from './bulk.js';
import { CORPORATION_NAMES, DISTRICTS, GIVEN, MOTIVATIONS, PLACE_FIRST, PLACE_LAST, PREFIX, PROVIDER_NAMES, ROOT, SUFFIX } from './names.js';
import { isoDay, Random, toDay } from './random.js';
import { END, PERIOD_END, PERIOD_START, PS } from './period.js';
import { writeGuidance, writeIncidentsAndMeetings, writeMeasurements, writeOffers, writeTenancy } from './living.js';


/** The password of every synthetic account (the accounts need no second factor: a load-test data set). */
export const GENERATE_PASSWORD = 'eerstethuis-synthetisch';

/** The e-mail address of a synthetic region's account, e.g. `office@gen-01.synthetisch.example`. */
export const generatedEmail = (regionCode: string, key: string) => `${key}@${regionCode.toLowerCase()}.synthetisch.example`;

/** Final phases of the participants, as shares of a region (a programme a few years in). */
const PHASE_SHARES: Record<ParticipantPhase, number> = {
  referred: 6, eligible: 5, not_eligible: 5, assessed: 6, ready: 9, matched: 3, housed: 40, exited: 14, withdrawn: 12,
};
const EXIT_WEIGHTS = { moved_on: 35, returned_to_shelter: 12, evicted: 8, deceased: 5, admitted_to_care: 10, detention: 5, left_without_notice: 10, other: 15 } as const;
export type ExitReason = keyof typeof EXIT_WEIGHTS;
const WITHDRAW_REASONS: PhaseReason[] = ['own_choice', 'housed_elsewhere', 'not_reachable', 'needs_more_care', 'moved_out_of_region', 'other'];
const NOT_ELIGIBLE: PhaseReason[] = ['not_homeless', 'not_expected_independent', 'outside_target_group', 'other'];
const PLACES: CurrentPlace[] = ['street', 'night_shelter', 'night_shelter', 'shelter_24h', 'shelter_24h', 'sheltered_housing', 'with_friends', 'other'];

export interface Org {
  id: string;
  name: string;
  municipalityId: string | null;
  district: string | null;
}

export interface Location {
  id: string;
  municipalityId: string;
  deliveryMode: DeliveryMode;
  corporationId: string | null;
  providerId: string;
  intakeHomes: boolean;
  rentCents: number;
  /** Current tenancies (filled while occupants are written), for incidents. */
  tenancies: { id: string; start: number }[];
  firstOccupied: number | null;
}

/** One period in which a participant lives in a unit: allocated (matched) → occupied (housed) → vacated (exited). */
export interface Occupancy {
  unitId: string;
  location: Location;
  targetGroup: TargetGroup;
  allocated: number;
  occupied: number | null;
  vacated: number | null;
}

/** What the per-domain writers (living.ts) need of the region. */
export interface RegionContext {
  rnd: Random;
  w: BulkWriter;
  regionId: string;
  programmeId: string;
  officeUserId: string;
  careUserId: string;
  allocationOfficeId: string;
  accessOfficeId: string;
  teams: Org[];
  providers: Org[];
}

/** An occupant or candidate as written, for the per-domain writers. */
export interface Person {
  id: string;
  providerId: string;
  adults: number;
  children: number;
  phase: ParticipantPhase;
  ready: number;
  occupancy: Occupancy | null;
  exitReason: ExitReason | null;
  consentHousing: boolean;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/**
 * Dates of a chain of steps from `start`: each gap drawn from its range; when the chain would
 * run past the end of the data, the gaps shrink in proportion (at least a day each) and, if
 * still needed, the start moves earlier. Strictly increasing, so the recording order and the
 * dates agree.
 */
function chain(rnd: Random, start: number, gaps: [number, number][], end = END): number[] {
  let g = gaps.map(([lo, hi]) => rnd.int(lo, hi));
  const total = g.reduce((a, b) => a + b, 0);
  if (start + total > end) {
    const room = Math.max(gaps.length, end - start);
    g = g.map((x) => Math.max(1, Math.floor((x * room) / total)));
    const t2 = g.reduce((a, b) => a + b, 0);
    if (start + t2 > end) start = end - t2;
  }
  const out = [start];
  for (const x of g) out.push(out[out.length - 1] + x);
  return out;
}

type UnitKind = 'occupied' | 'turnover' | 'allocated' | 'vacated' | 'available' | 'location_found' | 'pledged' | 'withdrawn';

/**
 * Writes one synthetic region: municipalities, organisations of every kind, accounts, a
 * programme with tranches, pledges, locations and units with their status history, and
 * `participants` people in every phase; the housed ones live in the occupied units (with a
 * placement and a tenancy), the exited ones in earlier periods of units now re-let or vacant.
 */
export async function writeRegion(
  w: BulkWriter,
  opts: { seed: number; index: number; code: string; name: string; participants: number; passwordHash: string },
  onParticipants: (n: number) => void,
): Promise<void> {
  const rnd = Random.derive(opts.seed, `region:${opts.index}`);
  const n = opts.participants;
  const scale = Math.sqrt(n / 5000);
  const regionId = rnd.uuid();
  w.push('regions', { id: regionId, code: opts.code, name: opts.name, created_at: `${PERIOD_START}T08:00:00Z` });
  // A load-test data set: its accounts log in with the password only (documented in docs/scaling.md).
  w.push('security_settings', { region_id: regionId, totp_required_roles: [] });

  // —— Municipalities and organisations ——
  const muniCount = clamp(Math.round(3 + 7 * scale), 3, 25);
  const munis: { id: string; name: string; districts: string[] }[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < muniCount; i++) {
    let name = i === 0 ? opts.name.replace(/^Regio /, '').replace(/ \(synthetisch\)$/, '') : `${rnd.pick(PLACE_FIRST)}${rnd.pick(PLACE_LAST)}`;
    while (usedNames.has(name)) name = `${rnd.pick(PLACE_FIRST)}${rnd.pick(PLACE_LAST)}`;
    usedNames.add(name);
    const m = { id: rnd.uuid(), name, districts: DISTRICTS.slice(0, i === 0 ? 6 : rnd.int(2, 4)) };
    munis.push(m);
    w.push('municipalities', { region_id: regionId, id: m.id, name: m.name, cbs_code: null });
  }
  // The centre municipality is the biggest: about a third of pledges and locations.
  const muniWeights = munis.map((_, i) => (i === 0 ? Math.max(1, munis.length / 2) : 1));
  const pickMuni = () => {
    const total = muniWeights.reduce((a, b) => a + b, 0);
    let x = rnd.next() * total;
    for (let i = 0; i < munis.length; i++) if ((x -= muniWeights[i]) < 0) return munis[i];
    return munis[0];
  };
  const orgNames = new Set<string>();
  const org = (kind: string, name: string, municipalityId: string | null = null, district: string | null = null): Org => {
    let nm = name;
    for (let k = 2; orgNames.has(nm); k++) nm = `${name} ${k}`;
    orgNames.add(nm);
    const o = { id: rnd.uuid(), name: nm, municipalityId, district };
    w.push('organisations', { region_id: regionId, id: o.id, name: nm, kind, municipality_id: municipalityId, district, created_at: `${PERIOD_START}T08:00:00Z` });
    return o;
  };
  const centre = munis[0];
  const muniOrgs = munis.map((m) => org('municipality', `Gemeente ${m.name}`, m.id));
  const office = org('programme_office', `Programmabureau Eerst een Thuis ${centre.name}`, centre.id);
  const access = org('access_office', `Regionale Toegang ${centre.name}`, centre.id);
  const referralTeams = [org('referral_team', `Stadsteam ${centre.name}`, centre.id), org('referral_team', `Toeleiding ${centre.name} Oost`, centre.id)];
  const allocation = org('allocation_office', `Woonruimteverdeling ${centre.name}`, centre.id);
  const research = org('research_institute', `Kenniscentrum ${centre.name} (fictief)`);
  const providers = Array.from({ length: clamp(Math.round(2 + 3 * scale), 2, 10) }, (_, i) => org('care_provider', PROVIDER_NAMES[i % PROVIDER_NAMES.length]));
  const corporations = Array.from({ length: clamp(Math.round(2 + 2 * scale), 2, 8) }, (_, i) => org('housing_corporation', CORPORATION_NAMES[i % CORPORATION_NAMES.length]));
  const teams: Org[] = [];
  for (const m of munis.slice(0, 8)) for (const d of m.districts.slice(0, m === centre ? 3 : 1)) teams.push(org('neighbourhood_team', `Buurtteam ${m.name} ${d}`, m.id, d));

  // —— Accounts: one password hash for all (hashing is deliberately slow) ——
  const users: Record<string, string> = {};
  const account = (key: string, o: Org, roles: Role[], name: string) => {
    users[key] = rnd.uuid();
    w.push('users', {
      region_id: regionId, id: users[key], organisation_id: o.id, email: generatedEmail(opts.code, key), name, password_hash: opts.passwordHash,
      roles, created_at: `${PERIOD_START}T08:00:00Z`,
    });
  };
  account('office', office, ['programme_office'], 'Petra Programma');
  account('admin', office, ['administrator'], 'Bas Beheer');
  account('privacy', office, ['privacy_officer'], 'Fenna Functionaris');
  providers.slice(0, 3).forEach((p, i) => account(`care${i + 1}`, p, ['care_worker'], `Begeleider ${i + 1}`));
  account('caremanager', providers[0], ['care_manager'], 'Zara Zorgmanager');
  account('corporation', corporations[0], ['corporation'], 'Mees Corporatie');
  account('assessor', access, ['assessor'], 'Anne Assessor');
  account('referrer', referralTeams[0], ['referrer'], 'Tim Toeleider');
  account('municipality', muniOrgs[0], ['municipality'], 'Guus Gemeente');
  account('researcher', research, ['researcher'], 'Olga Onderzoek');
  account('allocation', allocation, ['allocation_officer'], 'Vera Verdeling');
  const officeUser = users.office;

  // —— Participants' final phases, then the units they need ——
  const phases: ParticipantPhase[] = Array.from({ length: n }, () => rnd.weighted(PHASE_SHARES));
  const count = (p: ParticipantPhase) => phases.filter((x) => x === p).length;
  const housed = count('housed');
  const exited = count('exited');
  const matched = count('matched');
  const turnover = Math.min(Math.round(exited * 0.55), housed);
  const kinds: UnitKind[] = [
    ...Array<UnitKind>(turnover).fill('turnover'),
    ...Array<UnitKind>(housed - turnover).fill('occupied'),
    ...Array<UnitKind>(matched).fill('allocated'),
    ...Array<UnitKind>(exited - turnover).fill('vacated'),
    ...Array<UnitKind>(Math.round(0.03 * n)).fill('available'),
    ...Array<UnitKind>(Math.round(0.04 * n)).fill('location_found'),
    ...Array<UnitKind>(Math.round(0.05 * n)).fill('pledged'),
    ...Array<UnitKind>(Math.round(0.01 * n)).fill('withdrawn'),
  ];
  rnd.shuffle(kinds);

  // —— Programme, review moments, tranches ——
  const programmeId = rnd.uuid();
  w.push('programmes', {
    region_id: regionId, id: programmeId, name: `Eerst een Thuis ${centre.name}`, period_start: PERIOD_START, period_end: PERIOD_END,
    target: Math.max(1, Math.round(kinds.length * 1.1)), budget_cents: kinds.length * 1_150_000_00, created_at: `${PERIOD_START}T08:00:00Z`,
  });
  for (const [date, title] of [['2023-01-15', 'Start programma'], ['2024-06-30', 'Tussenevaluatie'], ['2026-12-31', 'Jaareinde tweede tranche']]) {
    w.push('review_moments', { region_id: regionId, id: rnd.uuid(), programme_id: programmeId, date, title, notes: null });
  }
  const trancheDeadlines = ['2023-12-31', '2025-06-30', '2028-12-31'];
  const trancheOf = (day: number) => (day <= toDay(trancheDeadlines[0]) ? 0 : day <= toDay(trancheDeadlines[1]) ? 1 : 2);

  // —— Pledges with their units, in chunks ——
  interface PledgeDraft { id: string; muni: (typeof munis)[number]; targetGroup: TargetGroup; form: HousingForm; day: number; tranche: number; kinds: UnitKind[]; label: string }
  const pledges: PledgeDraft[] = [];
  for (let i = 0; i < kinds.length; ) {
    const size = Math.min(kinds.length - i, rnd.int(4, 40));
    const muni = pickMuni();
    const day = PS + rnd.int(0, 640);
    pledges.push({
      id: rnd.uuid(), muni, day, tranche: trancheOf(day), kinds: kinds.slice(i, i + size),
      targetGroup: rnd.weighted({ single_adult: 70, young_adult: 15, family: 8, domestic_violence: 7 }),
      form: rnd.weighted({ existing_stock: 50, transformation: 15, new_build: 10, flex: 10, mixed: 15 }),
      label: `${muni.name} ${pledges.length + 1}`,
    });
    i += size;
  }
  const trancheCapacity = [0, 0, 0];
  for (const p of pledges) trancheCapacity[p.tranche] += p.kinds.length;
  const trancheIds = trancheDeadlines.map(() => rnd.uuid());
  trancheDeadlines.forEach((deadline, i) => {
    w.push('tranches', {
      region_id: regionId, id: trancheIds[i], programme_id: programmeId, number: i + 1, name: `Tranche ${i + 1}`, capacity: trancheCapacity[i],
      provider_id: i === 0 ? providers[0].id : null, deadline,
    });
    w.push('tranche_capacity_events', {
      region_id: regionId, id: rnd.uuid(), tranche_id: trancheIds[i], effective_date: PERIOD_START, delta: trancheCapacity[i], rollover_id: null,
      note: 'Startcapaciteit', recorded_at: `${PERIOD_START}T08:00:00Z`,
    });
  });

  const occupancies: Occupancy[] = [];
  const allLocations: Location[] = [];
  for (const p of pledges) {
    const provider = rnd.pick(providers);
    const corporation = rnd.pick(corporations);
    w.push('pledges', {
      region_id: regionId, id: p.id, programme_id: programmeId, municipality_id: p.muni.id, places: p.kinds.length, target_group: p.targetGroup,
      form: p.form, pledged_on: isoDay(p.day), tranche_id: trancheIds[p.tranche], notes: null, created_by: officeUser, created_at: `${isoDay(p.day)}T09:00:00Z`,
    });
    w.push('pledge_partners', { region_id: regionId, pledge_id: p.id, organisation_id: provider.id });
    w.push('pledge_partners', { region_id: regionId, pledge_id: p.id, organisation_id: corporation.id });
    // 1–3 locations per pledge; scattered homes in existing stock, projects otherwise.
    const locs: Location[] = [];
    const nLoc = p.kinds.length < 8 ? 1 : rnd.int(1, 3);
    for (let k = 0; k < nLoc; k++) {
      const mode: DeliveryMode = p.form === 'existing_stock' ? (rnd.chance(0.8) ? 'scattered' : 'project') : rnd.chance(0.85) ? 'project' : 'scattered';
      const l: Location = {
        id: rnd.uuid(), municipalityId: p.muni.id, deliveryMode: mode, corporationId: rnd.chance(0.9) ? corporation.id : null, providerId: provider.id,
        intakeHomes: mode === 'project' && rnd.chance(0.3), rentCents: rnd.int(52, 82) * 1000 + rnd.int(0, 9) * 100, tenancies: [], firstOccupied: null,
      };
      const district = rnd.pick(p.muni.districts);
      writeLocation(w, regionId, programmeId, l, {
        name: `${mode === 'project' ? 'Project' : 'Gespikkeld'} ${p.label}${nLoc > 1 ? `-${k + 1}` : ''}`, district, form: p.form,
        expected: isoDay(p.day + rnd.int(60, 400)), regularHomes: p.form === 'mixed' ? rnd.int(5, 60) : null,
      });
      locs.push(l);
      allLocations.push(l);
    }
    p.kinds.forEach((kind, k) => {
      const unitId = rnd.uuid();
      const loc = locs[k % locs.length];
      const steps: [UnitStatus, number][] = [];
      const push = (statuses: UnitStatus[], gaps: [number, number][]) => {
        const days = chain(rnd, p.day, gaps);
        statuses.forEach((s, i) => steps.push([s, days[i]]));
      };
      const toAvailable: [number, number][] = [[20, 200], [20, 200]];
      switch (kind) {
        case 'pledged': push(['pledged'], []); break;
        case 'withdrawn': push(['pledged', 'withdrawn'], [[30, 300]]); break;
        case 'location_found': push(['pledged', 'location_found'], [[20, 200]]); break;
        case 'available': push(['pledged', 'location_found', 'available'], toAvailable); break;
        case 'allocated': push(['pledged', 'location_found', 'available', 'allocated'], [...toAvailable, [5, 60]]); break;
        case 'occupied': push(['pledged', 'location_found', 'available', 'allocated', 'occupied'], [...toAvailable, [5, 60], [5, 25]]); break;
        case 'vacated':
          push(['pledged', 'location_found', 'available', 'allocated', 'occupied', 'available'], [...toAvailable, [5, 60], [5, 25], [90, 600]]);
          break;
        case 'turnover':
          push(['pledged', 'location_found', 'available', 'allocated', 'occupied', 'available', 'allocated', 'occupied'],
            [...toAvailable, [5, 60], [5, 25], [90, 500], [10, 60], [5, 25]]);
          break;
      }
      const hasLocation = steps.some(([s]) => s === 'location_found');
      const [status, since] = steps[steps.length - 1];
      w.push('units', {
        region_id: regionId, id: unitId, programme_id: programmeId, pledge_id: p.id, location_id: hasLocation ? loc.id : null, tranche_id: trancheIds[p.tranche],
        municipality_id: p.muni.id, label: `${p.label} ${String(k + 1).padStart(3, '0')}`, form: p.form,
        rooms: p.targetGroup === 'family' || p.targetGroup === 'domestic_violence' ? rnd.int(2, 4) : rnd.int(1, 2),
        status, status_since: isoDay(since), expected_date: null, created_at: `${isoDay(p.day)}T09:00:00Z`, updated_at: `${isoDay(since)}T09:00:00Z`,
      });
      steps.forEach(([s, day], i) => {
        w.push('unit_status_events', {
          region_id: regionId, id: rnd.uuid(), unit_id: unitId, status: s, effective_date: isoDay(day), expected_date: null,
          location_id: s === 'location_found' ? loc.id : null, note: i === 0 ? 'Toezegging' : null, recorded_by: officeUser, recorded_at: `${isoDay(day)}T12:00:00Z`,
        });
      });
      // Each allocated → occupied (→ available) stretch is one person's stay.
      for (let i = 0; i < steps.length; i++) {
        if (steps[i][0] !== 'allocated') continue;
        const occ = steps[i + 1]?.[0] === 'occupied' ? steps[i + 1][1] : null;
        const vac = occ !== null && steps[i + 2]?.[0] === 'available' ? steps[i + 2][1] : null;
        occupancies.push({ unitId, location: loc, targetGroup: p.targetGroup, allocated: steps[i][1], occupied: occ, vacated: vac });
      }
    });
    await w.maybeFlush();
  }

  // —— Participants: occupants first (their dates follow the unit), then everyone else ——
  const ctx: RegionContext = {
    rnd, w, regionId, programmeId, officeUserId: officeUser, careUserId: users.care1, allocationOfficeId: allocation.id, accessOfficeId: access.id, teams, providers,
  };
  const codes = new Set<string>();
  const others = phases.filter((p) => p !== 'housed' && p !== 'exited' && p !== 'matched');
  const people: Person[] = [];
  let written = 0;
  const writePerson = (phase: ParticipantPhase, occ: Occupancy | null) => {
    const person = writeParticipant(ctx, { phase, occ, codes, referralTeams, providers, munis });
    people.push(person);
    if (occ?.occupied != null) {
      const tenancyId = writeTenancy(ctx, person, occ);
      writeGuidance(ctx, person, occ, tenancyId);
      writeMeasurements(ctx, person);
      if (occ.vacated === null) occ.location.tenancies.push({ id: tenancyId, start: occ.occupied });
      occ.location.firstOccupied = Math.min(occ.location.firstOccupied ?? occ.occupied, occ.occupied);
    } else if (phase === 'ready' && rnd.chance(0.3)) {
      writeMeasurements(ctx, person);
    }
    written += 1;
    if (written % 500 === 0) onParticipants(500);
  };
  for (const occ of occupancies) {
    writePerson(occ.occupied === null ? 'matched' : occ.vacated === null ? 'housed' : 'exited', occ);
    await w.maybeFlush();
  }
  for (const phase of others) {
    writePerson(phase, null);
    await w.maybeFlush();
  }
  onParticipants(written % 500);
  writeOffers(ctx, people);
  writeIncidentsAndMeetings(ctx, allLocations);
  await w.flush();
}

function writeLocation(
  w: BulkWriter,
  regionId: string,
  programmeId: string,
  l: Location,
  x: { name: string; district: string; form: HousingForm; expected: string; regularHomes: number | null },
) {
  w.push('locations', {
    region_id: regionId, id: l.id, programme_id: programmeId, name: x.name, address: null, municipality_id: l.municipalityId, district: x.district,
    form: x.form, delivery_mode: l.deliveryMode, corporation_id: l.corporationId, provider_id: l.providerId, expected_date: x.expected,
    regular_homes: x.regularHomes, intake_homes: l.intakeHomes, default_rent_cents: l.rentCents,
  });
}

/** Phase steps and dates of a participant who never lived in one of the programme's homes. */
function waitingSteps(rnd: Random, phase: ParticipantPhase): { phase: ParticipantPhase; reason?: PhaseReason }[] {
  const main: ParticipantPhase[] = ['referred', 'eligible', 'assessed', 'ready'];
  switch (phase) {
    case 'not_eligible': return [{ phase: 'referred' }, { phase: 'not_eligible', reason: rnd.pick(NOT_ELIGIBLE) }];
    case 'withdrawn': return [...main.slice(0, rnd.int(1, 4)).map((p) => ({ phase: p })), { phase: 'withdrawn', reason: rnd.pick(WITHDRAW_REASONS) }];
    default: return main.slice(0, main.indexOf(phase) + 1).map((p) => ({ phase: p }));
  }
}

const GAP: Record<string, [number, number]> = {
  eligible: [2, 30], not_eligible: [3, 40], assessed: [10, 60], ready: [5, 40], withdrawn: [10, 200],
};
/** How long ago the referral lies, at most, by final phase: who still waits was referred recently. */
const SPAN: Partial<Record<ParticipantPhase, number>> = { referred: 60, eligible: 120, assessed: 300, ready: 700 };

function writeParticipant(
  ctx: RegionContext,
  a: {
    phase: ParticipantPhase;
    occ: Occupancy | null;
    codes: Set<string>;
    referralTeams: Org[];
    providers: Org[];
    munis: { id: string }[];
  },
): Person {
  const { rnd, w, regionId } = ctx;
  const id = rnd.uuid();
  let code = randomCode((max) => Math.floor(rnd.next() * max));
  while (a.codes.has(code)) code = randomCode((max) => Math.floor(rnd.next() * max));
  a.codes.add(code);

  // Steps and dates.
  const steps: { phase: ParticipantPhase; day: number; reason?: PhaseReason; unitId?: string }[] = [];
  let exitReason: ExitReason | null = null;
  if (a.occ) {
    const ready = a.occ.allocated - rnd.int(5, 90);
    const assessed = ready - rnd.int(5, 40);
    const eligible = assessed - rnd.int(10, 60);
    const referred = eligible - rnd.int(2, 30);
    steps.push({ phase: 'referred', day: referred }, { phase: 'eligible', day: eligible }, { phase: 'assessed', day: assessed }, { phase: 'ready', day: ready });
    steps.push({ phase: 'matched', day: a.occ.allocated, unitId: a.occ.unitId });
    if (a.occ.occupied !== null) steps.push({ phase: 'housed', day: a.occ.occupied, unitId: a.occ.unitId });
    if (a.occ.vacated !== null) {
      exitReason = rnd.weighted(EXIT_WEIGHTS);
      steps.push({ phase: 'exited', day: a.occ.vacated, reason: exitReason, unitId: a.occ.unitId });
    }
  } else {
    const plan = waitingSteps(rnd, a.phase);
    const gaps = plan.slice(1).map((s) => GAP[s.phase]);
    const span = SPAN[a.phase] ?? 1100;
    const days = chain(rnd, Math.max(PS - 90, END - rnd.int(0, span)), gaps);
    plan.forEach((s, i) => steps.push({ ...s, day: days[i] }));
  }
  const last = steps[steps.length - 1];
  const referred = steps[0].day;
  const readyDay = steps.find((s) => s.phase === 'ready')?.day ?? last.day;

  const targetGroup: TargetGroup = a.occ?.targetGroup ?? rnd.weighted({ single_adult: 70, young_adult: 15, family: 8, domestic_violence: 7 });
  const family = targetGroup === 'family' || targetGroup === 'domestic_violence';
  const children = family ? rnd.int(1, 3) : 0;
  const adults = family && rnd.chance(0.3) ? 2 : 1;
  const currentPlace: CurrentPlace = targetGroup === 'domestic_violence' ? 'shelter_24h' : rnd.pick(PLACES);
  const waiting = rnd.chance(0.5) ? isoDay(referred - rnd.int(30, 700)) : null;
  const providerId = a.occ?.location.providerId ?? rnd.pick(a.providers).id;
  const consentHousing = rnd.chance(0.9);
  const given = rnd.pick(GIVEN);
  const familyName = `${rnd.pick(PREFIX)}${rnd.pick(ROOT)}${rnd.pick(SUFFIX)}`.replace(/^./, (c) => c.toUpperCase());
  const bornYear = targetGroup === 'young_adult' ? rnd.int(1998, 2006) : rnd.int(1958, 1998);
  const key = priorityKey(DEFAULT_PRIORITY, { code, phase: last.phase, waitingListRegisteredOn: waiting, firstReferredOn: isoDay(referred), targetGroup, currentPlace });
  const preferred = [rnd.pick(a.munis).id];
  w.push('participants', {
    region_id: regionId, id, programme_id: ctx.programmeId, code, given_name: given, family_name: familyName, name_key: nameKey(given, familyName),
    date_of_birth: `${bornYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`, bsn: null,
    phone: rnd.chance(0.5) ? `06-${rnd.int(10000000, 99999999)}` : null, email: null, household_adults: adults, household_children: children,
    children_ages: Array.from({ length: children }, () => rnd.int(0, 17)), target_group: targetGroup, current_place: currentPlace, current_place_note: null,
    preferred_municipality_ids: preferred, excluded_municipality_ids: [], needs: rnd.chance(0.15) ? ['ground_floor'] : [],
    consent_given_on: isoDay(referred), consent_scope: consentHousing ? (rnd.chance(0.5) ? ['programme', 'housing', 'research'] : ['programme', 'housing']) : ['programme'],
    protected_address: targetGroup === 'domestic_violence', waiting_list_registered_on: waiting, provider_id: providerId, phase: last.phase,
    phase_since: isoDay(last.day), first_referred_on: isoDay(referred), priority_key: key, merged_into_id: null, created_by: ctx.officeUserId,
    created_at: `${isoDay(referred)}T09:00:00Z`, updated_at: `${isoDay(last.day)}T12:00:00Z`,
  });
  const notEligible = steps.find((s) => s.phase === 'not_eligible');
  const referrer = rnd.chance(0.6) ? rnd.pick(a.referralTeams).id : providerId;
  w.push('referrals', {
    region_id: regionId, id: rnd.uuid(), participant_id: id, original_participant_id: id, organisation_id: referrer, referred_by: null,
    referred_on: isoDay(referred), homelessness: notEligible?.reason === 'not_homeless' ? 'no' : rnd.chance(0.85) ? 'homeless' : 'at_risk',
    expected_independent: notEligible?.reason !== 'not_expected_independent', motivation: rnd.pick(MOTIVATIONS), notes: null,
    created_at: `${isoDay(referred)}T09:00:00Z`,
  });
  const relation = (organisationId: string, rel: string, day: number) =>
    w.push('participant_organisations', { region_id: regionId, participant_id: id, organisation_id: organisationId, relation: rel, since: isoDay(day), created_at: `${isoDay(day)}T09:00:00Z` });
  relation(referrer, 'referrer', referred);
  relation(providerId, 'provider', referred);
  const assessed = steps.find((s) => s.phase === 'assessed');
  if (assessed) relation(ctx.accessOfficeId, 'assessor', assessed.day);
  for (const s of steps) {
    w.push('participant_phase_events', {
      region_id: regionId, id: rnd.uuid(), participant_id: id, phase: s.phase, effective_date: isoDay(s.day), reason: s.reason ?? null, note: null,
      unit_id: s.unitId ?? null, recorded_by: ctx.officeUserId, recorded_at: `${isoDay(s.day)}T12:00:00Z`,
    });
  }
  if (a.occ?.occupied != null) {
    w.push('participant_placements', {
      region_id: regionId, id: rnd.uuid(), participant_id: id, unit_id: a.occ.unitId, start_date: isoDay(a.occ.occupied),
      end_date: a.occ.vacated === null ? null : isoDay(a.occ.vacated), created_at: `${isoDay(a.occ.occupied)}T12:00:00Z`,
    });
  }
  return { id, providerId, adults, children, phase: last.phase, ready: readyDay, occupancy: a.occ, exitReason, consentHousing };
}

