import { z } from 'zod';
import { UNIT_STATUSES } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';

export const IdParams = z.object({ id: z.uuid() });

export const UsageQuery = z.object({
  /** First month (default: the programme's start). */
  from: IsoDate.optional(),
  /** Last date (default: today, at most the programme's end). */
  to: IsoDate.optional(),
});

const Point = z.object({ date: IsoDate, capacity: z.number().int(), used: z.number().int(), units: z.number().int() });

export const TrancheUsage = z.object({
  items: z.array(
    z.object({
      trancheId: z.uuid(),
      number: z.number().int(),
      name: z.string(),
      providerId: z.uuid().nullable(),
      provider: z.string().nullable(),
      deadline: IsoDate.nullable(),
      /** The original (contracted) capacity; changes are capacity events. */
      originalCapacity: z.number().int(),
      current: Point.extend({ free: z.number().int() }),
      series: z.array(Point),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const PreviewQuery = z.object({ cutoffDate: IsoDate });

const PreviewUnit = z.object({
  id: z.uuid(),
  label: z.string(),
  location: z.string().nullable(),
  statusAtCutoff: z.enum(UNIT_STATUSES).nullable(),
  status: z.enum(UNIT_STATUSES),
});

const TrancheRef = z.object({ id: z.uuid(), number: z.number().int(), name: z.string() });

export const RolloverPreview = z.object({
  fromTranche: TrancheRef,
  toTranche: TrancheRef,
  cutoffDate: IsoDate,
  /** The day the move takes effect (the day after the cutoff). */
  effectiveDate: IsoDate,
  losingProvider: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  capacityAtCutoff: z.number().int(),
  usedCount: z.number().int(),
  places: z.number().int(),
  unitCount: z.number().int(),
  unassignedPlaces: z.number().int(),
  units: z.array(PreviewUnit),
  /** Capacity of both tranches before and after, on the effective date. */
  fromCapacity: z.object({ before: z.number().int(), after: z.number().int() }),
  toCapacity: z.object({ before: z.number().int(), after: z.number().int() }),
  /** Send back with the confirmation: if the data changed since, the confirmation is refused. */
  previewHash: z.string(),
  /** Set when this rollover was already confirmed (a second one is refused). */
  appliedRolloverId: z.uuid().nullable(),
});

export const RolloverBody = z.object({
  cutoffDate: IsoDate,
  previewHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const Rollover = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  fromTranche: TrancheRef,
  toTranche: TrancheRef,
  cutoffDate: IsoDate,
  places: z.number().int(),
  unitIds: z.array(z.uuid()),
  losingProvider: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string(),
});
export const RolloverList = z.object({ items: z.array(Rollover), nextCursor: z.string().nullable() });
export const ListQuery = z.object({ ...PageQuery });

// —— Contingents ——

export const ContingentQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), ...PageQuery });

const Percent = z.number().min(0).max(100);

export const CreateContingentBody = z.object({
  providerId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  homes: z.number().int().min(0).max(100000),
  intakeTargetPercent: Percent.default(30),
});

export const UpdateContingentBody = z
  .object({
    version: z.number().int().min(1),
    homes: z.number().int().min(0).max(100000).optional(),
    intakeTargetPercent: Percent.optional(),
  })
  .refine((b) => b.homes !== undefined || b.intakeTargetPercent !== undefined, {
    message: 'Niets te wijzigen / nothing to change',
    params: { nl: 'Geef het aantal woningen of het doelpercentage op.', en: 'Give the number of homes or the target percentage.' },
  });

export const Contingent = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  providerId: z.uuid(),
  provider: z.string(),
  year: z.number().int(),
  homes: z.number().int(),
  intakeTargetPercent: z.number(),
  /** Tenancies of the provider started in the year, and those whose first lease the provider held. */
  tenanciesStarted: z.number().int(),
  intakeHomes: z.number().int(),
  sharePercent: z.number().nullable(),
  targetHomes: z.number().int(),
  gapHomes: z.number().int(),
  onTrack: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});
export const ContingentList = z.object({ items: z.array(Contingent), nextCursor: z.string().nullable() });
