import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CreateDraftBody, UpdateDraftBody } from './referrals.schema.js';

export interface DraftRow {
  id: string;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const draftNotFound = () => notFound({ nl: 'Dit concept bestaat niet (meer).', en: 'This draft does not exist (any more).' });

/** The caller's own referral drafts, most recent first (a draft is its author's alone). */
export function listDrafts(tx: Tx, ctx: AccessContext): Promise<DraftRow[]> {
  return rows<DraftRow>(
    tx,
    sql`SELECT id, data, version, created_at, updated_at FROM referral_drafts
         WHERE region_id = ${ctx.regionId} AND user_id = ${ctx.userId} ORDER BY updated_at DESC, id LIMIT 200`,
  );
}

/** One of the caller's drafts; anyone else's answers 404. */
export async function getDraft(tx: Tx, ctx: AccessContext, id: string): Promise<DraftRow> {
  const [d] = await rows<DraftRow>(
    tx,
    sql`SELECT id, data, version, created_at, updated_at FROM referral_drafts WHERE region_id = ${ctx.regionId} AND id = ${id} AND user_id = ${ctx.userId}`,
  );
  if (!d) throw draftNotFound();
  return d;
}

/** Saves a new draft of a referral form. */
export async function createDraft(tx: Tx, ctx: AccessContext, body: z.infer<typeof CreateDraftBody>): Promise<string> {
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO referral_drafts (region_id, id, user_id, organisation_id, data)
        VALUES (${ctx.regionId}, ${id}, ${ctx.userId}, ${ctx.organisationId}, ${JSON.stringify(body.data)}::jsonb)`,
  );
  return id;
}

/** Replaces a draft's content; `version` must match (two open tabs must not overwrite each other unseen). */
export async function updateDraft(tx: Tx, ctx: AccessContext, id: string, body: z.infer<typeof UpdateDraftBody>) {
  await getDraft(tx, ctx, id);
  const done = await rows<{ id: string }>(
    tx,
    sql`UPDATE referral_drafts SET data = ${JSON.stringify(body.data)}::jsonb, version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${id} AND user_id = ${ctx.userId} AND version = ${body.version} RETURNING id`,
  );
  if (!done.length) {
    throw new AppError('version_conflict', {
      nl: 'Dit concept is intussen elders opgeslagen. Laad het opnieuw.',
      en: 'This draft was saved elsewhere in the meantime. Reload it.',
    });
  }
}

/** Deletes one of the caller's drafts. */
export async function deleteDraft(tx: Tx, ctx: AccessContext, id: string) {
  await getDraft(tx, ctx, id);
  await tx.execute(sql`DELETE FROM referral_drafts WHERE region_id = ${ctx.regionId} AND id = ${id} AND user_id = ${ctx.userId}`);
}
