import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import {
  CANCEL_REASONS,
  DECLINE_REASONS,
  PARKING_PERIODS,
  ROUTE_STEPS,
  useOffer,
  useOfferAction,
  type CancelReason,
  type DeclineParty,
  type OfferDetail,
  type OfferStep,
  type ReviewOutcome,
} from '../../api/matching';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataList } from '../../components/DataList';
import { RadioGroup, SelectField, TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { useFieldErrors } from '../../formErrors';
import { useBilingual, useFormat, useT } from '../../i18n';
import { participantPath } from '../../paths';
import { OFFERS_PATH } from './access';
import './matching.css';

type Party = Exclude<DeclineParty, 'expired'>;

/**
 * /aanbiedingen/:id: one offer. A stepper of the route's steps with their dates, the current step
 * and its deadline, and the actions the answer's `abilities` allow: accept, decline (the reason
 * list of the caller's party; `other` needs a note), the office's review of a decline
 * (confirm / override / return) and cancelling (with confirmation). Ids: `offer-heading`,
 * `offer-status`, `offer-stepper` (items `step-{step}`, the current one aria-current),
 * `offer-due`, `offer-accept`, `offer-done`, `decline-form` (`decline-party`, `decline-reason`,
 * `decline-note`, `decline-submit`), `review-form` (`review-outcome-*`, `review-note`,
 * `review-park`, `review-submit`), `offer-cancel`, `cancel-dialog` (`cancel-reason`,
 * `cancel-note`), `offer-history`.
 */
export function OfferDetailPage() {
  const t = useT();
  const { id } = useParams();
  const offer = useOffer(id);
  usePageTitle(offer.data ? t('offers.heading', { label: offer.data.unit.label }) : t('offers.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={OFFERS_PATH}>{t('offers.backToList')}</AppLink>
      </p>
      {offer.isPending ? (
        <Loading />
      ) : offer.isError ? (
        <>
          <Heading level={1}>{t('offers.title')}</Heading>
          <QueryError error={offer.error} onRetry={() => void offer.refetch()} />
        </>
      ) : (
        <OfferView offer={offer.data} />
      )}
    </>
  );
}

/** When each step was entered and left, from the history. */
function stepDates(offer: OfferDetail) {
  const entered = new Map<OfferStep, string>();
  const left = new Map<OfferStep, string>();
  for (const e of offer.history) {
    if (e.kind === 'created' || (e.nextStep !== e.step && e.statusAfter !== 'cancelled')) entered.set(e.nextStep, e.effectiveDate);
    if (e.nextStep !== e.step || (e.step === 'contract' && e.statusAfter === 'succeeded')) left.set(e.step, e.effectiveDate);
  }
  return { entered, left };
}

function Stepper({ offer }: { offer: OfferDetail }) {
  const t = useT();
  const format = useFormat();
  const steps = ROUTE_STEPS[offer.route];
  const current = steps.indexOf(offer.step);
  const { entered, left } = stepDates(offer);
  const succeeded = offer.status === 'succeeded';
  return (
    <ol id="offer-stepper" className="eh-stepper" aria-label={t('offers.steps')}>
      {steps.map((step, i) => {
        const state = succeeded || i < current ? 'done' : i === current ? 'current' : 'upcoming';
        return (
          <li
            key={step}
            id={`step-${step}`}
            className={`eh-stepper__step eh-stepper__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            {i + 1}. {t(`offerStep.${step}`)}
            <span className="eh-stepper__state">
              {t(`offers.stepState.${state}`)}
              {state === 'done' && left.get(step) ? ` — ${format.date(left.get(step))}` : null}
              {state === 'current' && entered.get(step) ? ` — ${t('offers.since', { date: format.date(entered.get(step)) })}` : null}
            </span>
          </li>
        );
      })}
      {succeeded ? (
        <li id="step-succeeded" className="eh-stepper__step eh-stepper__step--done">
          {t('offerStatus.succeeded')}
          <span className="eh-stepper__state">{format.date(offer.closedOn)}</span>
        </li>
      ) : null}
    </ol>
  );
}

function OfferView({ offer }: { offer: OfferDetail }) {
  const t = useT();
  const format = useFormat();
  const text = useBilingual();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const running = offer.status === 'open' || offer.status === 'decline_review';
  const p = offer.participant;
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1} id="offer-heading">
          {t('offers.heading', { label: offer.unit.label })}
        </Heading>
        <span id="offer-status" className="utrecht-status-badge eh-status" data-status={offer.status}>
          {t(`offerStatus.${offer.status}`)}
        </span>
      </div>
      {created ? (
        <Alert type="ok" role="status" id="offer-created">
          <p className="utrecht-paragraph">{t('offers.created')}</p>
        </Alert>
      ) : null}
      <section className="eh-section" aria-labelledby="offer-steps-heading">
        <Heading level={2} id="offer-steps-heading">
          {t('offers.steps')} — {t(`deliveryMode.${offer.route}`)}
        </Heading>
        <Stepper offer={offer} />
        {offer.status === 'open' ? (
          <p className="utrecht-paragraph" id="offer-due">
            {t('offers.currentStep', { step: text(offer.stepLabel), due: format.date(offer.dueOn), days: offer.ageDays })}
            {offer.stalled ? <strong> {t('offers.stalledLong')}</strong> : null}
          </p>
        ) : null}
        {offer.status === 'decline_review' && offer.decline ? (
          <Alert type="warning" id="offer-decline">
            <p className="utrecht-paragraph">
              {t('offers.declinedBy', { party: t(`declineParty.${offer.decline.party}`), date: format.date(offer.decline.declinedOn) })}
              {offer.decline.reason ? ` ${t('offers.reasonIs', { reason: reasonLabel(t, offer.decline.reason) })}` : null}
            </p>
            {offer.decline.note ? <p className="utrecht-paragraph">{offer.decline.note}</p> : null}
          </Alert>
        ) : null}
        {offer.parked?.until !== undefined && offer.parked ? (
          <Alert type="info" id="offer-parked">
            <p className="utrecht-paragraph">
              {offer.parked.until ? t('offers.parkedUntil', { date: format.date(offer.parked.until) }) : t('offers.parkedIndefinitely')}
            </p>
          </Alert>
        ) : null}
      </section>

      <Actions offer={offer} running={running} />

      <div className="eh-columns">
        <section className="eh-section" aria-labelledby="offer-details-heading">
          <Heading level={2} id="offer-details-heading">
            {t('common.details')}
          </Heading>
          <DataList
            items={[
              {
                key: 'unit',
                label: t('offers.field.unit'),
                value: (
                  <AppLink to={`/units/${encodeURIComponent(offer.unit.id)}`}>
                    {offer.unit.label}
                    {offer.unit.location ? ` — ${offer.unit.location}` : ''}
                  </AppLink>
                ),
              },
              { key: 'municipality', label: t('field.municipality'), value: offer.unit.municipality ?? t('common.empty') },
              {
                key: 'candidate',
                label: t('offers.field.candidate'),
                value: p.code && p.id ? <AppLink to={participantPath(p.code)}>{p.name ?? p.code}</AppLink> : p.name ?? p.code ?? t('calls.hiddenPerson'),
              },
              ...(p.householdSize !== null ? [{ key: 'household', label: t('offers.field.householdSize'), value: String(p.householdSize) }] : []),
              ...(p.phone ? [{ key: 'phone', label: t('offers.field.phone'), value: p.phone }] : []),
              ...(p.email ? [{ key: 'email', label: t('offers.field.email'), value: p.email }] : []),
              { key: 'provider', label: t('calls.field.provider'), value: offer.provider?.name ?? t('common.empty') },
              { key: 'corporation', label: t('offers.field.corporation'), value: offer.corporation?.name ?? t('common.empty') },
              ...(offer.allocationOffice ? [{ key: 'allocation', label: t('offers.field.allocationOffice'), value: offer.allocationOffice.name }] : []),
              { key: 'created', label: t('offers.field.created'), value: format.dateTime(offer.createdAt) },
              ...(offer.closedOn ? [{ key: 'closed', label: t('offers.field.closed'), value: format.date(offer.closedOn) }] : []),
            ]}
          />
        </section>
        <section className="eh-section" aria-labelledby="offer-history-heading">
          <Heading level={2} id="offer-history-heading">
            {t('offers.history')}
          </Heading>
          <ol id="offer-history" className="utrecht-ordered-list">
            {offer.history.map((e) => (
              <li key={e.id} className="utrecht-ordered-list__item">
                <strong>{format.date(e.effectiveDate)}</strong> — {text(e.text)}
                {e.organisation ? <span className="eh-muted"> ({e.organisation})</span> : null}
                {e.note ? <p className="utrecht-paragraph eh-muted">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

type T = ReturnType<typeof useT>;
const reasonLabel = (t: T, reason: string) => {
  const key = `declineReason.${reason}`;
  return t(key as 'declineReason.other');
};

function Actions({ offer, running }: { offer: OfferDetail; running: boolean }) {
  const t = useT();
  const { decide, review, cancel } = useOfferAction(offer.id);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const acceptProblem = useProblem(decide.isError && decide.variables?.decision === 'accept' ? decide.error : null);
  const { abilities } = offer;
  const canDecide = offer.status === 'open' && (abilities.accept || abilities.decline);
  const canReview = offer.status === 'decline_review' && abilities.review;
  const canCancel = running && abilities.cancel;
  if (!canDecide && !canReview && !canCancel && !done) {
    if (!running) return null;
    return (
      <Paragraph>
        <span id="offer-waiting">{t('offers.waitingForOthers')}</span>
      </Paragraph>
    );
  }
  return (
    <section className="eh-section" aria-labelledby="offer-actions-heading">
      <Heading level={2} id="offer-actions-heading">
        {t('offers.actions')}
      </Heading>
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok" role="status" id="offer-done">
            <p className="utrecht-paragraph">{done}</p>
          </Alert>
        </div>
      ) : null}
      {offer.status === 'open' && abilities.accept ? (
        <>
          <ProblemAlert problem={acceptProblem} />
          <ButtonGroup>
            <Button
              id="offer-accept"
              appearance="primary"
              busy={decide.isPending && decide.variables?.decision === 'accept'}
              disabled={decide.isPending}
              onClick={() =>
                decide.mutate(
                  { step: offer.step, decision: 'accept' },
                  { onSuccess: () => setDone(t('offers.accepted', { step: t(`offerStep.${offer.step}`) })) },
                )
              }
            >
              {t(`offers.accept.${offer.step}`)}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
      {offer.status === 'open' && abilities.decline && abilities.declineParties.some((p) => p !== 'expired') ? (
        <DeclineForm offer={offer} mutation={decide} onDone={() => setDone(t('offers.declined'))} />
      ) : null}
      {canReview ? <ReviewForm offer={offer} mutation={review} onDone={(o) => setDone(t(`offers.reviewed.${o}`))} /> : null}
      {canCancel ? <CancelOffer offer={offer} mutation={cancel} onDone={() => setDone(t('offers.cancelled'))} /> : null}
    </section>
  );
}

type Actions = ReturnType<typeof useOfferAction>;

function DeclineForm({ offer, mutation, onDone }: { offer: OfferDetail; mutation: Actions['decide']; onDone: () => void }) {
  const t = useT();
  const parties = offer.abilities.declineParties.filter((p): p is Party => p !== 'expired');
  const [open, setOpen] = useState(false);
  const [party, setParty] = useState<Party>(parties[0]);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const problem = useProblem(mutation.isError && mutation.variables?.decision === 'decline' ? mutation.error : null);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      { reason: !reason && t('offers.error.reason'), note: reason === 'other' && !note.trim() && t('offers.error.noteOther') },
      { reason: 'decline-reason', note: 'decline-note' },
    );
    if (!ok) return;
    mutation.mutate(
      { step: offer.step, decision: 'decline', party, reason, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setOpen(false);
          onDone();
        },
      },
    );
  };
  if (!open) {
    return (
      <ButtonGroup>
        <Button id="offer-decline-open" aria-expanded={false} aria-controls="decline-form" onClick={() => setOpen(true)}>
          {t('offers.decline')}
        </Button>
      </ButtonGroup>
    );
  }
  return (
    <form id="decline-form" className="eh-form eh-card" noValidate onSubmit={submit} aria-labelledby="decline-heading">
      <Heading level={3} id="decline-heading">
        {t('offers.decline')}
      </Heading>
      <ProblemAlert problem={problem} />
      {parties.length > 1 ? (
        <SelectField
          id="decline-party"
          label={t('offers.field.party')}
          value={party}
          onChange={(v) => {
            setParty(v as Party);
            setReason('');
          }}
          options={parties.map((p) => ({ value: p, label: t(`declineParty.${p}`) }))}
        />
      ) : (
        <Paragraph>{t('offers.declineAs', { party: t(`declineParty.${party}`) })}</Paragraph>
      )}
      <SelectField
        id="decline-reason"
        label={t('offers.field.reason')}
        value={reason}
        onChange={(v) => {
          setReason(v);
          clear('reason');
        }}
        emptyLabel={t('common.choose')}
        options={DECLINE_REASONS[party].map((r) => ({ value: r, label: reasonLabel(t, r) }))}
        error={errorOf('reason')}
        required
      />
      <TextareaField
        id="decline-note"
        label={t('offers.field.note')}
        description={t('offers.noteOtherHint')}
        optional={reason !== 'other'}
        value={note}
        onChange={(v) => {
          setNote(v);
          clear('note');
        }}
        error={errorOf('note')}
      />
      <ButtonGroup>
        <Button id="decline-submit" type="submit" appearance="primary" danger busy={mutation.isPending} disabled={mutation.isPending}>
          {t('offers.declineSubmit')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </ButtonGroup>
    </form>
  );
}

function ReviewForm({ offer, mutation, onDone }: { offer: OfferDetail; mutation: Actions['review']; onDone: (o: ReviewOutcome) => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<ReviewOutcome | ''>('');
  const [note, setNote] = useState('');
  const [park, setPark] = useState('');
  const problem = useProblem(mutation.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const outcomes: ReviewOutcome[] = offer.step === 'contract' ? ['confirm', 'return'] : ['confirm', 'override', 'return'];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      {
        outcome: !outcome && t('offers.error.outcome'),
        note: (outcome === 'override' || outcome === 'return') && !note.trim() && t('offers.error.noteReview'),
      },
      { outcome: 'review-outcome', note: 'review-note' },
    );
    if (!ok || !outcome) return;
    const parkBody =
      outcome === 'confirm' && park
        ? park === 'indefinitely'
          ? { indefinitely: true }
          : { days: Number(park) as (typeof PARKING_PERIODS)[number] }
        : undefined;
    mutation.mutate({ outcome, note: note.trim() || undefined, park: parkBody }, { onSuccess: () => onDone(outcome) });
  };
  return (
    <form id="review-form" className="eh-form eh-card" noValidate onSubmit={submit} aria-labelledby="review-heading">
      <Heading level={3} id="review-heading">
        {t('offers.review')}
      </Heading>
      <Paragraph>{t('offers.reviewIntro')}</Paragraph>
      <ProblemAlert problem={problem} />
      <RadioGroup
        id="review-outcome"
        legend={t('offers.field.outcome')}
        value={outcome}
        onChange={(v) => {
          setOutcome(v as ReviewOutcome);
          clear('outcome');
        }}
        options={outcomes.map((o) => ({ value: o, label: t(`reviewOutcome.${o}`) }))}
        error={errorOf('outcome')}
      />
      {outcome === 'confirm' ? (
        <SelectField
          id="review-park"
          label={t('offers.field.park')}
          value={park}
          onChange={setPark}
          emptyLabel={t('offers.parkNone')}
          options={[
            ...PARKING_PERIODS.map((d) => ({ value: String(d), label: t('offers.parkDays', { days: d }) })),
            { value: 'indefinitely', label: t('offers.parkIndefinitely') },
          ]}
          optional
        />
      ) : null}
      <TextareaField
        id="review-note"
        label={t('offers.field.note')}
        optional={outcome === 'confirm' || outcome === ''}
        value={note}
        onChange={(v) => {
          setNote(v);
          clear('note');
        }}
        error={errorOf('note')}
      />
      <Button id="review-submit" type="submit" appearance="primary" busy={mutation.isPending} disabled={mutation.isPending}>
        {t('offers.reviewSubmit')}
      </Button>
    </form>
  );
}

function CancelOffer({ offer, mutation, onDone }: { offer: OfferDetail; mutation: Actions['cancel']; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<CancelReason>('unit_unavailable');
  const [note, setNote] = useState('');
  const problem = useProblem(mutation.error);
  return (
    <>
      <ButtonGroup>
        <Button id="offer-cancel" danger onClick={() => setOpen(true)}>
          {t('offers.cancel')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        id="cancel-dialog"
        open={open}
        danger
        title={t('offers.cancelTitle', { label: offer.unit.label })}
        confirmLabel={t('offers.cancel')}
        cancelLabel={t('offers.keep')}
        busy={mutation.isPending}
        footer={
          <div className="eh-form">
            <SelectField
              id="cancel-reason"
              label={t('offers.field.reason')}
              value={reason}
              onChange={(v) => setReason(v as CancelReason)}
              options={CANCEL_REASONS.map((r) => ({ value: r, label: t(`cancelReason.${r}`) }))}
            />
            <TextareaField id="cancel-note" label={t('offers.field.note')} optional value={note} onChange={setNote} />
            <ProblemAlert problem={problem} />
          </div>
        }
        onConfirm={() =>
          mutation.mutate(
            { reason, note: note.trim() || undefined },
            {
              onSuccess: () => {
                setOpen(false);
                onDone();
              },
            },
          )
        }
        onCancel={() => setOpen(false)}
      >
        <p className="utrecht-paragraph">{t('offers.cancelText')}</p>
      </ConfirmDialog>
    </>
  );
}
