import type { ParticipantPhase } from '../api/types';
import { useT } from '../i18n';

/** A participant's phase as a badge; the colour is a hint, the text carries the meaning. */
export function PhaseBadge({ phase, id }: { phase: ParticipantPhase; id?: string }) {
  const t = useT();
  return (
    <span id={id} className={`utrecht-status-badge eh-status eh-phase eh-phase--${phase}`} data-phase={phase}>
      {t(`phase.${phase}`)}
    </span>
  );
}
