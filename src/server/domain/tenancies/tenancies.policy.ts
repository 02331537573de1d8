import type { LeaseFlipKind, Role } from '../../../shared/enums.js';

export interface TenancyActor {
  roles: Role[];
  organisationId: string;
}

/** What the policy needs of a tenancy. */
export interface TenancyTarget {
  providerId: string | null;
  corporationId: string | null;
}

const has = (a: TenancyActor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Roles that work with tenancies: the programme office, the guiding provider's care staff and
 * the corporation (the landlord). Which tenancies they see is row-level security's business
 * (policy tenancy_scope: whoever sees the participant, or the corporation of the home).
 */
export const TENANCY_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager', 'corporation'];

const careOf = (a: TenancyActor, t: TenancyTarget) => has(a, 'care_worker', 'care_manager') && t.providerId === a.organisationId;
const managerOf = (a: TenancyActor, t: TenancyTarget) => has(a, 'care_manager') && t.providerId === a.organisationId;
const landlordOf = (a: TenancyActor, t: TenancyTarget) => has(a, 'corporation') && t.corporationId === a.organisationId;

export const canTenancy = {
  use: (a: TenancyActor) => has(a, ...TENANCY_ROLES),
  /** A tenancy outside the offer flow (a home the office allocated itself). */
  create: (a: TenancyActor) => has(a, 'programme_office'),
  /** The keys: the office or the guiding provider (the participant becomes housed). */
  moveInAny: (a: TenancyActor) => has(a, 'programme_office', 'care_worker', 'care_manager'),
  moveIn: (a: TenancyActor, t: TenancyTarget) => has(a, 'programme_office') || careOf(a, t),
  /** The end moves the participant to exited: the office or the guiding provider's manager (as an exit). */
  endAny: (a: TenancyActor) => has(a, 'programme_office', 'care_manager'),
  end: (a: TenancyActor, t: TenancyTarget) => has(a, 'programme_office') || managerOf(a, t),
  /** Recording checks: the office and the guiding provider; the corporation its own consent and the rent. */
  recordAny: (a: TenancyActor) => has(a, ...TENANCY_ROLES),
  record: (a: TenancyActor, t: TenancyTarget, kind: LeaseFlipKind): boolean => {
    if (kind === 'no_open_nuisance') return false;
    if (kind === 'corporation_agrees') return landlordOf(a, t);
    if (kind === 'rent_paid_on_time') return has(a, 'programme_office') || careOf(a, t) || landlordOf(a, t);
    return has(a, 'programme_office') || careOf(a, t);
  },
  /** The flip itself: the office, the guiding provider's manager or the landlord. */
  flipAny: (a: TenancyActor) => has(a, 'programme_office', 'care_manager', 'corporation'),
  flip: (a: TenancyActor, t: TenancyTarget) => has(a, 'programme_office') || managerOf(a, t) || landlordOf(a, t),
  /** The rent: the office, the guiding provider's manager or the landlord. */
  rentAny: (a: TenancyActor) => has(a, 'programme_office', 'care_manager', 'corporation'),
  rent: (a: TenancyActor, t: TenancyTarget) => has(a, 'programme_office') || managerOf(a, t) || landlordOf(a, t),
  /** The checklist: read by everyone who works with tenancies, configured by the office. */
  readCriteria: (a: TenancyActor) => has(a, ...TENANCY_ROLES),
  editCriteria: (a: TenancyActor) => has(a, 'programme_office'),
  figures: (a: TenancyActor) => has(a, 'programme_office'),
  /** Care staff of the provider and the office see the person; the landlord only the landlord view. */
  seesPerson: (a: TenancyActor, t: TenancyTarget) => has(a, 'programme_office') || careOf(a, t),
};
