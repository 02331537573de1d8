import { z } from 'zod';
import { RISK_LEVELS } from '../../../shared/enums.js';
import { IsoDate } from '../../http/openapi.js';
import { PastDate } from '../participants/participants.validation.js';

/** POST /participants/{id}/risk-screenings: the dated result of a risk screening (risicotaxatie). */
export const RiskScreeningBody = z.object({
  screenedOn: PastDate,
  riskLevel: z.enum(RISK_LEVELS),
  /** Municipalities where the person may not live (e.g. where the perpetrator lives). */
  excludedMunicipalityIds: z.array(z.uuid()).max(30).default([]),
  /** Districts or neighbourhoods to avoid within otherwise allowed municipalities. */
  excludedAreas: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  notes: z.string().trim().max(4000).optional(),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const RiskScreeningOut = z.object({
  id: z.uuid(),
  participant: z.object({ id: z.uuid(), code: z.string() }),
  screenedOn: IsoDate,
  riskLevel: z.enum(RISK_LEVELS),
  organisation: Ref,
  excludedMunicipalities: z.array(Ref),
  excludedAreas: z.array(z.string()),
  notes: z.string().nullable().optional(),
  recordedAt: z.string(),
  fromParticipant: z.string().nullable(),
});
