import type { PledgeRow, TrancheRow } from './pledges.service.js';

export const presentPledge = (p: PledgeRow) => ({
  id: p.id,
  programmeId: p.programme_id,
  municipalityId: p.municipality_id,
  municipality: p.municipality,
  places: p.places,
  targetGroup: p.target_group,
  form: p.form,
  pledgedOn: p.pledged_on,
  partners: (p.partners ?? []).map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
  trancheId: p.tranche_id,
  tranche: p.tranche,
  notes: p.notes,
  unitCount: p.unit_count,
});

export const presentTranche = (t: TrancheRow) => ({
  id: t.id,
  programmeId: t.programme_id,
  number: t.number,
  name: t.name,
  capacity: t.capacity,
  providerId: t.provider_id,
  provider: t.provider,
  deadline: t.deadline,
  unitCount: t.unit_count,
});
