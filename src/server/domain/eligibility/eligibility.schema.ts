import { z } from 'zod';
import { ELIGIBILITY_RULE_KINDS, INDICATION_TYPES, RISK_LEVELS, RULE_LEVELS, TARGET_GROUPS } from '../../../shared/enums.js';
import { PageQuery } from '../../http/openapi.js';
import { bilingual } from '../participants/participants.validation.js';

export const RuleParams = z.object({ id: z.uuid() });

export const RuleQuery = z.object({
  programmeId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  ...PageQuery,
});

/** Parameters per kind: what each rule needs to know. */
export const PARAMS_BY_KIND = {
  household_size: z.object({ maxPersonsPerRoom: z.number().int().min(1).max(6).default(2), maxPersons: z.number().int().min(1).max(25).optional() }).strict(),
  target_group: z.object({ allowed: z.array(z.enum(TARGET_GROUPS)).min(1) }).strict(),
  municipality_exclusion: z.object({}).strict(),
  not_accessible: z.object({}).strict(),
  no_pets: z.object({}).strict(),
  indication_required: z.object({ indications: z.array(z.enum(INDICATION_TYPES).exclude(['none'])).min(1).optional() }).strict(),
  consent_housing: z.object({}).strict(),
  risk_screening: z.object({ maxRiskLevel: z.enum(RISK_LEVELS).optional() }).strict(),
} as const;

export const CreateRuleBody = z
  .object({
    programmeId: z.uuid(),
    /** A location or a unit (not both); neither: the rule is the programme's. */
    locationId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    kind: z.enum(ELIGIBILITY_RULE_KINDS),
    params: z.record(z.string(), z.unknown()).default({}),
    note: z.string().trim().max(1000).optional(),
  })
  .check(
    bilingual<{ locationId?: string; unitId?: string }>((b) =>
      b.locationId && b.unitId ? { nl: 'Kies een locatie of een woning, niet allebei.', en: 'Choose a location or a unit, not both.' } : null,
    ),
  );

export const Rule = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  level: z.enum(RULE_LEVELS),
  locationId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  kind: z.enum(ELIGIBILITY_RULE_KINDS),
  params: z.record(z.string(), z.unknown()),
  description: z.string(),
  descriptionEn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ remove: z.boolean() }),
});
export const RuleList = z.object({ items: z.array(Rule), nextCursor: z.string().nullable() });
