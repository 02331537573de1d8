/** Addresses of the security pages (linked from the header's "Beveiliging" menu). */
export const SECOND_FACTOR_PATH = '/beveiliging/tweede-factor';
export const SESSIONS_PATH = '/beveiliging/sessies';

/** Addresses of the participant pages. */
export const PARTICIPANTS_PATH = '/deelnemers';
export const REFERRAL_PATH = '/deelnemers/aanmelden';
export const IMPORT_PATH = '/deelnemers/importeren';
export const DUPLICATES_PATH = '/deelnemers/dubbelen';
export const PRIORITY_PATH = '/deelnemers/prioritering';
export const ASSESSMENT_QUEUE_PATH = '/beoordelingen';
export const participantPath = (idOrCode: string) => `${PARTICIPANTS_PATH}/${encodeURIComponent(idOrCode)}`;
