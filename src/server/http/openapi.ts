import { z } from 'zod';
import { AppError } from './errors.js';

/** The RFC 9457 problem document every error answers with. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    titleEn: z.string(),
    status: z.number().int(),
    detail: z.string(),
    detailEn: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** Response entries for the given error statuses, for a route's OpenAPI description. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof Problem> {
  return Object.fromEntries(statuses.map((s) => [s, Problem])) as Record<S, typeof Problem>;
}

/** `?limit=&cursor=` of every list. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export const IsoDate = z.iso.date();

/** Encodes a keyset position for `nextCursor`. */
export const encodeCursor = (values: (string | number)[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** Decodes a cursor; a cursor that was not ours is a 400, not a 500. */
export function decodeCursor(cursor: string | undefined, size: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === size && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    /* fall through */
  }
  return null;
}

/** Like decodeCursor, but an unreadable cursor is refused with 400. */
export function requireCursor(cursor: string | undefined, size: number): (string | number)[] | null {
  if (!cursor) return null;
  const v = decodeCursor(cursor, size);
  if (!v) {
    throw new AppError(
      'validation_failed',
      { nl: 'De cursor is ongeldig; begin opnieuw zonder cursor.', en: 'The cursor is invalid; start again without a cursor.' },
      [{ path: 'query.cursor', message: 'Ongeldige cursor', messageEn: 'Invalid cursor' }],
    );
  }
  return v;
}
