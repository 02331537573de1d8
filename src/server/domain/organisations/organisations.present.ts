import type { organisations, municipalities } from '../../db/schema/index.js';

export const presentOrganisation = (o: typeof organisations.$inferSelect) => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  municipalityId: o.municipalityId,
  district: o.district ?? null,
});

export const presentMunicipality = (m: typeof municipalities.$inferSelect) => ({ id: m.id, name: m.name });
