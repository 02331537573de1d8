import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { useAllLocations, useChangeUnitStatus, useUnit } from '../../api/hooks';
import type { UnitDetail, UnitStatus } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { matchingAccess, rankingPath } from '../matching/access';
import { TenancyLink } from '../tenancies/TenancyLink';
import { DataList } from '../../components/DataList';
import { SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { todayIso } from '../../dates';
import { optional, useFieldErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { byName, oneOf, statusOptions } from '../../options';
import { useCurrentUser } from '../../session';

export function UnitDetailPage() {
  const t = useT();
  const { id } = useParams();
  const unit = useUnit(id);
  usePageTitle(unit.data ? t('unit.heading', { label: unit.data.label }) : t('units.title'));

  return (
    <>
      <p className="eh-back">
        <AppLink to="/units">{t('unit.backToList')}</AppLink>
      </p>
      {unit.isPending ? (
        <>
          <Heading level={1}>{t('units.title')}</Heading>
          <Loading />
        </>
      ) : unit.isError ? (
        <>
          <Heading level={1}>{t('units.title')}</Heading>
          <QueryError error={unit.error} onRetry={() => void unit.refetch()} />
        </>
      ) : (
        <UnitView unit={unit.data} />
      )}
    </>
  );
}

function UnitView({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const format = useFormat();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('unit.heading', { label: unit.label || t('common.noName') })}</Heading>
        <StatusBadge status={unit.status} />
      </div>
      <UnitRankingLink unitId={unit.id} />
      {created ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('unitNew.created')}</p>
        </Alert>
      ) : null}
      <TenancyLink unitId={unit.id} id="unit-tenancy-link" />
      <div className="eh-columns">
        <section className="eh-section" aria-labelledby="unit-details-heading">
          <Heading level={2} id="unit-details-heading">
            {t('common.details')}
          </Heading>
          <DataList
            items={[
              {
                key: 'status',
                label: t('field.status'),
                value: `${t(`status.${unit.status}`)} (${format.date(unit.statusSince)})`,
              },
              { key: 'municipality', label: t('field.municipality'), value: unit.municipality },
              {
                key: 'location',
                label: t('field.location'),
                value:
                  unit.locationId && unit.location ? (
                    <AppLink to={`/locations/${unit.locationId}`}>{unit.location}</AppLink>
                  ) : (
                    t('common.empty')
                  ),
              },
              { key: 'form', label: t('field.form'), value: t(`form.${unit.form}`) },
              { key: 'rooms', label: t('field.rooms'), value: format.number(unit.rooms) },
              { key: 'tranche', label: t('field.tranche'), value: unit.tranche ?? t('common.empty') },
              { key: 'expected', label: t('field.expectedDate'), value: format.date(unit.expectedDate) },
            ]}
          />
        </section>
        {unit.abilities.changeStatus ? <StatusChangeForm unit={unit} /> : null}
      </div>
      <History unit={unit} />
    </>
  );
}

