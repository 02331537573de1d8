import type { OrganisationKind, Role } from './enums.js';

/**
 * The roles an organisation of each kind may hand out: a corporation employs no assessors. The
 * server enforces it (users.service.ts); the client uses it to offer the right choices.
 */
export const ROLES_BY_KIND: Record<OrganisationKind, Role[]> = {
  municipality: ['municipality', 'administrator'],
  care_provider: ['care_worker', 'care_manager', 'referrer', 'administrator'],
  housing_corporation: ['corporation', 'administrator'],
  access_office: ['assessor', 'administrator'],
  referral_team: ['referrer', 'administrator'],
  allocation_office: ['allocation_officer', 'corporation', 'administrator'],
  programme_office: ['programme_office', 'administrator', 'privacy_officer'],
  neighbourhood_team: ['care_worker', 'administrator'],
  research_institute: ['researcher', 'administrator'],
};

/** Roles that see personal data and so need a second factor unless a region configures otherwise. */
export const DEFAULT_TOTP_ROLES: Role[] = [
  'programme_office', 'care_worker', 'care_manager', 'corporation', 'assessor', 'referrer', 'administrator', 'privacy_officer', 'allocation_officer',
];
