import type { AuditReadRow } from './audit.read.js';

export const presentAuditEvent = (a: AuditReadRow) => ({
  id: a.id,
  seq: Number(a.seq),
  at: new Date(a.at).toISOString(),
  user: a.user_id ? { id: a.user_id, name: a.user_name ?? '' } : null,
  organisation: a.organisation_id ? { id: a.organisation_id, name: a.organisation_name ?? '' } : null,
  role: a.role,
  onBehalfOf: a.on_behalf_of,
  participants: (a.participants ?? []).map((p) => ({ id: p.id, code: p.code })),
  action: a.action,
  resourceType: a.resource_type,
  resourceId: a.resource_id,
  address: a.address,
  result: a.result,
});

export const AUDIT_CSV_HEADER = ['tijdstip', 'gebruiker', 'organisatie', 'rol', 'namens', 'deelnemers', 'handeling', 'object', 'object_id', 'adres', 'resultaat'];

// A cell starting with = + - @ would run as a formula in a spreadsheet: neutralise it.
const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export const auditCsvValues = (a: ReturnType<typeof presentAuditEvent>) => [
  a.at, a.user?.name ?? '', a.organisation?.name ?? '', a.role ?? '', a.onBehalfOf ?? '',
  a.participants.map((p) => p.code ?? p.id).join(' '), a.action, a.resourceType, a.resourceId ?? '', a.address ?? '', a.result,
].map(cell);
