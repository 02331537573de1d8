import { z } from 'zod';
import { IsoDate, PageQuery } from '../../http/openapi.js';

export const AuditQuery = z.object({
  participantId: z.uuid().optional(),
  /** The pseudonymous code (EH-…), as the officer usually gets it from a client's request. */
  participantCode: z.string().trim().regex(/^EH-[A-Z0-9]{6}$/).optional(),
  userId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  ...PageQuery,
});

export const AuditEventOut = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  role: z.string().nullable(),
  onBehalfOf: z.uuid().nullable(),
  participants: z.array(z.object({ id: z.uuid(), code: z.string().nullable() })),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  address: z.string().nullable(),
  result: z.string(),
});
export const AuditList = z.object({ items: z.array(AuditEventOut), nextCursor: z.string().nullable() });
