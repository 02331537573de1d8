import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAssignAssessment, useOrganisations, useRequestAssessment } from '../../api/hooks';
import type { Assessment, ParticipantDetail } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { DataList } from '../../components/DataList';
import { SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { Reveal } from '../../components/Reveal';
import { Empty, ProblemAlert, useProblem } from '../../components/States';
import { isIsoDate, todayIso } from '../../dates';
import { optional, usePathErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { byName } from '../../options';
import { useCurrentUser } from '../../session';
import { DecisionForm } from '../assessments/DecisionForm';

const isOpen = (a: Assessment) => a.status === 'requested' || a.status === 'assigned';

/** Care assessments: every request and outcome the reader may see, asking for one, taking and deciding one. */
export function AssessmentSection({ detail }: { detail: ParticipantDetail }) {
  const t = useT();
  const open = detail.assessments.find(isOpen);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <section className="eh-section" aria-labelledby="assessments-heading" id="assessments">
      <Heading level={2} id="assessments-heading">
        {t('assessments.title')}
      </Heading>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Alert type="ok" role="status" id="assessment-notice">
            <p className="utrecht-paragraph">{notice}</p>
          </Alert>
        </div>
      ) : null}
      {detail.assessments.length === 0 ? <Empty>{t('assessments.empty')}</Empty> : null}
      {[...detail.assessments].reverse().map((assessment) => (
        <AssessmentCard key={assessment.id} assessment={assessment} onNotice={setNotice} />
      ))}
      {detail.abilities.requestAssessment ? (
        open ? (
          <Paragraph className="eh-muted" id="assessment-open">
            {t('assessments.openRequest')}
          </Paragraph>
        ) : (
          <Reveal id="assessment-request-panel" label={t('assessments.requestTitle')} initiallyOpen={detail.assessments.length === 0}>
            <RequestForm detail={detail} onDone={() => setNotice(t('assessments.requested'))} />
          </Reveal>
        )
      ) : null}
    </section>
  );
}

function AssessmentCard({ assessment: a, onNotice }: { assessment: Assessment; onNotice: (text: string) => void }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const assign = useAssignAssessment();
  const problem = useProblem(assign.error);
  const [deciding, setDeciding] = useState(false);
  const decideButton = useRef<HTMLButtonElement>(null);
  const items = [
    { key: 'status', label: t('field.status'), value: t(`assessmentStatus.${a.status}`) },
    {
      key: 'requested',
      label: t('assessments.requestedOn'),
      value: `${format.date(a.requestedOn)} — ${a.requestedByOrganisation.name}${a.requestedBy ? ` (${a.requestedBy.name})` : ''}`,
    },
    { key: 'office', label: t('assessments.office'), value: a.accessOffice.name },
    { key: 'assessor', label: t('queue.assessor'), value: a.assessor?.name ?? t('queue.unassigned') },
  ];
  if (isOpen(a)) items.push({ key: 'age', label: t('queue.age'), value: t('queue.ageDays', { count: a.ageDays }) });
  if (a.decidedOn) {
    items.push({ key: 'decided', label: t('field.decidedOn'), value: format.date(a.decidedOn) });
    items.push({ key: 'indication', label: t('field.indication'), value: a.indication ? t(`indication.${a.indication}`) : t('common.empty') });
    if (a.validFrom || a.validTo) {
      items.push({
        key: 'valid',
        label: t('assessments.valid'),
        value: t('assessments.validRange', { from: format.date(a.validFrom), to: format.date(a.validTo) }),
      });
    }
    if (a.guidanceIntensity) items.push({ key: 'intensity', label: t('field.guidanceIntensity'), value: t(`intensity.${a.guidanceIntensity}`) });
  }
  if (a.fromParticipant) items.push({ key: 'from', label: t('assessments.fromRecord'), value: a.fromParticipant });

  return (
    <article className="eh-card" aria-labelledby={`assessment-${a.id}-title`} data-status={a.status}>
      <Heading level={3} id={`assessment-${a.id}-title`} className="eh-card__title">
        {t('assessments.cardTitle', { date: format.date(a.requestedOn) })}
      </Heading>
      <DataList items={items} />
      {/* question and notes are health data: only present when the reader may see them */}
      {a.question ? (
        <div className="eh-card__text">
          <p className="utrecht-paragraph eh-card__label">{t('assessments.question')}</p>
          <p className="utrecht-paragraph eh-prewrap">{a.question}</p>
        </div>
      ) : null}
      {a.notes ? (
        <div className="eh-card__text">
          <p className="utrecht-paragraph eh-card__label">{t('field.assessmentNotes')}</p>
          <p className="utrecht-paragraph eh-prewrap">{a.notes}</p>
        </div>
      ) : null}
      <ProblemAlert problem={problem} />
      {(a.abilities.assign && a.assessor?.id !== me.id) || a.abilities.decide ? (
        <ButtonGroup>
          {a.abilities.assign && a.assessor?.id !== me.id ? (
            <Button
              id={`assessment-assign-${a.id}`}
              appearance="secondary"
              busy={assign.isPending}
              disabled={assign.isPending}
              onClick={() =>
                assign.mutate({ id: a.id, version: a.version }, { onSuccess: () => onNotice(t('assessments.assignedToMe')) })
              }
            >
              {a.assessor ? t('queue.takeOver') : t('queue.assignToMe')}
            </Button>
          ) : null}
          {a.abilities.decide && !deciding ? (
            <Button id={`assessment-decide-${a.id}`} ref={decideButton} appearance="primary" onClick={() => setDeciding(true)}>
              {t('queue.decide')}
            </Button>
          ) : null}
        </ButtonGroup>
      ) : null}
      {deciding ? (
        <DecisionForm
          assessment={a}
          idPrefix="decision"
          headingLevel={4}
          onDone={() => {
            setDeciding(false);
            onNotice(t('assessments.decided'));
          }}
          onCancel={() => {
            setDeciding(false);
            window.setTimeout(() => decideButton.current?.focus(), 0);
          }}
        />
      ) : null}
    </article>
  );
}

