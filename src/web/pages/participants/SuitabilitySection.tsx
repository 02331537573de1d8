import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { useAllLocations, useAssessSuitability, useSuitabilityFrameworks } from '../../api/hooks';
import {
  SUITABILITY_ANSWERS,
  type ParticipantDetail,
  type SuitabilityAnswer,
  type SuitabilityAssessment,
  type SuitabilityFramework,
  type SuitabilityResult,
} from '../../api/types';
import { Alert, type AlertType } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataList } from '../../components/DataList';
import { RadioGroup, SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { Reveal } from '../../components/Reveal';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { isIsoDate, todayIso } from '../../dates';
import { optional, usePathErrors } from '../../formErrors';
import { useBilingual, useFormat, useI18n, useT } from '../../i18n';
import { byName, oneOf, suitabilityAnswerOptions } from '../../options';

const RESULT_ALERT: Record<SuitabilityResult, AlertType> = {
  suitable: 'ok',
  suitable_with_conditions: 'warning',
  not_suitable: 'error',
};

/** The intake-home suitability (afwegingskader): earlier answers with their version, and the form. */
export function SuitabilitySection({ detail }: { detail: ParticipantDetail }) {
  const t = useT();
  const [result, setResult] = useState<SuitabilityAssessment | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  if (detail.suitabilityAssessments.length === 0 && !detail.abilities.assessSuitability) return null;
  return (
    <section className="eh-section" aria-labelledby="suitability-heading" id="suitability">
      <Heading level={2} id="suitability-heading">
        {t('suitability.title')}
      </Heading>
      {result ? (
        <div ref={resultRef} tabIndex={-1} id="suitability-result">
          <ResultAlert assessment={result} />
        </div>
      ) : null}
      {detail.suitabilityAssessments.length === 0 ? <Empty>{t('suitability.empty')}</Empty> : null}
      {[...detail.suitabilityAssessments].reverse().map((s) => (
        <SuitabilityCard key={s.id} assessment={s} />
      ))}
      {detail.abilities.assessSuitability ? (
        <Reveal id="suitability-panel" label={t('suitability.formTitle')}>
          <SuitabilityFormLoader detail={detail} onDone={setResult} />
        </Reveal>
      ) : null}
    </section>
  );
}

function ResultAlert({ assessment }: { assessment: SuitabilityAssessment }) {
  const t = useT();
  const pick = useBilingual();
  return (
    <Alert type={RESULT_ALERT[assessment.result]} role="status" title={t('suitability.resultTitle', { result: t(`suitabilityResult.${assessment.result}`) })}>
      <p className="utrecht-paragraph">
        {t('suitability.score', { score: assessment.score, max: assessment.maxScore, percentage: assessment.percentage })}
      </p>
      {assessment.reasons.length ? (
        <>
          <p className="utrecht-paragraph">{t('suitability.reasons')}</p>
          <ul className="eh-plain-list">
            {assessment.reasons.map((reason, index) => (
              <li key={`${reason.code}-${index}`}>{pick(reason)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}

function SuitabilityCard({ assessment: s }: { assessment: SuitabilityAssessment }) {
  const t = useT();
  const format = useFormat();
  const pick = useBilingual();
  const { lang } = useI18n();
  return (
    <article className="eh-card" aria-labelledby={`suitability-${s.id}-title`} data-result={s.result}>
      <Heading level={3} id={`suitability-${s.id}-title`} className="eh-card__title">
        {t('suitability.cardTitle', { date: format.date(s.assessedOn) })}{' '}
        <span className={`eh-tag eh-result eh-result--${s.result}`}>{t(`suitabilityResult.${s.result}`)}</span>
      </Heading>
      <DataList
        items={[
          {
            key: 'framework',
            label: t('suitability.framework'),
            value: `${s.framework.name} — ${t('suitability.version', { version: s.framework.version })}${s.framework.current ? '' : ` (${t('suitability.olderVersion')})`}`,
          },
          { key: 'score', label: t('suitability.scoreLabel'), value: t('suitability.score', { score: s.score, max: s.maxScore, percentage: s.percentage }) },
          { key: 'organisation', label: t('field.organisation'), value: s.organisation.name },
          { key: 'location', label: t('field.location'), value: s.location?.name ?? t('common.empty') },
        ]}
      />
      {s.reasons.length ? (
        <div className="eh-card__text">
          <p className="utrecht-paragraph eh-card__label">{t('suitability.reasons')}</p>
          <ul className="eh-plain-list">
            {s.reasons.map((reason, index) => (
              <li key={`${reason.code}-${index}`}>{pick(reason)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="eh-why eh-why--block">
        <summary className="eh-why__summary">{t('suitability.answers')}</summary>
        <ol className="eh-why__list">
          {[...s.answers]
            .sort((a, b) => a.position - b.position)
            .map((answer) => (
              <li key={answer.criterionId}>
                {lang === 'en' ? answer.questionEn : answer.questionNl}{' '}
                <strong>{t(`suitabilityAnswer.${answer.answer}`)}</strong>{' '}
                <span className="eh-muted">
                  ({t('suitability.weight', { weight: answer.weight })}
                  {answer.knockOut ? `, ${t('suitability.knockOut')}` : ''})
                </span>
                {answer.note ? <span className="eh-cell-sub eh-prewrap">{answer.note}</span> : null}
              </li>
            ))}
        </ol>
      </details>
    </article>
  );
}

function SuitabilityFormLoader({ detail, onDone }: { detail: ParticipantDetail; onDone: (s: SuitabilityAssessment) => void }) {
  const t = useT();
  const frameworks = useSuitabilityFrameworks(detail.programmeId);
  if (frameworks.isPending) return <Loading />;
  if (frameworks.isError) return <QueryError error={frameworks.error} onRetry={() => void frameworks.refetch()} />;
  const current = frameworks.data.items.find((f) => f.current);
  if (!current) return <Paragraph className="eh-muted">{t('suitability.noFramework')}</Paragraph>;
  return <SuitabilityForm key={current.id} detail={detail} framework={current} onDone={onDone} onStale={() => void frameworks.refetch()} />;
}

function SuitabilityForm({
  detail,
  framework,
  onDone,
  onStale,
}: {
  detail: ParticipantDetail;
  framework: SuitabilityFramework;
  onDone: (s: SuitabilityAssessment) => void;
  onStale: () => void;
}) {
  const t = useT();
  const { lang } = useI18n();
  const assess = useAssessSuitability(detail.id);
  const problem = useProblem(assess.error);
  const { errorOf, validate, clear } = usePathErrors(problem);
  const locations = useAllLocations({ programmeId: detail.programmeId });
  const criteria = [...framework.criteria].sort((a, b) => a.position - b.position);
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [locationId, setLocationId] = useState('');
  const [answers, setAnswers] = useState<Record<string, SuitabilityAnswer | ''>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const criterionId = (position: number) => `suitability-criterion-${position}`;
  const ids: Record<string, string> = { assessedOn: 'suitability-assessed-on', locationId: 'suitability-location' };
  criteria.forEach((c, index) => {
    ids[`answer-${c.id}`] = criterionId(c.position);
    ids[`answers.${index}`] = criterionId(c.position);
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string | false> = {
      assessedOn:
        (!assessedOn && t('validation.required')) ||
        (!isIsoDate(assessedOn) && t('validation.date')) ||
        (assessedOn > todayIso() && t('validation.future')),
    };
    for (const c of criteria) errors[`answer-${c.id}`] = !answers[c.id] && t('validation.choose');
    if (!validate(errors, ids)) return;
    assess.mutate(
      {
        frameworkId: framework.id,
        assessedOn,
        locationId: optional(locationId),
        answers: criteria.map((c) => ({ criterionId: c.id, answer: answers[c.id] as SuitabilityAnswer, note: optional(notes[c.id] ?? '') })),
      },
      {
        onSuccess: (out) => {
          setAnswers({});
          setNotes({});
          onDone(out);
        },
        onError: (error) => {
          // a newer version of the framework appeared: load it
          if (isApiError(error) && error.status === 409) onStale();
        },
      },
    );
  };

  return (
    <form className="eh-form eh-panel" noValidate onSubmit={onSubmit} aria-labelledby="suitability-form-heading" id="suitability-form">
      <Heading level={3} id="suitability-form-heading">
        {t('suitability.formTitle')}
      </Heading>
      <Paragraph>
        {t('suitability.frameworkIntro', { name: framework.name, version: framework.version })}{' '}
        {t('suitability.thresholds', { suitable: framework.suitableThreshold, conditional: framework.conditionalThreshold })}
      </Paragraph>
      {framework.description ? <Paragraph className="eh-muted">{framework.description}</Paragraph> : null}
      <ProblemAlert problem={problem} />
      <TextField
        id={ids.assessedOn}
        type="date"
        label={t('suitability.assessedOn')}
        value={assessedOn}
        onChange={(v) => {
          setAssessedOn(v);
          clear('assessedOn');
        }}
        required
        error={errorOf('assessedOn')}
      />
      <SelectField
        id={ids.locationId}
        label={t('suitability.location')}
        value={locationId}
        onChange={setLocationId}
        options={byName(locations.data ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.municipality})` }))}
        emptyLabel={t('suitability.noLocation')}
        optional
        error={errorOf('locationId')}
      />
      <ol className="eh-criteria">
        {criteria.map((c, index) => (
          <li key={c.id} className="eh-criteria__item">
            <RadioGroup
              id={criterionId(c.position)}
              legend={
                <>
                  <span className="eh-criteria__number">{index + 1}.</span> {lang === 'en' ? c.questionEn : c.questionNl}{' '}
                  <span className="eh-muted">({t('suitability.weight', { weight: c.weight })})</span>
                  {c.knockOut ? (
                    <>
                      {' '}
                      <span className="eh-tag eh-tag--warning">{t('suitability.knockOut')}</span>
                    </>
                  ) : null}
                </>
              }
              description={c.knockOut ? t('suitability.knockOutHelp') : undefined}
              options={suitabilityAnswerOptions(t)}
              value={answers[c.id] ?? ''}
              onChange={(v) => {
                setAnswers((current) => ({ ...current, [c.id]: oneOf(SUITABILITY_ANSWERS, v) ?? '' }));
                clear(`answer-${c.id}`);
              }}
              required
              inline
              error={errorOf(`answer-${c.id}`) ?? errorOf(`answers.${index}`)}
            />
            <TextareaField
              id={`suitability-note-${c.position}`}
              label={
                <>
                  {t('suitability.note')}
                  <span className="eh-visually-hidden"> ({t('suitability.question', { number: index + 1 })})</span>
                </>
              }
              value={notes[c.id] ?? ''}
              onChange={(v) => setNotes((current) => ({ ...current, [c.id]: v }))}
              optional
              rows={2}
            />
          </li>
        ))}
      </ol>
      <Button id="suitability-submit" type="submit" appearance="primary" busy={assess.isPending} disabled={assess.isPending}>
        {assess.isPending ? t('common.saving') : t('suitability.submit')}
      </Button>
    </form>
  );
}
