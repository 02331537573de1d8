// Dutch messages of the guidance pages; spread into nl.ts. Keys start with 'guidance.'.
export const guidanceNl = {
};
