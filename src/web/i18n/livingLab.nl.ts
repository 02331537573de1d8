// Dutch messages of the livingLab pages; spread into nl.ts. Keys start with 'livingLab.'.
export const livingLabNl = {
};
