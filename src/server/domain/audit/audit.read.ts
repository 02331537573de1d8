import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { AuditQuery } from './audit.schema.js';
import { actorOf, recordAudit } from './audit.service.js';

export interface AuditReadRow {
  id: string;
  seq: number;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string | null;
  on_behalf_of: string | null;
  participants: { id: string; code: string | null }[] | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  address: string | null;
  result: string;
}

/**
 * The access log of the caller's region, newest first: "who looked at this participant" (with
 * `participantId`, also through list pages that showed them) and "what did this user look at"
 * (with `userId`). Reading the log is itself logged.
 */
export async function listAuditEvents(tx: Tx, ctx: AccessContext, q: z.infer<typeof AuditQuery>) {
  const after = requireCursor(q.cursor, 1);
  const where: SQL[] = [sql`a.region_id = ${ctx.regionId}`];
  if (q.participantId) where.push(sql`(a.participant_id = ${q.participantId} OR a.participant_ids @> ARRAY[${q.participantId}]::uuid[])`);
  if (q.participantCode) {
    where.push(sql`(a.participant_id = participant_id_of(${q.participantCode}) OR a.participant_ids @> ARRAY[participant_id_of(${q.participantCode})])`);
  }
  if (q.userId) where.push(sql`a.user_id = ${q.userId}`);
  if (q.from) where.push(sql`a.at >= ${q.from}::date`);
  if (q.to) where.push(sql`a.at < ${q.to}::date + 1`);
  if (after) where.push(sql`a.seq < ${Number(after[0])}`);
  const list = await rows<AuditReadRow>(
    tx,
    sql`SELECT a.id, a.seq, a.at, a.user_id, u.name AS user_name, a.organisation_id, o.name AS organisation_name, a.role, a.on_behalf_of,
               (SELECT json_agg(json_build_object('id', x.pid, 'code', participant_code_of(x.pid)))
                  FROM unnest(CASE WHEN a.participant_id IS NOT NULL THEN ARRAY[a.participant_id] ELSE coalesce(a.participant_ids, '{}') END) AS x(pid)
               ) AS participants,
               a.action, a.resource_type, a.resource_id, a.address, a.result
          FROM audit_events a
          LEFT JOIN users u ON u.id = a.user_id
          LEFT JOIN organisations o ON o.id = a.organisation_id
         WHERE ${sql.join(where, sql` AND `)}
         ORDER BY a.seq DESC LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  await recordAudit(tx, actorOf(ctx), {
    action: 'audit.read', resourceType: 'audit_log',
    details: { participantId: q.participantId ?? null, participantCode: q.participantCode ?? null, userId: q.userId ?? null, from: q.from ?? null, to: q.to ?? null },
  });
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([Number(last.seq)]) : null };
}
