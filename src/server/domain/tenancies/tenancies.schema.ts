import { z } from 'zod';
import { LEASE_FLIP_KINDS, LEASE_HOLDERS, TENANCY_END_REASONS, TENANCY_UNIT_OUTCOMES } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { PastDate } from '../participants/participants.validation.js';

export const TenancyParams = z.object({ id: z.uuid() });
export const ProgrammeParams = z.object({ id: z.uuid() });

const Note = z.string().trim().max(2000);
const Version = z.number().int().min(1);
/** Rent in euro cents per month. */
const RentCents = z.number().int().min(0).max(1_000_000);

export const TenancyQuery = z.object({
  programmeId: z.uuid().optional(),
  providerId: z.uuid().optional(),
  corporationId: z.uuid().optional(),
  leaseHolder: z.enum(LEASE_HOLDERS).optional(),
  /** current: not ended; ended: with an end date. Default: both. */
  status: z.enum(['current', 'ended']).optional(),
  participantId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  ...PageQuery,
});

export const CreateTenancyBody = z.object({
  /** An allocated (or available) home of the programme. */
  unitId: z.uuid(),
  /** The participant's id or pseudonymous code: ready or matched. */
  participantId: z.string().trim().min(1).max(60),
  startDate: PastDate,
  /** Default: provider on an intake-home or project location, else tenant. */
  leaseHolder: z.enum(LEASE_HOLDERS).optional(),
  /** Default: the location's default rent; unknown (null) when that is not set either. */
  rentCents: RentCents.optional(),
  note: Note.optional(),
});

export const MoveInBody = z.object({
  date: PastDate,
  /** The version read; when given, a stale one is refused with 409. */
  version: Version.optional(),
});

export const EndBody = z.object({
  endDate: PastDate,
  reason: z.enum(TENANCY_END_REASONS),
  note: Note.optional(),
  unitOutcome: z.enum(TENANCY_UNIT_OUTCOMES),
  /** With moved_within_programme: the home of the programme the tenant moves to. */
  nextUnitId: z.uuid().optional(),
  version: Version,
});

export const RentBody = z.object({ rentCents: RentCents, effectiveDate: PastDate, version: Version });

export const CheckBody = z.object({
  criterionId: z.uuid(),
  met: z.boolean(),
  checkedOn: PastDate,
  evidence: z.string().trim().min(1).max(2000).optional(),
});

export const FlipBody = z.object({ date: PastDate, version: Version });

export const CriterionInput = z.object({
  /** An existing criterion to keep (and relabel); without it a new one is added. */
  id: z.uuid().optional(),
  kind: z.enum(LEASE_FLIP_KINDS),
  labelNl: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  /** rent_paid_on_time: the number of months. */
  months: z.number().int().min(1).max(60).nullable().optional(),
});
export const CriteriaBody = z.object({ items: z.array(CriterionInput).max(30) });

const Text = z.object({ nl: z.string(), en: z.string() });
const Party = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const Criterion = z.object({
  id: z.uuid(),
  kind: z.enum(LEASE_FLIP_KINDS),
  labelNl: z.string(),
  labelEn: z.string(),
  months: z.number().int().nullable(),
  position: z.number().int(),
  /** no_open_nuisance is computed from open incidents; the others are recorded. */
  computed: z.boolean(),
});
export const CriteriaList = z.object({ programmeId: z.uuid(), items: z.array(Criterion) });

/** What the reader may see of the tenant: the office and guiding provider know the person; the landlord only name, household size and contact, with consent. */
const Tenant = z.object({
  id: z.uuid().nullable(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  householdSize: z.number().int().nullable(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  sharedWithConsent: z.boolean().optional(),
});

export const Tenancy = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  leaseHolder: z.enum(LEASE_HOLDERS),
  status: z.enum(['current', 'ended']),
  startDate: IsoDate,
  movedInOn: IsoDate.nullable(),
  flippedOn: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  endReason: z.enum(TENANCY_END_REASONS).nullable(),
  rentCents: z.number().int().nullable(),
  /** A protected address (domestic violence): only the guiding provider and the landlord see the home. */
  addressProtected: z.boolean(),
  unit: z.object({ id: z.uuid().nullable(), label: z.string().nullable(), location: z.string().nullable(), municipality: z.string().nullable() }),
  participant: Tenant,
  corporation: Party,
  provider: Party,
  offerId: z.uuid().nullable(),
  nextTenancyId: z.uuid().nullable(),
  version: z.number().int(),
});
export const TenancyList = z.object({ items: z.array(Tenancy), nextCursor: z.string().nullable() });

const Check = z.object({
  id: z.uuid(),
  met: z.boolean(),
  checkedOn: IsoDate,
  evidence: z.string().nullable(),
  organisation: z.string().nullable(),
  recordedAt: z.string(),
});

export const ChecklistItem = Criterion.extend({
  /** met / not_met (latest check or computation), open: nothing recorded yet. */
  status: z.enum(['met', 'not_met', 'open']),
  latest: Check.nullable(),
  history: z.array(Check),
  /** no_open_nuisance: the open incidents of the tenancy. */
  openIncidents: z.number().int().optional(),
  /** rent_paid_on_time: the first day a `met` check may be dated (start + months). */
  earliestMetOn: IsoDate.nullable().optional(),
  canRecord: z.boolean(),
});

export const TenancyDetail = Tenancy.extend({
  household: z.object({ adults: z.number().int(), children: z.number().int() }).nullable(),
  endNote: z.string().nullable(),
  leases: z.array(
    z.object({ id: z.uuid(), leaseHolder: z.enum(LEASE_HOLDERS), holder: z.string().nullable(), startDate: IsoDate, endDate: IsoDate.nullable(), rentCents: z.number().int().nullable() }),
  ),
  checklist: z.object({ items: z.array(ChecklistItem), complete: z.boolean(), corporationConsent: z.boolean(), missing: z.array(Text) }),
  events: z.array(z.object({ id: z.uuid(), kind: z.string(), effectiveDate: IsoDate, text: Text, recordedAt: z.string() })),
  timeline: z.array(z.object({ kind: z.string(), date: IsoDate.nullable(), text: Text, done: z.boolean() })),
  abilities: z.object({
    moveIn: z.boolean(),
    end: z.boolean(),
    flip: z.boolean(),
    recordChecks: z.boolean(),
    setRent: z.boolean(),
  }),
});

export const FiguresQuery = z.object({ date: IsoDate.optional() });
export const Figures = z.object({
  asOf: IsoDate,
  current: z.object({ total: z.number().int(), provider: z.number().int(), tenant: z.number().int(), notMovedIn: z.number().int() }),
  flips: z.object({ n: z.number().int(), medianDays: z.number().nullable(), meanDays: z.number().nullable() }),
  ended: z.array(z.object({ reason: z.enum(TENANCY_END_REASONS), n: z.number().int() })),
  total: z.number().int(),
});
