import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { recordAudit, actorOf } from '../audit/audit.service.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { fieldErrorsFrom } from '../../http/errors.js';
import type { EligibilityRuleKind } from '../../../shared/enums.js';
import { levelOf } from '../matching/matching.facts.js';
import { PARAMS_BY_KIND, type CreateRuleBody, type RuleQuery } from './eligibility.schema.js';

export interface RuleRow {
  id: string;
  programme_id: string;
  location_id: string | null;
  unit_id: string | null;
  kind: EligibilityRuleKind;
  params: Record<string, unknown>;
  note: string | null;
  created_at: Date;
}

const ruleNotFound = () => notFound({ nl: 'Deze regel bestaat niet of is al verwijderd.', en: 'This rule does not exist or was removed.' });

/** The rules in force of the region, filtered by where they are attached. */
export async function listRules(tx: Tx, ctx: AccessContext, q: z.infer<typeof RuleQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`region_id = ${ctx.regionId}`, sql`removed_at IS NULL`];
  if (q.programmeId) where.push(sql`programme_id = ${q.programmeId}`);
  if (q.locationId) where.push(sql`location_id = ${q.locationId}`);
  if (q.unitId) where.push(sql`unit_id = ${q.unitId}`);
  if (after) where.push(sql`(created_at, id) > (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
  const list = await rows<RuleRow>(
    tx,
    sql`SELECT id, programme_id, location_id, unit_id, kind, params, note, created_at FROM eligibility_rules
         WHERE ${sql.join(where, sql` AND `)} ORDER BY created_at, id LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
}

/** One rule in force of the region, or 404. */
export async function getRule(tx: Tx, regionId: string, id: string): Promise<RuleRow> {
  const [r] = await rows<RuleRow>(
    tx,
    sql`SELECT id, programme_id, location_id, unit_id, kind, params, note, created_at FROM eligibility_rules
         WHERE region_id = ${regionId} AND id = ${id} AND removed_at IS NULL`,
  );
  if (!r) throw ruleNotFound();
  return r;
}

/**
 * Attaches a rule to a programme, a location or a unit. The place must belong to the programme;
 * the parameters must fit the kind; one rule of a kind per place (409: remove the old one first).
 */
export async function createRule(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateRuleBody>): Promise<string> {
  const [found] = await rows<{ programme: boolean; location: boolean; unit: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM programmes WHERE region_id = ${ctx.regionId} AND id = ${b.programmeId}) AS programme,
               EXISTS (SELECT 1 FROM locations WHERE region_id = ${ctx.regionId} AND programme_id = ${b.programmeId} AND id = ${b.locationId ?? null}::uuid) AS location,
               EXISTS (SELECT 1 FROM units WHERE region_id = ${ctx.regionId} AND programme_id = ${b.programmeId} AND id = ${b.unitId ?? null}::uuid) AS unit`,
  );
  const errors = [];
  if (!found.programme) errors.push(fieldError('programmeId', 'Onbekend programma', 'Unknown programme'));
  if (b.locationId && !found.location) errors.push(fieldError('locationId', 'Onbekende locatie in dit programma', 'Unknown location in this programme'));
  if (b.unitId && !found.unit) errors.push(fieldError('unitId', 'Onbekende woning in dit programma', 'Unknown unit in this programme'));
  const shape = PARAMS_BY_KIND[b.kind];
  const parsed = shape.safeParse(b.params);
  if (!parsed.success) errors.push(...fieldErrorsFrom(shape, b.params, 'params'));
  if (errors.length) throw validationError(errors);
  const [taken] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM eligibility_rules
         WHERE region_id = ${ctx.regionId} AND programme_id = ${b.programmeId} AND removed_at IS NULL AND kind = ${b.kind}
           AND location_id IS NOT DISTINCT FROM ${b.locationId ?? null}::uuid AND unit_id IS NOT DISTINCT FROM ${b.unitId ?? null}::uuid`,
  );
  if (taken) {
    throw new AppError('conflict', {
      nl: 'Hier geldt al een regel van deze soort. Verwijder die eerst; zo blijft de geschiedenis van de regels leesbaar.',
      en: 'A rule of this kind already applies here. Remove it first; that keeps the history of the rules readable.',
    });
  }
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO eligibility_rules (region_id, id, programme_id, location_id, unit_id, kind, params, note, created_by)
        VALUES (${ctx.regionId}, ${id}, ${b.programmeId}, ${b.locationId ?? null}, ${b.unitId ?? null}, ${b.kind},
                ${JSON.stringify(parsed.data)}::jsonb, ${b.note ?? null}, ${ctx.userId})`,
  );
  await recordAudit(tx, actorOf(ctx), {
    action: 'eligibility_rule.created',
    resourceType: 'eligibility_rule',
    resourceId: id,
    details: { kind: b.kind, level: levelOf({ location_id: b.locationId ?? null, unit_id: b.unitId ?? null }) },
  });
  return id;
}

/** Removes a rule: it stops applying but its row stays, so earlier rankings remain explainable. */
export async function removeRule(tx: Tx, ctx: AccessContext, id: string): Promise<void> {
  const r = await getRule(tx, ctx.regionId, id);
  await tx.execute(sql`UPDATE eligibility_rules SET removed_at = now(), removed_by = ${ctx.userId} WHERE region_id = ${ctx.regionId} AND id = ${r.id}`);
  await recordAudit(tx, actorOf(ctx), { action: 'eligibility_rule.removed', resourceType: 'eligibility_rule', resourceId: id, details: { kind: r.kind } });
}
