// Dutch messages of the outcomes pages; spread into nl.ts. Keys start with 'outcomes.'.
export const outcomesNl = {
};
