import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { organisations, municipalities } from '../../db/schema/index.js';
import type { OrganisationKind } from '../../../shared/enums.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';

/** Organisations of a region, by name, optionally of one kind. */
export async function listOrganisations(
  tx: Tx,
  regionId: string,
  q: { kind?: OrganisationKind; limit: number; cursor?: string },
) {
  const after = requireCursor(q.cursor, 2);
  const rows = await tx
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, regionId),
        q.kind ? eq(organisations.kind, q.kind) : undefined,
        after
          ? or(
              gt(organisations.name, String(after[0])),
              and(eq(organisations.name, String(after[0])), gt(organisations.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > q.limit && last ? encodeCursor([last.name, last.id]) : null };
}

/** The municipalities of a region, by name (a few dozen at most: no paging). */
export function listMunicipalities(tx: Tx, regionId: string) {
  return tx.select().from(municipalities).where(eq(municipalities.regionId, regionId)).orderBy(asc(municipalities.name));
}
