import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { rows, textArray, type AccessContext } from '../../http/context.js';

/** Events without a region (a login with an unknown e-mail) are chained under this id. */
export const PLATFORM_REGION = '00000000-0000-0000-0000-000000000000';
const GENESIS = '0'.repeat(64);

export type AuditResult = 'success' | 'refused' | 'failed';

/** What happened, to what, and to whom (NEN 7513: event, object, client). */
export interface AuditEvent {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  participantId?: string | null;
  /** Several participants at once (a list page): one row names them all. */
  participantIds?: readonly string[] | null;
  result?: AuditResult;
  details?: Record<string, unknown> | null;
  onBehalfOf?: string | null;
}

/** Who acted, when there is no full access context (login, anonymous). */
export interface AuditActor {
  regionId: string;
  userId?: string | null;
  organisationId?: string | null;
  role?: string | null;
  address?: string | null;
}

/** Sorts object keys recursively: jsonb does not keep key order, the hash must not depend on it. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

interface AuditRow {
  region_id: string;
  seq: number;
  id: string;
  at: string | Date;
  user_id: string | null;
  organisation_id: string | null;
  role: string | null;
  on_behalf_of: string | null;
  participant_id: string | null;
  participant_ids?: string[] | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  address: string | null;
  result: string;
  details: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

/** The hash of a row: SHA-256 over its content and the previous row's hash. */
export function hashAuditRow(r: Omit<AuditRow, 'hash'>): string {
  const at = r.at instanceof Date ? r.at.toISOString() : new Date(r.at).toISOString();
  const content: unknown[] = [
    r.region_id, Number(r.seq), r.id, at, r.user_id, r.organisation_id, r.role, r.on_behalf_of, r.participant_id,
    r.action, r.resource_type, r.resource_id, r.address, r.result, canonical(r.details ?? null), r.prev_hash,
  ];
  // Added with migration 0013; rows without it hash as before, so older chains still verify.
  if (r.participant_ids && r.participant_ids.length) content.push([...r.participant_ids]);
  return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export const actorOf = (ctx: AccessContext): AuditActor => ({
  regionId: ctx.regionId,
  userId: ctx.userId,
  organisationId: ctx.organisationId,
  role: ctx.roles.join(','),
  address: ctx.address,
});

/**
 * Appends an audit event in the caller's transaction, so it commits with the change it records
 * (or not at all). The region's chain head is locked for the append, which keeps `seq` gapless
 * and each row chained to the one before it.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, e: AuditEvent): Promise<void> {
  await tx.execute(sql`INSERT INTO audit_chain_heads (region_id, seq, hash) VALUES (${actor.regionId}, 0, ${GENESIS}) ON CONFLICT (region_id) DO NOTHING`);
  const [head] = await rows<{ seq: number; hash: string }>(tx, sql`SELECT seq, hash FROM audit_chain_heads WHERE region_id = ${actor.regionId} FOR UPDATE`);
  const row: Omit<AuditRow, 'hash'> = {
    region_id: actor.regionId,
    seq: Number(head.seq) + 1,
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    user_id: actor.userId ?? null,
    organisation_id: actor.organisationId ?? null,
    role: actor.role ?? null,
    on_behalf_of: e.onBehalfOf ?? null,
    participant_id: e.participantId ?? null,
    participant_ids: e.participantIds && e.participantIds.length ? [...e.participantIds] : null,
    action: e.action,
    resource_type: e.resourceType,
    resource_id: e.resourceId ?? null,
    address: actor.address ?? null,
    result: e.result ?? 'success',
    details: e.details ?? null,
    prev_hash: head.hash,
  };
  const hash = hashAuditRow(row);
  await tx.execute(
    sql`INSERT INTO audit_events (region_id, seq, id, at, user_id, organisation_id, role, on_behalf_of, participant_id, participant_ids, action,
                                  resource_type, resource_id, address, result, details, prev_hash, hash)
        VALUES (${row.region_id}, ${row.seq}, ${row.id}, ${row.at}, ${row.user_id}, ${row.organisation_id}, ${row.role}, ${row.on_behalf_of},
                ${row.participant_id}, ${row.participant_ids ? textArray(row.participant_ids) : null}::uuid[], ${row.action}, ${row.resource_type}, ${row.resource_id}, ${row.address}, ${row.result},
                ${row.details === null ? null : JSON.stringify(row.details)}::jsonb, ${row.prev_hash}, ${hash})`,
  );
  await tx.execute(sql`UPDATE audit_chain_heads SET seq = ${row.seq}, hash = ${hash} WHERE region_id = ${actor.regionId}`);
}

export interface VerifyResult {
  regions: number;
  rows: number;
  broken: { regionId: string; seq: number; reason: string }[];
}

/**
 * Walks every region's chain and recomputes each hash. Reports a row whose content no longer
 * matches its hash, a row whose prev_hash is not its predecessor's hash, a gap in `seq`, and a
 * chain whose last row is not the recorded head (rows removed from the end).
 */
export async function verifyAudit(database: Database, batch = 5000): Promise<VerifyResult> {
  // One snapshot for heads and rows: appends committed while verifying are not half-seen.
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const heads = await rows<{ region_id: string; seq: number; hash: string }>(tx, sql`SELECT region_id, seq, hash FROM audit_chain_heads ORDER BY region_id`);
    const result: VerifyResult = { regions: heads.length, rows: 0, broken: [] };
    for (const head of heads) {
      let prev = GENESIS;
      let expectSeq = 1;
      let after = 0;
      for (;;) {
        const chunk = await rows<AuditRow>(
          tx,
          sql`SELECT * FROM audit_events WHERE region_id = ${head.region_id} AND seq > ${after} ORDER BY seq LIMIT ${batch}`,
        );
        for (const r of chunk) {
          result.rows += 1;
          const seq = Number(r.seq);
          if (seq !== expectSeq) result.broken.push({ regionId: r.region_id, seq, reason: `rij ${expectSeq} ontbreekt / row ${expectSeq} missing` });
          if (r.prev_hash !== prev) result.broken.push({ regionId: r.region_id, seq, reason: 'keten verbroken / chain broken (prev_hash)' });
          if (hashAuditRow(r) !== r.hash) result.broken.push({ regionId: r.region_id, seq, reason: 'inhoud gewijzigd / content altered' });
          prev = r.hash;
          expectSeq = seq + 1;
          after = seq;
        }
        if (chunk.length < batch) break;
      }
      if (Number(head.seq) !== expectSeq - 1 || head.hash !== prev) {
        const reason = expectSeq - 1 > Number(head.seq)
          ? 'rijen na het laatste vastgelegde einde / rows after the recorded end of the chain'
          : 'einde van de keten ontbreekt / end of chain missing';
        result.broken.push({ regionId: head.region_id, seq: Number(head.seq), reason });
      }
    }
    return result;
  });
}
