import type { CurrentPlace, LeaseHolder, ParticipantPhase, TargetGroup, TenancyEndReason } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { DEFAULT_PRIORITY, priorityKey } from '../../domain/waitingList/waitingList.priority.js';
import { addMonths, DEFAULT_CRITERIA } from '../../domain/tenancies/tenancies.rules.js';
import type { DemoIds, Run } from './participants.js';

/**
 * Tenancies in the demo region (issue 6, parts "tenancy" and "lease flip"). Runs after the
 * participants and offers: every placement becomes a tenancy — started on the day the home was
 * allocated (the contract), keys on the day the participant moved in, ended when the placement
 * ended. Project locations are intake homes (the provider rents and sublets; the lease starts in
 * the provider's name), scattered homes are let in the tenant's own name. Each location gets a
 * default rent.
 *
 * Besides the two exits of the participants seed, six tenancies ended in 2022 (evicted, returned
 * to shelter, left without notice, admitted to care, twice moved on): the participant exits with
 * that reason (a phase event, the placement closes) and the home becomes available again (a unit
 * event) — all after 2021, so the counter of 15 January 2021 (132/45/177/200) and of the end of
 * 2021 do not change. Of the intake homes that ran long enough, a dozen flipped to the tenant's
 * name (with the checks, some first "not met", and both leases in the history) and about fifteen
 * have a checklist partly done. The programme has the default flip checklist.
 *
 * Deterministic: ids from names, choices by position in a fixed order. Multi-row inserts.
 */

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const maxDate = (a: string, b: string) => (a > b ? a : b);

async function insertMany(run: Run, head: string, rows: unknown[][], chunk = 300) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const values = part.map((r) => `(${r.map((v) => { params.push(v); return `$${params.length}`; }).join(', ')})`);
    await run(`${head} VALUES ${values.join(', ')}`, params);
  }
}

interface Placement {
  id: string;
  participant_id: string;
  unit_id: string;
  label: string;
  moved_in: string;
  end_date: string | null;
  allocated_on: string | null;
  provider_id: string | null;
  household_adults: number;
  household_children: number;
  code: string;
  target_group: TargetGroup;
  current_place: CurrentPlace;
  first_referred_on: string;
  waiting_list_registered_on: string | null;
  location_id: string | null;
  corporation_id: string | null;
  delivery_mode: 'project' | 'scattered' | null;
  default_rent_cents: number | null;
  exit_reason: string | null;
}

/** The six endings this seed adds, in the order they are handed out. */
const NEW_ENDS: { reason: TenancyEndReason; note: string }[] = [
  { reason: 'evicted', note: 'Huurachterstand en aanhoudende overlast; ontbinding door de kantonrechter.' },
  { reason: 'returned_to_shelter', note: 'Terugval in gebruik; op eigen verzoek terug naar de 24-uursopvang.' },
  { reason: 'moved_on', note: 'Verhuisd naar een sociale huurwoning in de eigen wijk.' },
  { reason: 'left_without_notice', note: 'Woning verlaten aangetroffen; geen contact meer.' },
  { reason: 'admitted_to_care', note: 'Opgenomen in een klinische behandeling.' },
  { reason: 'moved_on', note: 'Samenwonend met partner buiten het programma.' },
];

