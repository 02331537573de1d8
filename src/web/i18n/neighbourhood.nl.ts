// Dutch messages of the neighbourhood pages; spread into nl.ts. Keys start with 'neighbourhood.'.
export const neighbourhoodNl = {
};
