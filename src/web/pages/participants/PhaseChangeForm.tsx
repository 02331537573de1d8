import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { useAllUnits, useChangePhase } from '../../api/hooks';
import { PHASE_REASONS, type ParticipantDetail, type ParticipantPhase } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { ProblemAlert, useProblem } from '../../components/States';
import { isIsoDate, todayIso } from '../../dates';
import { optional, usePathErrors } from '../../formErrors';
import { useBilingual, useT } from '../../i18n';
import { oneOf, phaseOptions, reasonOptions } from '../../options';

const IDS = {
  phase: 'phase-new',
  effectiveDate: 'phase-effective-date',
  reason: 'phase-reason',
  note: 'phase-note',
  unitId: 'phase-unit',
};

/**
 * Record a phase change (POST …/phase-changes): only the next phases the answer's `phaseOptions`
 * allow; a reason where the phase needs one; a confirmation before withdrawing. The server checks
 * the preconditions again on the chosen date and answers 409 with the reason when they fail.
 */
export function PhaseChangeForm({ detail, onReload }: { detail: ParticipantDetail; onReload: () => void }) {
  const t = useT();
  const pick = useBilingual();
  const change = useChangePhase(detail.id);
  const problem = useProblem(change.error);
  const { errorOf, general, validate, clear } = usePathErrors(problem);
  const [phase, setPhase] = useState<ParticipantPhase | ''>('');
  const [effectiveDate, setEffectiveDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [unitId, setUnitId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<ParticipantPhase | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const allowed = detail.phaseOptions.filter((option) => option.allowed);
  const refused = detail.phaseOptions.filter((option) => !option.allowed);
  const chosen = detail.phaseOptions.find((option) => option.phase === phase);
  const reasonCodes = chosen?.reasonCodes ?? [];
  const needsUnit = phase === 'housed' || phase === 'matched';
  const noteRequired = reason === 'other' || (phase === 'eligible' && detail.phase === 'not_eligible');
  const apiError = isApiError(change.error) ? change.error : null;
  const conflict = apiError?.status === 409;
  const stale = conflict && apiError?.code === 'version_conflict';

  const allocated = useAllUnits({ programmeId: detail.programmeId, status: 'allocated' }, needsUnit);
  const occupied = useAllUnits({ programmeId: detail.programmeId, status: 'occupied' }, phase === 'housed');
  const units = useMemo(
    () => [...(allocated.data ?? []), ...(phase === 'housed' ? occupied.data ?? [] : [])].sort((a, b) => a.label.localeCompare(b.label, 'nl')),
    [allocated.data, occupied.data, phase],
  );

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (change.isError) problemRef.current?.focus();
  }, [change.isError]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = () => {
    if (!phase) return;
    setConfirming(false);
    change.mutate(
      {
        phase,
        effectiveDate,
        reason: reasonCodes.length ? oneOf(PHASE_REASONS, reason) : undefined,
        note: optional(note),
        unitId: needsUnit ? optional(unitId) : undefined,
        version: detail.version,
      },
      {
        onSuccess: () => {
          setDone(phase);
          setPhase('');
          setReason('');
          setNote('');
          setUnitId('');
          setEffectiveDate(todayIso());
        },
        onError: (error) => {
          // someone else changed the record: load the latest, the form stays filled in
          if (isApiError(error) && error.code === 'version_conflict') onReload();
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const valid = validate(
      {
        phase: !phase && t('validation.choose'),
        effectiveDate:
          (!effectiveDate && t('validation.required')) ||
          (!isIsoDate(effectiveDate) && t('validation.date')) ||
          (effectiveDate > todayIso() && t('validation.future')),
        reason: reasonCodes.length > 0 && !reason && t('phaseChange.reasonRequired'),
        note: noteRequired && !note.trim() && t('phaseChange.noteRequired'),
        unitId: phase === 'housed' && !unitId && t('validation.choose'),
      },
      IDS,
    );
    if (!valid) return;
    if (phase === 'withdrawn') {
      change.reset();
      setConfirming(true);
      return;
    }
    submit();
  };

  return (
    <section className="eh-section eh-panel" aria-labelledby="phase-change-heading" id="phase-change">
      <Heading level={2} id="phase-change-heading">
        {t('phaseChange.title')}
      </Heading>
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok" role="status" id="phase-changed">
            <p className="utrecht-paragraph">{t('phaseChange.done', { phase: t(`phase.${done}`) })}</p>
          </Alert>
        </div>
      ) : null}
      {allowed.length === 0 ? (
        <Paragraph id="phase-none">{detail.phaseOptions.length === 0 ? t('phaseChange.final') : t('phaseChange.noneNow')}</Paragraph>
      ) : (
        <form className="eh-form" noValidate onSubmit={onSubmit}>
          <div ref={problemRef} tabIndex={-1}>
            {conflict ? (
              <Alert type="error" role="alert" title={stale ? t('phaseChange.staleTitle') : t('phaseChange.refusedTitle')} id="phase-refused">
                <p className="utrecht-paragraph">{stale ? t('phaseChange.stale') : problem?.detail ?? problem?.title}</p>
              </Alert>
            ) : (
              <ProblemAlert problem={problem} id="phase-problem" />
            )}
            {general && !conflict ? (
              <Alert type="error">
                <p className="utrecht-paragraph">{general}</p>
              </Alert>
            ) : null}
          </div>
          <SelectField
            id={IDS.phase}
            label={t('phaseChange.newPhase')}
            value={phase}
            onChange={(value) => {
              setPhase(oneOf(allowed.map((o) => o.phase), value) ?? '');
              setReason('');
              setConfirming(false);
              clear('phase');
            }}
            options={phaseOptions(
              t,
              allowed.map((o) => o.phase),
            )}
            emptyLabel={t('common.choose')}
            required
            error={errorOf('phase')}
          />
          <TextField
            id={IDS.effectiveDate}
            type="date"
            label={t('field.effectiveDate')}
            description={t('phaseChange.dateHelp')}
            value={effectiveDate}
            onChange={(value) => {
              setEffectiveDate(value);
              clear('effectiveDate');
            }}
            required
            error={errorOf('effectiveDate')}
          />
          {reasonCodes.length ? (
            <SelectField
              id={IDS.reason}
              label={t('phaseChange.reason')}
              value={reason}
              onChange={(value) => {
                setReason(value);
                clear('reason');
              }}
              options={reasonOptions(t, reasonCodes)}
              emptyLabel={t('common.choose')}
              required
              error={errorOf('reason')}
            />
          ) : null}
          {needsUnit ? (
            <SelectField
              id={IDS.unitId}
              label={t('phaseChange.unit')}
              description={phase === 'housed' ? t('phaseChange.unitHelpHoused') : t('phaseChange.unitHelpMatched')}
              value={unitId}
              onChange={(value) => {
                setUnitId(value);
                clear('unitId');
              }}
              options={units.map((u) => ({ value: u.id, label: `${u.label} — ${u.municipality} (${t(`status.${u.status}`)})` }))}
              emptyLabel={t('common.choose')}
              required={phase === 'housed'}
              optional={phase === 'matched'}
              error={errorOf('unitId')}
            />
          ) : null}
          <TextareaField
            id={IDS.note}
            label={t('field.note')}
            description={noteRequired ? t('phaseChange.noteRequired') : undefined}
            value={note}
            onChange={(value) => {
              setNote(value);
              clear('note');
            }}
            optional={!noteRequired}
            error={errorOf('note')}
          />
          {confirming ? (
            <div ref={confirmRef} tabIndex={-1} className="eh-confirm" role="group" aria-labelledby="phase-withdraw-title">
              <Alert type="warning">
                <p className="utrecht-paragraph eh-alert__title" id="phase-withdraw-title">
                  {t('phaseChange.withdrawTitle')}
                </p>
                <p className="utrecht-paragraph">{t('phaseChange.withdrawText', { code: detail.code })}</p>
                <ButtonGroup>
                  <Button id="phase-withdraw-confirm" appearance="primary" danger onClick={submit}>
                    {t('phaseChange.withdrawConfirm')}
                  </Button>
                  <Button appearance="secondary" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </Button>
                </ButtonGroup>
              </Alert>
            </div>
          ) : (
            <Button id="phase-submit" type="submit" appearance="primary" busy={change.isPending} disabled={change.isPending}>
              {change.isPending ? t('common.saving') : t('phaseChange.submit')}
            </Button>
          )}
        </form>
      )}
      {refused.length ? (
        <details className="eh-why eh-why--block" id="phase-refused-reasons">
          <summary className="eh-why__summary">{t('phaseChange.whyNot')}</summary>
          <ul className="eh-why__list">
            {refused.map((option) => (
              <li key={option.phase}>
                <strong>{t(`phase.${option.phase}`)}</strong>: {option.reasons.map(pick).join(' ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