/** Writes the demo tenancies; returns how many there are, how many flipped and how many ended. */
export async function seedDemoTenancies(run: Run, ids: DemoIds): Promise<{ tenancies: number; flipped: number; ended: number }> {
  const region = ids.regionId;
  const now = today();
  const office = ids.userId('programma@eerstethuis.demo');
  const worker = ids.userId('begeleider@tussenvoorziening.demo');
  const corporationUsers = new Map(
    ((await run(`SELECT organisation_id, min(id::text) AS id FROM users WHERE region_id = $1 AND 'corporation' = ANY (roles) GROUP BY organisation_id`, [region])) as {
      organisation_id: string;
      id: string;
    }[]).map((u) => [u.organisation_id, u.id]),
  );

  // —— Locations: project locations are intake homes; a default rent per form ——
  await run(
    `UPDATE locations SET intake_homes = (delivery_mode = 'project'),
            default_rent_cents = CASE form WHEN 'mixed' THEN 58500 WHEN 'transformation' THEN 54000 WHEN 'new_build' THEN 63500 WHEN 'flex' THEN 49500 ELSE 61000 END
      WHERE region_id = $1`,
    [region],
  );

  // —— The flip checklist ——
  const criteria = DEFAULT_CRITERIA.map((c, i) => ({ ...c, id: ids.id('flip-criterion', c.kind), position: i }));
  await insertMany(
    run,
    'INSERT INTO lease_flip_criteria (region_id, id, programme_id, kind, label_nl, label_en, months, position)',
    criteria.map((c) => [region, c.id, ids.programmeId, c.kind, c.labelNl, c.labelEn, c.months, c.position]),
  );

  const placements = (await run(
    `SELECT pl.id, pl.participant_id, pl.unit_id, u.label, pl.start_date::text AS moved_in, pl.end_date::text AS end_date,
            (SELECT max(e.effective_date) FROM unit_status_events e WHERE e.unit_id = u.id AND e.status = 'allocated' AND e.effective_date <= pl.start_date)::text AS allocated_on,
            p.provider_id, p.household_adults, p.household_children, p.code, p.target_group, p.current_place, p.first_referred_on::text AS first_referred_on,
            p.waiting_list_registered_on::text AS waiting_list_registered_on, u.location_id, l.corporation_id, l.delivery_mode, l.default_rent_cents,
            (SELECT e.reason FROM participant_phase_events e WHERE e.participant_id = p.id AND e.phase = 'exited' ORDER BY e.effective_date DESC LIMIT 1) AS exit_reason
       FROM participant_placements pl JOIN participants p ON p.id = pl.participant_id JOIN units u ON u.id = pl.unit_id
       LEFT JOIN locations l ON l.id = u.location_id
      WHERE pl.region_id = $1 ORDER BY pl.start_date, u.label`,
    [region],
  )) as Placement[];

  // —— Six more endings in 2022, spread over the long-running tenancies ——
  // Not at a location with an open broad call: its free homes are what the call's nominations are weighed against.
  const called = new Set(((await run(`SELECT location_id FROM calls WHERE region_id = $1 AND location_id IS NOT NULL`, [region])) as { location_id: string }[]).map((c) => c.location_id));
  const longRunning = placements.filter((p) => !p.end_date && p.moved_in <= '2021-06-30' && !(p.location_id && called.has(p.location_id)));
  const step = Math.max(1, Math.floor(longRunning.length / NEW_ENDS.length));
  const newEnds = new Map<string, { reason: TenancyEndReason; note: string; date: string }>();
  NEW_ENDS.forEach((e, i) => {
    const p = longRunning[i * step + 2];
    if (!p) return;
    const date = maxDate(addDays(p.moved_in, 400 + i * 31), '2022-01-17');
    if (date < now) newEnds.set(p.id, { ...e, date: date > '2022-08-31' ? '2022-08-31' : date });
  });
  const phaseEvents: unknown[][] = [];
  const unitEvents: unknown[][] = [];
  for (const p of placements) {
    const end = newEnds.get(p.id);
    if (!end) continue;
    p.end_date = end.date;
    p.exit_reason = end.reason;
    phaseEvents.push([region, ids.id('tenancy-exit', p.participant_id), p.participant_id, 'exited', end.date, end.reason, end.note, office]);
    unitEvents.push([region, ids.id('tenancy-vacated', p.unit_id), p.unit_id, 'available', end.date, `Huur beëindigd / tenancy ended: ${end.reason}`, office]);
    const key = priorityKey(DEFAULT_PRIORITY, {
      code: p.code,
      phase: 'exited' satisfies ParticipantPhase,
      waitingListRegisteredOn: p.waiting_list_registered_on,
      firstReferredOn: p.first_referred_on,
      targetGroup: p.target_group,
      currentPlace: p.current_place,
    });
    await run(`UPDATE participants SET phase = 'exited', phase_since = $3, priority_key = $4, version = version + 1 WHERE region_id = $1 AND id = $2`, [region, p.participant_id, end.date, key]);
    await run(`UPDATE participant_placements SET end_date = $3 WHERE region_id = $1 AND id = $2`, [region, p.id, end.date]);
    await run(`UPDATE units SET status = 'available', status_since = $3, version = version + 1 WHERE region_id = $1 AND id = $2`, [region, p.unit_id, end.date]);
  }
  if (phaseEvents.length) {
    await insertMany(run, 'INSERT INTO participant_phase_events (region_id, id, participant_id, phase, effective_date, reason, note, recorded_by)', phaseEvents);
    await insertMany(run, 'INSERT INTO unit_status_events (region_id, id, unit_id, status, effective_date, note, recorded_by)', unitEvents);
  }

  // —— The tenancies ——
  const tenancies: unknown[][] = [];
  const leases: unknown[][] = [];
  const events: unknown[][] = [];
  const checks: unknown[][] = [];
  let flipped = 0;
  let partly = 0;
  let ended = 0;
  const event = (tenancyId: string, n: string, kind: string, date: string, data: Record<string, unknown>, by: string | null) =>
    events.push([region, ids.id('tenancy-event', tenancyId, n), tenancyId, kind, date, JSON.stringify(data), by]);

  for (const [i, p] of placements.entries()) {
    const id = ids.id('tenancy', p.id);
    const start = p.allocated_on && p.allocated_on <= p.moved_in ? p.allocated_on : p.moved_in;
    const holder: LeaseHolder = p.delivery_mode === 'project' && p.provider_id ? 'provider' : 'tenant';
    const rent = p.default_rent_cents;
    const endReason = (p.end_date ? (p.exit_reason ?? 'other') : null) as TenancyEndReason | null;
    // A flip: intake homes that ran well over a year, every third of them, not those that ended badly.
    const monthsRun = p.end_date ?? now;
    const flipOn = holder === 'provider' && i % 3 === 0 && flipped < 12 && (!endReason || endReason === 'moved_on') ? addDays(addMonths(start, 13), i % 40) : null;
    const flips = flipOn !== null && flipOn < monthsRun && flipOn < now;
    const corpUser = p.corporation_id ? (corporationUsers.get(p.corporation_id) ?? null) : null;
    const carer = p.provider_id ? worker : office;

    tenancies.push([
      region, id, ids.programmeId, p.unit_id, p.participant_id, p.corporation_id, p.provider_id, p.household_adults, p.household_children, start,
      rent, flips ? 'tenant' : holder, flips ? flipOn : null, p.end_date, endReason, p.end_date ? (newEnds.get(p.id)?.note ?? null) : null, p.moved_in, office,
    ]);
    event(id, 'start', 'started', start, { leaseHolder: holder, rentCents: rent }, office);
    event(id, 'keys', 'moved_in', p.moved_in, {}, carer);
    const firstLeaseEnd = flips ? flipOn : p.end_date;
    leases.push([region, ids.id('tenancy-lease', id, '1'), id, holder, holder === 'provider' ? p.provider_id : null, start, firstLeaseEnd, rent, office]);

    if (holder === 'provider') {
      const list = criteria.filter((c) => c.kind !== 'no_open_nuisance');
      const check = (c: (typeof criteria)[number], n: string, met: boolean, on: string, evidence: string) => {
        const by = c.kind === 'corporation_agrees' ? corpUser : c.kind === 'rent_paid_on_time' ? (corpUser ?? carer) : carer;
        checks.push([region, ids.id('flip-check', id, c.kind, n), id, c.id, met, on, evidence, by]);
        event(id, `check-${c.kind}-${n}`, 'check_recorded', on, { criterionId: c.id, kind: c.kind, labelNl: c.labelNl, labelEn: c.labelEn, met }, by);
      };
      const rentCheck = criteria.find((c) => c.kind === 'rent_paid_on_time')!;
      if (flips) {
        // A first look at the rent came too early for some: two months behind, then caught up.
        if (i % 2 === 0) check(rentCheck, '0', false, addMonths(start, 7), 'Twee maanden huurachterstand; betalingsregeling afgesproken.');
        const ready = addDays(addMonths(start, 12), 5);
        list.forEach((c, n) => {
          const on = addDays(ready, n * 4);
          const evidence = c.kind === 'rent_paid_on_time' ? 'Huuroverzicht corporatie: 12 maanden op tijd.' : c.kind === 'goals_met' ? 'Evaluatie begeleidingsplan: doelen wonen en financiën behaald.'
            : c.kind === 'corporation_agrees' ? 'Akkoord corporatie per brief.' : 'Huurder tekent graag op eigen naam.';
          check(c, '1', true, on <= flipOn ? on : flipOn, evidence);
        });
        leases.push([region, ids.id('tenancy-lease', id, '2'), id, 'tenant', null, flipOn, p.end_date, rent, office]);
        event(id, 'flip', 'lease_flipped', flipOn, { from: 'provider', to: 'tenant', providerId: p.provider_id }, corpUser ?? office);
        flipped += 1;
      } else if (!p.end_date && partly < 15 && i % 4 === 1 && addMonths(start, 6) < now) {
        // Partly done: the tenant's wish, sometimes guidance goals; rent on time not yet (or not met).
        const tenant = criteria.find((c) => c.kind === 'tenant_agrees')!;
        const goals = criteria.find((c) => c.kind === 'goals_met')!;
        check(tenant, '1', true, addMonths(start, 6), 'Besproken in het evaluatiegesprek.');
        if (partly % 2 === 0) check(goals, '1', partly % 4 === 0, addMonths(start, 8), partly % 4 === 0 ? 'Doelen wonen behaald.' : 'Doel financiën nog open: schuldhulp loopt.');
        if (partly % 3 === 0) check(rentCheck, '1', false, addMonths(start, 9), 'Huurachterstand van één maand.');
        partly += 1;
      }
    }
    if (p.end_date && endReason) {
      event(id, 'end', 'ended', p.end_date, { reason: endReason, unitOutcome: 'available', nextTenancyId: null }, office);
      ended += 1;
    }
  }
  await insertMany(
    run,
    `INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, corporation_id, provider_id, household_adults, household_children, start_date,
                            rent_cents, lease_holder, flipped_on, end_date, end_reason, end_note, moved_in_on, created_by)`,
    tenancies,
  );
  await insertMany(run, 'INSERT INTO tenancy_leases (region_id, id, tenancy_id, lease_holder, holder_organisation_id, start_date, end_date, rent_cents, recorded_by)', leases);
  await insertMany(run, 'INSERT INTO lease_flip_checks (region_id, id, tenancy_id, criterion_id, met, checked_on, evidence, recorded_by)', checks);
  events.sort((a, b) => String(a[4]).localeCompare(String(b[4])));
  await insertMany(run, 'INSERT INTO tenancy_events (region_id, id, tenancy_id, kind, effective_date, data, recorded_by)', events);
  return { tenancies: tenancies.length, flipped, ended };
}
