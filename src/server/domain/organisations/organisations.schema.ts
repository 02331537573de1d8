import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../../shared/enums.js';
import { PageQuery } from '../../http/openapi.js';

export const Organisation = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  municipalityId: z.uuid().nullable(),
  /** The district a neighbourhood team works in. */
  district: z.string().nullable(),
});
export const OrganisationList = z.object({ items: z.array(Organisation), nextCursor: z.string().nullable() });
export const OrganisationQuery = z.object({ kind: z.enum(ORGANISATION_KINDS).optional(), ...PageQuery });

export const Municipality = z.object({ id: z.uuid(), name: z.string() });
export const MunicipalityList = z.object({ items: z.array(Municipality), nextCursor: z.string().nullable() });

export const OrganisationParams = z.object({ id: z.uuid() });
export const CreateOrganisationBody = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANISATION_KINDS),
  municipalityId: z.uuid().nullable().optional(),
  district: z.string().trim().min(1).max(200).nullable().optional(),
});
export const UpdateOrganisationBody = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  municipalityId: z.uuid().nullable().optional(),
  district: z.string().trim().min(1).max(200).nullable().optional(),
});
