import { z } from 'zod';
import { HOUSING_FORMS, ORGANISATION_KINDS, TARGET_GROUPS } from '../../../shared/enums.js';
import { IsoDate } from '../../http/openapi.js';

export const ProgrammeIdParams = z.object({ id: z.uuid() });

export const CreatePledgeBody = z.object({
  municipalityId: z.uuid(),
  places: z.number().int().min(1).max(500),
  targetGroup: z.enum(TARGET_GROUPS),
  form: z.enum(HOUSING_FORMS),
  pledgedOn: IsoDate,
  partnerIds: z.array(z.uuid()).min(1).max(20),
  trancheId: z.uuid().optional(),
  notes: z.string().trim().max(2000).optional(),
});

export const Pledge = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  municipalityId: z.uuid(),
  municipality: z.string(),
  places: z.number().int(),
  targetGroup: z.enum(TARGET_GROUPS),
  form: z.enum(HOUSING_FORMS),
  pledgedOn: IsoDate,
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) })),
  trancheId: z.uuid().nullable(),
  tranche: z.string().nullable(),
  notes: z.string().nullable(),
  unitCount: z.number().int(),
});
export const PledgeList = z.object({ items: z.array(Pledge), nextCursor: z.string().nullable() });

export const Tranche = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  capacity: z.number().int(),
  providerId: z.uuid().nullable(),
  provider: z.string().nullable(),
  deadline: IsoDate.nullable(),
  unitCount: z.number().int(),
});
export const TrancheList = z.object({ items: z.array(Tranche), nextCursor: z.string().nullable() });
