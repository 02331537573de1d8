import { z } from 'zod';
import { BOTTLENECK_AREAS, BOTTLENECK_STATUSES } from '../../../shared/livingLab.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';

export const BottleneckParams = z.object({ id: z.uuid() });

export const BottleneckQuery = z.object({
  programmeId: z.uuid().optional(),
  status: z.enum(BOTTLENECK_STATUSES).optional(),
  area: z.enum(BOTTLENECK_AREAS).optional(),
  ...PageQuery,
});

const Title = z.string().trim().min(1).max(200);
const Description = z.string().trim().min(1).max(4000);
const OwnerName = z.string().trim().min(1).max(200);

export const CreateBottleneckBody = z.object({
  programmeId: z.uuid(),
  title: Title,
  description: Description,
  area: z.enum(BOTTLENECK_AREAS),
  ownerOrganisationId: z.uuid().optional(),
  ownerName: OwnerName.optional(),
});

export const UpdateBottleneckBody = z.object({
  version: z.number().int().min(1),
  title: Title.optional(),
  description: Description.optional(),
  area: z.enum(BOTTLENECK_AREAS).optional(),
  ownerOrganisationId: z.uuid().nullable().optional(),
  ownerName: OwnerName.nullable().optional(),
  status: z.enum(BOTTLENECK_STATUSES).optional(),
  solution: z.string().trim().min(1).max(4000).nullable().optional(),
  solvedOn: IsoDate.nullable().optional(),
  /** Why, for the history. */
  note: z.string().trim().max(2000).optional(),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const Bottleneck = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  title: z.string(),
  description: z.string(),
  area: z.enum(BOTTLENECK_AREAS),
  owner: z.object({ organisation: Ref.nullable(), name: z.string().nullable() }),
  status: z.enum(BOTTLENECK_STATUSES),
  solution: z.string().nullable(),
  solvedOn: IsoDate.nullable(),
  proposedBy: Ref.nullable(),
  proposedByOrganisation: Ref.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean() }),
  allowedStatuses: z.array(z.enum(BOTTLENECK_STATUSES)),
});

export const BottleneckDetail = Bottleneck.extend({
  history: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['proposed', 'status_changed', 'edited']),
      statusBefore: z.enum(BOTTLENECK_STATUSES).nullable(),
      statusAfter: z.enum(BOTTLENECK_STATUSES),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
      note: z.string().nullable(),
      recordedBy: Ref.nullable(),
      recordedByOrganisation: Ref.nullable(),
      recordedAt: z.string(),
    }),
  ),
});

export const BottleneckList = z.object({ items: z.array(Bottleneck), nextCursor: z.string().nullable() });
