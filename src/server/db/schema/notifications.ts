import { pgTable, uuid, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';

// Mirrors migration 0018.
export const notifications = pgTable(
  'notifications',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull(),
    bodyNl: text('body_nl').notNull(),
    bodyEn: text('body_en').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
