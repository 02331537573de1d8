import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, textArray, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { describeRule, effectiveRules, exclusions, type CandidateFacts, type Exclusion } from '../eligibility/eligibility.evaluate.js';
import { getParticipant } from '../participants/participants.service.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { createOffer } from '../offers/offers.service.js';
import { greedyBatch, solveBatch } from './matching.batch.js';
import { loadCandidates, loadRules, loadUnitFacts } from './matching.facts.js';
import { buildProblem } from './matching.matrix.js';
import { personalParts, scoreCandidate, type Score } from './matching.score.js';
import type { CreateProposalBody, RankingQuery } from './matching.schema.js';

const unitNotFound = () => notFound({ nl: 'Deze woning bestaat niet of is niet zichtbaar voor u.', en: 'This unit does not exist or is not visible to you.' });

const reasonOut = (x: Exclusion) => ({ code: x.code, ruleId: x.ruleId, level: x.level, nl: x.nl, en: x.en });

/**
 * The ranking for one home (docs/matching.md): the programme's `ready` participants that pass
 * the engine's exclusions and the home's rules, by score (its parts explained), ties broken by
 * the by-name list's priority; and every other ready participant with each rule that excluded
 * them. `participant` explains one person, in any phase.
 */
export async function rankUnit(tx: Tx, ctx: AccessContext, unitId: string, q: z.infer<typeof RankingQuery>) {
  const asOf = q.date ?? today();
  const [unit] = await loadUnitFacts(tx, ctx.regionId, { unitIds: [unitId] });
  if (!unit) throw unitNotFound();
  const rules = effectiveRules(unit, await loadRules(tx, ctx.regionId, unit.programmeId));
  const candidates = await loadCandidates(tx, ctx.regionId, { programmeId: unit.programmeId, asOf, phases: ['ready'] });
  const eligible: { c: CandidateFacts; score: Score }[] = [];
  const excluded: { c: CandidateFacts; reasons: Exclusion[] }[] = [];
  for (const c of candidates) {
    const reasons = exclusions(unit, c, rules);
    if (reasons.length) excluded.push({ c, reasons });
    else eligible.push({ c, score: scoreCandidate(unit, c, asOf, personalParts(c, asOf)) });
  }
  // Highest score first; equal scores in the by-name list's order (candidates came in priority order, the sort is stable).
  eligible.sort((a, b) => b.score.total - a.score.total);
  const cursor = q.cursor ? decodeCursor(q.cursor, 1) : null;
  if (q.cursor && (!cursor || typeof cursor[0] !== 'number')) {
    throw validationError([fieldError('query.cursor', 'Ongeldige cursor', 'Invalid cursor')]);
  }
  const offset = cursor ? Number(cursor[0]) : 0;
  const page = eligible.slice(offset, offset + q.limit);
  const shownExcluded = excluded.slice(0, 200);
  let explanation = null;
  if (q.participant) {
    const p = await getParticipant(tx, ctx, q.participant);
    const [c] = await loadCandidates(tx, ctx.regionId, { asOf, participantIds: [p.id] });
    const reasons = exclusions(unit, c, rules);
    const at = eligible.findIndex((e) => e.c.id === c.id);
    explanation = {
      participant: { id: c.id, code: c.code, name: c.name, phase: c.phase },
      eligible: reasons.length === 0,
      rank: at >= 0 ? at + 1 : null,
      reasons: reasons.map(reasonOut),
      score: reasons.length === 0 ? scoreCandidate(unit, c, asOf) : null,
    };
  }
  await participantAccessed(tx, ctx, 'list', [...page.map((e) => e.c.id), ...shownExcluded.map((e) => e.c.id)]);
  return {
    unit: { id: unit.id, label: unit.label, status: unit.status, location: unit.locationName, municipality: unit.municipalityName, rooms: unit.rooms },
    asOf,
    rules: rules.map((r) => {
      const d = describeRule(r);
      return { id: r.id, kind: r.kind, level: r.level, description: d.nl, descriptionEn: d.en };
    }),
    counts: { candidates: candidates.length, eligible: eligible.length, excluded: excluded.length },
    items: page.map((e, i) => ({
      rank: offset + i + 1,
      participant: {
        id: e.c.id,
        code: e.c.code,
        name: e.c.name,
        householdSize: e.c.householdSize,
        targetGroup: e.c.targetGroup,
        provider: e.c.providerId ? { id: e.c.providerId, name: e.c.providerName ?? '' } : null,
      },
      score: e.score,
    })),
    nextCursor: offset + q.limit < eligible.length ? encodeCursor([offset + q.limit]) : null,
    excluded: shownExcluded.map((e) => ({ participant: { id: e.c.id, code: e.c.code, name: e.c.name }, reasons: e.reasons.map(reasonOut) })),
    explanation,
  };
}

