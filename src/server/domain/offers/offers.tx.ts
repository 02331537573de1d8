import type { Database, Tx } from '../../db/client.js';
import { inContext, type AccessContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

/** The SQLSTATE of an error or its cause (both drivers). */
function sqlState(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * `inContext` for the matching workflow: a transaction that lost a deadlock (40P01) or a
 * serialisation conflict (40001) to a concurrent one changed nothing, so it is run again, up
 * to three times; then the caller gets 409 rather than a 500. (Locks are taken home first,
 * then offers, which keeps deadlocks to rare three-way cases with the audit chain's lock.)
 */
export async function inOfferContext<T>(database: Database, ctx: AccessContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inContext(database, ctx, fn);
    } catch (err) {
      const state = sqlState(err);
      if (state !== '40P01' && state !== '40001') throw err;
      if (attempt >= 3) {
        throw new AppError('conflict', {
          nl: 'Iemand anders wijzigde tegelijk hetzelfde aanbod of dezelfde woning. Probeer het opnieuw.',
          en: 'Someone else changed the same offer or home at the same moment. Please try again.',
        });
      }
    }
  }
}
