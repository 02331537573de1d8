import { z } from 'zod';
import { ROLES } from '../../../shared/enums.js';
import { PageQuery } from '../../http/openapi.js';

export const UserParams = z.object({ id: z.uuid() });
export const UserQuery = z.object({ organisationId: z.uuid().optional(), ...PageQuery });

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  organisationId: z.uuid(),
  organisation: z.string(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number().int(),
});
export const UserList = z.object({ items: z.array(User), nextCursor: z.string().nullable() });

export const UpdateUserBody = z.object({
  version: z.number().int().min(1),
  roles: z.array(z.enum(ROLES)).min(1).max(4).optional(),
  active: z.boolean().optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const CreateInvitationBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1).max(4),
  organisationId: z.uuid().optional(),
});
export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  organisationId: z.uuid(),
  expiresAt: z.string(),
});

export const InvitationTokenParams = z.object({ token: z.string().min(20).max(100) });
export const AcceptInvitationBody = z.object({
  password: z
    .string()
    .min(12, 'Kies een wachtwoord van minstens 12 tekens / at least 12 characters')
    .max(200),
});

export const OutboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const OutboxList = z.object({ items: z.array(OutboxMessage), nextCursor: z.string().nullable() });
