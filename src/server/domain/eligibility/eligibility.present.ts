import type { AccessContext } from '../../http/context.js';
import { describeRule, type RuleParams } from './eligibility.evaluate.js';
import { canRules } from './eligibility.policy.js';
import type { RuleRow } from './eligibility.service.js';
import { levelOf } from '../matching/matching.facts.js';

/** A rule with its description in both languages. */
export function presentRule(r: RuleRow, ctx: AccessContext) {
  const level = levelOf(r);
  const text = describeRule({ id: r.id, kind: r.kind, level, programmeId: r.programme_id, locationId: r.location_id, unitId: r.unit_id, params: r.params as RuleParams, note: r.note });
  return {
    id: r.id,
    programmeId: r.programme_id,
    level,
    locationId: r.location_id,
    unitId: r.unit_id,
    kind: r.kind,
    params: r.params,
    description: text.nl,
    descriptionEn: text.en,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
    abilities: { remove: canRules.manage(ctx) },
  };
}
