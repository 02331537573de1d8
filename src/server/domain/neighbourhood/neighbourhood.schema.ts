import { z } from 'zod';
import { UNIT_STATUSES } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';

/** Where an incident report came from. */
export const INCIDENT_SOURCES = ['neighbour', 'corporation', 'provider', 'police', 'tenant', 'municipality', 'other'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
/** How a building is doing (see neighbourhood.signal.ts for the rule). */
export const NEIGHBOURHOOD_SIGNALS = ['calm', 'attention', 'concern'] as const;
export type NeighbourhoodSignal = (typeof NEIGHBOURHOOD_SIGNALS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const LocationIdParams = z.object({ id: z.uuid() });
export const IncidentParams = z.object({ id: z.uuid() });

export const MixBody = z.object({
  regularHomes: z.number().int().min(0).max(2000).nullable(),
  version: z.number().int().min(1),
});

export const OverviewQuery = z.object({
  /** The reference day for ages and the twelve months (default today); lets a figure be recomputed for a past day. */
  on: IsoDate.optional(),
});

export const MeetingQuery = z.object({ ...PageQuery });
export const MeetingBody = z.object({
  heldOn: IsoDate,
  attendees: z.number().int().min(0).max(10000).nullable().optional(),
  notes: text(10000),
});
export const Meeting = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  heldOn: IsoDate,
  attendees: z.number().int().nullable(),
  notes: z.string(),
  recordedAt: z.string(),
});
export const MeetingList = z.object({ items: z.array(Meeting), nextCursor: z.string().nullable() });

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const IncidentQuery = z.object({
  locationId: z.uuid().optional(),
  tenancyId: z.uuid().optional(),
  open: bool.optional(),
  severity: z.enum(INCIDENT_SEVERITIES).optional(),
  ...PageQuery,
});

export const CreateIncidentBody = z.object({
  locationId: z.uuid(),
  tenancyId: z.uuid().nullable().optional(),
  occurredOn: IsoDate,
  source: z.enum(INCIDENT_SOURCES),
  severity: z.enum(INCIDENT_SEVERITIES),
  description: text(5000),
  followUp: text(5000).nullable().optional(),
});
export const PatchIncidentBody = z.object({
  version: z.number().int().min(1),
  severity: z.enum(INCIDENT_SEVERITIES).optional(),
  followUp: text(5000).nullable().optional(),
});
export const ClosureBody = z.object({
  closedOn: IsoDate,
  followUp: text(5000),
  /** Optional: when given, a stale version answers 409. */
  version: z.number().int().min(1).optional(),
});

export const Incident = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  location: z.string(),
  occurredOn: IsoDate,
  source: z.enum(INCIDENT_SOURCES),
  severity: z.enum(INCIDENT_SEVERITIES),
  /** False for a municipality: it sees that something happened, not what or about whom. */
  details: z.boolean(),
  description: z.string().nullable(),
  followUp: z.string().nullable(),
  /** The tenancy the incident is about (only for those who may see the link, and the tenancy). */
  tenancy: z.object({ id: z.uuid(), unitLabel: z.string() }).nullable(),
  closedOn: IsoDate.nullable(),
  open: z.boolean(),
  /** Days from occurrence to closure, or to today while open. */
  ageDays: z.number().int(),
  /** Open longer than the programme's incident_alert_days. */
  overdue: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), close: z.boolean() }),
});
export const IncidentList = z.object({ items: z.array(Incident), nextCursor: z.string().nullable() });

const counts = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<string, z.ZodNumber>);

export const Overview = z.object({
  location: z.object({
    id: z.uuid(),
    name: z.string(),
    form: z.string(),
    municipality: z.string(),
    district: z.string().nullable(),
    corporation: z.string().nullable(),
    provider: z.string().nullable(),
    version: z.number().int(),
  }),
  on: IsoDate,
  mixed: z.boolean(),
  /** Programme places are the location's units (not withdrawn); regular homes go to tenants who chose the building. */
  mix: z.object({ programmePlaces: z.number().int(), regularHomes: z.number().int().nullable(), total: z.number().int() }),
  unitsByStatus: counts(UNIT_STATUSES),
  tenancies: z.object({
    current: z.number().int(),
    providerHeld: z.number().int(),
    tenantHeld: z.number().int(),
    flipped: z.number().int(),
    ended: z.number().int(),
  }),
  incidentsByMonth: z.array(z.object({ month: z.string(), low: z.number().int(), medium: z.number().int(), high: z.number().int(), total: z.number().int() })),
  alertDays: z.number().int(),
  openIncidents: z.array(
    z.object({ id: z.uuid(), occurredOn: IsoDate, source: z.enum(INCIDENT_SOURCES), severity: z.enum(INCIDENT_SEVERITIES), ageDays: z.number().int(), overdue: z.boolean() }),
  ),
  openCount: z.number().int(),
  overdueCount: z.number().int(),
  lastMeetings: z.array(Meeting),
  signal: z.enum(NEIGHBOURHOOD_SIGNALS),
  abilities: z.object({ setMix: z.boolean(), recordIncident: z.boolean(), recordMeeting: z.boolean(), incidentDetails: z.boolean() }),
});
