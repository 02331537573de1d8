import type { AccessContext } from '../../http/context.js';
import { can } from './units.policy.js';
import { UNIT_TRANSITIONS } from './units.machine.js';
import type { UnitEventRow, UnitRow } from './units.service.js';

/** The unit as the client sees it, with what this user may do to it. */
export function presentUnit(u: UnitRow, ctx: AccessContext) {
  const target = { corporationId: u.corporation_id };
  const mayChange = can.changeStatus(ctx, target);
  return {
    id: u.id,
    programmeId: u.programme_id,
    label: u.label,
    status: u.status,
    statusSince: u.status_since,
    municipalityId: u.municipality_id,
    municipality: u.municipality,
    locationId: u.location_id,
    location: u.location,
    pledgeId: u.pledge_id,
    trancheId: u.tranche_id,
    tranche: u.tranche,
    form: u.form,
    rooms: u.rooms,
    expectedDate: u.expected_date,
    version: u.version,
    abilities: { edit: can.editUnit(ctx, target), changeStatus: mayChange },
    allowedTransitions: mayChange ? [...UNIT_TRANSITIONS[u.status]] : [],
  };
}

export function presentUnitDetail(u: UnitRow, history: UnitEventRow[], ctx: AccessContext) {
  return {
    ...presentUnit(u, ctx),
    history: history.map((e) => ({
      id: e.id,
      status: e.status,
      effectiveDate: e.effective_date,
      recordedAt: new Date(e.recorded_at).toISOString(),
      recordedBy: e.recorded_by ? { id: e.recorded_by, name: e.recorded_by_name ?? '' } : null,
      note: e.note,
      expectedDate: e.expected_date,
    })),
  };
}
