import { pgTable, uuid, text, timestamp, date, integer, bigserial, primaryKey } from 'drizzle-orm/pg-core';
import type { DeliveryMode, HousingForm, UnitStatus } from '../../../shared/enums.js';

export const locations = pgTable(
  'locations',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    municipalityId: uuid('municipality_id').notNull(),
    district: text('district'),
    form: text('form').$type<HousingForm>().notNull(),
    deliveryMode: text('delivery_mode').$type<DeliveryMode>().notNull(),
    corporationId: uuid('corporation_id'),
    providerId: uuid('provider_id'),
    expectedDate: date('expected_date'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const units = pgTable(
  'units',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    pledgeId: uuid('pledge_id'),
    locationId: uuid('location_id'),
    trancheId: uuid('tranche_id'),
    municipalityId: uuid('municipality_id').notNull(),
    label: text('label').notNull(),
    form: text('form').$type<HousingForm>().notNull(),
    rooms: integer('rooms'),
    status: text('status').$type<UnitStatus>().notNull(),
    statusSince: date('status_since').notNull(),
    expectedDate: date('expected_date'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const unitStatusEvents = pgTable(
  'unit_status_events',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id').notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    status: text('status').$type<UnitStatus>().notNull(),
    effectiveDate: date('effective_date').notNull(),
    expectedDate: date('expected_date'),
    locationId: uuid('location_id'),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
