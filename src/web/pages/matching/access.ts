// What the matching pages offer, by role. The server decides every request (calls.policy.ts,
// offers.policy.ts, matching.policy.ts); this only avoids offering what would be refused.

import type { Me, Role } from '../../api/types';

const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));

export const matchingAccess = {
  /** Broad calls: the office and care staff (canCall.read). */
  calls: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager']),
  createCall: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  /** Offers: every party (canOffer.use). */
  offers: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager', 'corporation', 'allocation_officer']),
  /** The ranking of a home and the dashboard: the office (canMatch.rank, canOffer.dashboard). */
  office: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
};

export const CALLS_PATH = '/uitvragen';
export const OFFERS_PATH = '/aanbiedingen';
export const OFFER_DASHBOARD_PATH = '/aanbiedingen/overzicht';
export const callPath = (id: string) => `${CALLS_PATH}/${encodeURIComponent(id)}`;
export const offerPath = (id: string) => `${OFFERS_PATH}/${encodeURIComponent(id)}`;
export const rankingPath = (unitId: string) => `/woningen/${encodeURIComponent(unitId)}/rangorde`;
