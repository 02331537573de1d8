import type { RiskScreeningRow } from './riskScreening.service.js';

/**
 * A risk screening. Where someone may not live is needed by everyone who matches homes; the
 * screener's notes (about the threat) only by readers whose view includes them.
 */
export function presentScreening(s: RiskScreeningRow, notes: boolean) {
  return {
    id: s.id,
    participant: { id: s.participant_id, code: s.participant_code },
    screenedOn: s.screened_on,
    riskLevel: s.risk_level,
    organisation: { id: s.organisation_id, name: s.organisation_name },
    excludedMunicipalities: s.excluded_municipalities,
    excludedAreas: s.excluded_areas,
    ...(notes ? { notes: s.notes } : {}),
    recordedAt: new Date(s.created_at).toISOString(),
    fromParticipant: s.original_code,
  };
}
