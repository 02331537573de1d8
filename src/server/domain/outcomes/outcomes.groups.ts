import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import type { OutcomeGroup } from '../../../shared/enums.js';

/**
 * The group key of a row of outcome_spells (aliased `s`) for each way of splitting the figures.
 * Unknown values (a home without a location has no delivery route) become 'unknown', never NULL.
 */
export function groupExpression(groupBy: OutcomeGroup): SQL {
  switch (groupBy) {
    case 'provider':
      return sql`coalesce(s.provider_id::text, 'unknown')`;
    case 'municipality':
      return sql`coalesce(s.municipality_id::text, 'unknown')`;
    case 'targetGroup':
      return sql`coalesce(s.target_group, 'unknown')`;
    case 'housingForm':
      return sql`coalesce(s.housing_form, 'unknown')`;
    case 'route':
      return sql`coalesce(s.route, 'unknown')`;
  }
}

/**
 * Labels of group keys that are ids (providers, municipalities); coded keys (target group,
 * housing form, route) are labelled by the client from its catalogue.
 */
export async function groupLabels(tx: Tx, regionId: string, groupBy: OutcomeGroup): Promise<Map<string, string>> {
  if (groupBy === 'provider') {
    const list = await rows<{ id: string; name: string }>(tx, sql`SELECT id::text, name FROM organisations WHERE region_id = ${regionId}`);
    return new Map(list.map((r) => [r.id, r.name]));
  }
  if (groupBy === 'municipality') {
    const list = await rows<{ id: string; name: string }>(tx, sql`SELECT id::text, name FROM municipalities WHERE region_id = ${regionId}`);
    return new Map(list.map((r) => [r.id, r.name]));
  }
  return new Map();
}

/** The programme's region, or 404 when the programme is not in the caller's region. */
export async function programmeOrNotFound(tx: Tx, programmeId: string): Promise<string> {
  const [p] = await rows<{ region_id: string }>(tx, sql`SELECT region_id FROM programmes WHERE id = ${programmeId} AND region_id = app_region()`);
  if (!p) throw notFound({ nl: 'Programma niet gevonden.', en: 'Programme not found.' });
  return p.region_id;
}
