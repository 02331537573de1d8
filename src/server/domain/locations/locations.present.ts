import type { AccessContext } from '../../http/context.js';
import { canLocation } from './locations.policy.js';
import type { LocationRow } from './locations.service.js';

export function presentLocation(l: LocationRow, ctx: AccessContext) {
  return {
    id: l.id,
    programmeId: l.programme_id,
    name: l.name,
    address: l.address,
    municipalityId: l.municipality_id,
    municipality: l.municipality,
    district: l.district,
    form: l.form,
    deliveryMode: l.delivery_mode,
    corporationId: l.corporation_id,
    corporation: l.corporation,
    providerId: l.provider_id,
    provider: l.provider,
    expectedDate: l.expected_date,
    unitCount: l.unit_count,
    version: l.version,
    abilities: { edit: canLocation.edit(ctx, { corporationId: l.corporation_id }) },
  };
}
