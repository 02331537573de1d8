import type { UnitStatus } from '../api/types';
import { useT } from '../i18n';

/** The status of a unit as a badge; the colour is a hint, the text carries the meaning. */
export function StatusBadge({ status }: { status: UnitStatus }) {
  const t = useT();
  return <span className={`utrecht-status-badge eh-status eh-status--${status}`}>{t(`status.${status}`)}</span>;
}
