import { pgTable, uuid, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import type { OrganisationKind } from '../../../shared/enums.js';

export const organisations = pgTable(
  'organisations',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    municipalityId: uuid('municipality_id'),
    /** The district a neighbourhood team works in (migration 0021). */
    district: text('district'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
