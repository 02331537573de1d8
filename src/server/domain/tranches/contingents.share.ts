/**
 * The intake share of a provider's "Beter Wonen" contingent (docs/tranches.md): how many of the
 * contingent's homes the provider used as intake homes (instroomwoningen: the provider holds the
 * first lease and sublets) against the share it aims for (30 % in the first year for De
 * Tussenvoorziening). Pure arithmetic, no database: the service counts, this judges.
 */
export interface IntakeShareInput {
  /** Homes in the provider's contingent for the year. */
  homes: number;
  /** Tenancies of the provider started in that year whose first lease the provider held. */
  intakeHomes: number;
  /** Target share in percent (0–100, two decimals at most). */
  targetPercent: number;
}

export interface IntakeShare {
  /** intakeHomes / homes in percent, one decimal; null when the contingent has no homes. */
  sharePercent: number | null;
  targetPercent: number;
  /** The homes the target asks for: homes × target, rounded up (30 % of 25 homes is 8, not 7.5). */
  targetHomes: number;
  /** Intake homes still missing to reach the target (0 when reached or above). */
  gapHomes: number;
  /** True when the intake homes reach the target homes (a contingent of 0 homes is on track). */
  onTrack: boolean;
}

/**
 * Computes the intake share. Integer arithmetic on basis points keeps the rounding exact
 * (30 % of 10 homes is 3 homes exactly, not 3.0000000000000004 rounded up to 4).
 */
export function intakeShare(input: IntakeShareInput): IntakeShare {
  const homes = Math.max(0, Math.trunc(input.homes));
  const intake = Math.max(0, Math.trunc(input.intakeHomes));
  const basisPoints = Math.round(input.targetPercent * 100);
  const targetHomes = Math.ceil((homes * basisPoints) / 10_000);
  const sharePercent = homes === 0 ? null : Math.round((intake * 1000) / homes) / 10;
  const gapHomes = Math.max(0, targetHomes - intake);
  return { sharePercent, targetPercent: basisPoints / 100, targetHomes, gapHomes, onTrack: gapHomes === 0 };
}
