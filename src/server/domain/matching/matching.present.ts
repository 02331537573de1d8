import type { ProposalRow } from './matching.service.js';

/** A batch proposal with the names the office sees: each pair's score parts beside the greedy choice for the same home. */
export function presentProposal(p: ProposalRow, names: { people: Map<string, string>; orgs: Map<string, string> }) {
  const r = p.result;
  const person = (id: string, code: string) => ({ id, code, name: names.people.get(id) ?? '' });
  return {
    id: p.id,
    programmeId: p.programme_id,
    locationId: p.location_id,
    status: p.status,
    asOf: p.as_of,
    createdAt: new Date(p.created_at).toISOString(),
    units: r.units,
    candidates: r.candidates,
    eligiblePairs: r.eligiblePairs,
    optimal: r.optimal,
    greedy: r.greedy,
    greedyWorseBy: r.greedyWorseBy,
    timings: r.timings,
    capacities: r.capacities.map((c) => ({ ...c, provider: names.orgs.get(c.providerId) ?? '' })),
    pairs: r.pairs.map((x) => ({
      unit: { id: x.unitId, label: x.unitLabel },
      participant: { ...person(x.participantId, x.code), provider: x.providerId ? { id: x.providerId, name: names.orgs.get(x.providerId) ?? '' } : null },
      score: x.score,
      greedy: { participant: x.greedy ? person(x.greedy.participantId, x.greedy.code) : null, score: x.greedy ? x.greedy.score : null },
      differenceFromGreedy: x.differenceFromGreedy,
    })),
    unfilled: r.unfilled.map((u) => ({ unit: { id: u.unitId, label: u.unitLabel }, eligibleCandidates: u.eligibleCandidates })),
    offerIds: r.offerIds,
  };
}
