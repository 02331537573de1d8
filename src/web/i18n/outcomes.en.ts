// English messages of the outcomes pages; spread into en.ts (same keys as outcomes.nl.ts).
import type { outcomesNl } from './outcomes.nl';

export const outcomesEn: Record<keyof typeof outcomesNl, string> = {
};
