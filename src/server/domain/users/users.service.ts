import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, textArray, type AccessContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { hashToken } from '../../http/auth.js';
import type { OrganisationKind, Role } from '../../../shared/enums.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../session/session.service.js';
import { canUsers } from './users.policy.js';
import { ROLES_BY_KIND } from '../../../shared/roles.js';
import type { CreateInvitationBody, UpdateUserBody } from './users.schema.js';

export const INVITATION_DAYS = 7;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisation_id: string;
  organisation: string;
  organisation_kind: OrganisationKind;
  active: boolean;
  totp_enabled_at: Date | null;
  locked_until: Date | null;
  version: number;
}

const USER_SELECT = sql`SELECT u.id, u.email, u.name, u.roles, u.organisation_id, o.name AS organisation, o.kind AS organisation_kind,
       u.active, u.totp_enabled_at, u.locked_until, u.version
  FROM users u JOIN organisations o ON o.id = u.organisation_id`;

/** Users an administrator manages: their organisation's, or the region's for the programme office. */
export async function listUsers(tx: Tx, ctx: AccessContext, q: { organisationId?: string; limit: number; cursor?: string }) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`u.region_id = ${ctx.regionId}`];
  if (ctx.organisationKind !== 'programme_office') where.push(sql`u.organisation_id = ${ctx.organisationId}`);
  if (q.organisationId) where.push(sql`u.organisation_id = ${q.organisationId}`);
  if (after) where.push(sql`(u.email, u.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  const list = await rows<UserRow>(tx, sql`${USER_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY u.email, u.id LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.email, last.id]) : null };
}

/** A user this administrator may see, or 404 (another organisation's user is not disclosed). */
export async function getManagedUser(tx: Tx, ctx: AccessContext, id: string): Promise<UserRow> {
  const [u] = await rows<UserRow>(tx, sql`${USER_SELECT} WHERE u.region_id = ${ctx.regionId} AND u.id = ${id}`);
  if (!u || !canUsers.manageOrganisation(ctx, u.organisation_id)) {
    throw notFound({ nl: 'Deze gebruiker bestaat niet of valt niet onder uw beheer.', en: 'This user does not exist or is not yours to manage.' });
  }
  return u;
}

function checkRolesFit(kind: OrganisationKind, roles: Role[]) {
  const allowed = ROLES_BY_KIND[kind];
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length) {
    throw new AppError('validation_failed', {
      nl: `Deze rollen horen niet bij een organisatie van deze soort: ${wrong.join(', ')}. Toegestaan: ${allowed.join(', ')}.`,
      en: `These roles do not fit an organisation of this kind: ${wrong.join(', ')}. Allowed: ${allowed.join(', ')}.`,
    }, [{ path: 'roles', message: `Niet toegestaan: ${wrong.join(', ')}`, messageEn: `Not allowed: ${wrong.join(', ')}` }]);
  }
}

/**
 * Changes a user's roles, name or active flag. Nobody changes their own account this way; a role
 * change or deactivation ends the user's sessions, so new rights start with a new login.
 */
export async function updateUser(tx: Tx, ctx: AccessContext, target: UserRow, b: z.infer<typeof UpdateUserBody>) {
  if (!canUsers.changeUser(ctx, { id: target.id, organisationId: target.organisation_id })) {
    throw target.id === ctx.userId
      ? new AppError('forbidden', { nl: 'U kunt uw eigen rollen en account niet wijzigen; vraag een andere beheerder.', en: 'You cannot change your own roles or account; ask another administrator.' })
      : forbidden();
  }
  if (b.roles) checkRolesFit(target.organisation_kind, b.roles);
  const sets: SQL[] = [sql`version = version + 1`];
  if (b.roles) sets.push(sql`roles = ${textArray(b.roles)}`);
  if (b.name !== undefined) sets.push(sql`name = ${b.name}`);
  if (b.active !== undefined) sets.push(sql`active = ${b.active}`);
  const done = await rows<{ id: string }>(tx, sql`UPDATE users SET ${sql.join(sets, sql`, `)} WHERE region_id = ${ctx.regionId} AND id = ${target.id} AND version = ${b.version} RETURNING id`);
  if (!done.length) {
    throw new AppError('version_conflict', { nl: 'Deze gebruiker is intussen gewijzigd. Laad opnieuw.', en: 'This user was changed in the meantime. Reload.' });
  }
  const rightsChanged = (b.roles && b.roles.join() !== target.roles.join()) || b.active === false;
  if (rightsChanged) await tx.execute(sql`SELECT end_user_sessions(${target.id}::uuid)`);
  await recordAudit(tx, actorOf(ctx), {
    action: 'user_changed', resourceType: 'user', resourceId: target.id,
    details: { roles: b.roles ?? null, active: b.active ?? null, sessionsEnded: Boolean(rightsChanged) },
  });
}

/**
 * Invites a person to an organisation: a one-time link (only its hash is stored) sent through the
 * mail outbox, valid for seven days. The e-mail address may not belong to an account already.
 */
