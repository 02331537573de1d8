import type { SessionUser } from './session.service.js';
import type { MeOut } from './session.schema.js';
import { can } from '../units/units.policy.js';
import { canManageLocations } from '../locations/locations.policy.js';
import { canManagePledges } from '../pledges/pledges.policy.js';

/** What the client learns about the logged-in user: no password hash, no session id. */
export function presentMe(user: SessionUser, csrfToken: string, mfaPending: boolean): MeOut {
  const actor = { roles: user.roles, organisationId: user.organisationId };
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    organisation: { id: user.organisationId, name: user.organisationName, kind: user.organisationKind },
    region: { id: user.regionId, name: user.regionName },
    csrfToken,
    mfa: { enabled: user.totpEnabled, required: user.totpRequired, pending: mfaPending },
    abilities: {
      manageUnits: can.createUnit(actor),
      manageLocations: canManageLocations(actor),
      managePledges: canManagePledges(actor),
    },
  };
}
