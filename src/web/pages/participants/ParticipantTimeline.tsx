import { useMemo, useState } from 'react';
import type { ParticipantDetail, TimelineEntry } from '../../api/types';
import { Button } from '../../components/Button';
import { Heading } from '../../components/Heading';
import { Empty } from '../../components/States';
import { useBilingual, useFormat, useT, type Formatters, type MessageKey, type Translate } from '../../i18n';

interface Worded {
  text: string;
  meta: string | null;
  note: string | null;
}

const KIND_LABELS: Record<string, MessageKey> = {
  referral: 'timeline.kind.referral',
  phase: 'timeline.kind.phase',
  assessment_requested: 'timeline.kind.assessment',
  assessment_decided: 'timeline.kind.assessment',
  risk_screening: 'timeline.kind.riskScreening',
  suitability: 'timeline.kind.suitability',
  merge: 'timeline.kind.merge',
  consultation: 'timeline.kind.consultation',
};

/**
 * One entry in the reader's language. The server words every entry in Dutch and English; where
 * the entry points at a record the page carries (refId), the client words it from that record
 * with its own labels (e.g. "Beschermd Thuis" instead of the code), else the server's text is shown.
 */
function word(entry: TimelineEntry, d: ParticipantDetail, t: Translate, format: Formatters, pick: (x: TimelineEntry) => string): Worded {
  const plain: Worded = { text: pick(entry), meta: null, note: null };
  const by = (name: string | undefined | null) => (name ? t('timeline.by', { name }) : null);
  switch (entry.kind) {
    case 'referral': {
      const r = d.referrals.find((x) => x.id === entry.refId);
      if (!r) return plain;
      const from = r.fromParticipant ? ` ${t('timeline.fromRecord', { code: r.fromParticipant })}` : '';
      return { text: `${t('timeline.referral', { organisation: r.organisation.name })}${from}`, meta: null, note: null };
    }
    case 'phase': {
      const e = d.phaseHistory.find((x) => x.id === entry.refId);
      if (!e) return plain;
      const reason = e.reason ? ` — ${t(`phaseReason.${e.reason}`)}` : '';
      const from = e.fromParticipant ? ` ${t('timeline.fromRecord', { code: e.fromParticipant })}` : '';
      return {
        text: `${t('timeline.phase', { phase: t(`phase.${e.phase}`) })}${reason}${from}`,
        meta: [by(e.recordedBy?.name) ?? t('timeline.bySystem'), t('timeline.recordedAt', { date: format.dateTime(e.recordedAt) })].join(', '),
        note: e.note,
      };
    }
    case 'assessment_requested': {
      const a = d.assessments.find((x) => x.id === entry.refId);
      if (!a) return plain;
      return {
        text: t('timeline.assessmentRequested', { office: a.accessOffice.name, organisation: a.requestedByOrganisation.name }),
        meta: by(a.requestedBy?.name),
        note: null,
      };
    }
    case 'assessment_decided': {
      const a = d.assessments.find((x) => x.id === entry.refId);
      if (!a || !a.indication) return plain;
      const valid = a.validTo ? ` ${t('timeline.validUntil', { date: format.date(a.validTo) })}` : '';
      return {
        text: `${t('timeline.assessmentDecided', { indication: t(`indication.${a.indication}`) })}${valid}`,
        meta: by(a.assessor?.name),
        note: null,
      };
    }
    case 'risk_screening': {
      const s = d.riskScreenings.find((x) => x.id === entry.refId);
      if (!s) return plain;
      return { text: t('timeline.riskScreening', { level: t(`riskLevel.${s.riskLevel}`) }), meta: s.organisation.name, note: null };
    }
    case 'suitability': {
      const s = d.suitabilityAssessments.find((x) => x.id === entry.refId);
      if (!s) return plain;
      return {
        text: t('timeline.suitability', { result: t(`suitabilityResult.${s.result}`), version: s.framework.version }),
        meta: s.organisation.name,
        note: null,
      };
    }
    case 'merge': {
      const m = d.merges.find((x) => x.id === entry.refId);
      if (!m) return plain;
      return { text: t('timeline.merge', { code: m.merged.code }), meta: by(m.mergedBy?.name), note: m.reason };
    }
    default:
      return plain;
  }
}

/** "Everything that happened": the detail answer's timeline, newest first by default. */
export function ParticipantTimeline({ detail }: { detail: ParticipantDetail }) {
  const t = useT();
  const format = useFormat();
  const pick = useBilingual();
  const [newestFirst, setNewestFirst] = useState(true);
  // The server lists oldest first; the index keeps the key unique when two entries share a refId.
  const entries = useMemo(() => {
    const list = detail.timeline.map((entry, index) => ({ entry, index }));
    return newestFirst ? list.reverse() : list;
  }, [detail.timeline, newestFirst]);

  return (
    <section className="eh-section" aria-labelledby="timeline-heading">
      <div className="eh-page-head eh-page-head--section">
        <Heading level={2} id="timeline-heading">
          {t('timeline.title')}
        </Heading>
        {detail.timeline.length > 1 ? (
          <Button id="timeline-order" appearance="subtle" aria-pressed={!newestFirst} onClick={() => setNewestFirst((v) => !v)}>
            {t('timeline.oldestFirst')}
          </Button>
        ) : null}
      </div>
      {entries.length === 0 ? (
        <Empty>{t('timeline.empty')}</Empty>
      ) : (
        <ol className="eh-timeline" id="timeline" aria-label={newestFirst ? t('timeline.newestFirstLabel') : t('timeline.oldestFirstLabel')}>
          {entries.map(({ entry, index }) => {
            const worded = word(entry, detail, t, format, pick);
            const kind = KIND_LABELS[entry.kind];
            return (
              <li key={`${entry.kind}-${entry.refId ?? ''}-${index}`} className="eh-timeline__item" data-kind={entry.kind}>
                <div className="eh-timeline__head">
                  <time dateTime={entry.date} className="eh-timeline__date">
                    {format.date(entry.date)}
                  </time>
                  {kind ? <span className="eh-tag">{t(kind)}</span> : null}
                </div>
                <p className="utrecht-paragraph eh-timeline__text">{worded.text}</p>
                {worded.meta ? <p className="utrecht-paragraph eh-timeline__meta">{worded.meta}</p> : null}
                {worded.note ? <p className="utrecht-paragraph eh-timeline__note">{worded.note}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
