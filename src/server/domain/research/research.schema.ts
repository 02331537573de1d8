import { z } from 'zod';

export const ResearchParams = z.object({ id: z.uuid() });
export const ResearchExportBody = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
  /** shift: every date of a person moved by the same random number of days; month: dates as YYYY-MM. */
  dateMode: z.enum(['shift', 'month']).default('shift'),
});
const Cell = z.union([z.string(), z.number(), z.null()]);
export const ResearchExportJson = z.object({
  exportId: z.uuid(),
  programmeId: z.uuid(),
  createdAt: z.string(),
  dateMode: z.enum(['shift', 'month']),
  counts: z.record(z.string(), z.number().int()),
  generalised: z.number().int(),
  codebook: z.array(
    z.object({ table: z.string(), column: z.string(), type: z.string(), nl: z.string(), en: z.string(), values: z.array(z.string()).readonly().optional() }),
  ).readonly(),
  tables: z.record(z.string(), z.array(z.record(z.string(), Cell))),
});
export const ResearchExportList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      programmeId: z.uuid(),
      by: z.string().nullable(),
      organisation: z.string().nullable(),
      format: z.enum(['csv', 'json']),
      dateMode: z.enum(['shift', 'month']),
      participants: z.number().int(),
      counts: z.record(z.string(), z.number()),
      generalised: z.number().int(),
      createdAt: z.string(),
    }),
  ),
});
