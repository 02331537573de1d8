import { z } from 'zod';
import { DELIVERY_MODES, HOUSING_FORMS } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { Unit } from '../units/units.schema.js';

export const LocationParams = z.object({ id: z.uuid() });
export const LocationQuery = z.object({
  programmeId: z.uuid().optional(),
  municipalityId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  ...PageQuery,
});

const fields = {
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300).nullable().optional(),
  municipalityId: z.uuid(),
  district: z.string().trim().max(120).nullable().optional(),
  form: z.enum(HOUSING_FORMS),
  deliveryMode: z.enum(DELIVERY_MODES),
  corporationId: z.uuid().nullable().optional(),
  providerId: z.uuid().nullable().optional(),
  expectedDate: IsoDate.nullable().optional(),
};

export const CreateLocationBody = z.object({ programmeId: z.uuid(), ...fields });
export const UpdateLocationBody = z
  .object({
    version: z.number().int().min(1),
    name: fields.name.optional(),
    address: fields.address,
    municipalityId: fields.municipalityId.optional(),
    district: fields.district,
    form: fields.form.optional(),
    deliveryMode: fields.deliveryMode.optional(),
    corporationId: fields.corporationId,
    providerId: fields.providerId,
    expectedDate: fields.expectedDate,
  });

export const Location = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  municipalityId: z.uuid(),
  municipality: z.string(),
  district: z.string().nullable(),
  form: z.enum(HOUSING_FORMS),
  deliveryMode: z.enum(DELIVERY_MODES),
  corporationId: z.uuid().nullable(),
  corporation: z.string().nullable(),
  providerId: z.uuid().nullable(),
  provider: z.string().nullable(),
  expectedDate: IsoDate.nullable(),
  unitCount: z.number().int(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});
export const LocationList = z.object({ items: z.array(Location), nextCursor: z.string().nullable() });
export const LocationDetail = Location.extend({ units: z.array(Unit) });
