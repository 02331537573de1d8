import type { AccessContext } from '../../http/context.js';
import { ASSUMPTION_KEYS, ASSUMPTION_UNITS, TARIFF_KINDS } from '../../../shared/livingLab.js';
import { canBusinessCase } from './businessCase.policy.js';
import type { AssumptionVersionRow, BusinessCaseResult, SettingsHistory, TariffVersionRow } from './businessCase.service.js';
import { settingsOn } from './businessCase.service.js';

const author = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const tariffVersion = (t: TariffVersionRow) => ({
  id: t.id, amountCents: t.amount_cents, source: t.source, validFrom: t.valid_from, createdAt: new Date(t.created_at).toISOString(), createdBy: author(t.created_by, t.created_by_name),
});
const assumptionVersion = (a: AssumptionVersionRow) => ({
  id: a.id, value: a.value, source: a.source, validFrom: a.valid_from, createdAt: new Date(a.created_at).toISOString(), createdBy: author(a.created_by, a.created_by_name),
});

/** Every tariff and assumption with the version in force on the date and all versions (newest first). */
export function presentSettings(programmeId: string, h: SettingsHistory, date: string, ctx: AccessContext) {
  const on = settingsOn(h, date);
  return {
    programmeId,
    date,
    tariffs: TARIFF_KINDS.map((kind) => {
      const current = on.tariffs.get(kind);
      return { kind, current: current ? tariffVersion(current) : null, history: h.tariffs.filter((t) => t.kind === kind).map(tariffVersion) };
    }),
    assumptions: ASSUMPTION_KEYS.map((key) => {
      const current = on.assumptions.get(key);
      return { key, unit: ASSUMPTION_UNITS[key], current: current ? assumptionVersion(current) : null, history: h.assumptions.filter((a) => a.key === key).map(assumptionVersion) };
    }),
    abilities: { edit: canBusinessCase.editSettings(ctx) },
  };
}

/**
 * The business case as the caller may see it: lines per participant only in the full view;
 * figures withheld when settings are missing or the aggregate rests on too few people.
 */
export function presentBusinessCase(bc: BusinessCaseResult) {
  const r = bc.result;
  return {
    programmeId: bc.programmeId,
    date: bc.date,
    view: bc.view,
    missing: bc.missing,
    suppressed: bc.suppressed,
    participants: bc.participants,
    settings: {
      tariffs: [...bc.settings.tariffs.values()].map((t) => ({ kind: t.kind, amountCents: t.amount_cents, source: t.source, validFrom: t.valid_from })),
      assumptions: [...bc.settings.assumptions.values()].map((a) => ({ key: a.key, value: a.value, unit: a.unit, source: a.source, validFrom: a.valid_from })),
    },
    totals: r
      ? { participantYears: r.totals.participantYears, housingFirst: r.totals.housingFirst, counterfactual: r.totals.counterfactual, savingsCents: r.totals.savingsCents, verdict: r.totals.verdict }
      : null,
    perParticipantPerYear: r?.perParticipantPerYear ?? null,
    monthly: r?.monthly ?? [],
    breakEvenMonth: r?.breakEvenMonth ?? null,
    sensitivity: r?.sensitivity ?? [],
    lines:
      r && bc.view === 'full'
        ? r.lines.map((l) => ({ participantId: l.id, code: l.code, housedOn: l.housedOn, days: l.days, housingFirst: l.housingFirst, counterfactual: l.counterfactual, savingsCents: l.savingsCents }))
        : [],
  };
}
