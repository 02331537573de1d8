import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';
import type { Page } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataList } from '../../components/DataList';
import { RadioGroup, SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFieldErrors } from '../../formErrors';
import { useBilingual, useFormat, useI18n, useT } from '../../i18n';
import { participantPath } from '../../paths';
import {
  TENANCIES_PATH,
  TENANCY_END_REASONS,
  tenanciesApi,
  tenancyPath,
  UNIT_OUTCOMES,
  useTenancy,
  useTenancyAction,
  type ChecklistItem,
  type EndBody,
  type TenancyDetail,
  type TenancyEndReason,
  type UnitOutcome,
} from './api';

import './tenancies.css';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * /huurcontracten/:id: one tenancy. The timeline (offer → start → keys → guidance → scale-down →
 * flip → end), the facts, the flip checklist with a form per item the user may record, the flip
 * (with confirmation), the keys (move-in) and the end (reason, what becomes of the home; with
 * confirmation), the lease history and the events. Ids: `tenancy-heading`, `tenancy-timeline`
 * (items `data-kind`, `data-done`), `tenancy-checklist` (rows `data-kind`, `data-status`),
 * `check-{kind}-met|date|evidence|submit`, `tenancy-flip`, `flip-dialog`, `flip-date`,
 * `move-in-date`, `move-in-submit`, `end-form` (`end-date`, `end-reason`, `end-outcome`,
 * `end-next-unit`, `end-note`, `end-submit`), `end-dialog`, `tenancy-leases`, `tenancy-events`.
 */
