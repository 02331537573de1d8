import { isoDay } from './random.js';
import { END } from './period.js';
import type { Location, Occupancy, Person, RegionContext } from './region.js';

// The writers for the tables of living in the home (issue 6, migrations 0021/0022/0025) and the
// matching workflow, one small function per domain, so a change in one of those migrations only
// touches its own function here.

const at = (day: number) => `${isoDay(day)}T12:00:00Z`;

/**
 * The tenancy of one stay: a lease held by the provider in an intake-home location (flipped to
 * the tenant for some after a year or more), else the tenant's own; its events; ended with the
 * exit's reason when the person left. Returns the tenancy id.
 */
export function writeTenancy(ctx: RegionContext, p: Person, occ: Occupancy): string {
  const { rnd, w, regionId } = ctx;
  const start = occ.occupied!;
  const until = occ.vacated ?? END;
  const id = rnd.uuid();
  const providerLease = occ.location.intakeHomes;
  const flip = providerLease && until - start > 400 && rnd.chance(0.45) ? start + rnd.int(365, until - start - 1) : null;
  const rent = occ.location.rentCents;
  w.push('tenancies', {
    region_id: regionId, id, programme_id: ctx.programmeId, unit_id: occ.unitId, participant_id: p.id, offer_id: null,
    corporation_id: occ.location.corporationId, provider_id: p.providerId, household_adults: p.adults, household_children: p.children,
    start_date: isoDay(start), rent_cents: rent, lease_holder: providerLease && flip === null ? 'provider' : 'tenant',
    flipped_on: flip === null ? null : isoDay(flip), end_date: occ.vacated === null ? null : isoDay(occ.vacated),
    end_reason: occ.vacated === null ? null : p.exitReason, end_note: null, next_tenancy_id: null, moved_in_on: isoDay(start),
    created_by: ctx.officeUserId, created_at: at(start), updated_at: at(flip ?? start),
  });
  const lease = (holder: 'provider' | 'tenant', from: number, to: number | null) =>
    w.push('tenancy_leases', {
      region_id: regionId, id: rnd.uuid(), tenancy_id: id, lease_holder: holder, holder_organisation_id: holder === 'provider' ? p.providerId : null,
      start_date: isoDay(from), end_date: to === null ? null : isoDay(to), rent_cents: rent, recorded_by: ctx.officeUserId, recorded_at: at(from),
    });
  const ends = occ.vacated;
  if (providerLease) {
    lease('provider', start, flip ?? ends);
    if (flip !== null) lease('tenant', flip, ends);
  } else {
    lease('tenant', start, ends);
  }
  const event = (kind: string, day: number, data: Record<string, unknown>) =>
    w.push('tenancy_events', { region_id: regionId, id: rnd.uuid(), tenancy_id: id, kind, effective_date: isoDay(day), data, recorded_by: ctx.officeUserId, recorded_at: at(day) });
  event('started', start, { leaseHolder: providerLease ? 'provider' : 'tenant', rentCents: rent, offerId: null, previousTenancyId: null, note: null });
  event('moved_in', start, {});
  if (flip !== null) event('lease_flipped', flip, { from: 'provider', to: 'tenant', providerId: p.providerId });
  if (ends !== null) event('ended', ends, { reason: p.exitReason, unitOutcome: 'available', nextTenancyId: null, note: null });
  return id;
}

const LEVEL_HOURS = { intensive: [6, 12], regular: [3, 6], light: [1, 2] } as const;
const DOMAINS = ['finances', 'work_education', 'time_use', 'housing', 'domestic_relations', 'mental_health', 'physical_health', 'substance_use',
  'basic_adl', 'instrumental_adl', 'social_network', 'social_participation', 'justice'] as const;

/**
 * Guidance from the day the keys were handed over: an intensive episode that lightens over
 * time, for some scaled down to the district's neighbourhood team after 18 months or more, with
 * a few goals and contacts (a sample: a real caseload records a contact a week).
 */
