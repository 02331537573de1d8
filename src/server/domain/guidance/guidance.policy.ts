import type { ParticipantRelation, Role } from '../../../shared/enums.js';

export interface GuidanceActor {
  roles: Role[];
  organisationId: string;
}

/** What the policy knows of a participant's guidance. */
export interface GuidanceTarget {
  /** Relations of the caller's organisation with the participant. */
  relations: ParticipantRelation[];
  /** Organisations that guide or guided the participant (any episode). */
  guidingOrganisationIds: string[];
  /** The organisation of the current (open) episode, if any. */
  currentOrganisationId: string | null;
}

const has = (a: GuidanceActor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));
const care = (a: GuidanceActor) => has(a, 'care_worker', 'care_manager');

/** Roles that work with guidance at all (route level: others get 403 before anything is looked up). */
export const GUIDANCE_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager'];

/**
 * Who may do what with guidance. The programme office reads everything and may correct; the
 * care staff of an organisation that guides or guided the person (or is its provider, or the
 * neighbourhood team that took over) read it; only the staff of the organisation of the current
 * episode write in it. Contact notes are health data: only the organisation of that episode and
 * the programme office read them.
 */
export const canGuidance = {
  use: (a: GuidanceActor) => has(a, ...GUIDANCE_ROLES),
  read: (a: GuidanceActor, t: GuidanceTarget) =>
    has(a, 'programme_office') ||
    (care(a) && (t.relations.includes('provider') || t.relations.includes('neighbourhood_team') || t.guidingOrganisationIds.includes(a.organisationId))),
  /** Start an episode: the office, or the participant's provider / neighbourhood team for their own organisation. */
  start: (a: GuidanceActor, t: GuidanceTarget) =>
    has(a, 'programme_office') || (care(a) && (t.relations.includes('provider') || t.relations.includes('neighbourhood_team'))),
  /** Change intensity, plan, contacts, hand over or end the current episode. */
  writeEpisode: (a: GuidanceActor, episodeOrganisationId: string) => has(a, 'programme_office') || (care(a) && a.organisationId === episodeOrganisationId),
  /** Support items: the office, the current guiding organisation, or the provider while nobody guides. */
  support: (a: GuidanceActor, t: GuidanceTarget) =>
    has(a, 'programme_office') ||
    (care(a) && (t.currentOrganisationId === a.organisationId || (t.currentOrganisationId === null && t.relations.includes('provider')))),
  readNotes: (a: GuidanceActor, episodeOrganisationId: string) => has(a, 'programme_office') || (care(a) && a.organisationId === episodeOrganisationId),
  /** The caseload of an organisation: its own care staff, and the office for any organisation. */
  caseload: (a: GuidanceActor, organisationId: string) => has(a, 'programme_office') || (care(a) && a.organisationId === organisationId),
};