export async function createInvitation(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateInvitationBody>, baseUrl: string) {
  const organisationId = b.organisationId ?? ctx.organisationId;
  const [org] = await rows<{ id: string; kind: OrganisationKind; name: string }>(
    tx,
    sql`SELECT id, kind, name FROM organisations WHERE region_id = ${ctx.regionId} AND id = ${organisationId}`,
  );
  if (!org || !canUsers.manageOrganisation(ctx, org.id)) {
    throw notFound({ nl: 'Deze organisatie bestaat niet of valt niet onder uw beheer.', en: 'This organisation does not exist or is not yours to manage.' });
  }
  checkRolesFit(org.kind, b.roles);
  const [taken] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM users WHERE lower(email) = lower(${b.email})`);
  const [open] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM invitations WHERE region_id = ${ctx.regionId} AND lower(email) = lower(${b.email})
          AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
  );
  if (open.n > 0) {
    throw new AppError('conflict', { nl: 'Voor dit e-mailadres staat al een geldige uitnodiging open.', en: 'A valid invitation for this e-mail address is already open.' },
      [{ path: 'email', message: 'Al uitgenodigd', messageEn: 'Already invited' }]);
  }
  if (taken.n > 0) {
    throw new AppError('conflict', { nl: 'Er bestaat al een account met dit e-mailadres.', en: 'An account with this e-mail address already exists.' },
      [{ path: 'email', message: 'Al in gebruik', messageEn: 'Already in use' }]);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const id = crypto.randomUUID();
  const [inv] = await rows<{ expires_at: Date }>(
    tx,
    sql`INSERT INTO invitations (region_id, id, organisation_id, email, name, roles, token_hash, invited_by, expires_at)
        VALUES (${ctx.regionId}, ${id}, ${org.id}, ${b.email}, ${b.name}, ${textArray(b.roles)}, ${hashToken(token)}, ${ctx.userId}, now() + make_interval(days => ${INVITATION_DAYS}))
        RETURNING expires_at`,
  );
  const link = `${baseUrl}/uitnodiging/${token}`;
  await tx.execute(
    sql`INSERT INTO outbox_messages (region_id, id, to_address, subject, body_text, kind)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${b.email}, ${'Uitnodiging voor Eerst een Thuis / Invitation'},
                ${`Beste ${b.name},\n\nU bent uitgenodigd voor Eerst een Thuis bij ${org.name}. Kies uw wachtwoord via deze link (${INVITATION_DAYS} dagen geldig, één keer te gebruiken):\n${link}\n\nYou have been invited to Eerst een Thuis at ${org.name}. Choose your password with the link above (valid ${INVITATION_DAYS} days, single use).`},
                'invitation')`,
  );
  await recordAudit(tx, actorOf(ctx), { action: 'user_invited', resourceType: 'invitation', resourceId: id, details: { organisationId: org.id, roles: b.roles } });
  return { id, email: b.email, name: b.name, roles: b.roles, organisationId: org.id, expiresAt: new Date(inv.expires_at).toISOString() };
}

/** Accepts an invitation: creates the account with the chosen password; the link works once. */
export async function acceptInvitation(tx: Tx, token: string, password: string, address: string) {
  const [inv] = await rows<{ id: string; region_id: string; organisation_id: string; email: string; name: string; roles: Role[] }>(
    tx,
    sql`SELECT id, region_id, organisation_id, email, name, roles FROM invitations
         WHERE token_hash = ${hashToken(token)} AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
  );
  if (!inv) {
    throw notFound({ nl: 'Deze uitnodiging is ongeldig, verlopen of al gebruikt. Vraag uw beheerder om een nieuwe.', en: 'This invitation is invalid, expired or used. Ask your administrator for a new one.' });
  }
  const userId = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO users (region_id, id, organisation_id, email, name, password_hash, roles)
        VALUES (${inv.region_id}, ${userId}, ${inv.organisation_id}, ${inv.email}, ${inv.name}, ${await hashPassword(password)}, ${textArray(inv.roles)})`,
  );
  await tx.execute(sql`UPDATE invitations SET accepted_at = now() WHERE id = ${inv.id}`);
  await recordAudit(tx, { regionId: inv.region_id, userId, organisationId: inv.organisation_id, role: inv.roles.join(','), address }, {
    action: 'invitation_accepted', resourceType: 'user', resourceId: userId,
  });
  return { email: inv.email };
}

/** The region's outbox, newest first (the demo mail viewer). */
export async function listOutbox(tx: Tx, ctx: AccessContext, q: { limit: number; cursor?: string }) {
  const after = requireCursor(q.cursor, 2);
  const list = await rows<{ id: string; to_address: string; subject: string; body_text: string; kind: string; created_at: Date; sent_at: Date | null }>(
    tx,
    sql`SELECT id, to_address, subject, body_text, kind, created_at, sent_at FROM outbox_messages
         WHERE region_id = ${ctx.regionId} ${after ? sql`AND (created_at, id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : sql``}
         ORDER BY created_at DESC, id DESC LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
}
