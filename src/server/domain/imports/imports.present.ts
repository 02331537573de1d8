import type { ImportHead, ImportRow } from './imports.service.js';

/** The report of an import: per row whether it is valid, refused (and why), imported or skipped. No row data. */
export function presentImport(head: ImportHead, list: ImportRow[]) {
  return {
    id: head.id,
    programmeId: head.programme_id,
    fileName: head.file_name,
    status: head.status,
    createdAt: new Date(head.created_at).toISOString(),
    createdBy: head.created_by ? { id: head.created_by, name: head.created_by_name ?? '' } : null,
    confirmedAt: head.confirmed_at ? new Date(head.confirmed_at).toISOString() : null,
    totalRows: head.total_rows,
    validRows: head.valid_rows,
    invalidRows: head.invalid_rows,
    importedRows: head.imported_rows,
    rows: list.map((r) => ({
      row: r.row_number,
      line: r.line,
      status: r.participant_id
        ? ('imported' as const)
        : r.errors.some((e) => e.stage === 'confirmation')
          ? ('skipped' as const)
          : r.errors.length
            ? ('invalid' as const)
            : ('valid' as const),
      errors: r.errors.map((e) => ({ column: e.column, path: e.path, message: e.message, messageEn: e.messageEn })),
      participant: r.participant_id ? { id: r.participant_id, code: r.participant_code ?? '' } : null,
    })),
  };
}
