// English messages of the neighbourhood pages; spread into en.ts (same keys as neighbourhood.nl.ts).
import type { neighbourhoodNl } from './neighbourhood.nl';

export const neighbourhoodEn: Record<keyof typeof neighbourhoodNl, string> = {
};
