import type { Role } from '../../../src/shared/enums.js';
import type { Session, TestApp } from '../../support/app.js';
import type { BuiltRegion } from '../../support/builders.js';
import type { Kit } from '../../support/participants.js';

/** One row of the access table (see access.test.ts). */
export interface Entry {
  public?: boolean;
  roles?: Role[];
  /** Answers other than 2xx/403 for some roles: 404 where the record is another organisation's. */
  expect?: Partial<Record<Role, number>>;
  /** Builds a fresh valid request (path and body) for one try. */
  request: () => Promise<{ url: string; body?: unknown }>;
}

/**
 * What a domain's entries may use. The getters read the table's current region: while a record
 * of another region is built, `r` and `sessions` point at that region.
 */
export interface AccessEnv {
  readonly t: TestApp;
  readonly r: BuiltRegion;
  readonly sessions: Partial<Record<string, Session>>;
  /** The participant builders' kit for the current region. */
  kit(): Kit;
}

export const ALL_ROLES: Role[] = [
  'programme_office', 'care_worker', 'care_manager', 'corporation', 'assessor', 'referrer', 'municipality', 'researcher', 'administrator', 'privacy_officer',
  'allocation_officer',
];
