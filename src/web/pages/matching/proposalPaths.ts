// Paths of the batch proposal and eligibility rule pages (App.tsx routes).
export const NEW_PROPOSAL_PATH = '/matching/voorstellen/nieuw';
export const RULES_PATH = '/matching/regels';
export const proposalPath = (id: string) => `/matching/voorstellen/${encodeURIComponent(id)}`;
