import { z } from 'zod';
import { IsoDate, PageQuery } from '../../http/openapi.js';

export const DueWorkQuery = z.object({ ...PageQuery });

const Text = z.object({ nl: z.string(), en: z.string() });

export const DueWorkList = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['guidance_review', 'incident_open', 'tranche_deadline']),
      subjectId: z.uuid(),
      dueOn: IsoDate,
      overdue: z.boolean(),
      title: Text,
      body: Text,
      link: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ProgrammeParams = z.object({ id: z.uuid() });

export const DueWorkSettings = z.object({
  programmeId: z.uuid(),
  incidentAlertDays: z.number().int(),
  guidanceReviewMonths: z.number().int(),
  trancheWarningDays: z.number().int(),
});

export const UpdateDueWorkSettingsBody = z
  .object({
    incidentAlertDays: z.number().int().min(1).max(365).optional(),
    guidanceReviewMonths: z.number().int().min(1).max(24).optional(),
    trancheWarningDays: z.number().int().min(1).max(365).optional(),
  })
  .refine((b) => b.incidentAlertDays !== undefined || b.guidanceReviewMonths !== undefined || b.trancheWarningDays !== undefined, {
    message: 'Niets te wijzigen / nothing to change',
    params: { nl: 'Geef minstens één drempel op.', en: 'Give at least one threshold.' },
  });
