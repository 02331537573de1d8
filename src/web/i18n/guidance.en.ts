// English messages of the guidance pages; spread into en.ts (same keys as guidance.nl.ts).
import type { guidanceNl } from './guidance.nl';

export const guidanceEn: Record<keyof typeof guidanceNl, string> = {
};
