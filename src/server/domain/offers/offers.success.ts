import type { Tx } from '../../db/client.js';
import type { AccessContext } from '../../http/context.js';
import type { DeliveryMode } from '../../../shared/enums.js';

/** What is known when an offer succeeds (the lease is signed). */
export interface OfferSuccess {
  offerId: string;
  unitId: string;
  participantId: string;
  route: DeliveryMode;
  contractSignedOn: string;
}

/**
 * The seam for tenancies: called once, in the same transaction, after an offer succeeded — the
 * home is `allocated`, the participant `matched`, the other open offers of both are cancelled.
 * Issue 6 creates the tenancy (lease holder: the provider of an intake home or the tenant) here.
 * Until then nothing more happens: the home waits for the move-in (`occupied`, `housed`).
 */
export async function onOfferSucceeded(_tx: Tx, _ctx: AccessContext, _success: OfferSuccess): Promise<void> {
  // Intentionally empty until tenancies exist (issue 6).
}
