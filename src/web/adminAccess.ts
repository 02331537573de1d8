// Addresses of the administration and privacy pages, and which roles are offered them. The server
// decides every request (users.policy.ts, audit.policy.ts, privacy.policy.ts); this only avoids
// offering what would be refused.

import type { Me, OrganisationKind, Role } from './api/types';

export const USERS_PATH = '/beheer/gebruikers';
export const INVITE_PATH = '/beheer/gebruikers/uitnodigen';
export const OUTBOX_PATH = '/beheer/post';
export const ORGANISATIONS_PATH = '/organisations';
export const ACCESS_LOG_PATH = '/privacy/logboek';
export const DATA_EXPORT_PATH = '/privacy/inzageverzoek';
/** The public page of an invitation link (the server writes /uitnodiging/{token} into the mail). */
export const invitationPath = (token: string) => `/uitnodiging/${encodeURIComponent(token)}`;

// The roles each kind of organisation may hand out: shared with the server, which checks again.
export { ROLES_BY_KIND } from '../shared/roles';

/** A user may hold at most this many roles (users.schema.ts). */
export const MAX_ROLES = 4;

type Who = Pick<Me, 'roles' | 'organisation'>;
const has = (me: Pick<Me, 'roles'>, role: Role) => me.roles.includes(role);

export const adminAccess = {
  /** Users of their own organisation (canUsers.list). */
  users: (me: Who) => has(me, 'administrator'),
  /** An administrator at the programme office manages the whole region's users and organisations. */
  region: (me: Who) => has(me, 'administrator') && me.organisation.kind === 'programme_office',
  /** Add, rename organisations (canOrganisations.manage). */
  organisations: (me: Who) => adminAccess.region(me) || has(me, 'programme_office'),
  /** The demo mail viewer (canReadOutbox). */
  outbox: (me: Who) => has(me, 'administrator') || has(me, 'programme_office'),
  /** The access log and access requests (canReadAudit, canExportParticipantData). */
  privacy: (me: Who) => has(me, 'privacy_officer'),
  /**
   * Housing stock and pledges: every role but the researcher (pseudonymised export) and the
   * privacy officer (access log) — access.test.ts STOCK_READERS.
   */
  housingStock: (me: Pick<Me, 'roles'>) => me.roles.some((role) => role !== 'researcher' && role !== 'privacy_officer'),
};
