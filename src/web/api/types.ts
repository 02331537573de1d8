// Types for every shape of the foundation API contract (docs/api-contract-draft.md).

import {
  DELIVERY_MODES,
  HOUSING_FORMS,
  ORGANISATION_KINDS,
  ROLES,
  TARGET_GROUPS,
  UNIT_STATUSES,
  type DeliveryMode,
  type HousingForm,
  type OrganisationKind,
  type Role,
  type TargetGroup,
  type UnitStatus,
} from '../../shared/enums';

// The enum lists are shared with the server (src/shared/enums.ts); re-exported for the client.
export { DELIVERY_MODES, HOUSING_FORMS, ORGANISATION_KINDS, ROLES, TARGET_GROUPS, UNIT_STATUSES };
export type { DeliveryMode, HousingForm, OrganisationKind, Role, TargetGroup, UnitStatus };

/** Statuses a new unit may be created in (POST /api/v1/units). */
export const INITIAL_UNIT_STATUSES = ['pledged', 'location_found', 'available'] as const satisfies readonly UnitStatus[];
export type InitialUnitStatus = (typeof INITIAL_UNIT_STATUSES)[number];

/** Order in which organisation kinds are listed on the organisations page. */
export const ORGANISATION_KIND_ORDER: readonly OrganisationKind[] = [
  'programme_office',
  'municipality',
  'care_provider',
  'housing_corporation',
  'access_office',
  'referral_team',
  'allocation_office',
  'neighbourhood_team',
  'research_institute',
];

/** ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------- problem+json

export interface ProblemFieldError {
  path: string | Array<string | number>;
  message: string;
  messageEn?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  titleEn?: string;
  status?: number;
  detail?: string;
  detailEn?: string;
  code?: string;
  errors?: ProblemFieldError[];
}

// ---------------------------------------------------------------- session

export interface Abilities {
  manageUnits: boolean;
  manageLocations: boolean;
  managePledges: boolean;
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisation: OrganisationRef;
  region: { id: string; name: string };
  csrfToken: string;
  /**
   * Second-factor state: `enabled` = a TOTP factor is set up; `required` = the user's role needs one;
   * `pending` = this session may only set it up (the server answers 403 `mfa_required` elsewhere).
   */
  mfa: MfaState;
  abilities: Abilities;
}

export interface MfaState {
  enabled: boolean;
  required: boolean;
  pending: boolean;
}

/** POST /api/v1/session: with a second factor, either `totp` (6 digits) or `recoveryCode`. */
export interface LoginRequest {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

/** POST /api/v1/me/totp-enrolments (201): a new, not yet active secret. */
export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** An SVG document made by the server; shown through a data: URL in an <img>, never as HTML. */
  qrSvg: string;
}

/** POST /api/v1/me/totp-enrolments/confirmations (201): the session was rotated. */
export interface TotpConfirmed {
  /** Shown once; only their hashes are stored. */
  recoveryCodes: string[];
  csrfToken: string;
}

/** One of the user's open sessions (GET /api/v1/sessions). */
export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  address: string | null;
  /** The session of this request. */
  current: boolean;
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
}

// ---------------------------------------------------------------- programmes

export interface Programme {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  target: number;
  budgetCents: number;
}

export interface ReviewMoment {
  id: string;
  date: IsoDate;
  title: string;
  notes: string | null;
}

export interface ProgrammeDetail extends Programme {
  reviewMoments: ReviewMoment[];
}

export interface CounterByMunicipality {
  municipalityId: string;
  municipality: string;
  realised: number;
  pipeline: number;
}

export interface CounterByPartner {
  organisationId: string;
  organisation: string;
  kind: OrganisationKind;
  realised: number;
  pipeline: number;
}

export interface CounterByForm {
  form: HousingForm;
  realised: number;
  pipeline: number;
}

export interface CounterByTranche {
  trancheId: string | null;
  tranche: string | null;
  capacity: number | null;
  realised: number;
  pipeline: number;
}

export interface Counter {
  date: IsoDate;
  target: number;
  ambition: number;
  realised: number;
  pipeline: number;
  byMunicipality: CounterByMunicipality[];
  byPartner: CounterByPartner[];
  byForm: CounterByForm[];
  byTranche: CounterByTranche[];
}

