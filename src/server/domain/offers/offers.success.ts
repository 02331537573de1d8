import type { Tx } from '../../db/client.js';
import type { AccessContext } from '../../http/context.js';
import type { DeliveryMode } from '../../../shared/enums.js';
import { createFromOffer, type TenancyTerms } from '../tenancies/tenancies.service.js';

/** What is known when an offer succeeds (the lease is signed). */
export interface OfferSuccess {
  offerId: string;
  unitId: string;
  participantId: string;
  route: DeliveryMode;
  contractSignedOn: string;
  /** Lease holder and rent named when the contract was signed (the contract step's body); else their defaults. */
  terms?: TenancyTerms;
}

/**
 * The seam for tenancies: called once, in the same transaction, after an offer succeeded — the
 * home is `allocated`, the participant `matched`, the other open offers of both are cancelled.
 * The tenancy starts here on the contract date (docs/tenancies.md): lease holder and rent as
 * named at signing, else the provider on the project route or an intake-home location and the
 * tenant otherwise, and the location's default rent. The home waits for the keys (move-in:
 * `occupied`, `housed`).
 */
export async function onOfferSucceeded(tx: Tx, ctx: AccessContext, success: OfferSuccess): Promise<void> {
  await createFromOffer(tx, ctx, success.offerId, success.contractSignedOn, success.terms);
}
