// English messages of the livingLab pages; spread into en.ts (same keys as livingLab.nl.ts).
import type { livingLabNl } from './livingLab.nl';

export const livingLabEn: Record<keyof typeof livingLabNl, string> = {
};
