import { pgTable, uuid, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    cbsCode: text('cbs_code'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
