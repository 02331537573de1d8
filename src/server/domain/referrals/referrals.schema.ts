import { z } from 'zod';
import { bilingual } from '../participants/participants.validation.js';

export const DraftParams = z.object({ id: z.uuid() });

/** Whatever the referral form holds so far: not validated as a referral until it is sent. */
const DraftData = z
  .record(z.string(), z.unknown())
  .check(
    bilingual<Record<string, unknown>>((v) =>
      JSON.stringify(v).length > 64 * 1024 ? { nl: 'Het concept is te groot (meer dan 64 kB).', en: 'The draft is too large (over 64 kB).' } : null,
    ),
  );

export const CreateDraftBody = z.object({ data: DraftData });
export const UpdateDraftBody = z.object({ version: z.number().int().min(1), data: DraftData });

export const DraftOut = z.object({
  id: z.uuid(),
  data: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const DraftList = z.object({ items: z.array(DraftOut), nextCursor: z.string().nullable() });
