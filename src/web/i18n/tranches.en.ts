// English messages of the tranches pages; spread into en.ts (same keys as tranches.nl.ts).
import type { tranchesNl } from './tranches.nl';

export const tranchesEn: Record<keyof typeof tranchesNl, string> = {
};
