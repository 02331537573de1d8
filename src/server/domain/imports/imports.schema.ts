import { z } from 'zod';
import { IMPORT_STATUSES } from '../../../shared/enums.js';

export const ImportParams = z.object({ id: z.uuid() });

/** Largest file accepted in one import (bigger lists are split). */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/** POST /imports: the CSV text as the template describes it; nothing is imported until confirmed. */
export const CreateImportBody = z.object({
  programmeId: z.uuid(),
  fileName: z.string().trim().max(255).optional(),
  csv: z.string().min(1).max(MAX_IMPORT_BYTES),
});

export const ConfirmImportBody = z.object({}).strict();

export const ImportRowOut = z.object({
  /** Data row number (1 = the first row under the header). */
  row: z.number().int(),
  /** Line in the file where the row starts. */
  line: z.number().int(),
  status: z.enum(['valid', 'invalid', 'imported', 'skipped']),
  errors: z.array(z.object({ column: z.string().nullable(), path: z.string(), message: z.string(), messageEn: z.string() })),
  participant: z.object({ id: z.uuid(), code: z.string() }).nullable(),
});

export const ImportOut = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  fileName: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  confirmedAt: z.string().nullable(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  importedRows: z.number().int().nullable(),
  rows: z.array(ImportRowOut),
});
