import { z } from 'zod';
import { HOUSING_FORMS, UNIT_STATUSES } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { INITIAL_UNIT_STATUSES } from './units.machine.js';

export const UnitParams = z.object({ id: z.uuid() });

export const UnitQuery = z.object({
  programmeId: z.uuid().optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  municipalityId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  trancheId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  ...PageQuery,
});

const Label = z.string().trim().min(1).max(120);
const Note = z.string().trim().max(2000);

export const CreateUnitBody = z.object({
  programmeId: z.uuid(),
  municipalityId: z.uuid(),
  label: Label,
  form: z.enum(HOUSING_FORMS),
  status: z.enum(INITIAL_UNIT_STATUSES).default('pledged'),
  effectiveDate: IsoDate,
  pledgeId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  trancheId: z.uuid().optional(),
  rooms: z.number().int().min(1).max(12).optional(),
  expectedDate: IsoDate.optional(),
  note: Note.optional(),
});

export const UpdateUnitBody = z.object({
  version: z.number().int().min(1),
  label: Label.optional(),
  rooms: z.number().int().min(1).max(12).nullable().optional(),
  locationId: z.uuid().nullable().optional(),
  trancheId: z.uuid().nullable().optional(),
  municipalityId: z.uuid().optional(),
  form: z.enum(HOUSING_FORMS).optional(),
});

export const StatusChangeBody = z.object({
  status: z.enum(UNIT_STATUSES),
  effectiveDate: IsoDate,
  note: Note.optional(),
  expectedDate: IsoDate.optional(),
  locationId: z.uuid().optional(),
});

export const Unit = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  label: z.string(),
  status: z.enum(UNIT_STATUSES),
  statusSince: IsoDate,
  municipalityId: z.uuid(),
  municipality: z.string(),
  locationId: z.uuid().nullable(),
  location: z.string().nullable(),
  pledgeId: z.uuid().nullable(),
  trancheId: z.uuid().nullable(),
  tranche: z.string().nullable(),
  form: z.enum(HOUSING_FORMS),
  rooms: z.number().int().nullable(),
  expectedDate: IsoDate.nullable(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), changeStatus: z.boolean() }),
  allowedTransitions: z.array(z.enum(UNIT_STATUSES)),
});

export const UnitDetail = Unit.extend({
  history: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(UNIT_STATUSES),
      effectiveDate: IsoDate,
      recordedAt: z.string(),
      recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      note: z.string().nullable(),
      expectedDate: IsoDate.nullable(),
    }),
  ),
});

export const UnitList = z.object({ items: z.array(Unit), nextCursor: z.string().nullable() });
