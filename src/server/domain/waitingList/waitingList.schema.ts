import { z } from 'zod';
import { CURRENT_PLACES, PRIORITY_CRITERIA, TARGET_GROUPS } from '../../../shared/enums.js';
import { IsoDate } from '../../http/openapi.js';
import { bilingual } from '../participants/participants.validation.js';

const unique = <T>(label: { nl: string; en: string }) =>
  bilingual<T[]>((v) => (new Set(v).size === v.length ? null : { nl: `${label.nl} staan er dubbel in.`, en: `${label.en} are listed twice.` }));

/** The stored settings (also the body of a new version, without its bookkeeping). */
export const PrioritySettingsShape = z.object({
  criteria: z
    .array(z.enum(PRIORITY_CRITERIA))
    .min(1)
    .max(PRIORITY_CRITERIA.length)
    .check(unique({ nl: 'Criteria', en: 'Criteria' })),
  targetGroupOrder: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).check(unique({ nl: 'Doelgroepen', en: 'Target groups' })).default([...TARGET_GROUPS]),
  currentPlaceOrder: z.array(z.enum(CURRENT_PLACES)).max(CURRENT_PLACES.length).check(unique({ nl: 'Verblijfplaatsen', en: 'Current places' })).default(['street', 'night_shelter', 'shelter_24h', 'with_friends', 'sheltered_housing', 'other']),
});

export const PrioritySettingsParams = z.object({ id: z.uuid() });

export const PrioritySettingsBody = PrioritySettingsShape.extend({
  /** The version this change was made on (0 when the default applied); a stale one is refused with 409. */
  baseVersion: z.number().int().min(0),
  note: z.string().trim().max(2000).optional(),
});

export const PrioritySettingsOut = z.object({
  programmeId: z.uuid(),
  version: z.number().int(),
  isDefault: z.boolean(),
  criteria: z.array(z.enum(PRIORITY_CRITERIA)),
  targetGroupOrder: z.array(z.enum(TARGET_GROUPS)),
  currentPlaceOrder: z.array(z.enum(CURRENT_PLACES)),
  tieBreaker: z.literal('code'),
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  description: z.object({ nl: z.string(), en: z.string() }),
  abilities: z.object({ edit: z.boolean() }),
});

export const FlowQuery = z.object({
  programmeId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const FlowOut = z.object({
  from: IsoDate,
  to: IsoDate,
  months: z.array(
    z.object({
      month: z.string(),
      inflow: z.number().int(),
      outflow: z.number().int(),
      eligible: z.number().int(),
      ready: z.number().int(),
      housed: z.number().int(),
      exited: z.number().int(),
      withdrawn: z.number().int(),
      notEligible: z.number().int(),
      activeAtEnd: z.number().int(),
      waitingAtEnd: z.number().int(),
    }),
  ),
  definitions: z.object({ nl: z.string(), en: z.string() }),
});