/** A proposal as stored (codes and ids, no names: those are added when it is read). */
export interface StoredProposal {
  asOf: string;
  timings: { buildMs: number; solveMs: number; greedyMs: number };
  units: number;
  candidates: number;
  eligiblePairs: number;
  optimal: { filled: number; totalScore: number };
  greedy: { filled: number; totalScore: number };
  greedyWorseBy: { filled: number; totalScore: number };
  capacities: { providerId: string; places: number; used: number; usedByGreedy: number }[];
  pairs: {
    unitId: string;
    unitLabel: string;
    participantId: string;
    code: string;
    providerId: string | null;
    score: Score;
    greedy: { participantId: string; code: string; score: number } | null;
    differenceFromGreedy: number;
  }[];
  unfilled: { unitId: string; unitLabel: string; eligibleCandidates: number }[];
  offerIds: string[];
}

const ms = (from: number) => Math.round((performance.now() - from) * 10) / 10;

/**
 * The batch proposal for a project delivery: the homes (a location's available ones, or chosen
 * ones) assigned to `ready` candidates so that the most homes are filled with the largest total
 * score, within the providers' places, exactly (matching.batch.ts); with each pair's score
 * parts and, beside it, what the greedy choice would have given. Stored, so the office can
 * accept it later exactly as shown.
 */
export async function proposeBatch(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateProposalBody>): Promise<string> {
  const asOf = b.date ?? today();
  const errors = [];
  const [prog] = await rows<{ ok: boolean }>(tx, sql`SELECT EXISTS (SELECT 1 FROM programmes WHERE region_id = ${ctx.regionId} AND id = ${b.programmeId}) AS ok`);
  if (!prog.ok) errors.push(fieldError('programmeId', 'Onbekend programma', 'Unknown programme'));
  if (!b.locationId && !b.unitIds) errors.push(fieldError('locationId', 'Kies een locatie of woningen', 'Choose a location or units'));
  const providerIds = [...new Set(b.capacities.map((c) => c.providerId))];
  if (providerIds.length !== b.capacities.length) errors.push(fieldError('capacities', 'Noem elke aanbieder één keer', 'Name each provider once'));
  if (providerIds.length) {
    const known = await rows<{ id: string }>(tx, sql`SELECT id FROM organisations WHERE region_id = ${ctx.regionId} AND kind = 'care_provider' AND id IN ${providerIds}`);
    if (known.length !== providerIds.length) errors.push(fieldError('capacities', 'Onbekende zorgaanbieder in deze regio', 'Unknown care provider in this region'));
  }
  if (errors.length) throw validationError(errors);
  const started = performance.now();
  const units = b.unitIds
    ? await loadUnitFacts(tx, ctx.regionId, { unitIds: [...new Set(b.unitIds)], programmeId: b.programmeId })
    : await loadUnitFacts(tx, ctx.regionId, { locationId: b.locationId, programmeId: b.programmeId, status: 'available' });
  if (b.unitIds && units.length !== new Set(b.unitIds).size) throw validationError([fieldError('unitIds', 'Onbekende woning(en) in dit programma', 'Unknown unit(s) in this programme')]);
  const unavailable = units.filter((u) => u.status !== 'available');
  if (unavailable.length) {
    throw new AppError('conflict', {
      nl: `Niet beschikbaar: ${unavailable.map((u) => `${u.label} (${u.status})`).join(', ')}.`,
      en: `Not available: ${unavailable.map((u) => `${u.label} (${u.status})`).join(', ')}.`,
    });
  }
  if (!units.length) throw new AppError('conflict', { nl: 'Deze locatie heeft geen beschikbare woningen.', en: 'This location has no available homes.' });
  const rules = await loadRules(tx, ctx.regionId, b.programmeId);
  const all = await loadCandidates(tx, ctx.regionId, { programmeId: b.programmeId, asOf, phases: ['ready'] });
  const capacities = new Map(b.capacities.map((c) => [c.providerId, c.places]));
  const problem = buildProblem(units, all, rules, asOf, capacities);
  const buildMs = ms(started);
  let t = performance.now();
  const best = solveBatch(problem.input);
  const solveMs = ms(t);
  t = performance.now();
  const base = greedyBatch(problem.input);
  const greedyMs = ms(t);

  const { candidates, input } = problem;
  const used = (assignment: Int32Array) => {
    const count = new Map<string, number>();
    for (const c of assignment) if (c >= 0 && candidates[c].providerId) count.set(candidates[c].providerId!, (count.get(candidates[c].providerId!) ?? 0) + 1);
    return count;
  };
  const usedBest = used(best.unitToCandidate);
  const usedGreedy = used(base.unitToCandidate);
  const stored: StoredProposal = {
    asOf,
    timings: { buildMs, solveMs, greedyMs },
    units: units.length,
    candidates: candidates.length,
    eligiblePairs: problem.eligiblePairs,
    optimal: { filled: best.filled, totalScore: best.totalFit },
    greedy: { filled: base.filled, totalScore: base.totalFit },
    greedyWorseBy: { filled: best.filled - base.filled, totalScore: best.totalFit - base.totalFit },
    capacities: b.capacities.map((c) => ({ providerId: c.providerId, places: c.places, used: usedBest.get(c.providerId) ?? 0, usedByGreedy: usedGreedy.get(c.providerId) ?? 0 })),
    pairs: [],
    unfilled: [],
    offerIds: [],
  };
  for (let u = 0; u < units.length; u++) {
    const j = best.unitToCandidate[u];
    const g = base.unitToCandidate[u];
    if (j < 0) {
      let n = 0;
      for (let c = 0; c < input.candidates; c++) if (input.fit[u * input.candidates + c] !== -Infinity) n++;
      stored.unfilled.push({ unitId: units[u].id, unitLabel: units[u].label, eligibleCandidates: n });
      continue;
    }
    const c = candidates[j];
    const score = scoreCandidate(units[u], c, asOf);
    const greedyScore = g >= 0 ? input.fit[u * input.candidates + g] : 0;
    stored.pairs.push({
      unitId: units[u].id,
      unitLabel: units[u].label,
      participantId: c.id,
      code: c.code,
      providerId: c.providerId,
      score,
      greedy: g >= 0 ? { participantId: candidates[g].id, code: candidates[g].code, score: greedyScore } : null,
      differenceFromGreedy: score.total - greedyScore,
    });
  }
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO matching_proposals (region_id, id, programme_id, location_id, unit_ids, capacities, as_of, result, status, created_by)
        VALUES (${ctx.regionId}, ${id}, ${b.programmeId}, ${b.locationId ?? null}, ${textArray(units.map((u) => u.id))}::uuid[],
                ${JSON.stringify(b.capacities)}::jsonb, ${asOf}, ${JSON.stringify(stored)}::jsonb, 'proposed', ${ctx.userId})`,
  );
  await participantAccessed(tx, ctx, 'list', stored.pairs.map((p) => p.participantId));
  return id;
}

export interface ProposalRow {
  id: string;
  programme_id: string;
  location_id: string | null;
  status: 'proposed' | 'accepted';
  as_of: string;
  result: StoredProposal;
  created_at: Date;
}

/** One proposal of the region (the office's), or 404; `lock` for its acceptance. */
export async function getProposal(tx: Tx, ctx: AccessContext, id: string, lock = false): Promise<ProposalRow> {
  const [p] = await rows<ProposalRow>(
    tx,
    sql`SELECT id, programme_id, location_id, status, as_of, result, created_at FROM matching_proposals
         WHERE region_id = ${ctx.regionId} AND id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  if (!p) throw notFound({ nl: 'Dit voorstel bestaat niet of is niet zichtbaar voor u.', en: 'This proposal does not exist or is not visible to you.' });
  return p;
}

