import { pgTable, uuid, text, timestamp, date, integer, bigint, primaryKey } from 'drizzle-orm/pg-core';
import type { HousingForm, TargetGroup } from '../../../shared/enums.js';

export const programmes = pgTable(
  'programmes',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    target: integer('target').notNull(),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const reviewMoments = pgTable(
  'review_moments',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    date: date('date').notNull(),
    title: text('title').notNull(),
    notes: text('notes'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const tranches = pgTable(
  'tranches',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    providerId: uuid('provider_id'),
    deadline: date('deadline'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const pledges = pgTable(
  'pledges',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    municipalityId: uuid('municipality_id').notNull(),
    places: integer('places').notNull(),
    targetGroup: text('target_group').$type<TargetGroup>().notNull(),
    form: text('form').$type<HousingForm>().notNull(),
    pledgedOn: date('pledged_on').notNull(),
    trancheId: uuid('tranche_id'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const pledgePartners = pgTable(
  'pledge_partners',
  {
    regionId: uuid('region_id').notNull(),
    pledgeId: uuid('pledge_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.pledgeId, t.organisationId] })],
);