export function writeGuidance(ctx: RegionContext, p: Person, occ: Occupancy, tenancyId: string): void {
  const { rnd, w, regionId } = ctx;
  const start = occ.occupied!;
  const until = occ.vacated ?? END;
  const handover = until - start > 540 && rnd.chance(0.35) ? start + rnd.int(540, until - start) : null;
  const episode = (organisationId: string, from: number, to: number | null, level: 'intensive' | 'regular' | 'light', endReason: string | null, previous: string | null) => {
    const id = rnd.uuid();
    const hours = rnd.int(LEVEL_HOURS[level][0] * 2, LEVEL_HOURS[level][1] * 2) / 2;
    w.push('guidance_episodes', {
      region_id: regionId, id, participant_id: p.id, tenancy_id: tenancyId, organisation_id: organisationId, start_date: isoDay(from), hours_per_week: hours,
      level, review_due_on: isoDay(from + 182), end_date: to === null ? null : isoDay(to), end_reason: endReason, end_note: null,
      previous_episode_id: previous, created_by: ctx.officeUserId, created_at: at(from), updated_at: at(to ?? from),
    });
    w.push('guidance_intensities', { region_id: regionId, id: rnd.uuid(), episode_id: id, effective_date: isoDay(from), hours_per_week: hours, level, recorded_by: ctx.officeUserId, recorded_at: at(from) });
    const stop = to ?? END;
    if (level === 'intensive' && stop - from > 240) {
      const d = from + rnd.int(120, stop - from - 1);
      w.push('guidance_intensities', { region_id: regionId, id: rnd.uuid(), episode_id: id, effective_date: isoDay(d), hours_per_week: rnd.int(6, 12) / 2, level: 'regular', recorded_by: ctx.officeUserId, recorded_at: at(d) });
    }
    for (let g = rnd.int(1, 2); g > 0; g--) {
      const achieved = stop - from > 200 && rnd.chance(0.5);
      w.push('guidance_goals', {
        region_id: regionId, id: rnd.uuid(), episode_id: id, domain: rnd.pick(DOMAINS), description: 'Doel uit het begeleidingsplan (synthetisch).',
        target_date: isoDay(from + rnd.int(90, 365)), status: achieved ? 'achieved' : 'open', status_on: achieved ? isoDay(from + rnd.int(60, stop - from)) : null,
        created_by: ctx.officeUserId, created_at: at(from),
      });
    }
    const contacts = rnd.int(2, 5);
    for (let c = 0; c < contacts; c++) {
      const d = stop - Math.floor(((stop - from) * c) / contacts) - rnd.int(0, 6);
      if (d < from) continue;
      w.push('guidance_contacts', {
        region_id: regionId, id: rnd.uuid(), episode_id: id, contact_date: isoDay(d), kind: rnd.pick(['home_visit', 'home_visit', 'phone', 'office', 'outreach'] as const),
        minutes: rnd.pick([30, 45, 60, 90]), note: null, recorded_by: ctx.careUserId, recorded_at: at(d),
      });
    }
    return id;
  };
  const endReason = occ.vacated === null ? null : 'tenancy_ended';
  if (handover === null || ctx.teams.length === 0) {
    episode(p.providerId, start, occ.vacated, 'intensive', endReason, null);
    return;
  }
  const team = rnd.pick(ctx.teams);
  const first = episode(p.providerId, start, handover, 'intensive', 'handed_over', null);
  const second = episode(team.id, handover, occ.vacated, 'light', endReason, first);
  w.push('guidance_handovers', {
    region_id: regionId, id: rnd.uuid(), from_episode_id: first, to_episode_id: second, team_id: team.id, handover_date: isoDay(handover),
    handed_over: 'Overdracht aan het buurtteam: doelen, netwerk en afspraken (synthetisch).', recorded_by: ctx.officeUserId, recorded_at: at(handover),
  });
  w.push('participant_organisations', { region_id: regionId, participant_id: p.id, organisation_id: team.id, relation: 'neighbourhood_team', since: isoDay(handover), created_at: at(handover) });
}

/**
 * ZRM measurements (migration 0022): at intake and every 6 months while housed, scoring 5–8 of
 * the 13 domains (least data), scores rising slowly; people still waiting get an intake only.
 */
export function writeMeasurements(ctx: RegionContext, p: Person): void {
  const { rnd, w, regionId } = ctx;
  const occ = p.occupancy;
  const scored = rnd.shuffle([...DOMAINS]).slice(0, rnd.int(5, 8));
  const base = Object.fromEntries(scored.map((d) => [d, rnd.int(1, 3)]));
  const moments: [string, number, string][] = [];
  if (occ?.occupied == null) {
    moments.push(['intake', p.ready, 'shelter']);
  } else {
    const until = Math.min(occ.vacated ?? END, END);
    moments.push(['intake', occ.occupied, 'housed_programme']);
    (['m6', 'm12', 'm18', 'm24'] as const).forEach((m, i) => {
      const d = occ.occupied! + 182 * (i + 1) + rnd.int(-10, 10);
      if (d <= until) moments.push([m, d, 'housed_programme']);
    });
  }
  moments.forEach(([moment, day, housingStatus], k) => {
    const row: Record<string, unknown> = { region_id: regionId, id: rnd.uuid(), participant_id: p.id, programme_id: ctx.programmeId, measured_on: isoDay(day), moment };
    for (const d of DOMAINS) row[d] = d in base ? Math.min(5, base[d] + Math.floor((k + rnd.int(0, 2)) / 2)) : null;
    Object.assign(row, {
      housing_status: housingStatus, quality_of_life: rnd.chance(0.6) ? rnd.int(4, 8) : null, organisation_id: p.providerId, measured_by: null, created_at: at(day),
    });
    w.push('zrm_measurements', row);
  });
}

