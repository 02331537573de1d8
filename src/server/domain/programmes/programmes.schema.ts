import { z } from 'zod';
import { HOUSING_FORMS, ORGANISATION_KINDS } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';

export const ProgrammeParams = z.object({ id: z.uuid() });

export const Programme = z.object({
  id: z.uuid(),
  name: z.string(),
  regionId: z.uuid(),
  regionName: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  target: z.number().int(),
  budgetCents: z.number().int(),
});
export const ProgrammeList = z.object({ items: z.array(Programme), nextCursor: z.string().nullable() });
export const ProgrammeListQuery = z.object({ ...PageQuery });

export const ProgrammeDetail = Programme.extend({
  reviewMoments: z.array(z.object({ id: z.uuid(), date: IsoDate, title: z.string(), notes: z.string().nullable() })),
});

export const CounterQuery = z.object({ date: IsoDate.optional() });
const Tally = { realised: z.number().int(), pipeline: z.number().int() };
export const Counter = z.object({
  date: IsoDate,
  target: z.number().int(),
  ambition: z.number().int(),
  realised: z.number().int(),
  pipeline: z.number().int(),
  byMunicipality: z.array(z.object({ municipalityId: z.uuid(), municipality: z.string(), ...Tally })),
  byPartner: z.array(
    z.object({ organisationId: z.uuid(), organisation: z.string(), kind: z.enum(ORGANISATION_KINDS), ...Tally }),
  ),
  byForm: z.array(z.object({ form: z.enum(HOUSING_FORMS), ...Tally })),
  byTranche: z.array(
    z.object({ trancheId: z.uuid().nullable(), tranche: z.string().nullable(), capacity: z.number().int().nullable(), ...Tally }),
  ),
});

export const CounterHistoryQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const CounterHistory = z.object({
  items: z.array(
    z.object({
      date: IsoDate,
      realised: z.number().int(),
      pipeline: z.number().int(),
      ambition: z.number().int(),
      target: z.number().int(),
    }),
  ),
});