export interface CounterHistoryPoint {
  date: IsoDate;
  realised: number;
  pipeline: number;
  ambition: number;
  target: number;
}

export interface CounterHistory {
  items: CounterHistoryPoint[];
}

// ---------------------------------------------------------------- reference data

export interface Municipality {
  id: string;
  name: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  municipalityId: string | null;
}

// ---------------------------------------------------------------- pledges and tranches

export interface Pledge {
  id: string;
  programmeId: string;
  municipalityId: string;
  municipality: string;
  places: number;
  targetGroup: TargetGroup;
  form: HousingForm;
  pledgedOn: IsoDate;
  partners: OrganisationRef[];
  trancheId: string | null;
  tranche: string | null;
  notes: string | null;
  unitCount: number;
}

export interface NewPledge {
  municipalityId: string;
  places: number;
  targetGroup: TargetGroup;
  form: HousingForm;
  pledgedOn: IsoDate;
  partnerIds: string[];
  trancheId?: string;
  notes?: string;
}

export interface Tranche {
  id: string;
  programmeId: string;
  number: number;
  name: string;
  capacity: number;
  providerId: string | null;
  provider: string | null;
  deadline: IsoDate | null;
  unitCount: number;
}

// ---------------------------------------------------------------- locations

export interface Location {
  id: string;
  programmeId: string;
  name: string;
  address: string | null;
  municipalityId: string;
  municipality: string;
  district: string | null;
  form: HousingForm;
  deliveryMode: DeliveryMode;
  corporationId: string | null;
  corporation: string | null;
  providerId: string | null;
  provider: string | null;
  expectedDate: IsoDate | null;
  unitCount: number;
  version: number;
}

export interface LocationDetail extends Location {
  units: Unit[];
}

export interface NewLocation {
  programmeId: string;
  name: string;
  address?: string;
  municipalityId: string;
  district?: string;
  form: HousingForm;
  deliveryMode: DeliveryMode;
  corporationId?: string;
  providerId?: string;
  expectedDate?: IsoDate;
}

/** PATCH body: every field optional (null clears an optional field), `version` required. */
export interface LocationPatch {
  version: number;
  name?: string;
  address?: string | null;
  municipalityId?: string;
  district?: string | null;
  form?: HousingForm;
  deliveryMode?: DeliveryMode;
  corporationId?: string | null;
  providerId?: string | null;
  expectedDate?: IsoDate | null;
}

export interface LocationFilters {
  programmeId?: string;
  municipalityId?: string;
  q?: string;
}

// ---------------------------------------------------------------- units

export interface Unit {
  id: string;
  programmeId: string;
  label: string;
  status: UnitStatus;
  statusSince: IsoDate;
  municipalityId: string;
  municipality: string;
  locationId: string | null;
  location: string | null;
  pledgeId: string | null;
  trancheId: string | null;
  tranche: string | null;
  form: HousingForm;
  rooms: number | null;
  expectedDate: IsoDate | null;
  version: number;
  abilities: { edit: boolean; changeStatus: boolean };
  allowedTransitions: UnitStatus[];
}

export interface UnitHistoryEntry {
  id: string;
  status: UnitStatus;
  effectiveDate: IsoDate;
  recordedAt: string;
  recordedBy: { id: string; name: string } | null;
  note: string | null;
  expectedDate: IsoDate | null;
}

export interface UnitDetail extends Unit {
  history: UnitHistoryEntry[];
}

export interface NewUnit {
  programmeId: string;
  municipalityId: string;
  label: string;
  form: HousingForm;
  status?: InitialUnitStatus;
  effectiveDate: IsoDate;
  pledgeId?: string;
  locationId?: string;
  trancheId?: string;
  rooms?: number;
  expectedDate?: IsoDate;
  note?: string;
}

export interface UnitPatch {
  version: number;
  label?: string;
  rooms?: number | null;
  locationId?: string | null;
  trancheId?: string | null;
  municipalityId?: string;
  form?: HousingForm;
}

export interface StatusChange {
  status: UnitStatus;
  effectiveDate: IsoDate;
  note?: string;
  expectedDate?: IsoDate;
  locationId?: string;
}

export interface UnitFilters {
  programmeId?: string;
  status?: UnitStatus;
  municipalityId?: string;
  locationId?: string;
  trancheId?: string;
  q?: string;
}
