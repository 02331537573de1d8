/** Today's date as an ISO date (UTC), the default of every "peildatum". */
export const today = (): string => new Date().toISOString().slice(0, 10);
