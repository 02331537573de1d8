import { pgTable, uuid, text, timestamp, jsonb, primaryKey } from 'drizzle-orm/pg-core';
import type { EligibilityRuleKind } from '../../../shared/enums.js';

// Mirrors migration 0016.
export const eligibilityRules = pgTable(
  'eligibility_rules',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    locationId: uuid('location_id'),
    unitId: uuid('unit_id'),
    kind: text('kind').$type<EligibilityRuleKind>().notNull(),
    params: jsonb('params').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
