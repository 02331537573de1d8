import type { z } from 'zod';
import type { RecoveryDefinitionOut } from './outcomes.schema.js';
import type { DefinitionRow } from './outcomes.service.js';

/** A version of the recovery definition; `current` marks the newest (the one that applies). */
export function presentDefinition(d: DefinitionRow, current: boolean): z.infer<typeof RecoveryDefinitionOut> {
  return {
    id: d.id,
    version: Number(d.version),
    minHousedMonths: Number(d.min_housed_months),
    requireNoReturn: d.require_no_return,
    requireNoDomainAtOne: d.require_no_domain_at_one,
    goalPercent: Number(d.goal_percent),
    note: d.note,
    createdBy: d.created_by_name,
    createdAt: d.created_at,
    current,
  };
}
