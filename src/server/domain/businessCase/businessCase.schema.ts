import { z } from 'zod';
import { ASSUMPTION_KEYS, ASSUMPTION_UNIT_KINDS, TARIFF_KINDS } from '../../../shared/livingLab.js';
import { IsoDate } from '../../http/openapi.js';

export const ProgrammeParams = z.object({ id: z.uuid() });

export const BusinessCaseQuery = z.object({
  /** Peildatum: costs up to and including this day (default today). */
  date: IsoDate.optional(),
  /** How far the sensitivity view varies each value, in percent (default 50). */
  spread: z.coerce.number().int().min(5).max(100).optional(),
});

const Source = z.string().trim().min(1).max(1000);

export const SettingsBody = z
  .object({
    tariffs: z
      .array(z.object({ kind: z.enum(TARIFF_KINDS), amountCents: z.number().int().min(0).max(100_000_000), source: Source, validFrom: IsoDate }))
      .max(TARIFF_KINDS.length * 4)
      .default([]),
    assumptions: z
      .array(z.object({ key: z.enum(ASSUMPTION_KEYS), value: z.number().min(0).max(1_000_000), source: Source, validFrom: IsoDate }))
      .max(ASSUMPTION_KEYS.length * 4)
      .default([]),
  })
  .refine((b) => b.tariffs.length + b.assumptions.length > 0, {
    message: 'Geef minstens één tarief of aanname / give at least one tariff or assumption',
    params: { nl: 'Geef minstens één tarief of aanname.', en: 'Give at least one tariff or assumption.' },
  });

const Author = z.object({ id: z.uuid(), name: z.string() }).nullable();

const TariffVersion = z.object({ id: z.uuid(), amountCents: z.number().int(), source: z.string(), validFrom: IsoDate, createdAt: z.string(), createdBy: Author });
const AssumptionVersion = z.object({ id: z.uuid(), value: z.number(), source: z.string(), validFrom: IsoDate, createdAt: z.string(), createdBy: Author });

export const SettingsOut = z.object({
  programmeId: z.uuid(),
  date: IsoDate,
  tariffs: z.array(z.object({ kind: z.enum(TARIFF_KINDS), current: TariffVersion.nullable(), history: z.array(TariffVersion) })),
  assumptions: z.array(
    z.object({ key: z.enum(ASSUMPTION_KEYS), unit: z.enum(ASSUMPTION_UNIT_KINDS), current: AssumptionVersion.nullable(), history: z.array(AssumptionVersion) }),
  ),
  abilities: z.object({ edit: z.boolean() }),
});

const HousingFirst = z.object({
  guidanceHours: z.number(),
  guidanceCents: z.number().int(),
  neighbourhoodTeamHours: z.number(),
  neighbourhoodTeamCents: z.number().int(),
  oneOffCents: z.number().int(),
  rentArrearsCents: z.number().int(),
  totalCents: z.number().int(),
});
const Counterfactual = z.object({
  shelterNights: z.number(),
  shelterCents: z.number().int(),
  shelteredHousingDays: z.number(),
  shelteredHousingCents: z.number().int(),
  totalCents: z.number().int(),
});
const Verdict = z.enum(['positive', 'negative', 'unknown']);

export const BusinessCaseOut = z.object({
  programmeId: z.uuid(),
  date: IsoDate,
  /** full: with a line per participant (programme office); aggregate: totals only. */
  view: z.enum(['full', 'aggregate']),
  /** Tariffs or assumptions without any version valid on the date: nothing can be computed. */
  missing: z.array(z.string()),
  /** Fewer than 5 participants in an aggregate view: figures withheld. */
  suppressed: z.boolean(),
  participants: z.number().int(),
  settings: z.object({
    tariffs: z.array(z.object({ kind: z.enum(TARIFF_KINDS), amountCents: z.number().int(), source: z.string(), validFrom: IsoDate })),
    assumptions: z.array(z.object({ key: z.enum(ASSUMPTION_KEYS), value: z.number(), unit: z.enum(ASSUMPTION_UNIT_KINDS), source: z.string(), validFrom: IsoDate })),
  }),
  totals: z
    .object({
      participantYears: z.number(),
      housingFirst: HousingFirst,
      counterfactual: Counterfactual,
      savingsCents: z.number().int(),
      verdict: Verdict,
    })
    .nullable(),
  perParticipantPerYear: z.object({ housingFirstCents: z.number().int(), counterfactualCents: z.number().int(), savingsCents: z.number().int() }).nullable(),
  monthly: z.array(z.object({ month: z.string(), date: IsoDate, housingFirstCents: z.number().int(), counterfactualCents: z.number().int(), savingsCents: z.number().int() })),
  breakEvenMonth: z.string().nullable(),
  sensitivity: z.array(
    z.object({
      kind: z.enum(['tariff', 'assumption']),
      key: z.string(),
      base: z.number(),
      low: z.number(),
      high: z.number(),
      savingsAtLowCents: z.number().int(),
      savingsAtHighCents: z.number().int(),
      verdictAtLow: Verdict,
      verdictAtHigh: Verdict,
      changesVerdict: z.boolean(),
      threshold: z.number().nullable(),
    }),
  ),
  lines: z.array(
    z.object({
      participantId: z.uuid(),
      code: z.string(),
      housedOn: IsoDate,
      days: z.number().int(),
      housingFirst: HousingFirst,
      counterfactual: Counterfactual,
      savingsCents: z.number().int(),
    }),
  ),
});
