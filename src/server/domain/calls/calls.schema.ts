import { z } from 'zod';
import { CALL_STATUSES, PARTICIPANT_PHASES, SCORE_PARTS, TARGET_GROUPS, UNIT_STATUSES } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';

export const CallParams = z.object({ id: z.uuid() });
export const CallQuery = z.object({ status: z.enum(CALL_STATUSES).optional(), programmeId: z.uuid().optional(), ...PageQuery });

export const CreateCallBody = z.object({
  programmeId: z.uuid(),
  title: z.string().trim().min(3).max(200),
  /** The location the call is about; without `unitIds` all its available homes. */
  locationId: z.uuid().optional(),
  unitIds: z.array(z.uuid()).max(200).optional(),
  requirements: z.string().trim().min(3).max(4000),
  deadline: IsoDate,
  /** The care providers asked; default every care provider of the region. */
  recipientIds: z.array(z.uuid()).min(1).max(100).optional(),
});

export const NominationBody = z.object({
  /** The participant's id or pseudonymous code. */
  participantId: z.string().trim().min(1).max(60),
  motivation: z.string().trim().min(10).max(4000),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });
const ScorePartOut = z.object({ code: z.enum(SCORE_PARTS), points: z.number().int(), max: z.number().int(), nl: z.string(), en: z.string() });

export const Call = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  title: z.string(),
  location: Ref.nullable(),
  units: z.array(z.object({ id: z.uuid(), label: z.string(), status: z.enum(UNIT_STATUSES) })),
  requirements: z.string(),
  deadline: IsoDate,
  status: z.enum(CALL_STATUSES),
  sentOn: IsoDate,
  closedOn: IsoDate.nullable(),
  /** Only the office sees who was asked and how each answered. */
  recipients: z.array(Ref.extend({ nominations: z.number().int() })).nullable(),
  nominationCount: z.number().int(),
  abilities: z.object({ nominate: z.boolean(), close: z.boolean() }),
});

export const Nomination = z.object({
  id: z.uuid(),
  participant: z.object({
    id: z.uuid(),
    /** Null fields: the reader may no longer see this person's record. */
    code: z.string().nullable(),
    name: z.string().nullable(),
    phase: z.enum(PARTICIPANT_PHASES).nullable(),
    householdSize: z.number().int().nullable(),
    targetGroup: z.enum(TARGET_GROUPS).nullable(),
  }),
  organisation: Ref,
  motivation: z.string(),
  nominatedOn: IsoDate,
  /** Side by side (office): per home of the call, eligible or why not, and the score with its parts. */
  fit: z
    .array(
      z.object({
        unitId: z.uuid(),
        label: z.string(),
        eligible: z.boolean(),
        reasons: z.array(z.object({ code: z.string(), nl: z.string(), en: z.string() })),
        score: z.object({ total: z.number().int(), parts: z.array(ScorePartOut) }).nullable(),
      }),
    )
    .nullable(),
});

export const CallDetail = Call.extend({ nominations: z.array(Nomination) });
export const CallList = z.object({ items: z.array(Call), nextCursor: z.string().nullable() });
