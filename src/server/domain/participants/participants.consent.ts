import type { ConsentScope } from '../../../shared/enums.js';
import { AppError } from '../../http/errors.js';

/**
 * Why data of a participant may go to another party: which consent scope each kind of sharing
 * needs. Sharing within the programme (another care provider asked about an intake home) rests on
 * consent for the programme; a landlord learns of a candidate only with consent for housing;
 * researchers get pseudonymised data only with consent for research.
 */
export const SHARING_NEEDS: Record<'provider' | 'landlord' | 'research', ConsentScope> = {
  provider: 'programme',
  landlord: 'housing',
  research: 'research',
};

/** Whether a participant's recorded consent covers this kind of sharing. */
export function consentAllows(p: { consent_given_on: string | null; consent_scope: ConsentScope[] }, purpose: keyof typeof SHARING_NEEDS): boolean {
  return p.consent_given_on !== null && p.consent_scope.includes(SHARING_NEEDS[purpose]);
}

/** Refuses sharing the consent does not cover (409: the record is fine, the state is not). */
export function requireConsent(p: { consent_given_on: string | null; consent_scope: ConsentScope[] }, purpose: keyof typeof SHARING_NEEDS) {
  if (consentAllows(p, purpose)) return;
  const scope = SHARING_NEEDS[purpose];
  throw new AppError('conflict', {
    nl: `Zonder toestemming voor “${scope}” mogen deze gegevens niet gedeeld worden. Leg eerst de toestemming van de deelnemer vast.`,
    en: `Without consent for “${scope}” this data may not be shared. Record the participant's consent first.`,
  });
}
