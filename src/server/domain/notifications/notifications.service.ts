import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { Role } from '../../../shared/enums.js';

/**
 * A message to people: shown in the app (notifications) and sent as e-mail through the outbox,
 * both written in the caller's transaction so they exist exactly when what they report does.
 * The text names homes and pseudonymous codes, never a person's name: e-mail leaves the system.
 */
export interface Message {
  kind: string;
  title: { nl: string; en: string };
  body: { nl: string; en: string };
  /** The page in the app, e.g. /aanbiedingen/{id}. */
  link: string | null;
}

/** Who gets a message: the users of an organisation with one of the roles, or everyone in the region with one. */
export type Recipients = { organisationId: string; roles: readonly Role[] } | { roles: readonly Role[] };

async function recipients(tx: Tx, regionId: string, to: Recipients): Promise<{ id: string; email: string }[]> {
  const where: SQL[] = [sql`region_id = ${regionId}`, sql`active`, sql`roles && ${`{${to.roles.join(',')}}`}::text[]`];
  if ('organisationId' in to) where.push(sql`organisation_id = ${to.organisationId}`);
  return rows<{ id: string; email: string }>(tx, sql`SELECT id, email FROM users WHERE ${sql.join(where, sql` AND `)} ORDER BY id`);
}

/** Leaves the message for every recipient (in-app and e-mail); returns how many got it. */
export async function notify(tx: Tx, regionId: string, to: Recipients, m: Message): Promise<number> {
  const users = await recipients(tx, regionId, to);
  for (const u of users) {
    await tx.execute(
      sql`INSERT INTO notifications (region_id, id, user_id, kind, title_nl, title_en, body_nl, body_en, link)
          VALUES (${regionId}, ${crypto.randomUUID()}, ${u.id}, ${m.kind}, ${m.title.nl}, ${m.title.en}, ${m.body.nl}, ${m.body.en}, ${m.link})`,
    );
    await tx.execute(
      sql`INSERT INTO outbox_messages (region_id, id, to_address, subject, body_text, kind)
          VALUES (${regionId}, ${crypto.randomUUID()}, ${u.email}, ${`${m.title.nl} / ${m.title.en}`},
                  ${`${m.body.nl}\n\n${m.body.en}${m.link ? `\n\nEerst een Thuis: ${m.link}` : ''}`}, ${m.kind})`,
    );
  }
  return users.length;
}

export interface NotificationRow {
  id: string;
  kind: string;
  title_nl: string;
  title_en: string;
  body_nl: string;
  body_en: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** The caller's own notifications, newest first (row-level security shows no one else's). */
export async function listNotifications(tx: Tx, ctx: AccessContext, q: { limit: number; cursor?: string; unread?: boolean }) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`region_id = ${ctx.regionId}`, sql`user_id = ${ctx.userId}`];
  if (q.unread) where.push(sql`read_at IS NULL`);
  if (after) where.push(sql`(created_at, id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
  const list = await rows<NotificationRow>(
    tx,
    sql`SELECT id, kind, title_nl, title_en, body_nl, body_en, link, created_at, read_at FROM notifications
         WHERE ${sql.join(where, sql` AND `)} ORDER BY created_at DESC, id DESC LIMIT ${q.limit + 1}`,
  );
  const [unread] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM notifications WHERE region_id = ${ctx.regionId} AND user_id = ${ctx.userId} AND read_at IS NULL`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, unread: unread.n, nextCursor: list.length > q.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
}

/** Marks the caller's notifications read: the given ones, or all. Returns how many changed. */
export async function markRead(tx: Tx, ctx: AccessContext, ids: readonly string[] | undefined): Promise<number> {
  const which = ids ? (ids.length ? sql`AND id IN ${ids}` : sql`AND FALSE`) : sql``;
  const done = await rows<{ id: string }>(
    tx,
    sql`UPDATE notifications SET read_at = now()
         WHERE region_id = ${ctx.regionId} AND user_id = ${ctx.userId} AND read_at IS NULL ${which} RETURNING id`,
  );
  return done.length;
}