const REQUEST_IDS = { question: 'assessment-question', requestedOn: 'assessment-requested-on', accessOfficeId: 'assessment-office' };

function RequestForm({ detail, onDone }: { detail: ParticipantDetail; onDone: () => void }) {
  const t = useT();
  const request = useRequestAssessment(detail.id);
  const problem = useProblem(request.error);
  const { errorOf, validate, clear } = usePathErrors(problem);
  const offices = useOrganisations('access_office');
  const [question, setQuestion] = useState('');
  const [requestedOn, setRequestedOn] = useState(todayIso());
  const [officeId, setOfficeId] = useState('');
  const choose = (offices.data?.length ?? 0) > 1;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = validate(
      {
        requestedOn:
          (!requestedOn && t('validation.required')) ||
          (!isIsoDate(requestedOn) && t('validation.date')) ||
          (requestedOn > todayIso() && t('validation.future')),
        accessOfficeId: choose && !officeId && t('validation.choose'),
      },
      REQUEST_IDS,
    );
    if (!valid) return;
    request.mutate(
      { question: optional(question), requestedOn, accessOfficeId: optional(officeId) },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="eh-form eh-panel" noValidate onSubmit={onSubmit} aria-labelledby="assessment-request-heading" id="assessment-request">
      <Heading level={3} id="assessment-request-heading">
        {t('assessments.requestTitle')}
      </Heading>
      <Paragraph>{t('assessments.requestIntro')}</Paragraph>
      <ProblemAlert problem={problem} />
      {choose ? (
        <SelectField
          id={REQUEST_IDS.accessOfficeId}
          label={t('assessments.office')}
          value={officeId}
          onChange={(value) => {
            setOfficeId(value);
            clear('accessOfficeId');
          }}
          options={byName(offices.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          emptyLabel={t('common.choose')}
          required
          error={errorOf('accessOfficeId')}
        />
      ) : null}
      <TextField
        id={REQUEST_IDS.requestedOn}
        type="date"
        label={t('assessments.requestedOn')}
        value={requestedOn}
        onChange={(value) => {
          setRequestedOn(value);
          clear('requestedOn');
        }}
        required
        error={errorOf('requestedOn')}
      />
      <TextareaField
        id={REQUEST_IDS.question}
        label={t('assessments.question')}
        description={t('assessments.questionHelp')}
        value={question}
        onChange={setQuestion}
        optional
        error={errorOf('question')}
      />
      <Button id="assessment-request-submit" type="submit" appearance="primary" busy={request.isPending} disabled={request.isPending}>
        {request.isPending ? t('common.saving') : t('assessments.request')}
      </Button>
    </form>
  );
}