/** Names of the people and providers a proposal mentions (the office sees them all). */
export async function proposalNames(tx: Tx, ctx: AccessContext, p: ProposalRow) {
  const ids = [...new Set(p.result.pairs.flatMap((x) => [x.participantId, ...(x.greedy ? [x.greedy.participantId] : [])]))];
  const people = ids.length
    ? await rows<{ id: string; name: string }>(tx, sql`SELECT id, given_name || ' ' || family_name AS name FROM participants WHERE region_id = ${ctx.regionId} AND id IN ${ids}`)
    : [];
  const orgIds = [...new Set([...p.result.pairs.map((x) => x.providerId).filter((x): x is string => !!x), ...p.result.capacities.map((c) => c.providerId)])];
  const orgs = orgIds.length ? await rows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM organisations WHERE region_id = ${ctx.regionId} AND id IN ${orgIds}`) : [];
  await participantAccessed(tx, ctx, 'read', ids);
  return { people: new Map(people.map((x) => [x.id, x.name])), orgs: new Map(orgs.map((x) => [x.id, x.name])) };
}

/**
 * Accepts a proposal: every pair becomes an offer (on the route of its home's location), in one
 * transaction — if any home or person is no longer free the whole acceptance is refused (409)
 * and the office can ask for a fresh proposal.
 */
export async function acceptProposal(tx: Tx, ctx: AccessContext, id: string, note?: string): Promise<string[]> {
  const p = await getProposal(tx, ctx, id, true);
  if (p.status !== 'proposed') throw new AppError('invalid_transition', { nl: 'Dit voorstel is al aangenomen.', en: 'This proposal was already accepted.' });
  const offerIds: string[] = [];
  for (const pair of p.result.pairs) {
    try {
      offerIds.push(await createOffer(tx, ctx, { unitId: pair.unitId, participantId: pair.participantId, note: note ?? `Batchvoorstel / batch proposal ${p.id}` }, { proposalId: p.id }));
    } catch (err) {
      if (err instanceof AppError && (err.status === 409 || err.status === 404)) {
        throw new AppError('conflict', {
          nl: `${pair.unitLabel} → ${pair.code}: ${err.detailNl} Vraag een nieuw voorstel.`,
          en: `${pair.unitLabel} → ${pair.code}: ${err.detailEn} Ask for a fresh proposal.`,
        });
      }
      throw err;
    }
  }
  const result: StoredProposal = { ...p.result, offerIds };
  await tx.execute(
    sql`UPDATE matching_proposals SET status = 'accepted', accepted_by = ${ctx.userId}, accepted_at = now(), result = ${JSON.stringify(result)}::jsonb
         WHERE region_id = ${ctx.regionId} AND id = ${p.id}`,
  );
  return offerIds;
}
