import type { DeclineParty, DeliveryMode, OfferStep, Role } from '../../../shared/enums.js';
import { DECLINES_BY_DECIDER, decidersOf, type Decider } from './offers.machine.js';

export interface OfferActor {
  roles: Role[];
  organisationId: string;
}

/** The parties of an offer as the policy needs them. */
export interface OfferTarget {
  route: DeliveryMode;
  step: OfferStep;
  providerId: string | null;
  corporationId: string | null;
  allocationOfficeId: string | null;
  sharedOn: string | null;
}

const has = (a: OfferActor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/** Roles that take part in offers at all (route level: others get 403 before anything is looked up). */
export const OFFER_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager', 'corporation', 'allocation_officer'];

/**
 * The parts the caller plays in an offer: the programme office; the guiding care provider's
 * staff; the corporation of the home (once the candidate was shared with it); the allocation
 * office of a scattered offer. The same rule as the row-level policy `app_offer_party` (0020).
 */
export function partsOf(a: OfferActor, t: OfferTarget): Decider[] {
  const out: Decider[] = [];
  if (has(a, 'programme_office')) out.push('office');
  if (has(a, 'care_worker', 'care_manager') && t.providerId === a.organisationId) out.push('provider');
  if (has(a, 'corporation') && t.corporationId === a.organisationId && t.sharedOn !== null) out.push('corporation');
  if (has(a, 'allocation_officer') && t.allocationOfficeId === a.organisationId) out.push('allocation_office');
  return out;
}

/** The parts in which the caller decides the offer's current step. */
export function decidingParts(a: OfferActor, t: OfferTarget): Decider[] {
  const step = decidersOf(t.route, t.step);
  return partsOf(a, t).filter((p) => step.includes(p));
}

export const canOffer = {
  use: (a: OfferActor) => has(a, ...OFFER_ROLES),
  /** The office makes offers on either route; a provider proposes its own candidate on the project route. */
  create: (a: OfferActor) => has(a, 'programme_office', 'care_worker', 'care_manager'),
  /** Roles that may decide some step (route level). */
  decideAny: (a: OfferActor) => has(a, 'programme_office', 'care_worker', 'care_manager', 'corporation', 'allocation_officer'),
  decide: (a: OfferActor, t: OfferTarget) => decidingParts(a, t).length > 0,
  /** The parties whose decline the caller may record at this step. */
  declineParties: (a: OfferActor, t: OfferTarget): DeclineParty[] => [...new Set(decidingParts(a, t).flatMap((p) => DECLINES_BY_DECIDER[p]))],
  /** The office reviews declines (confirm, override, return), cancels offers and reads the dashboards. */
  review: (a: OfferActor) => has(a, 'programme_office'),
  cancel: (a: OfferActor) => has(a, 'programme_office'),
  dashboard: (a: OfferActor) => has(a, 'programme_office'),
  parkings: (a: OfferActor) => has(a, 'programme_office'),
};
