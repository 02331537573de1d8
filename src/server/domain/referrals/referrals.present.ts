import type { DraftRow } from './referrals.service.js';

export const presentDraft = (d: DraftRow) => ({
  id: d.id,
  data: d.data,
  version: d.version,
  createdAt: new Date(d.created_at).toISOString(),
  updatedAt: new Date(d.updated_at).toISOString(),
});
