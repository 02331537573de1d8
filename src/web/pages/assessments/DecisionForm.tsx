import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useDecideAssessment } from '../../api/hooks';
import { GUIDANCE_INTENSITIES, INDICATION_TYPES, type Assessment } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { ProblemAlert, useProblem } from '../../components/States';
import { isIsoDate, todayIso } from '../../dates';
import { optional, usePathErrors } from '../../formErrors';
import { useT } from '../../i18n';
import { indicationOptions, intensityOptions, oneOf } from '../../options';

interface DecisionFormProps {
  /** The request being decided: its id, the version read and the request date. */
  assessment: Pick<Assessment, 'id' | 'version' | 'requestedOn'> & { participant: { code: string } };
  /** Prefix of the element ids (one form per page at a time): `{prefix}-indication` … */
  idPrefix?: string;
  /** Level of the form's heading in the page outline. */
  headingLevel?: 2 | 3 | 4;
  onDone: (decided: Assessment) => void;
  onCancel: () => void;
}

/**
 * The outcome of a care assessment (POST /api/v1/assessments/{id}/decisions): the indication
 * (beschermd thuis, ambulant, other, none) with its validity and the advised guidance intensity.
 * Deciding moves an `eligible` participant to `assessed` (the server does so).
 */
export function DecisionForm({ assessment, idPrefix = 'decision', headingLevel = 3, onDone, onCancel }: DecisionFormProps) {
  const t = useT();
  const decide = useDecideAssessment();
  const problem = useProblem(decide.error);
  const { errorOf, general, validate, clear } = usePathErrors(problem);
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [indication, setIndication] = useState('');
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState('');
  const [intensity, setIntensity] = useState('');
  const [notes, setNotes] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = (name: string) => `${idPrefix}-${name}`;
  const ids = {
    decidedOn: id('decided-on'),
    indication: id('indication'),
    validFrom: id('valid-from'),
    validTo: id('valid-to'),
    guidanceIntensity: id('intensity'),
    notes: id('notes'),
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const withIndication = indication !== '' && indication !== 'none';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const today = todayIso();
    const date = (value: string, required: boolean) =>
      value === '' ? required && t('validation.required') : !isIsoDate(value) && t('validation.date');
    const valid = validate(
      {
        decidedOn:
          date(decidedOn, true) ||
          (decidedOn > today && t('validation.future')) ||
          (decidedOn < assessment.requestedOn && t('decision.beforeRequest')),
        indication: !indication && t('validation.choose'),
        validFrom: withIndication && date(validFrom, true),
        validTo: withIndication && (date(validTo, true) || (validTo < validFrom && t('decision.validToBeforeFrom'))),
        guidanceIntensity: withIndication && !intensity && t('validation.choose'),
      },
      ids,
    );
    const chosen = oneOf(INDICATION_TYPES, indication);
    if (!valid || !chosen) return;
    decide.mutate(
      {
        id: assessment.id,
        body: {
          version: assessment.version,
          decidedOn,
          indication: chosen,
          validFrom: withIndication ? validFrom : undefined,
          validTo: withIndication ? validTo : undefined,
          guidanceIntensity: withIndication ? oneOf(GUIDANCE_INTENSITIES, intensity) : undefined,
          notes: optional(notes),
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="eh-form eh-panel" noValidate onSubmit={onSubmit} id={id('form')} aria-labelledby={id('heading')}>
      <Heading level={headingLevel} id={id('heading')} ref={headingRef} tabIndex={-1}>
        {t('decision.title', { code: assessment.participant.code })}
      </Heading>
      <ProblemAlert problem={problem} />
      {general ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{general}</p>
        </Alert>
      ) : null}
      <TextField
        id={ids.decidedOn}
        type="date"
        label={t('field.decidedOn')}
        value={decidedOn}
        onChange={(v) => {
          setDecidedOn(v);
          clear('decidedOn');
        }}
        required
        error={errorOf('decidedOn')}
      />
      <SelectField
        id={ids.indication}
        label={t('field.indication')}
        description={t('decision.indicationHelp')}
        value={indication}
        onChange={(v) => {
          setIndication(v);
          clear('indication');
        }}
        options={indicationOptions(t)}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('indication')}
      />
      {withIndication ? (
        <>
          <TextField
            id={ids.validFrom}
            type="date"
            label={t('field.validFrom')}
            value={validFrom}
            onChange={(v) => {
              setValidFrom(v);
              clear('validFrom');
            }}
            required
            error={errorOf('validFrom')}
          />
          <TextField
            id={ids.validTo}
            type="date"
            label={t('field.validTo')}
            value={validTo}
            onChange={(v) => {
              setValidTo(v);
              clear('validTo');
            }}
            required
            error={errorOf('validTo')}
          />
          <SelectField
            id={ids.guidanceIntensity}
            label={t('field.guidanceIntensity')}
            value={intensity}
            onChange={(v) => {
              setIntensity(v);
              clear('guidanceIntensity');
            }}
            options={intensityOptions(t)}
            emptyLabel={t('common.choose')}
            required
            error={errorOf('guidanceIntensity')}
          />
        </>
      ) : null}
      <TextareaField
        id={ids.notes}
        label={t('field.assessmentNotes')}
        description={t('decision.notesHelp')}
        value={notes}
        onChange={setNotes}
        optional
        error={errorOf('notes')}
      />
      <ButtonGroup>
        <Button id={id('submit')} type="submit" appearance="primary" busy={decide.isPending} disabled={decide.isPending}>
          {decide.isPending ? t('common.saving') : t('decision.submit')}
        </Button>
        <Button appearance="secondary" onClick={onCancel} disabled={decide.isPending}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
