// English messages of the tenancies pages; spread into en.ts (same keys as tenancies.nl.ts).
import type { tenanciesNl } from './tenancies.nl';

export const tenanciesEn: Record<keyof typeof tenanciesNl, string> = {
};
