import { z } from 'zod';
import {
  ALL_DECLINE_REASONS,
  CANCEL_REASONS,
  DECLINE_PARTIES,
  DECLINE_REVIEW_OUTCOMES,
  DELIVERY_MODES,
  LEASE_HOLDERS,
  OFFER_STATUSES,
  OFFER_STEPS,
  PARKING_PERIODS,
} from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { PastDate } from '../participants/participants.validation.js';

export const OfferParams = z.object({ id: z.uuid() });

const oneOrMore = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]).optional();

export const OfferQuery = z.object({
  /** Default: the running offers (open and under review). */
  status: oneOrMore(z.enum(OFFER_STATUSES)),
  step: z.enum(OFFER_STEPS).optional(),
  route: z.enum(DELIVERY_MODES).optional(),
  programmeId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  participantId: z.uuid().optional(),
  ...PageQuery,
});

const Note = z.string().trim().max(2000);

export const CreateOfferBody = z.object({
  unitId: z.uuid(),
  /** The participant's id or pseudonymous code. */
  participantId: z.string().trim().min(1).max(60),
  /** Default: the delivery mode of the home's location. */
  route: z.enum(DELIVERY_MODES).optional(),
  /** The allocation office of a scattered offer, when the region has more than one. */
  allocationOfficeId: z.uuid().optional(),
  /** The broad call the candidate came from, if any. */
  callId: z.uuid().optional(),
  note: Note.optional(),
});

export const DecisionBody = z.object({
  /** The step being decided: a decision about a step the offer has left is refused (409). */
  step: z.enum(OFFER_STEPS),
  decision: z.enum(['accept', 'decline']),
  /** Who declined (decline only): the candidate, the care provider or the corporation. */
  party: z.enum(DECLINE_PARTIES).exclude(['expired']).optional(),
  reason: z.enum(ALL_DECLINE_REASONS as [string, ...string[]]).optional(),
  note: Note.optional(),
  /** When it happened; default today. */
  effectiveDate: PastDate.optional(),
  /** Accepting the contract step only: who holds the lease (default: provider on the project route or an intake-home location, else tenant). */
  leaseHolder: z.enum(LEASE_HOLDERS).optional(),
  /** Accepting the contract step only: the monthly rent in cents (default: the location's default rent). */
  rentCents: z.number().int().min(0).max(1_000_000).optional(),
});

export const ReviewBody = z.object({
  outcome: z.enum(DECLINE_REVIEW_OUTCOMES),
  note: Note.optional(),
  /** With `confirm`: park the candidate for a number of days, or indefinitely. */
  park: z.object({ days: z.literal(PARKING_PERIODS).optional(), indefinitely: z.boolean().optional() }).optional(),
  effectiveDate: PastDate.optional(),
});

export const CancelBody = z.object({
  reason: z.enum(CANCEL_REASONS).exclude(['vacancy_filled', 'housed_elsewhere']),
  note: Note.optional(),
  effectiveDate: PastDate.optional(),
});

const Party = z.object({ id: z.uuid(), name: z.string() }).nullable();
const Text = z.object({ nl: z.string(), en: z.string() });

export const Offer = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  route: z.enum(DELIVERY_MODES),
  step: z.enum(OFFER_STEPS),
  stepLabel: Text,
  status: z.enum(OFFER_STATUSES),
  /** The candidate accepted: the offer holds the home until it succeeds or closes. */
  active: z.boolean(),
  stepEnteredOn: IsoDate,
  ageDays: z.number().int(),
  remindOn: IsoDate,
  escalateOn: IsoDate,
  dueOn: IsoDate,
  stalled: z.boolean(),
  unit: z.object({ id: z.uuid(), label: z.string(), location: z.string().nullable(), municipality: z.string().nullable(), rooms: z.number().int().nullable() }),
  /** What this reader may see of the candidate: the landlord side only name, household size and contact, with consent for housing. */
  participant: z.object({
    id: z.uuid().nullable(),
    code: z.string().nullable(),
    name: z.string().nullable(),
    householdSize: z.number().int().nullable(),
    phone: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    sharedWithConsent: z.boolean().optional(),
  }),
  provider: Party,
  corporation: Party,
  allocationOffice: Party,
  sharedOn: IsoDate.nullable(),
  decline: z.object({ party: z.enum(DECLINE_PARTIES), reason: z.string().nullable(), note: z.string().nullable(), declinedOn: IsoDate }).nullable(),
  closedOn: IsoDate.nullable(),
  closeReason: z.string().nullable(),
  callId: z.uuid().nullable(),
  proposalId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({
    accept: z.boolean(),
    decline: z.boolean(),
    declineParties: z.array(z.enum(DECLINE_PARTIES)),
    review: z.boolean(),
    cancel: z.boolean(),
  }),
});

export const OfferEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  step: z.enum(OFFER_STEPS),
  nextStep: z.enum(OFFER_STEPS),
  statusAfter: z.enum(OFFER_STATUSES),
  text: Text,
  party: z.string().nullable(),
  reason: z.string().nullable(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  effectiveDate: IsoDate,
  recordedAt: z.string(),
  source: z.string(),
  organisation: z.string().nullable(),
});

export const OfferDetail = Offer.extend({ history: z.array(OfferEvent), parked: z.object({ until: IsoDate.nullable() }).nullable().optional() });
export const OfferList = z.object({ items: z.array(Offer), nextCursor: z.string().nullable() });

export const DashboardQuery = z.object({
  programmeId: z.uuid().optional(),
  /** Vacancies: homes available for longer than this many days. */
  vacancyDays: z.coerce.number().int().min(0).max(3650).default(30),
  date: IsoDate.optional(),
});

const Age = z.object({ upTo7: z.number().int(), upTo14: z.number().int(), upTo30: z.number().int(), over30: z.number().int() });
export const Dashboard = z.object({
  asOf: IsoDate,
  openByStep: z.array(z.object({ route: z.enum(DELIVERY_MODES), step: z.enum(OFFER_STEPS), open: z.number().int(), underReview: z.number().int(), stalled: z.number().int(), oldestDays: z.number().int(), ages: Age })),
  timeBetweenSteps: z.array(z.object({ route: z.enum(DELIVERY_MODES), step: z.enum(OFFER_STEPS), completed: z.number().int(), medianDays: z.number(), p90Days: z.number(), maxDays: z.number() })),
  declinesByParty: z.array(z.object({ party: z.enum(DECLINE_PARTIES), reason: z.string(), total: z.number().int(), confirmed: z.number().int(), overridden: z.number().int(), returned: z.number().int(), pending: z.number().int() })),
  outcomes: z.object({ succeeded: z.number().int(), declined: z.number().int(), cancelled: z.number().int(), running: z.number().int() }),
  vacancies: z.array(z.object({ unitId: z.uuid(), label: z.string(), location: z.string().nullable(), municipality: z.string(), availableSince: IsoDate, days: z.number().int(), openOffers: z.number().int() })),
});

export const ParkingQuery = z.object({ ...PageQuery });
export const Parking = z.object({
  id: z.uuid(),
  participant: z.object({ id: z.uuid(), code: z.string(), name: z.string().nullable() }),
  parkedFrom: IsoDate,
  parkedUntil: IsoDate.nullable(),
  reason: z.string(),
  offerId: z.uuid().nullable(),
  endedOn: IsoDate.nullable(),
});
export const ParkingList = z.object({ items: z.array(Parking), nextCursor: z.string().nullable() });
export const EndParkingBody = z.object({ effectiveDate: PastDate.optional(), note: Note.optional() });
