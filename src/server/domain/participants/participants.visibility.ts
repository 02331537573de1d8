import { sql, type SQL } from 'drizzle-orm';
import type { AccessContext } from '../../http/context.js';
import type { Tx } from '../../db/client.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';

/**
 * The visibility rule of participants.policy.ts `sees`, as SQL on a `participants` row aliased
 * `p`. Every query that returns participant data adds it, so the lists, the detail and the
 * figures agree on who the caller may see. Row-level security (issue 4) will enforce the same
 * underneath, keyed on participant_organisations.
 */
export function visibleToSql(ctx: AccessContext): SQL {
  if (ctx.roles.includes('programme_office')) return sql`TRUE`;
  const involved = (relations?: string[]) =>
    sql`EXISTS (SELECT 1 FROM participant_organisations po
                 WHERE po.region_id = p.region_id AND po.participant_id = p.id AND po.organisation_id = ${ctx.organisationId}
                 ${relations ? sql`AND po.relation IN ${relations}` : sql``})`;
  const parts: SQL[] = [];
  if (ctx.roles.includes('care_worker') || ctx.roles.includes('care_manager')) parts.push(involved());
  if (ctx.roles.includes('referrer')) parts.push(involved(['referrer']));
  if (ctx.roles.includes('assessor')) parts.push(sql`(${involved()} OR p.waiting_list_registered_on IS NOT NULL)`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}

/** The relations of the caller's organisation with `p`, as a text[] column. */
export const myRelationsSql = (ctx: AccessContext): SQL =>
  sql`ARRAY(SELECT DISTINCT po.relation FROM participant_organisations po
             WHERE po.region_id = p.region_id AND po.participant_id = p.id AND po.organisation_id = ${ctx.organisationId}
             ORDER BY po.relation)`;

/** What is done with a participant's data, for the access log. */
export type ParticipantAction = 'list' | 'read' | 'create' | 'update' | 'phase' | 'merge' | 'assessment' | 'suitability' | 'risk_screening' | 'import' | 'consultation';

/**
 * The one place every read and write of participant data passes through (the services call it
 * with the participants concerned). NEN 7513 logging (issue 4) hooks in here, inside the
 * request's transaction, so a logged access and the data it reports commit together.
 */
export async function participantAccessed(
  tx: Tx,
  ctx: AccessContext,
  action: ParticipantAction,
  participantIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(participantIds)];
  // An empty list page showed nobody's data: nothing to log.
  if (ids.length === 0) return;
  await recordAudit(tx, actorOf(ctx), {
    action: `participant.${action}`,
    resourceType: 'participant',
    resourceId: ids.length === 1 ? ids[0] : null,
    participantId: ids.length === 1 ? ids[0] : null,
    participantIds: ids.length > 1 ? ids : null,
  });
}