/**
 * A few offers per region (the workflow of migration 0020): every matched participant's
 * accepted offer waiting for the contract (the active offer that holds the home), up to 40,
 * and some offers declined by the candidate.
 */
export function writeOffers(ctx: RegionContext, people: Person[]): void {
  const { rnd, w, regionId } = ctx;
  const matched = people.filter((p) => p.phase === 'matched' && p.occupancy).slice(0, 40);
  const write = (p: Person, occ: Occupancy, status: 'open' | 'declined') => {
    const l = occ.location;
    const scattered = l.deliveryMode === 'scattered';
    const first = scattered ? 'provider_proposal' : 'receipt';
    const created = occ.allocated - rnd.int(10, 40);
    const id = rnd.uuid();
    const step = status === 'open' ? 'contract' : 'candidate_decision';
    w.push('offers', {
      region_id: regionId, id, programme_id: ctx.programmeId, unit_id: occ.unitId, participant_id: p.id, route: l.deliveryMode, provider_id: p.providerId,
      corporation_id: l.corporationId, allocation_office_id: scattered ? ctx.allocationOfficeId : null, call_id: null, proposal_id: null, step, status,
      step_entered_on: isoDay(occ.allocated), reminded_on: null, escalated_on: null, shared_on: p.consentHousing ? isoDay(created) : null,
      decline_party: status === 'declined' ? 'client' : null, decline_reason: status === 'declined' ? 'refused_unit' : null, decline_note: null,
      declined_on: status === 'declined' ? isoDay(occ.allocated) : null, closed_on: status === 'declined' ? isoDay(occ.allocated) : null,
      close_reason: null, close_note: null, created_by: ctx.officeUserId, created_at: at(created), updated_at: at(occ.allocated),
    });
    const event = (kind: string, from: string, to: string, after: string, day: number) =>
      w.push('offer_events', {
        region_id: regionId, id: rnd.uuid(), offer_id: id, kind, step: from, next_step: to, status_after: after, party: kind === 'declined' ? 'client' : null,
        reason: kind === 'declined' ? 'refused_unit' : null, outcome: null, note: null, effective_date: isoDay(day), source: 'app',
        recorded_by: ctx.officeUserId, recorded_by_organisation_id: null, recorded_at: at(day),
      });
    event('created', first, first, 'open', created);
    event('accepted', first, 'candidate_decision', 'open', created + 1);
    event(status === 'open' ? 'accepted' : 'declined', 'candidate_decision', status === 'open' ? 'contract' : 'candidate_decision', status, occ.allocated);
  };
  for (const p of matched) write(p, p.occupancy!, 'open');
  // Declined earlier: the same home offered first to someone who is still waiting.
  const waiting = people.filter((p) => p.phase === 'ready');
  matched.slice(0, 10).forEach((p, i) => {
    if (waiting[i] && waiting[i].ready < p.occupancy!.allocated - 45) write(waiting[i], { ...p.occupancy!, allocated: p.occupancy!.allocated - rnd.int(1, 3) }, 'declined');
  });
}

/** Incidents at locations with tenants (some about a tenancy, most closed) and neighbourhood meetings at projects. */
export function writeIncidentsAndMeetings(ctx: RegionContext, locations: Location[]): void {
  const { rnd, w, regionId } = ctx;
  for (const l of locations) {
    if (l.firstOccupied === null) continue;
    const from = l.firstOccupied;
    for (let k = rnd.int(0, 3); k > 0; k--) {
      const day = rnd.int(from, END);
      const t = l.tenancies.length && rnd.chance(0.6) ? rnd.pick(l.tenancies) : null;
      const closed = rnd.chance(0.8) ? Math.min(END, day + rnd.int(1, 60)) : null;
      w.push('incidents', {
        region_id: regionId, id: rnd.uuid(), location_id: l.id, tenancy_id: t && t.start <= day ? t.id : null, occurred_on: isoDay(day),
        source: rnd.pick(['neighbour', 'corporation', 'provider', 'police', 'tenant', 'municipality'] as const), severity: rnd.pick(['low', 'low', 'medium', 'high'] as const),
        description: 'Melding van overlast (synthetisch).', follow_up: closed === null ? null : 'Besproken met bewoner en buren.', closed_on: closed === null ? null : isoDay(closed),
        recorded_by: ctx.officeUserId, recorded_at: at(day), updated_at: at(closed ?? day),
      });
    }
    if (l.deliveryMode !== 'project') continue;
    for (let k = rnd.int(0, 2); k > 0; k--) {
      const day = rnd.int(from, END);
      w.push('neighbourhood_meetings', {
        region_id: regionId, id: rnd.uuid(), location_id: l.id, held_on: isoDay(day), attendees: rnd.int(5, 40), notes: 'Buurtbijeenkomst (synthetisch).',
        recorded_by: ctx.officeUserId, recorded_at: at(day),
      });
    }
  }
}
