// Incidents and nuisance reports: the list with follow-up editing and closing (with a
// confirmation), and the form to record one. Used on the location page and on /overlast.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import {
  INCIDENT_SEVERITIES,
  INCIDENT_SOURCES,
  useCloseIncident,
  useCreateIncident,
  usePatchIncident,
  type Incident,
  type IncidentSeverity,
  type IncidentSource,
} from '../../api/neighbourhood';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { ProblemAlert, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import './neighbourhood.css';

const todayIso = () => new Date().toISOString().slice(0, 10);

export function SeverityLabel({ severity }: { severity: IncidentSeverity }) {
  const t = useT();
  return <span className={`eh-severity eh-severity--${severity}`}>{t(`neighbourhood.severity.${severity}`)}</span>;
}

/** The incidents as a table; `showLocation` adds the location column (the overview page). */
export function IncidentTable({ items, showLocation, idPrefix }: { items: Incident[]; showLocation?: boolean; idPrefix: string }) {
  const t = useT();
  const format = useFormat();
  const [editing, setEditing] = useState<{ incident: Incident; mode: 'edit' | 'close' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const returnFocus = useRef<string | null>(null);

  const finish = (message: string | null) => {
    setEditing(null);
    setDone(message);
    const target = returnFocus.current;
    window.setTimeout(() => (target ? document.getElementById(target)?.focus() : undefined), 0);
  };

  return (
    <>
      {done ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
      <Table caption={t('neighbourhood.caption')} hideCaption>
        <THead>
          <Tr>
            <Th>{t('neighbourhood.occurredOn')}</Th>
            {showLocation ? <Th>{t('neighbourhood.location')}</Th> : null}
            <Th>{t('neighbourhood.source')}</Th>
            <Th>{t('neighbourhood.severity')}</Th>
            <Th>{t('neighbourhood.description')}</Th>
            <Th>{t('neighbourhood.status')}</Th>
            <Th>
              <span className="eh-visually-hidden">{t('neighbourhood.actions')}</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {items.map((incident) => (
            <Tr key={incident.id}>
              <Th scope="row" className="eh-nowrap">
                {format.date(incident.occurredOn)}
              </Th>
              {showLocation ? (
                <Td>
                  <AppLink to={`/locations/${incident.locationId}`}>{incident.location}</AppLink>
                </Td>
              ) : null}
              <Td>{t(`neighbourhood.source.${incident.source}`)}</Td>
              <Td>
                <SeverityLabel severity={incident.severity} />
              </Td>
              <Td>
                {incident.details ? (
                  <>
                    <span>{incident.description}</span>
                    <span className="eh-cell-sub">
                      {t('neighbourhood.about')}:{' '}
                      {incident.tenancy ? t('neighbourhood.aboutTenancy', { unit: incident.tenancy.unitLabel }) : t('neighbourhood.aboutLocation')}
                    </span>
                    {incident.followUp ? (
                      <span className="eh-cell-sub">
                        {t('neighbourhood.followUp')}: {incident.followUp}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="eh-cell-sub">{t('neighbourhood.hidden')}</span>
                )}
              </Td>
              <Td>
                {incident.open ? t('neighbourhood.statusOpen') : `${t('neighbourhood.statusClosed')} ${format.date(incident.closedOn)}`}
                <span className="eh-cell-sub">
                  {t('neighbourhood.ageDays', { days: incident.ageDays })}
                  {incident.overdue ? ` — ${t('neighbourhood.overdue')}` : ''}
                </span>
              </Td>
              <Td>
                <ButtonGroup>
                  {incident.abilities.edit ? (
                    <Button
                      id={`${idPrefix}-edit-${incident.id}`}
                      appearance="subtle"
                      onClick={() => {
                        returnFocus.current = `${idPrefix}-edit-${incident.id}`;
                        setDone(null);
                        setEditing({ incident, mode: 'edit' });
                      }}
                    >
                      {t('neighbourhood.edit')}
                    </Button>
                  ) : null}
                  {incident.abilities.close ? (
                    <Button
                      id={`${idPrefix}-close-${incident.id}`}
                      appearance="secondary"
                      onClick={() => {
                        returnFocus.current = `${idPrefix}-close-${incident.id}`;
                        setDone(null);
                        setEditing({ incident, mode: 'close' });
                      }}
                    >
                      {t('neighbourhood.close')}
                    </Button>
                  ) : null}
                </ButtonGroup>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {editing?.mode === 'edit' ? (
        <EditIncident key={editing.incident.id} idPrefix={idPrefix} incident={editing.incident} onDone={finish} />
      ) : null}
      {editing?.mode === 'close' ? (
        <CloseIncident key={editing.incident.id} idPrefix={idPrefix} incident={editing.incident} onDone={finish} />
      ) : null}
    </>
  );
}

function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function EditIncident({ incident, idPrefix, onDone }: { incident: Incident; idPrefix: string; onDone: (message: string | null) => void }) {
  const t = useT();
  const format = useFormat();
  const patch = usePatchIncident();
  const problem = useProblem(patch.error);
  const heading = useFocusOnMount();
  const [severity, setSeverity] = useState<IncidentSeverity>(incident.severity);
  const [followUp, setFollowUp] = useState(incident.followUp ?? '');
  const [conflict, setConflict] = useState(false);
  const id = `${idPrefix}-edit`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    patch.mutate(
      { id: incident.id, body: { version: incident.version, severity, followUp: followUp.trim() === '' ? null : followUp.trim() } },
      {
        onSuccess: () => onDone(t('neighbourhood.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) setConflict(true);
        },
      },
    );
  };

  return (
    <section className="eh-section eh-panel" aria-labelledby={`${id}-heading`}>
      <Heading level={3} id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('neighbourhood.editHeading', { date: format.date(incident.occurredOn) })}
      </Heading>
      <form noValidate onSubmit={submit}>
        {conflict ? (
          <Alert type="warning" role="alert">
            <p className="utrecht-paragraph">{t('neighbourhood.conflict')}</p>
          </Alert>
        ) : (
          <ProblemAlert problem={problem} />
        )}
        <SelectField
          id={`${id}-severity`}
          label={t('neighbourhood.severity')}
          value={severity}
          onChange={(v) => setSeverity(v as IncidentSeverity)}
          options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`neighbourhood.severity.${s}`) }))}
          error={problem?.fields.severity}
          required
        />
        <TextareaField id={`${id}-followup`} label={t('neighbourhood.followUp')} value={followUp} onChange={setFollowUp} optional error={problem?.fields.followUp} />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={patch.isPending} disabled={patch.isPending}>
            {t('common.save')}
          </Button>
          <Button appearance="secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function CloseIncident({ incident, idPrefix, onDone }: { incident: Incident; idPrefix: string; onDone: (message: string | null) => void }) {
  const t = useT();
  const format = useFormat();
  const close = useCloseIncident();
  const problem = useProblem(close.error);
  const heading = useFocusOnMount();
  const [closedOn, setClosedOn] = useState(todayIso());
  const [followUp, setFollowUp] = useState(incident.followUp ?? '');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const id = `${idPrefix}-closure`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = followUp.trim() === '' || closedOn === '';
    setMissing(empty);
    if (!empty) setConfirming(true);
  };
  const confirm = () =>
    close.mutate(
      { id: incident.id, body: { closedOn, followUp: followUp.trim(), version: incident.version } },
      { onSuccess: () => onDone(t('neighbourhood.closed')), onSettled: () => setConfirming(false) },
    );

  return (
    <section className="eh-section eh-panel" aria-labelledby={`${id}-heading`}>
      <Heading level={3} id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('neighbourhood.closeHeading', { date: format.date(incident.occurredOn) })}
      </Heading>
      <form noValidate onSubmit={submit}>
        <ProblemAlert problem={problem} />
        <TextField
          id={`${id}-date`}
          type="date"
          label={t('neighbourhood.closedOn')}
          value={closedOn}
          onChange={setClosedOn}
          min={incident.occurredOn}
          required
          error={problem?.fields.closedOn ?? (missing && closedOn === '' ? t('neighbourhood.required') : null)}
        />
        <TextareaField
          id={`${id}-followup`}
          label={t('neighbourhood.followUp')}
          value={followUp}
          onChange={setFollowUp}
          error={problem?.fields.followUp ?? (missing && followUp.trim() === '' ? t('neighbourhood.required') : null)}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary">
            {t('neighbourhood.close')}
          </Button>
          <Button appearance="secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
      <ConfirmDialog
        id={`${id}-confirm`}
        open={confirming}
        title={t('neighbourhood.closeTitle')}
        confirmLabel={t('neighbourhood.closeConfirm')}
        cancelLabel={t('common.cancel')}
        busy={close.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p className="utrecht-paragraph">{t('neighbourhood.closeText', { date: format.date(incident.occurredOn), closedOn: format.date(closedOn) })}</p>
      </ConfirmDialog>
    </section>
  );
}

/** The form to record an incident at one location (about the location as a whole). */
export function IncidentForm({ locationId, idPrefix, onDone }: { locationId: string; idPrefix: string; onDone: (recorded: boolean) => void }) {
  const t = useT();
  const create = useCreateIncident();
  const problem = useProblem(create.error);
  const heading = useFocusOnMount();
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [source, setSource] = useState<IncidentSource | ''>('');
  const [severity, setSeverity] = useState<IncidentSeverity | ''>('');
  const [description, setDescription] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [tried, setTried] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!source || !severity || description.trim() === '' || occurredOn === '') return;
    create.mutate(
      { locationId, occurredOn, source, severity, description: description.trim(), followUp: followUp.trim() === '' ? null : followUp.trim() },
      { onSuccess: () => onDone(true) },
    );
  };
  const need = (empty: boolean) => (tried && empty ? t('neighbourhood.required') : null);

  return (
    <section className="eh-section eh-panel" aria-labelledby={`${idPrefix}-heading`}>
      <Heading level={3} id={`${idPrefix}-heading`} ref={heading} tabIndex={-1}>
        {t('neighbourhood.recordHeading')}
      </Heading>
      <form noValidate onSubmit={submit}>
        <ProblemAlert problem={problem} />
        <TextField
          id={`${idPrefix}-date`}
          type="date"
          label={t('neighbourhood.occurredOn')}
          value={occurredOn}
          onChange={setOccurredOn}
          max={todayIso()}
          required
          error={problem?.fields.occurredOn ?? need(occurredOn === '')}
        />
        <SelectField
          id={`${idPrefix}-source`}
          label={t('neighbourhood.source')}
          value={source}
          onChange={(v) => setSource(v as IncidentSource | '')}
          options={INCIDENT_SOURCES.map((s) => ({ value: s, label: t(`neighbourhood.source.${s}`) }))}
          emptyLabel="—"
          required
          error={problem?.fields.source ?? need(!source)}
        />
        <SelectField
          id={`${idPrefix}-severity`}
          label={t('neighbourhood.severity')}
          value={severity}
          onChange={(v) => setSeverity(v as IncidentSeverity | '')}
          options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`neighbourhood.severity.${s}`) }))}
          emptyLabel="—"
          required
          error={problem?.fields.severity ?? need(!severity)}
        />
        <TextareaField
          id={`${idPrefix}-description`}
          label={t('neighbourhood.description')}
          value={description}
          onChange={setDescription}
          error={problem?.fields.description ?? need(description.trim() === '')}
        />
        <TextareaField id={`${idPrefix}-followup`} label={t('neighbourhood.followUp')} value={followUp} onChange={setFollowUp} optional error={problem?.fields.followUp} />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {t('neighbourhood.record')}
          </Button>
          <Button appearance="secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
