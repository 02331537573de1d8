// "Buurt / Neighbourhood" on the location page: how the building is doing (mix, homes by status,
// tenancies, open incidents and the signal), incidents per month, the incidents with their
// forms, and the neighbourhood meetings. The server decides what each party sees.

import { useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import {
  useCreateMeeting,
  useIncidents,
  useMeetings,
  useNeighbourhood,
  useSetMix,
  type NeighbourhoodOverview,
} from '../../api/neighbourhood';
import type { UnitStatus } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { ChartFigure, type ChartOption } from '../../components/Chart';
import { DataList } from '../../components/DataList';
import { TextareaField, TextField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { Empty, LoadMore, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { IncidentForm, IncidentTable } from './IncidentParts';
import './neighbourhood.css';

const STATUSES: UnitStatus[] = ['pledged', 'location_found', 'available', 'allocated', 'occupied', 'withdrawn'];
const todayIso = () => new Date().toISOString().slice(0, 10);

export function NeighbourhoodSection({ locationId }: { locationId: string }) {
  const t = useT();
  const overview = useNeighbourhood(locationId);
  return (
    <section className="eh-section" aria-labelledby="neighbourhood-heading">
      <Heading level={2} id="neighbourhood-heading">
        {t('neighbourhood.heading')}
      </Heading>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <Figures overview={overview.data} />
          <MonthChart overview={overview.data} />
          <Incidents overview={overview.data} />
          <Meetings overview={overview.data} />
        </>
      )}
    </section>
  );
}

function Figures({ overview }: { overview: NeighbourhoodOverview }) {
  const t = useT();
  const format = useFormat();
  const o = overview;
  return (
    <>
      <Heading level={3}>{t('neighbourhood.figures')}</Heading>
      <p className={`utrecht-paragraph eh-signal eh-signal--${o.signal}`}>
        <strong>
          {t('neighbourhood.signal')}: {t(`neighbourhood.signal.${o.signal}`)}
        </strong>
      </p>
      <p className="utrecht-paragraph eh-help">{t('neighbourhood.signalRule', { days: o.alertDays })}</p>
      {o.mixed ? <Mix overview={o} /> : null}
      <DataList
        items={[
          {
            key: 'units',
            label: t('neighbourhood.unitsByStatus'),
            value: STATUSES.filter((s) => o.unitsByStatus[s] > 0)
              .map((s) => `${t(`status.${s}`)}: ${format.number(o.unitsByStatus[s])}`)
              .join(', ') || t('common.empty'),
          },
          {
            key: 'tenancies',
            label: t('neighbourhood.tenancies'),
            value: [
              `${t('neighbourhood.tenanciesCurrent')}: ${format.number(o.tenancies.current)}`,
              `${t('neighbourhood.providerHeld')}: ${format.number(o.tenancies.providerHeld)}`,
              `${t('neighbourhood.tenantHeld')}: ${format.number(o.tenancies.tenantHeld)}`,
              `${t('neighbourhood.flipped')}: ${format.number(o.tenancies.flipped)}`,
              `${t('neighbourhood.ended')}: ${format.number(o.tenancies.ended)}`,
            ].join(', '),
          },
          { key: 'open', label: t('neighbourhood.openCount'), value: format.number(o.openCount) },
          { key: 'overdue', label: t('neighbourhood.overdueCount', { days: o.alertDays }), value: format.number(o.overdueCount) },
        ]}
      />
    </>
  );
}

function Mix({ overview }: { overview: NeighbourhoodOverview }) {
  const t = useT();
  const format = useFormat();
  const { mix } = overview;
  const setMix = useSetMix(overview.location.id);
  const problem = useProblem(setMix.error);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(mix.regularHomes === null ? '' : String(mix.regularHomes));
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const regular = mix.regularHomes ?? 0;
  const share = mix.total > 0 ? (mix.programmePlaces / mix.total) * 100 : 100;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const regularHomes = value.trim() === '' ? null : Number(value);
    setMix.mutate(
      { regularHomes, version: overview.location.version },
      {
        onSuccess: () => {
          setSaved(true);
          setEditing(false);
          window.setTimeout(() => editButton.current?.focus(), 0);
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setConflict(true);
            setMix.reset();
          }
        },
      },
    );
  };

  return (
    <div className="eh-mix">
      <Heading level={4}>{t('neighbourhood.mix')}</Heading>
      <div className="eh-mix__bar" aria-hidden="true">
        <span className="eh-mix__programme" style={{ width: `${share}%` }} />
        <span className="eh-mix__regular" style={{ width: `${100 - share}%` }} />
      </div>
      <p className="utrecht-paragraph">
        {mix.regularHomes === null
          ? `${t('neighbourhood.mixProgramme')}: ${format.number(mix.programmePlaces)}; ${t('neighbourhood.mixRegular')}: ${t('neighbourhood.mixNotSet')}`
          : t('neighbourhood.mixBar', { programme: format.number(mix.programmePlaces), regular: format.number(regular) })}
        {' — '}
        {t('neighbourhood.mixTotal')}: {format.number(mix.total)}
      </p>
      {saved ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('neighbourhood.mixSaved')}</p>
        </Alert>
      ) : null}
      {overview.abilities.setMix && !editing ? (
        <Button
          ref={editButton}
          appearance="secondary"
          onClick={() => {
            setSaved(false);
            setValue(mix.regularHomes === null ? '' : String(mix.regularHomes));
            setEditing(true);
          }}
        >
          {t('neighbourhood.mixEdit')}
        </Button>
      ) : null}
      {editing ? (
        <form noValidate onSubmit={submit} className="eh-panel">
          {conflict ? (
            <Alert type="warning" role="alert">
              <p className="utrecht-paragraph">{t('neighbourhood.conflict')}</p>
            </Alert>
          ) : (
            <ProblemAlert problem={problem} />
          )}
          <TextField
            id="mix-regular"
            type="number"
            min={0}
            max={2000}
            label={t('neighbourhood.mixRegularLabel')}
            description={t('neighbourhood.mixRegularHelp')}
            value={value}
            onChange={setValue}
            optional
            error={problem?.fields.regularHomes}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={setMix.isPending} disabled={setMix.isPending}>
              {t('common.save')}
            </Button>
            <Button appearance="secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </div>
  );
}

