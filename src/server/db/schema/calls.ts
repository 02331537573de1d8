import { pgTable, uuid, text, timestamp, date, integer, primaryKey } from 'drizzle-orm/pg-core';
import type { CallStatus } from '../../../shared/enums.js';

// Mirrors migration 0017.
export const calls = pgTable(
  'calls',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    title: text('title').notNull(),
    locationId: uuid('location_id'),
    unitIds: uuid('unit_ids').array().notNull(),
    requirements: text('requirements').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').$type<CallStatus>().notNull(),
    sentOn: date('sent_on').notNull(),
    closedOn: date('closed_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const callRecipients = pgTable(
  'call_recipients',
  {
    regionId: uuid('region_id').notNull(),
    callId: uuid('call_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.callId, t.organisationId] })],
);

export const callNominations = pgTable(
  'call_nominations',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    callId: uuid('call_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    motivation: text('motivation').notNull(),
    nominatedBy: uuid('nominated_by'),
    nominatedOn: date('nominated_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
