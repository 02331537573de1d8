import type { Role } from '../../../shared/enums.js';

interface Actor {
  roles: Role[];
  organisationId: string;
}
const has = (a: Actor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/** Roles that may reach the measurement routes at all (the record check follows per participant). */
export const MEASUREMENT_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager'];
/** Roles that see aggregated trajectories: municipalities only ever see these, suppressed. */
export const TRAJECTORY_ROLES: Role[] = ['programme_office', 'municipality'];

/**
 * Who may record and read a participant's ZRM measurements: the programme office, and care staff
 * of the organisation that guides the participant (the provider, or the neighbourhood team after a
 * scale-down). A referrer or a provider only consulted about a home does not see the scores.
 */
export function canMeasure(a: Actor, relations: readonly string[]): boolean {
  if (has(a, 'programme_office')) return true;
  return has(a, 'care_worker', 'care_manager') && relations.some((r) => r === 'provider' || r === 'neighbourhood_team');
}

/**
 * The schedule of an organisation: the office for any organisation, care staff for their own
 * (the default when no organisation is named).
 */
export function canSeeSchedule(a: Actor, organisationId: string): boolean {
  if (has(a, 'programme_office')) return true;
  return has(a, 'care_worker', 'care_manager') && organisationId === a.organisationId;
}

/** Municipalities see group figures with cells under 5 people suppressed. */
export const suppressFor = (a: Actor): boolean => !has(a, 'programme_office');
