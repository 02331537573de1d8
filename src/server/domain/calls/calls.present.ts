import type { AccessContext } from '../../http/context.js';
import { today } from '../../../shared/dates.js';
import type { UnitStatus } from '../../../shared/enums.js';
import type { Score } from '../matching/matching.score.js';
import { canCall } from './calls.policy.js';
import type { CallRow, NominationRow } from './calls.service.js';

type Fit = { unitId: string; label: string; eligible: boolean; reasons: { code: string; nl: string; en: string }[]; score: Score | null }[];

/** A call as the reader sees it: the office also sees whom it asked and how each answered. */
export function presentCall(c: CallRow, ctx: AccessContext, units: { id: string; label: string; status: UnitStatus }[], recipients: { id: string; name: string; nominations: number }[] | null) {
  return {
    id: c.id,
    programmeId: c.programme_id,
    title: c.title,
    location: c.location_id ? { id: c.location_id, name: c.location_name ?? '' } : null,
    units: units.map((u) => ({ id: u.id, label: u.label, status: u.status })),
    requirements: c.requirements,
    deadline: c.deadline,
    status: c.status,
    sentOn: c.sent_on,
    closedOn: c.closed_on,
    recipients: canCall.review(ctx) ? recipients : null,
    nominationCount: c.nomination_count,
    abilities: {
      nominate: canCall.nominate(ctx) && c.recipient_of && c.status === 'open' && today() <= c.deadline,
      close: canCall.close(ctx) && c.status === 'open',
    },
  };
}

/** A nomination: the candidate as the reader may see them, the motivation, and (office) the fit per home. */
export function presentNomination(n: NominationRow, fit: Fit | undefined) {
  return {
    id: n.id,
    participant: {
      id: n.participant_id,
      code: n.code,
      name: n.name,
      phase: n.phase,
      householdSize: n.household_size,
      targetGroup: n.target_group,
    },
    organisation: { id: n.organisation_id, name: n.organisation_name },
    motivation: n.motivation,
    nominatedOn: n.nominated_on,
    fit: fit ?? null,
  };
}
