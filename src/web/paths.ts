/** Addresses of the security pages (linked from the header's "Beveiliging" menu). */
export const SECOND_FACTOR_PATH = '/beveiliging/tweede-factor';
export const SESSIONS_PATH = '/beveiliging/sessies';
