import { z } from 'zod';
import { OBSERVATION_FACTORS, OBSERVATION_THEMES } from '../../../shared/livingLab.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';

const Tag = z.string().trim().toLowerCase().min(1).max(40);

export const ObservationQuery = z.object({
  programmeId: z.uuid().optional(),
  theme: z.enum(OBSERVATION_THEMES).optional(),
  factor: z.enum(OBSERVATION_FACTORS).optional(),
  tag: Tag.optional(),
  participantId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  ...PageQuery,
});

export const CreateObservationBody = z
  .object({
    participantId: z.uuid().optional(),
    locationId: z.uuid().optional(),
    theme: z.enum(OBSERVATION_THEMES),
    factor: z.enum(OBSERVATION_FACTORS),
    tags: z.array(Tag).max(20).default([]),
    text: z.string().trim().min(1).max(4000),
    observedOn: IsoDate,
  })
  .refine((b) => (b.participantId === undefined) !== (b.locationId === undefined), {
    message: 'Over een deelnemer of over een locatie / about a participant or a location',
    params: { nl: 'Kies een deelnemer of een locatie (één van beide).', en: 'Choose a participant or a location (one of them).' },
  });

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const Observation = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  participant: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  location: Ref.nullable(),
  theme: z.enum(OBSERVATION_THEMES),
  factor: z.enum(OBSERVATION_FACTORS),
  tags: z.array(z.string()),
  text: z.string(),
  observedOn: IsoDate,
  organisation: Ref,
  author: Ref.nullable(),
  createdAt: z.string(),
});

export const ObservationList = z.object({ items: z.array(Observation), nextCursor: z.string().nullable() });