const SEVERITY_COLOURS = { low: 'hsl(211, 60%, 35%)', medium: 'hsl(32, 95%, 38%)', high: 'hsl(0, 70%, 40%)' };

function MonthChart({ overview }: { overview: NeighbourhoodOverview }) {
  const t = useT();
  const format = useFormat();
  const months = overview.incidentsByMonth;
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: 'Noto Sans Variable, Arial, sans-serif', color: '#1a1a1a', fontSize: 13 },
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { top: 0, left: 0 },
      grid: { top: 36, left: 8, right: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => format.month(`${m.month}-01`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['low', 'medium', 'high'] as const).map((s) => ({
        name: t(`neighbourhood.severity.${s}`),
        type: 'bar',
        stack: 'total',
        data: months.map((m) => m[s]),
        itemStyle: { color: SEVERITY_COLOURS[s] },
        barMaxWidth: 28,
      })),
    }),
    [months, t, format],
  );
  return (
    <>
      <Heading level={3}>{t('neighbourhood.chartTitle')}</Heading>
      <ChartFigure
        id="neighbourhood-months"
        caption={t('neighbourhood.chartTitle')}
        label={t('neighbourhood.chartLabel')}
        option={option}
        height={260}
        table={
          <Table caption={t('neighbourhood.chartTitle')}>
            <THead>
              <Tr>
                <Th>{t('neighbourhood.month')}</Th>
                <Th numeric>{t('neighbourhood.severity.low')}</Th>
                <Th numeric>{t('neighbourhood.severity.medium')}</Th>
                <Th numeric>{t('neighbourhood.severity.high')}</Th>
                <Th numeric>{t('neighbourhood.total')}</Th>
              </Tr>
            </THead>
            <TBody>
              {months.map((m) => (
                <Tr key={m.month}>
                  <Th scope="row">{format.month(`${m.month}-01`)}</Th>
                  <Td numeric>{format.number(m.low)}</Td>
                  <Td numeric>{format.number(m.medium)}</Td>
                  <Td numeric>{format.number(m.high)}</Td>
                  <Td numeric>{format.number(m.total)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        }
      />
    </>
  );
}

function Incidents({ overview }: { overview: NeighbourhoodOverview }) {
  const t = useT();
  const filters = useMemo(() => ({ locationId: overview.location.id }), [overview.location.id]);
  const incidents = useIncidents(filters);
  const items = useMemo(() => incidents.data?.pages.flatMap((p) => p.items) ?? [], [incidents.data]);
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      <div className="eh-page-head">
        <Heading level={3}>{t('neighbourhood.incidents')}</Heading>
        {overview.abilities.recordIncident && !recording ? (
          <Button
            ref={recordButton}
            appearance="secondary"
            onClick={() => {
              setRecorded(false);
              setRecording(true);
            }}
          >
            {t('neighbourhood.record')}
          </Button>
        ) : null}
      </div>
      {recorded ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('neighbourhood.recorded')}</p>
        </Alert>
      ) : null}
      {recording ? (
        <IncidentForm
          locationId={overview.location.id}
          idPrefix="incident-new"
          onDone={(done) => {
            setRecording(false);
            setRecorded(done);
            window.setTimeout(() => recordButton.current?.focus(), 0);
          }}
        />
      ) : null}
      {incidents.isPending ? (
        <Loading />
      ) : incidents.isError && items.length === 0 ? (
        <QueryError error={incidents.error} onRetry={() => void incidents.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('neighbourhood.incidentsEmpty')}</Empty>
      ) : (
        <>
          <IncidentTable items={items} idPrefix="location-incident" />
          <LoadMore query={incidents} />
        </>
      )}
    </>
  );
}

