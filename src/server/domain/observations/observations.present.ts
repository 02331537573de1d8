import type { ObservationRow } from './observations.service.js';

/** An observation as the client sees it. */
export function presentObservation(o: ObservationRow) {
  return {
    id: o.id,
    programmeId: o.programme_id,
    participant: o.participant_id ? { id: o.participant_id, code: o.participant_code ?? '' } : null,
    location: o.location_id ? { id: o.location_id, name: o.location_name ?? '' } : null,
    theme: o.theme,
    factor: o.factor,
    tags: o.tags,
    text: o.text,
    observedOn: o.observed_on,
    organisation: { id: o.organisation_id, name: o.organisation_name },
    author: o.author_id ? { id: o.author_id, name: o.author_name ?? '' } : null,
    createdAt: new Date(o.created_at).toISOString(),
  };
}
