import { z } from 'zod';
import { IsoDate } from '../../http/openapi.js';

export const ReportParams = z.object({ id: z.uuid() });
export const ReportQuery = z.object({
  date: IsoDate.optional(),
  lang: z.enum(['nl', 'en']).optional(),
});

const Text = z.object({ nl: z.string(), en: z.string() });
export const ReportSectionSchema = z.object({
  key: z.string(),
  title: Text,
  note: Text.optional(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: Text,
      value: z.union([z.number(), z.string(), z.null()]),
      n: z.number().int().nullable().optional(),
      suppressed: z.boolean().optional(),
    }),
  ),
});
export const ProgressReportSchema = z.object({
  programme: z.object({ id: z.uuid(), name: z.string(), target: z.number().int(), periodStart: z.string(), periodEnd: z.string() }),
  date: z.string(),
  generatedAt: z.string(),
  sections: z.array(ReportSectionSchema),
});

export const SnapshotList = z.object({
  items: z.array(
    z.object({
      month: z.string(),
      asOf: z.string(),
      takenAt: z.string(),
      /** Every figure of the report by its code (`section.row`), as reported then. */
      figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    }),
  ),
});
export const SnapshotBody = z.object({
  /** The month to record (YYYY-MM); default the last complete month. It must have ended. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
export const SnapshotResult = z.object({ month: z.string(), asOf: z.string(), created: z.boolean() });