function Meetings({ overview }: { overview: NeighbourhoodOverview }) {
  const t = useT();
  const format = useFormat();
  const meetings = useMeetings(overview.location.id);
  const items = useMemo(() => meetings.data?.pages.flatMap((p) => p.items) ?? [], [meetings.data]);
  const create = useCreateMeeting(overview.location.id);
  const problem = useProblem(create.error);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (notes.trim() === '' || heldOn === '') return;
    create.mutate(
      { heldOn, attendees: attendees.trim() === '' ? null : Number(attendees), notes: notes.trim() },
      {
        onSuccess: () => {
          setSaved(true);
          setOpen(false);
          setNotes('');
          setAttendees('');
          setTried(false);
          window.setTimeout(() => openButton.current?.focus(), 0);
        },
      },
    );
  };

  return (
    <>
      <div className="eh-page-head">
        <Heading level={3}>{t('neighbourhood.meetings')}</Heading>
        {overview.abilities.recordMeeting && !open ? (
          <Button
            ref={openButton}
            appearance="secondary"
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
          >
            {t('neighbourhood.meetingRecord')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('neighbourhood.meetingSaved')}</p>
        </Alert>
      ) : null}
      {open ? (
        <form noValidate onSubmit={submit} className="eh-panel" aria-labelledby="meeting-form-heading">
          <Heading level={4} id="meeting-form-heading">
            {t('neighbourhood.meetingHeading')}
          </Heading>
          <ProblemAlert problem={problem} />
          <TextField
            id="meeting-date"
            type="date"
            label={t('neighbourhood.heldOn')}
            value={heldOn}
            onChange={setHeldOn}
            max={todayIso()}
            required
            error={problem?.fields.heldOn ?? (tried && heldOn === '' ? t('neighbourhood.required') : null)}
          />
          <TextField id="meeting-attendees" type="number" min={0} label={t('neighbourhood.attendees')} value={attendees} onChange={setAttendees} optional error={problem?.fields.attendees} />
          <TextareaField
            id="meeting-notes"
            label={t('neighbourhood.notes')}
            value={notes}
            onChange={setNotes}
            rows={5}
            error={problem?.fields.notes ?? (tried && notes.trim() === '' ? t('neighbourhood.required') : null)}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
              {t('common.save')}
            </Button>
            <Button appearance="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError && items.length === 0 ? (
        <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('neighbourhood.meetingsEmpty')}</Empty>
      ) : (
        <>
          <ul className="eh-meetings">
            {items.map((m) => (
              <li key={m.id} className="eh-meeting">
                <p className="utrecht-paragraph">
                  <strong>{format.date(m.heldOn)}</strong>
                  {m.attendees !== null ? ` — ${t('neighbourhood.attendeesCount', { count: m.attendees })}` : ''}
                </p>
                <p className="utrecht-paragraph eh-prewrap">{m.notes}</p>
              </li>
            ))}
          </ul>
          <LoadMore query={meetings} />
        </>
      )}
    </>
  );
}