function History({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="eh-section" aria-labelledby="history-heading">
      <Heading level={2} id="history-heading">
        {t('unit.history')}
      </Heading>
      {unit.history.length === 0 ? (
        <Empty>{t('unit.historyEmpty')}</Empty>
      ) : (
        <ol className="eh-timeline">
          {unit.history.map((entry) => (
            <li key={entry.id} className="eh-timeline__item">
              <div className="eh-timeline__head">
                <time dateTime={entry.effectiveDate} className="eh-timeline__date">
                  {format.date(entry.effectiveDate)}
                </time>
                <StatusBadge status={entry.status} />
              </div>
              <p className="utrecht-paragraph eh-timeline__meta">
                {entry.recordedBy ? t('unit.recordedBy', { name: entry.recordedBy.name }) : t('unit.recordedBySystem')}
                {', '}
                {t('unit.recordedAt', { date: format.dateTime(entry.recordedAt) })}
                {entry.expectedDate ? `; ${t('unit.expected', { date: format.date(entry.expectedDate) })}` : null}
              </p>
              {entry.note ? <p className="utrecht-paragraph eh-timeline__note">{entry.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const IDS = {
  status: 'status-new',
  effectiveDate: 'status-effective-date',
  locationId: 'status-location',
  expectedDate: 'status-expected-date',
  note: 'status-note',
};

function StatusChangeForm({ unit }: { unit: UnitDetail }) {
  const t = useT();
  const change = useChangeUnitStatus(unit.id);
  const problem = useProblem(change.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const [status, setStatus] = useState<UnitStatus | ''>('');
  const [effectiveDate, setEffectiveDate] = useState(todayIso());
  const [locationId, setLocationId] = useState(unit.locationId ?? '');
  const [expectedDate, setExpectedDate] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<UnitStatus | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const needsLocation = status === 'location_found';
  const locations = useAllLocations({ programmeId: unit.programmeId, municipalityId: unit.municipalityId }, needsLocation);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const submit = () => {
    if (!status) return;
    setConfirming(false);
    change.mutate(
      {
        status,
        effectiveDate,
        note: optional(note),
        locationId: needsLocation ? optional(locationId) : undefined,
        expectedDate: needsLocation ? optional(expectedDate) : undefined,
      },
      {
        onSuccess: () => {
          setDone(status);
          setStatus('');
          setNote('');
          setExpectedDate('');
          setEffectiveDate(todayIso());
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const valid = validate(
      {
        status: !status && t('validation.choose'),
        effectiveDate: !effectiveDate && t('validation.required'),
      },
      IDS,
    );
    if (!valid) return;
    if (status === 'withdrawn') {
      change.reset();
      setConfirming(true);
      return;
    }
    submit();
  };

  return (
    <section className="eh-section eh-panel" aria-labelledby="status-change-heading">
      <Heading level={2} id="status-change-heading">
        {t('unit.changeStatus')}
      </Heading>
      {done ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('unit.statusChanged', { status: t(`status.${done}`) })}</p>
        </Alert>
      ) : null}
      {unit.allowedTransitions.length === 0 ? (
        <Paragraph>{t('unit.noTransitions')}</Paragraph>
      ) : (
        <form className="eh-form" noValidate onSubmit={onSubmit}>
          <ProblemAlert problem={problem} />
          <SelectField
            id={IDS.status}
            label={t('unit.newStatus')}
            value={status}
            onChange={(value) => {
              setStatus(oneOf(unit.allowedTransitions, value) ?? '');
              setConfirming(false);
              clear('status');
            }}
            options={statusOptions(t, unit.allowedTransitions)}
            emptyLabel={t('common.choose')}
            required
            error={errorOf('status')}
          />
          <TextField
            id={IDS.effectiveDate}
            type="date"
            label={t('field.effectiveDate')}
            description={t('field.effectiveDateHelp')}
            value={effectiveDate}
            onChange={(value) => {
              setEffectiveDate(value);
              clear('effectiveDate');
            }}
            required
            error={errorOf('effectiveDate')}
          />
          {needsLocation ? (
            <>
              <SelectField
                id={IDS.locationId}
                label={t('field.location')}
                description={t('unit.locationHelp')}
                value={locationId}
                onChange={(value) => {
                  setLocationId(value);
                  clear('locationId');
                }}
                options={byName(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
                emptyLabel={t('common.choose')}
                required
                error={errorOf('locationId')}
              />
              <TextField
                id={IDS.expectedDate}
                type="date"
                label={t('field.expectedDate')}
                value={expectedDate}
                onChange={setExpectedDate}
                optional
                error={errorOf('expectedDate')}
              />
            </>
          ) : null}
          <TextareaField
            id={IDS.note}
            label={t('field.note')}
            value={note}
            onChange={setNote}
            optional
            error={errorOf('note')}
          />
          {confirming ? (
            <div ref={confirmRef} tabIndex={-1} className="eh-confirm" role="group" aria-labelledby="withdraw-title">
              <Alert type="warning">
                <p className="utrecht-paragraph eh-alert__title" id="withdraw-title">
                  {t('unit.withdrawTitle')}
                </p>
                <p className="utrecht-paragraph">{t('unit.withdrawText', { label: unit.label })}</p>
                <ButtonGroup>
                  <Button appearance="primary" danger onClick={submit}>
                    {t('unit.withdrawConfirm')}
                  </Button>
                  <Button appearance="secondary" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </Button>
                </ButtonGroup>
              </Alert>
            </div>
          ) : (
            <Button type="submit" appearance="primary" busy={change.isPending} disabled={change.isPending}>
              {change.isPending ? t('common.saving') : t('unit.submitStatus')}
            </Button>
          )}
        </form>
      )}
    </section>
  );
}

/** The office's link to the ranking of this home (matching, /woningen/:id/rangorde). */
function UnitRankingLink({ unitId }: { unitId: string }) {
  const t = useT();
  const me = useCurrentUser();
  if (!matchingAccess.office(me)) return null;
  return (
    <p className="utrecht-paragraph">
      <AppLink id="unit-ranking-link" to={rankingPath(unitId)}>
        {t('ranking.link')}
      </AppLink>
    </p>
  );
}
