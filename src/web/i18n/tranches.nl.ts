// Dutch messages of the tranches pages; spread into nl.ts. Keys start with 'tranches.'.
export const tranchesNl = {
};
