import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, fieldError, notFound, validationError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { can } from './tranches.policy.js';
import type { CreateContingentBody, UpdateContingentBody } from './tranches.schema.js';

export interface ContingentRow {
  id: string;
  programme_id: string;
  provider_id: string;
  provider: string;
  year: number;
  homes: number;
  intake_target_percent: string | number;
  version: number;
  tenancies_started: number;
  intake_homes: number;
}

const contingentNotFound = () => notFound({ nl: 'Dit contingent bestaat niet.', en: 'This contingent does not exist.' });

/**
 * The contingents with their counts (docs/tranches.md): the provider's tenancies of the
 * programme that started in the contingent's year, and among them the intake homes — the lease
 * at the start was the provider's. The lease at the start is the earliest tenancy_leases row; a
 * tenancy without lease rows started with its current lease holder unless it has flipped (then
 * the provider held it first).
 */
const SELECT = sql`
  SELECT c.id, c.programme_id, c.provider_id, o.name AS provider, c.year, c.homes, c.intake_target_percent, c.version,
         count(t.id)::int AS tenancies_started,
         (count(t.id) FILTER (WHERE coalesce(
            (SELECT l.lease_holder FROM tenancy_leases l WHERE l.region_id = t.region_id AND l.tenancy_id = t.id
              ORDER BY l.start_date, l.recorded_at, l.id LIMIT 1),
            CASE WHEN t.flipped_on IS NULL THEN t.lease_holder ELSE 'provider' END) = 'provider'))::int AS intake_homes
    FROM provider_contingents c
    JOIN organisations o ON o.id = c.provider_id
    LEFT JOIN tenancies t ON t.region_id = c.region_id AND t.programme_id = c.programme_id AND t.provider_id = c.provider_id
         AND t.start_date >= make_date(c.year, 1, 1) AND t.start_date <= make_date(c.year, 12, 31)`;
const GROUP = sql`GROUP BY c.id, c.programme_id, c.provider_id, o.name, c.year, c.homes, c.intake_target_percent, c.version`;

/**
 * A programme's contingents, by year and provider. A care manager sees only their own
 * organisation's (their count of tenancies is what row-level security shows them: their own).
 */
export async function listContingents(tx: Tx, ctx: AccessContext, programmeId: string, q: { year?: number; limit: number; cursor?: string }) {
  const [p] = await rows<{ id: string }>(tx, sql`SELECT id FROM programmes WHERE region_id = ${ctx.regionId} AND id = ${programmeId}`);
  if (!p) throw notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });
  const after = requireCursor(q.cursor, 3);
  const list = await rows<ContingentRow>(
    tx,
    sql`${SELECT}
        WHERE c.region_id = ${ctx.regionId} AND c.programme_id = ${programmeId}
              ${can.seesAllContingents(ctx) ? sql`` : sql`AND c.provider_id = ${ctx.organisationId}`}
              ${q.year ? sql`AND c.year = ${q.year}` : sql``}
              ${after ? sql`AND (c.year, o.name, c.id) > (${Number(after[0])}, ${String(after[1])}, ${String(after[2])}::uuid)` : sql``}
        ${GROUP}
        ORDER BY c.year, o.name, c.id LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.year, last.provider, last.id]) : null };
}

/** One contingent (404 outside the region, or another provider's for a care manager). */
export async function getContingent(tx: Tx, ctx: AccessContext, id: string) {
  const [c] = await rows<ContingentRow>(
    tx,
    sql`${SELECT} WHERE c.region_id = ${ctx.regionId} AND c.id = ${id}
        ${can.seesAllContingents(ctx) ? sql`` : sql`AND c.provider_id = ${ctx.organisationId}`} ${GROUP}`,
  );
  if (!c) throw contingentNotFound();
  return c;
}

const percent = (n: number) => Math.round(n * 100) / 100;

/** Records a provider's contingent for a year (one per provider, programme and year). */
export async function createContingent(tx: Tx, ctx: AccessContext, programmeId: string, b: z.infer<typeof CreateContingentBody>) {
  const [f] = await rows<{ programme: boolean; provider_kind: string | null; taken: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM programmes WHERE region_id = ${ctx.regionId} AND id = ${programmeId}) AS programme,
               (SELECT kind FROM organisations WHERE region_id = ${ctx.regionId} AND id = ${b.providerId}) AS provider_kind,
               EXISTS (SELECT 1 FROM provider_contingents WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId}
                         AND provider_id = ${b.providerId} AND year = ${b.year}) AS taken`,
  );
  if (!f.programme) throw notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });
  if (f.provider_kind !== 'care_provider') {
    throw validationError([fieldError('providerId', 'Kies een zorgaanbieder uit deze regio', 'Choose a care provider of this region')]);
  }
  if (f.taken) {
    throw new AppError('conflict', {
      nl: 'Deze aanbieder heeft voor dit jaar al een contingent; wijzig dat.',
      en: 'This provider already has a contingent for this year; edit that one.',
    });
  }
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO provider_contingents (region_id, id, programme_id, provider_id, year, homes, intake_target_percent)
        VALUES (${ctx.regionId}, ${id}, ${programmeId}, ${b.providerId}, ${b.year}, ${b.homes}, ${percent(b.intakeTargetPercent)})`,
  );
  await recordAudit(tx, actorOf(ctx), {
    action: 'contingent.create', resourceType: 'provider_contingent', resourceId: id,
    details: { providerId: b.providerId, year: b.year, homes: b.homes, intakeTargetPercent: percent(b.intakeTargetPercent) },
  });
  return getContingent(tx, ctx, id);
}

/** Changes the homes or the target of a contingent; a stale version answers 409. */
export async function updateContingent(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof UpdateContingentBody>) {
  const current = await getContingent(tx, ctx, id);
  const updated = await rows<{ id: string }>(
    tx,
    sql`UPDATE provider_contingents
           SET homes = coalesce(${b.homes ?? null}::int, homes),
               intake_target_percent = coalesce(${b.intakeTargetPercent === undefined ? null : percent(b.intakeTargetPercent)}::numeric, intake_target_percent),
               version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${id} AND version = ${b.version} RETURNING id`,
  );
  if (!updated.length) {
    throw new AppError('version_conflict', {
      nl: `Dit contingent is intussen gewijzigd (versie ${current.version}). Laad het opnieuw.`,
      en: `This contingent was changed in the meantime (version ${current.version}). Reload it.`,
    });
  }
  await recordAudit(tx, actorOf(ctx), {
    action: 'contingent.update', resourceType: 'provider_contingent', resourceId: id,
    details: { homes: b.homes ?? null, intakeTargetPercent: b.intakeTargetPercent ?? null },
  });
  return getContingent(tx, ctx, id);
}
