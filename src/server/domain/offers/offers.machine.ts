import {
  DECLINE_REASONS,
  type DeclineParty,
  type DeclineReviewOutcome,
  type DeliveryMode,
  type OfferStatus,
  type OfferStep,
} from '../../../shared/enums.js';

type Text = { nl: string; en: string };

/**
 * The offer workflow (docs/matching.md). An offer waits at one step at a time; the party of the
 * step accepts (the offer moves on) or declines (the decline goes to the office's review). The
 * two routes of domain.md:
 *
 * - project: the provider proposes → the corporation accepts → the participant accepts → the
 *   contract is signed (provider and corporation decide directly);
 * - scattered: through the allocation office (Het Vierde Huis), which records receipt → offered
 *   to the candidate → viewing → the candidate accepts → the contract is signed.
 *
 * The candidate's acceptance makes the offer *active*: it then holds the home and the person
 * until it succeeds or closes (at most one per home and per person — the database enforces it).
 * Signing the contract is success: the home becomes allocated, the person matched.
 */
export const ROUTE_STEPS: Record<DeliveryMode, readonly OfferStep[]> = {
  project: ['provider_proposal', 'corporation_decision', 'candidate_decision', 'contract'],
  scattered: ['receipt', 'offer_to_candidate', 'viewing', 'candidate_decision', 'contract'],
};

/** The step after `step` on `route`, or 'succeeded' after the contract. */
export function stepAfter(route: DeliveryMode, step: OfferStep): OfferStep | 'succeeded' {
  const steps = ROUTE_STEPS[route];
  const i = steps.indexOf(step);
  return i === steps.length - 1 ? 'succeeded' : steps[i + 1];
}

/** Who decides a step: the guiding care provider, the corporation of the home, the allocation office or the programme office. */
export type Decider = 'provider' | 'corporation' | 'allocation_office' | 'office';

/** The deciders of each step per route. The office records the candidate's answer too (the person may tell them). */
export function decidersOf(route: DeliveryMode, step: OfferStep): Decider[] {
  if (route === 'scattered') return ['allocation_office'];
  switch (step) {
    case 'provider_proposal':
      return ['provider'];
    case 'corporation_decision':
    case 'contract':
      return ['corporation'];
    case 'candidate_decision':
      return ['provider', 'office'];
    default:
      return [];
  }
}

/** Which parties' declines a decider may record: their own, and the candidate's for those who speak with them. */
export const DECLINES_BY_DECIDER: Record<Decider, readonly DeclineParty[]> = {
  provider: ['client', 'provider'],
  corporation: ['corporation'],
  // The allocation office records every party's answer on the scattered route.
  allocation_office: ['client', 'provider', 'corporation'],
  office: ['client'],
};

/** What accepting each step means, for events, notifications and the CSV of the allocation office. */
export const STEP_LABELS: Record<OfferStep, { waiting: Text; done: Text }> = {
  provider_proposal: {
    waiting: { nl: 'wacht op de voordracht van de zorgaanbieder', en: 'waiting for the care provider to propose' },
    done: { nl: 'voorgedragen door de zorgaanbieder', en: 'proposed by the care provider' },
  },
  corporation_decision: {
    waiting: { nl: 'wacht op het besluit van de corporatie', en: "waiting for the corporation's decision" },
    done: { nl: 'geaccepteerd door de corporatie', en: 'accepted by the corporation' },
  },
  receipt: {
    waiting: { nl: 'wacht op ontvangst door Het Vierde Huis', en: 'waiting for receipt by the allocation office' },
    done: { nl: 'ontvangen door Het Vierde Huis', en: 'received by the allocation office' },
  },
  offer_to_candidate: {
    waiting: { nl: 'wacht op het aanbieden aan de kandidaat', en: 'waiting to be offered to the candidate' },
    done: { nl: 'aangeboden aan de kandidaat', en: 'offered to the candidate' },
  },
  viewing: {
    waiting: { nl: 'wacht op de bezichtiging', en: 'waiting for the viewing' },
    done: { nl: 'bezichtigd', en: 'viewing held' },
  },
  candidate_decision: {
    waiting: { nl: 'wacht op het besluit van de kandidaat', en: "waiting for the candidate's decision" },
    done: { nl: 'geaccepteerd door de kandidaat', en: 'accepted by the candidate' },
  },
  contract: {
    waiting: { nl: 'wacht op ondertekening van het huurcontract', en: 'waiting for the lease to be signed' },
    done: { nl: 'huurcontract getekend', en: 'lease signed' },
  },
};

