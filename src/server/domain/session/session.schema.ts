import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from '../../../shared/enums.js';

export const LoginBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
  totp: z.string().regex(/^\d{6}$/).optional(),
  recoveryCode: z.string().trim().min(8).max(20).optional(),
});

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
  region: z.object({ id: z.uuid(), name: z.string() }),
  csrfToken: z.string(),
  mfa: z.object({ enabled: z.boolean(), required: z.boolean(), pending: z.boolean() }),
  abilities: z.object({
    manageUnits: z.boolean(),
    manageLocations: z.boolean(),
    managePledges: z.boolean(),
  }),
});
export type MeOut = z.infer<typeof Me>;

export const SessionInfo = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionInfo), nextCursor: z.null() });
export const SessionParams = z.object({ id: z.uuid() });

export const TotpEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const TotpConfirmBody = z.object({ code: z.string().regex(/^\d{6}$/) });
export const TotpConfirmed = z.object({ recoveryCodes: z.array(z.string()), csrfToken: z.string() });
