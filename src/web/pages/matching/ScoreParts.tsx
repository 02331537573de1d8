import type { Score } from '../../api/matching';
import { useBilingual, useT } from '../../i18n';

/** A score's parts as a short list: "Wachttijd: 40 van 200 — 1 punt per 5 dagen…". */
export function ScoreParts({ score }: { score: Score }) {
  const t = useT();
  const text = useBilingual();
  return (
    <ul className="eh-reasons">
      {score.parts.map((part) => (
        <li key={part.code}>
          {t(`scorePart.${part.code}`)}: {t('ranking.pointsOf', { points: part.points, max: part.max })}
          <span className="eh-muted"> — {text(part)}</span>
        </li>
      ))}
    </ul>
  );
}