/**
 * Time per step, in days since the step began (reference.md's stalled intervals): a reminder to
 * the step's party after `remind`, an escalation to the programme office after `escalate`, and
 * after `expire` the offer is declined as "expired" and goes to the office's review.
 */
export const STEP_DEADLINES: Record<OfferStep, { remind: number; escalate: number; expire: number }> = {
  provider_proposal: { remind: 7, escalate: 10, expire: 14 },
  corporation_decision: { remind: 7, escalate: 10, expire: 14 },
  receipt: { remind: 3, escalate: 7, expire: 14 },
  offer_to_candidate: { remind: 7, escalate: 10, expire: 21 },
  viewing: { remind: 10, escalate: 14, expire: 30 },
  candidate_decision: { remind: 7, escalate: 10, expire: 14 },
  contract: { remind: 14, escalate: 30, expire: 60 },
};

/** Parking (reference.md): after this many confirmed declines by the candidate within a year, park them for PARK_DAYS. */
export const PARK_AFTER_DECLINES = 2;
export const PARK_DAYS = 90;

/** Statuses in which an offer is still running (the office's review of a decline included). */
export const OPEN_STATUSES: readonly OfferStatus[] = ['open', 'decline_review'];

export const PARTY_LABELS: Record<DeclineParty, Text> = {
  client: { nl: 'de kandidaat', en: 'the candidate' },
  provider: { nl: 'de zorgaanbieder', en: 'the care provider' },
  corporation: { nl: 'de corporatie', en: 'the corporation' },
  expired: { nl: 'verlopen (termijn voorbij)', en: 'expired (deadline passed)' },
};

/** Checks a decline's party and reason: the reason must come from the party's list; `other` needs a note. */
export function declineProblems(party: DeclineParty, reason: string | undefined, note: string | undefined): { path: string; nl: string; en: string }[] {
  const list: readonly string[] = DECLINE_REASONS[party];
  if (!reason) return [{ path: 'reason', nl: `Kies een reden: ${list.join(', ')}`, en: `Choose a reason: ${list.join(', ')}` }];
  if (!list.includes(reason)) {
    return [{ path: 'reason', nl: `Deze reden hoort niet bij ${PARTY_LABELS[party].nl}; kies uit: ${list.join(', ')}`, en: `This reason does not belong to ${PARTY_LABELS[party].en}; choose from: ${list.join(', ')}` }];
  }
  if (reason === 'other' && !note?.trim()) return [{ path: 'note', nl: 'Licht de reden “anders” toe', en: 'Explain the reason “other”' }];
  return [];
}

/** Why the office's review outcome cannot apply to this offer, or null. */
export function reviewRefusal(route: DeliveryMode, step: OfferStep, outcome: DeclineReviewOutcome): Text | null {
  if (outcome === 'override' && step === 'contract') {
    return {
      nl: 'Een afwijzing van het huurcontract kan niet worden overruled: een contract wordt getekend of niet. Bevestig de afwijzing of stuur haar terug.',
      en: 'A decline of the lease cannot be overridden: a contract is signed or not. Confirm the decline or return it.',
    };
  }
  if (!ROUTE_STEPS[route].includes(step)) return { nl: 'Onbekende stap voor deze route.', en: 'Unknown step for this route.' };
  return null;
}
