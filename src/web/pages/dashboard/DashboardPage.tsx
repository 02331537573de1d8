import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCounter, useCounterHistory, useProgramme } from '../../api/hooks';
import type { Counter, CounterHistoryPoint, Programme } from '../../api/types';
import { chartColors, ChartFigure, type ChartOption } from '../../components/Chart';
import { DataList } from '../../components/DataList';
import { SelectField, TextField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Empty, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { isIsoDate, todayIso } from '../../dates';
import { useFormat, useT, type Formatters, type Translate } from '../../i18n';
import { useProgrammeSelection } from '../../session';

export function DashboardPage() {
  const t = useT();
  usePageTitle(t('dashboard.title'));
  return (
    <>
      <Heading level={1}>{t('dashboard.title')}</Heading>
      <ProgrammeGate>{(programme) => <ProgrammeDashboard programme={programme} />}</ProgrammeGate>
    </>
  );
}

function ProgrammeDashboard({ programme }: { programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const { programmes, setProgrammeId } = useProgrammeSelection();
  const [searchParams, setSearchParams] = useSearchParams();
  const paramDate = searchParams.get('date');
  const date = paramDate && isIsoDate(paramDate) ? paramDate : todayIso();
  const [dateInput, setDateInput] = useState(date);
  const [dateError, setDateError] = useState<string | null>(null);

  // follow the URL when it changes from outside (back/forward), unless the user is mid-typing
  useEffect(() => {
    setDateInput((current) => (isIsoDate(current) && current !== date ? date : current));
  }, [date]);

  // The counter is public and the same for every role (the server counts outside row scopes).
  const counter = useCounter(programme.id, date);
  const history = useCounterHistory(programme.id);
  const detail = useProgramme(programme.id);

  const onDateChange = (value: string) => {
    setDateInput(value);
    if (isIsoDate(value)) {
      setDateError(null);
      setSearchParams(
        (params) => {
          const next = new URLSearchParams(params);
          if (value === todayIso()) next.delete('date');
          else next.set('date', value);
          return next;
        },
        { replace: true },
      );
    } else {
      setDateError(t('dashboard.invalidDate'));
    }
  };

  return (
    <>
      <section className="eh-section eh-programme" aria-labelledby="programme-heading">
        <Heading level={2} id="programme-heading" className="eh-programme__name">
          {programme.name}
        </Heading>
        <div className="eh-programme__controls">
          {programmes.length > 1 ? (
            <SelectField
              id="programme-select"
              label={t('dashboard.programme')}
              value={programme.id}
              onChange={setProgrammeId}
              options={programmes.map((p) => ({ value: p.id, label: p.name }))}
              fieldClassName="eh-field--inline"
            />
          ) : null}
          <TextField
            id="counter-date"
            type="date"
            label={t('dashboard.date')}
            description={t('dashboard.dateHelp')}
            value={dateInput}
            onChange={onDateChange}
            error={dateError}
            fieldClassName="eh-field--inline"
          />
        </div>
        <DataList
          items={[
            { key: 'region', label: t('dashboard.region'), value: programme.regionName },
            {
              key: 'period',
              label: t('dashboard.period'),
              value: t('dashboard.periodValue', {
                start: format.date(programme.periodStart),
                end: format.date(programme.periodEnd),
              }),
            },
            { key: 'budget', label: t('dashboard.budget'), value: format.money(programme.budgetCents) },
          ]}
        />
      </section>

      {counter.isPending ? (
        <Loading />
      ) : counter.isError ? (
        <QueryError error={counter.error} onRetry={() => void counter.refetch()} />
      ) : (
        <CounterView counter={counter.data} busy={counter.isFetching} />
      )}

      <section className="eh-section" aria-labelledby="history-heading">
        <Heading level={2} id="history-heading">
          {t('dashboard.history')}
        </Heading>
        {history.isPending ? (
          <Loading />
        ) : history.isError ? (
          <QueryError error={history.error} onRetry={() => void history.refetch()} />
        ) : history.data.items.length === 0 ? (
          <Empty>{t('dashboard.historyEmpty')}</Empty>
        ) : (
          <HistoryChart points={history.data.items} />
        )}
      </section>

      {detail.data && detail.data.reviewMoments.length > 0 ? (
        <section className="eh-section" aria-labelledby="reviews-heading">
          <Heading level={2} id="reviews-heading">
            {t('dashboard.reviewMoments')}
          </Heading>
          <ul className="utrecht-unordered-list eh-reviews">
            {detail.data.reviewMoments.map((moment) => (
              <li key={moment.id} className="utrecht-unordered-list__item">
                <strong>{format.date(moment.date)}</strong> — {moment.title}
                {moment.notes ? <span className="eh-muted"> ({moment.notes})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- counter

function CounterView({ counter, busy }: { counter: Counter; busy: boolean }) {
  const t = useT();
  const format = useFormat();
  const kpis = [
    { key: 'realised', label: t('dashboard.realised'), help: t('dashboard.realisedHelp'), value: counter.realised },
    { key: 'pipeline', label: t('dashboard.pipeline'), help: t('dashboard.pipelineHelp'), value: counter.pipeline },
    { key: 'ambition', label: t('dashboard.ambition'), help: t('dashboard.ambitionHelp'), value: counter.ambition },
    { key: 'target', label: t('dashboard.target'), help: t('dashboard.targetHelp'), value: counter.target },
  ];
  return (
    <>
      <section className="eh-section" aria-labelledby="counter-heading" aria-busy={busy}>
        <Heading level={2} id="counter-heading">
          {t('dashboard.counterHeading', { date: format.date(counter.date) })}
        </Heading>
        <dl className="eh-kpis">
          {kpis.map((kpi) => (
            <div key={kpi.key} className={`eh-kpi eh-kpi--${kpi.key}`}>
              <dt className="eh-kpi__label">{kpi.label}</dt>
              <dd className="eh-kpi__value" data-testid={`counter-${kpi.key}`}>
                {kpi.value}
              </dd>
              <dd className="eh-kpi__help">{kpi.help}</dd>
            </div>
          ))}
        </dl>
        <Progress counter={counter} />
      </section>

      <section className="eh-section" aria-labelledby="municipality-heading">
        <Heading level={2} id="municipality-heading">
          {t('dashboard.byMunicipality')}
        </Heading>
        {counter.byMunicipality.length === 0 ? (
          <Empty>{t('dashboard.noData')}</Empty>
        ) : (
          <MunicipalityChart counter={counter} />
        )}
      </section>

      <div className="eh-columns">
        <section className="eh-section" aria-labelledby="partner-heading">
          <Heading level={2} id="partner-heading">
            {t('dashboard.byPartner')}
          </Heading>
          {counter.byPartner.length === 0 ? (
            <Empty>{t('dashboard.noData')}</Empty>
          ) : (
            <Table caption={t('dashboard.byPartner')} hideCaption>
              <THead>
                <Tr>
                  <Th>{t('field.organisation')}</Th>
                  <Th>{t('field.kind')}</Th>
                  <Th numeric>{t('field.realised')}</Th>
                  <Th numeric>{t('field.pipeline')}</Th>
                </Tr>
              </THead>
              <TBody>
                {counter.byPartner.map((row) => (
                  <Tr key={row.organisationId}>
                    <Th scope="row">{row.organisation}</Th>
                    <Td>{t(`orgKind.${row.kind}`)}</Td>
                    <Td numeric>{format.number(row.realised)}</Td>
                    <Td numeric>{format.number(row.pipeline)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>

        <section className="eh-section" aria-labelledby="form-heading">
          <Heading level={2} id="form-heading">
            {t('dashboard.byForm')}
          </Heading>
          {counter.byForm.length === 0 ? (
            <Empty>{t('dashboard.noData')}</Empty>
          ) : (
            <Table caption={t('dashboard.byForm')} hideCaption>
              <THead>
                <Tr>
                  <Th>{t('field.form')}</Th>
                  <Th numeric>{t('field.realised')}</Th>
                  <Th numeric>{t('field.pipeline')}</Th>
                </Tr>
              </THead>
              <TBody>
                {counter.byForm.map((row) => (
                  <Tr key={row.form}>
                    <Th scope="row">{t(`form.${row.form}`)}</Th>
                    <Td numeric>{format.number(row.realised)}</Td>
                    <Td numeric>{format.number(row.pipeline)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}

          <Heading level={2} id="tranche-heading" className="eh-spaced-heading">
            {t('dashboard.byTranche')}
          </Heading>
          {counter.byTranche.length === 0 ? (
            <Empty>{t('dashboard.noData')}</Empty>
          ) : (
            <Table caption={t('dashboard.byTranche')} hideCaption>
              <THead>
                <Tr>
                  <Th>{t('field.tranche')}</Th>
                  <Th numeric>{t('field.capacity')}</Th>
                  <Th numeric>{t('field.realised')}</Th>
                  <Th numeric>{t('field.pipeline')}</Th>
                </Tr>
              </THead>
              <TBody>
                {counter.byTranche.map((row) => (
                  <Tr key={row.trancheId ?? 'none'}>
                    <Th scope="row">{row.tranche ?? t('dashboard.noTranche')}</Th>
                    <Td numeric>{format.number(row.capacity)}</Td>
                    <Td numeric>{format.number(row.realised)}</Td>
                    <Td numeric>{format.number(row.pipeline)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </div>
    </>
  );
}

function Progress({ counter }: { counter: Counter }) {
  const t = useT();
  const format = useFormat();
  const target = Math.max(counter.target, 0);
  const ratio = target > 0 ? counter.realised / target : 0;
  const withPipeline = target > 0 ? (counter.realised + counter.pipeline) / target : 0;
  const realisedWidth = Math.min(ratio, 1) * 100;
  const pipelineWidth = Math.max(Math.min(withPipeline, 1) * 100 - realisedWidth, 0);
  const text = t('dashboard.progressText', {
    realised: format.number(counter.realised),
    target: format.number(target),
    percent: format.percent(ratio),
  });
  return (
    <div className="eh-progress">
      <p className="eh-progress__label" id="progress-label">
        {t('dashboard.progress')}
      </p>
      <div
        className="eh-progress__track"
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={Math.min(counter.realised, target)}
        aria-valuetext={text}
      >
        <div className="eh-progress__bar eh-progress__bar--realised" style={{ width: `${realisedWidth}%` }} />
        <div className="eh-progress__bar eh-progress__bar--pipeline" style={{ width: `${pipelineWidth}%` }} />
      </div>
      <p className="eh-progress__text">
        <span className="eh-legend eh-legend--realised" aria-hidden="true" />
        {text}
      </p>
      <p className="eh-progress__text">
        <span className="eh-legend eh-legend--pipeline" aria-hidden="true" />
        {t('dashboard.progressPipeline', {
          total: format.number(counter.realised + counter.pipeline),
          target: format.number(target),
          percent: format.percent(withPipeline),
        })}
      </p>
    </div>
  );
}

// ---------------------------------------------------------------- charts

const baseText = { fontFamily: 'Noto Sans Variable, Arial, sans-serif', color: '#1a1a1a', fontSize: 13 };

function MunicipalityChart({ counter }: { counter: Counter }) {
  const t = useT();
  const format = useFormat();
  const rows = useMemo(
    () => [...counter.byMunicipality].sort((a, b) => b.realised + b.pipeline - (a.realised + a.pipeline)),
    [counter.byMunicipality],
  );
  const option = useMemo<ChartOption>(
    () => municipalityOption(rows, t),
    [rows, t],
  );
  return (
    <ChartFigure
      id="chart-municipality"
      caption={t('dashboard.byMunicipality')}
      label={t('dashboard.byMunicipalityChart', { date: format.date(counter.date) })}
      option={option}
      height={Math.max(220, rows.length * 34 + 80)}
      table={
        <Table caption={t('dashboard.byMunicipality')}>
          <THead>
            <Tr>
              <Th>{t('field.municipality')}</Th>
              <Th numeric>{t('field.realised')}</Th>
              <Th numeric>{t('field.pipeline')}</Th>
              <Th numeric>{t('field.total')}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <Tr key={row.municipalityId}>
                <Th scope="row">{row.municipality}</Th>
                <Td numeric>{format.number(row.realised)}</Td>
                <Td numeric>{format.number(row.pipeline)}</Td>
                <Td numeric>{format.number(row.realised + row.pipeline)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      }
    />
  );
}

function municipalityOption(rows: Counter['byMunicipality'], t: Translate): ChartOption {
  const names = rows.map((row) => row.municipality);
  return {
    textStyle: baseText,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    legend: { top: 0, left: 0, textStyle: baseText },
    grid: { top: 36, left: 8, right: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { color: '#1a1a1a' } },
    series: [
      {
        name: t('field.realised'),
        type: 'bar',
        stack: 'total',
        data: rows.map((row) => row.realised),
        itemStyle: { color: chartColors.realised },
        barMaxWidth: 22,
      },
      {
        name: t('field.pipeline'),
        type: 'bar',
        stack: 'total',
        data: rows.map((row) => row.pipeline),
        itemStyle: { color: chartColors.pipeline },
        barMaxWidth: 22,
      },
    ],
  };
}

function HistoryChart({ points }: { points: CounterHistoryPoint[] }) {
  const t = useT();
  const format = useFormat();
  const option = useMemo<ChartOption>(() => historyOption(points, t, format), [points, t, format]);
  return (
    <ChartFigure
      id="chart-history"
      caption={t('dashboard.history')}
      label={t('dashboard.historyChart')}
      option={option}
      height={320}
      table={
        <Table caption={t('dashboard.history')}>
          <THead>
            <Tr>
              <Th>{t('field.date')}</Th>
              <Th numeric>{t('field.realised')}</Th>
              <Th numeric>{t('field.pipeline')}</Th>
              <Th numeric>{t('field.ambition')}</Th>
              <Th numeric>{t('field.target')}</Th>
            </Tr>
          </THead>
          <TBody>
            {points.map((point) => (
              <Tr key={point.date}>
                <Th scope="row">{format.date(point.date)}</Th>
                <Td numeric>{format.number(point.realised)}</Td>
                <Td numeric>{format.number(point.pipeline)}</Td>
                <Td numeric>{format.number(point.ambition)}</Td>
                <Td numeric>{format.number(point.target)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      }
    />
  );
}

function historyOption(points: CounterHistoryPoint[], t: Translate, format: Formatters): ChartOption {
  const dates = points.map((point) => format.month(point.date));
  const line = (name: string, color: string, data: number[], dashed = false) => ({
    name,
    type: 'line' as const,
    data,
    symbol: points.length > 24 ? 'none' : 'circle',
    symbolSize: 6,
    lineStyle: { color, width: 2.5, type: dashed ? ('dashed' as const) : ('solid' as const) },
    itemStyle: { color },
  });
  return {
    textStyle: baseText,
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0, left: 0, textStyle: baseText },
    grid: { top: 40, left: 8, right: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: dates, boundaryGap: false, axisLabel: { color: '#333' } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
    series: [
      line(t('field.realised'), chartColors.realised, points.map((p) => p.realised)),
      line(t('field.pipeline'), chartColors.pipeline, points.map((p) => p.pipeline)),
      line(t('field.ambition'), chartColors.ambition, points.map((p) => p.ambition), true),
      line(t('field.target'), chartColors.target, points.map((p) => p.target), true),
    ],
  };
}
