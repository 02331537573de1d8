import { z } from 'zod';

export const ImportStepsBody = z.object({
  /** The CSV text (`;` or `,`), as exported by GET /api/v1/allocation-steps/export with rows filled in. */
  csv: z.string().min(1).max(900_000),
});

export const ImportStepsReport = z.object({
  applied: z.number().int(),
  skipped: z.number().int(),
  rows: z.array(z.object({ line: z.number().int(), offerId: z.uuid(), step: z.string(), event: z.string(), result: z.enum(['applied', 'skipped']) })),
});
