import type { AccessContext } from '../../http/context.js';
import { intakeShare } from './contingents.share.js';
import type { ContingentRow } from './contingents.service.js';
import { can } from './tranches.policy.js';
import type { RolloverRow, trancheUsage } from './tranches.service.js';

type Usage = Awaited<ReturnType<typeof trancheUsage>>[number];

/** One tranche's figures: what the tranche page and its chart need. */
export const presentUsage = (u: Usage) => ({
  trancheId: u.tranche.id,
  number: u.tranche.number,
  name: u.tranche.name,
  providerId: u.tranche.provider_id,
  provider: u.tranche.provider,
  deadline: u.tranche.deadline,
  originalCapacity: u.tranche.capacity,
  current: u.current,
  series: u.series,
});

export const presentRollover = (r: RolloverRow) => ({
  id: r.id,
  programmeId: r.programme_id,
  fromTranche: { id: r.from_id, number: r.from_number, name: r.from_name },
  toTranche: { id: r.to_id, number: r.to_number, name: r.to_name },
  cutoffDate: r.cutoff_date,
  places: r.places,
  unitIds: r.unit_ids ?? [],
  losingProvider: r.losing_provider,
  confirmedBy: r.confirmed_by,
  confirmedAt: new Date(r.confirmed_at).toISOString(),
});

/** A contingent with its intake share (contingents.share.ts decides the arithmetic). */
export function presentContingent(c: ContingentRow, ctx: AccessContext) {
  const target = Number(c.intake_target_percent);
  const share = intakeShare({ homes: c.homes, intakeHomes: c.intake_homes, targetPercent: target });
  return {
    id: c.id,
    programmeId: c.programme_id,
    providerId: c.provider_id,
    provider: c.provider,
    year: c.year,
    homes: c.homes,
    intakeTargetPercent: share.targetPercent,
    tenanciesStarted: c.tenancies_started,
    intakeHomes: c.intake_homes,
    sharePercent: share.sharePercent,
    targetHomes: share.targetHomes,
    gapHomes: share.gapHomes,
    onTrack: share.onTrack,
    version: c.version,
    abilities: { edit: can.manageContingents(ctx) },
  };
}
