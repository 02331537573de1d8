import type { AccessContext } from '../../http/context.js';
import { today } from '../../../shared/dates.js';
import { canGuidance } from './guidance.policy.js';
import { targetOf, type ContactRow, type EpisodeRow, type GoalRow, type GuidanceData, type HandoverRow, type SupportRow } from './guidance.service.js';

/** A contact; its note (health data) only for the episode's own organisation and the programme office. */
export function presentContact(c: ContactRow, ctx: AccessContext, episodeOrganisationId: string) {
  const notes = canGuidance.readNotes(ctx, episodeOrganisationId);
  return {
    id: c.id,
    episodeId: c.episode_id,
    contactDate: c.contact_date,
    kind: c.kind,
    minutes: c.minutes,
    note: notes ? c.note : null,
    noteHidden: !notes && c.note !== null,
    recordedBy: c.recorded_by_name,
  };
}

export const presentGoal = (g: GoalRow) => ({
  id: g.id,
  episodeId: g.episode_id,
  domain: g.domain,
  description: g.description,
  targetDate: g.target_date,
  status: g.status,
  statusOn: g.status_on,
  version: g.version,
});

export const presentHandover = (h: HandoverRow) => ({
  id: h.id,
  fromEpisodeId: h.from_episode_id,
  toEpisodeId: h.to_episode_id,
  team: { id: h.team_id, name: h.team_name },
  handoverDate: h.handover_date,
  handedOver: h.handed_over,
});

export const presentSupport = (s: SupportRow) => ({
  id: s.id,
  kind: s.kind,
  organisationName: s.organisation_name,
  startDate: s.start_date,
  endDate: s.end_date,
  status: s.status,
  note: s.note,
  version: s.version,
});

function presentEpisode(e: EpisodeRow, d: GuidanceData, ctx: AccessContext) {
  const write = canGuidance.writeEpisode(ctx, e.organisation_id);
  const open = e.end_date === null;
  const totals = d.contactTotals.get(e.id);
  const handover = d.handovers.find((h) => h.from_episode_id === e.id);
  return {
    id: e.id,
    participantId: e.participant_id,
    organisation: { id: e.organisation_id, name: e.organisation_name, kind: e.organisation_kind },
    tenancyId: e.tenancy_id,
    startDate: e.start_date,
    hoursPerWeek: Number(e.hours_per_week),
    level: e.level,
    reviewDueOn: e.review_due_on,
    reviewOverdue: open && e.review_due_on !== null && e.review_due_on < today(),
    endDate: e.end_date,
    endReason: e.end_reason,
    endNote: e.end_note,
    previousEpisodeId: e.previous_episode_id,
    version: e.version,
    intensities: d.intensities
      .filter((i) => i.episode_id === e.id)
      .map((i) => ({ id: i.id, effectiveDate: i.effective_date, hoursPerWeek: Number(i.hours_per_week), level: i.level })),
    goals: d.goals.filter((g) => g.episode_id === e.id).map(presentGoal),
    contacts: d.contacts.filter((c) => c.episode_id === e.id).map((c) => presentContact(c, ctx, e.organisation_id)),
    contactCount: totals?.count ?? 0,
    contactMinutes: totals?.minutes ?? 0,
    handover: handover ? presentHandover(handover) : null,
    abilities: {
      edit: write && open,
      handOver: write && open && e.organisation_kind !== 'neighbourhood_team',
      end: write && open,
      readNotes: canGuidance.readNotes(ctx, e.organisation_id),
    },
  };
}

/**
 * The guidance overview of a participant. The home is left out when the address is protected
 * and the caller is not the guiding organisation's staff or the office.
 */
export function presentGuidance(d: GuidanceData, ctx: AccessContext) {
  const t = targetOf(d.p);
  const guiding = ctx.roles.includes('programme_office') || (d.p.current_org !== null && d.p.current_org === ctx.organisationId) || t.relations.includes('provider');
  const showHome = d.home !== null && (!d.p.protected_address || guiding);
  return {
    participant: {
      id: d.p.id,
      code: d.p.code,
      name: d.p.given_name || d.p.family_name ? `${d.p.given_name ?? ''} ${d.p.family_name ?? ''}`.trim() : null,
      phase: d.p.phase,
    },
    home:
      showHome && d.home
        ? {
            unitId: d.home.unit_id,
            label: d.home.label,
            location: d.home.location,
            district: d.home.district,
            municipalityId: d.home.municipality_id,
            municipality: d.home.municipality,
            tenancyId: d.home.tenancy_id,
          }
        : null,
    episodes: d.episodes.map((e) => presentEpisode(e, d, ctx)),
    supportItems: d.support.map(presentSupport),
    abilities: { start: canGuidance.start(ctx, t) && d.p.current_org === null, support: canGuidance.support(ctx, t) },
  };
}

export const episodeOf = (d: GuidanceData, episodeId: string, ctx: AccessContext) => {
  const e = d.episodes.find((x) => x.id === episodeId);
  if (!e) throw new Error(`episode ${episodeId} missing from its participant's guidance`);
  return presentEpisode(e, d, ctx);
};
