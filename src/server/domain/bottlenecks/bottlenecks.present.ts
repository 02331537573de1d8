import type { AccessContext } from '../../http/context.js';
import { BOTTLENECK_TRANSITIONS, canBottlenecks } from './bottlenecks.policy.js';
import type { BottleneckEventRow, BottleneckRow } from './bottlenecks.service.js';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** A bottleneck as the client sees it, with what this user may do. */
export function presentBottleneck(b: BottleneckRow, ctx: AccessContext) {
  const edit = canBottlenecks.edit(ctx);
  return {
    id: b.id,
    programmeId: b.programme_id,
    title: b.title,
    description: b.description,
    area: b.area,
    owner: { organisation: ref(b.owner_organisation_id, b.owner_organisation_name), name: b.owner_name },
    status: b.status,
    solution: b.solution,
    solvedOn: b.solved_on,
    proposedBy: ref(b.proposed_by, b.proposed_by_name),
    proposedByOrganisation: ref(b.proposed_by_organisation_id, b.proposed_by_organisation_name),
    version: b.version,
    createdAt: new Date(b.created_at).toISOString(),
    updatedAt: new Date(b.updated_at).toISOString(),
    abilities: { edit },
    allowedStatuses: edit ? [...BOTTLENECK_TRANSITIONS[b.status]] : [],
  };
}

export function presentBottleneckDetail(b: BottleneckRow, history: BottleneckEventRow[], ctx: AccessContext) {
  return {
    ...presentBottleneck(b, ctx),
    history: history.map((e) => ({
      id: e.id,
      kind: e.kind,
      statusBefore: e.status_before,
      statusAfter: e.status_after,
      changes: e.changes,
      note: e.note,
      recordedBy: ref(e.recorded_by, e.recorded_by_name),
      recordedByOrganisation: ref(e.recorded_by_organisation_id, e.recorded_by_organisation_name),
      recordedAt: new Date(e.recorded_at).toISOString(),
    })),
  };
}