export function TenancyDetailPage() {
  const t = useT();
  const { id } = useParams();
  const tenancy = useTenancy(id);
  const label = tenancy.data?.unit.label ?? t('tenancies.protectedAddress');
  usePageTitle(tenancy.data ? t('tenancies.heading', { label }) : t('tenancies.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={TENANCIES_PATH}>{t('tenancies.backToList')}</AppLink>
      </p>
      {tenancy.isPending ? (
        <Loading />
      ) : tenancy.isError ? (
        <>
          <Heading level={1}>{t('tenancies.title')}</Heading>
          <QueryError error={tenancy.error} onRetry={() => void tenancy.refetch()} />
        </>
      ) : (
        <Detail x={tenancy.data} />
      )}
    </>
  );
}

function Detail({ x }: { x: TenancyDetail }) {
  const t = useT();
  const format = useFormat();
  const text = useBilingual();
  const label = x.unit.label ?? t('tenancies.protectedAddress');
  return (
    <>
      <Heading level={1} id="tenancy-heading">
        {t('tenancies.heading', { label })}
      </Heading>
      <p className="utrecht-paragraph" id="tenancy-status">
        <strong>{x.status === 'ended' ? t('tenancies.status.ended') : t('tenancies.status.current')}</strong> — {t(`tenancies.holder.${x.leaseHolder}`)}
      </p>

      <section aria-labelledby="tenancy-timeline-heading">
        <Heading level={2} id="tenancy-timeline-heading">
          {t('tenancies.timeline')}
        </Heading>
        <ol id="tenancy-timeline" className="eh-timeline">
          {x.timeline.map((step, i) => (
            <li key={`${step.kind}-${i}`} className="eh-timeline__item" data-kind={step.kind} data-done={step.done ? 'true' : 'false'} aria-current={!step.done && (i === 0 || x.timeline[i - 1].done) ? 'step' : undefined}>
              <strong>{text(step.text)}</strong> — {step.done ? format.date(step.date) : t('tenancies.notYet')}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="tenancy-facts-heading">
        <Heading level={2} id="tenancy-facts-heading">
          {t('tenancies.facts')}
        </Heading>
        <DataList
          items={[
            { key: 'home', label: t('tenancies.field.home'), value: x.unit.id ? <AppLink to={`/units/${x.unit.id}`}>{label}</AppLink> : label },
            { key: 'location', label: t('tenancies.field.location'), value: [x.unit.location, x.unit.municipality].filter(Boolean).join(', ') || t('common.empty') },
            {
              key: 'tenant',
              label: t('tenancies.field.tenant'),
              value: x.participant.id ? (
                <AppLink to={participantPath(x.participant.id)}>{[x.participant.code, x.participant.name].filter(Boolean).join(' — ')}</AppLink>
              ) : (
                [x.participant.code, x.participant.name, x.participant.phone, x.participant.email].filter(Boolean).join(' — ') || t('common.empty')
              ),
            },
            { key: 'household', label: t('tenancies.field.household'), value: format.number(x.participant.householdSize) },
            { key: 'provider', label: t('tenancies.field.provider'), value: x.provider?.name ?? t('common.empty') },
            { key: 'corporation', label: t('tenancies.field.corporation'), value: x.corporation?.name ?? t('common.empty') },
            { key: 'rent', label: t('tenancies.field.rent'), value: x.rentCents === null ? t('tenancies.rentUnknown') : format.money(x.rentCents) },
            ...(x.endDate
              ? [{ key: 'end', label: t('tenancies.field.end'), value: `${format.date(x.endDate)} — ${t(`tenancies.reason.${x.endReason ?? 'other'}`)}${x.endNote ? ` (${x.endNote})` : ''}` }]
              : []),
            ...(x.nextTenancyId ? [{ key: 'next', label: t('tenancies.field.next'), value: <AppLink to={tenancyPath(x.nextTenancyId)}>{t('tenancies.nextLink')}</AppLink> }] : []),
          ]}
        />
      </section>

      {x.abilities.moveIn ? <MoveIn x={x} /> : null}
      <Checklist x={x} />
      {x.abilities.flip ? <Flip x={x} /> : null}
      {x.abilities.end ? <End x={x} /> : null}

      <section aria-labelledby="tenancy-leases-heading">
        <Heading level={2} id="tenancy-leases-heading">
          {t('tenancies.leases')}
        </Heading>
        <Table caption={t('tenancies.leases')} hideCaption id="tenancy-leases">
          <THead>
            <Tr>
              <Th>{t('tenancies.field.leaseHolder')}</Th>
              <Th>{t('tenancies.field.start')}</Th>
              <Th>{t('tenancies.field.until')}</Th>
              <Th>{t('tenancies.field.rent')}</Th>
            </Tr>
          </THead>
          <TBody>
            {x.leases.map((l) => (
              <tr key={l.id} className="utrecht-table__row" data-holder={l.leaseHolder}>
                <Th scope="row">
                  {t(`tenancies.holder.${l.leaseHolder}`)}
                  {l.holder ? ` (${l.holder})` : ''}
                </Th>
                <Td>{format.date(l.startDate)}</Td>
                <Td>{l.endDate ? format.date(l.endDate) : t('tenancies.running')}</Td>
                <Td>{l.rentCents === null ? t('tenancies.rentUnknown') : format.money(l.rentCents)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="tenancy-events-heading">
        <Heading level={2} id="tenancy-events-heading">
          {t('tenancies.events')}
        </Heading>
        {x.events.length === 0 ? (
          <Empty>{t('tenancies.noEvents')}</Empty>
        ) : (
          <ol id="tenancy-events" className="eh-history">
            {x.events.map((e) => (
              <li key={e.id} data-kind={e.kind}>
                {format.date(e.effectiveDate)} — {text(e.text)}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function MoveIn({ x }: { x: TenancyDetail }) {
  const t = useT();
  const [date, setDate] = useState(today());
  const mutation = useTenancyAction(x.id, tenanciesApi.moveIn);
  const problem = useProblem(mutation.error);
  const { errorOf } = useFieldErrors(problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ date, version: x.version });
  };
  return (
    <section aria-labelledby="move-in-heading">
      <Heading level={2} id="move-in-heading">
        {t('tenancies.moveIn.title')}
      </Heading>
      <Paragraph>{t('tenancies.moveIn.text')}</Paragraph>
      <form className="eh-form" onSubmit={submit} noValidate id="move-in-form">
        <TextField id="move-in-date" type="date" label={t('tenancies.moveIn.date')} value={date} onChange={setDate} required error={errorOf('date')} />
        <ProblemAlert problem={problem} />
        <ButtonGroup>
          <Button id="move-in-submit" type="submit" appearance="primary" busy={mutation.isPending}>
            {t('tenancies.moveIn.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Checklist({ x }: { x: TenancyDetail }) {
  const t = useT();
  const { lang } = useI18n();
  const format = useFormat();
  const text = useBilingual();
  if (x.checklist.items.length === 0 && x.leaseHolder === 'tenant' && !x.flippedOn) return null;
  return (
    <section aria-labelledby="tenancy-checklist-heading">
      <Heading level={2} id="tenancy-checklist-heading">
        {t('tenancies.checklist.title')}
      </Heading>
      {x.leaseHolder === 'provider' && !x.flippedOn ? (
        x.checklist.complete ? (
          <Alert type="ok" id="checklist-complete">
            <p className="utrecht-paragraph">{t('tenancies.checklist.complete')}</p>
          </Alert>
        ) : (
          <Alert type="info" id="checklist-missing" title={t('tenancies.checklist.missing')}>
            <ul className="utrecht-unordered-list">
              {x.checklist.missing.map((m) => (
                <li key={m.nl}>{text(m)}</li>
              ))}
            </ul>
          </Alert>
        )
      ) : (
        <Paragraph>{x.flippedOn ? t('tenancies.checklist.flipped', { date: format.date(x.flippedOn) }) : t('tenancies.checklist.tenantLease')}</Paragraph>
      )}
      {x.checklist.items.length === 0 ? (
        <Empty>{t('tenancies.checklist.empty')}</Empty>
      ) : (
        <ul id="tenancy-checklist" className="eh-checklist">
          {x.checklist.items.map((item) => (
            <li key={item.id} data-kind={item.kind} data-status={item.status} className="eh-checklist__item">
              <Heading level={3}>{lang === 'en' ? item.labelEn : item.labelNl}</Heading>
              <p className="utrecht-paragraph">
                <strong>{t(`tenancies.checkStatus.${item.status}`)}</strong>
                {item.computed ? ` — ${t('tenancies.checklist.computed', { n: item.openIncidents ?? 0 })}` : null}
                {item.latest ? ` — ${format.date(item.latest.checkedOn)}${item.latest.organisation ? `, ${item.latest.organisation}` : ''}${item.latest.evidence ? `: ${item.latest.evidence}` : ''}` : null}
              </p>
              {item.history.length > 1 ? (
                <details>
                  <summary>{t('tenancies.checklist.history', { n: item.history.length })}</summary>
                  <ul className="utrecht-unordered-list">
                    {item.history.map((c) => (
                      <li key={c.id}>
                        {format.date(c.checkedOn)} — {c.met ? t('tenancies.checkStatus.met') : t('tenancies.checkStatus.not_met')}
                        {c.organisation ? ` (${c.organisation})` : ''}
                        {c.evidence ? `: ${c.evidence}` : ''}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {item.canRecord ? <CheckForm x={x} item={item} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckForm({ x, item }: { x: TenancyDetail; item: ChecklistItem }) {
  const t = useT();
  const format = useFormat();
  const [met, setMet] = useState('yes');
  const [date, setDate] = useState(today());
  const [evidence, setEvidence] = useState('');
  const mutation = useTenancyAction(x.id, tenanciesApi.check);
  const problem = useProblem(mutation.error);
  const { errorOf } = useFieldErrors(problem);
  const prefix = `check-${item.kind === 'custom' ? item.id : item.kind}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { criterionId: item.id, met: met === 'yes', checkedOn: date, evidence: evidence.trim() || undefined },
      { onSuccess: () => setEvidence('') },
    );
  };
  return (
    <form className="eh-form eh-form--inline" onSubmit={submit} noValidate aria-label={t('tenancies.checklist.record')}>
      <SelectField
        id={`${prefix}-met`}
        label={t('tenancies.checklist.judgement')}
        value={met}
        onChange={setMet}
        options={[
          { value: 'yes', label: t('tenancies.checkStatus.met') },
          { value: 'no', label: t('tenancies.checkStatus.not_met') },
        ]}
      />
      <TextField
        id={`${prefix}-date`}
        type="date"
        label={t('tenancies.checklist.date')}
        value={date}
        onChange={setDate}
        required
        error={errorOf('checkedOn')}
        description={item.earliestMetOn ? t('tenancies.checklist.earliest', { date: format.date(item.earliestMetOn) }) : undefined}
      />
      <TextareaField id={`${prefix}-evidence`} label={t('tenancies.checklist.evidence')} value={evidence} onChange={setEvidence} error={errorOf('evidence')} optional={item.kind === 'tenant_agrees'} />
      <ProblemAlert problem={problem} />
      <Button id={`${prefix}-submit`} type="submit" appearance="secondary" busy={mutation.isPending}>
        {t('tenancies.checklist.submit')}
      </Button>
    </form>
  );
}

function Flip({ x }: { x: TenancyDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today());
  const mutation = useTenancyAction(x.id, tenanciesApi.flip);
  const problem = useProblem(mutation.error);
  return (
    <section aria-labelledby="flip-heading">
      <Heading level={2} id="flip-heading">
        {t('tenancies.flip.title')}
      </Heading>
      <Paragraph>{t('tenancies.flip.text')}</Paragraph>
      <ButtonGroup>
        <Button id="tenancy-flip" appearance="primary" onClick={() => setOpen(true)}>
          {t('tenancies.flip.action')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        id="flip-dialog"
        open={open}
        title={t('tenancies.flip.confirmTitle')}
        confirmLabel={t('tenancies.flip.confirm')}
        cancelLabel={t('common.cancel')}
        busy={mutation.isPending}
        footer={
          <div className="eh-form">
            <TextField id="flip-date" type="date" label={t('tenancies.flip.date')} value={date} onChange={setDate} required />
            <ProblemAlert problem={problem} id="flip-problem" />
          </div>
        }
        onConfirm={() => mutation.mutate({ date, version: x.version }, { onSuccess: () => setOpen(false) })}
        onCancel={() => setOpen(false)}
      >
        <p className="utrecht-paragraph">{t('tenancies.flip.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}

interface UnitOption {
  id: string;
  label: string;
  location: string | null;
}

function End({ x }: { x: TenancyDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState<TenancyEndReason | ''>('');
  const [outcome, setOutcome] = useState<UnitOutcome>('available');
  const [nextUnitId, setNextUnitId] = useState('');
  const [note, setNote] = useState('');
  const within = reason === 'moved_within_programme';
  const units = useQuery({
    queryKey: ['units', 'available', x.programmeId],
    queryFn: () => send<Page<UnitOption>>('GET', `/v1/units?programmeId=${encodeURIComponent(x.programmeId)}&status=available&limit=200`),
    enabled: within,
  });
  const mutation = useTenancyAction(x.id, tenanciesApi.end);
  const problem = useProblem(mutation.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (validate({ reason: !reason && t('tenancies.end.reasonRequired'), nextUnitId: within && !nextUnitId && t('tenancies.end.nextRequired') }, { reason: 'end-reason', nextUnitId: 'end-next-unit' })) setOpen(true);
  };
  const body = (): EndBody => ({
    endDate: date,
    reason: reason as TenancyEndReason,
    unitOutcome: outcome,
    note: note.trim() || undefined,
    nextUnitId: within ? nextUnitId : undefined,
    version: x.version,
  });
  return (
    <section aria-labelledby="end-heading">
      <Heading level={2} id="end-heading">
        {t('tenancies.end.title')}
      </Heading>
      <form id="end-form" className="eh-form" onSubmit={submit} noValidate>
        <TextField id="end-date" type="date" label={t('tenancies.end.date')} value={date} onChange={setDate} required error={errorOf('endDate')} />
        <SelectField
          id="end-reason"
          label={t('tenancies.end.reason')}
          value={reason}
          onChange={(v) => setReason(v as TenancyEndReason | '')}
          emptyLabel={t('tenancies.end.chooseReason')}
          required
          error={errorOf('reason')}
          options={TENANCY_END_REASONS.map((r) => ({ value: r, label: t(`tenancies.reason.${r}`) }))}
        />
        <RadioGroup
          id="end-outcome"
          legend={t('tenancies.end.outcome')}
          value={outcome}
          onChange={(v) => setOutcome(v as UnitOutcome)}
          options={UNIT_OUTCOMES.map((o) => ({ value: o, label: t(`tenancies.outcome.${o}`) }))}
        />
        {within ? (
          <SelectField
            id="end-next-unit"
            label={t('tenancies.end.nextUnit')}
            value={nextUnitId}
            onChange={setNextUnitId}
            emptyLabel={units.isPending ? t('common.loading') : t('tenancies.end.chooseUnit')}
            required
            error={errorOf('nextUnitId')}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.location ? `${u.label} — ${u.location}` : u.label }))}
          />
        ) : null}
        <TextareaField id="end-note" label={t('tenancies.end.note')} value={note} onChange={setNote} optional={reason !== 'other'} error={errorOf('note')} />
        {!open ? <ProblemAlert problem={problem} /> : null}
        <ButtonGroup>
          <Button id="end-submit" type="submit" danger>
            {t('tenancies.end.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <ConfirmDialog
        id="end-dialog"
        open={open}
        danger
        title={t('tenancies.end.confirmTitle')}
        confirmLabel={t('tenancies.end.confirm')}
        cancelLabel={t('common.cancel')}
        busy={mutation.isPending}
        footer={<ProblemAlert problem={problem} />}
        onConfirm={() => mutation.mutate(body(), { onSettled: () => setOpen(false) })}
        onCancel={() => setOpen(false)}
      >
        <p className="utrecht-paragraph">
          {t(within ? 'tenancies.end.confirmWithin' : 'tenancies.end.confirmText', { reason: reason ? t(`tenancies.reason.${reason}`) : '', outcome: t(`tenancies.outcome.${outcome}`) })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
