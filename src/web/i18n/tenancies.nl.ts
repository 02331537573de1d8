// Dutch messages of the tenancies pages; spread into nl.ts. Keys start with 'tenancies.'.
export const tenanciesNl = {
};
