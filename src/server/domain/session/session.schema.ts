import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from '../../../shared/enums.js';

export const LoginBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
  totp: z.string().regex(/^\d{6}$/).optional(),
});

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
  region: z.object({ id: z.uuid(), name: z.string() }),
  csrfToken: z.string(),
  abilities: z.object({
    manageUnits: z.boolean(),
    manageLocations: z.boolean(),
    managePledges: z.boolean(),
  }),
});
export type MeOut = z.infer<typeof Me>;
