import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { ChartFigure, type ChartOption } from '../../components/Chart';
import { SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useI18n, type MessageKey } from '../../i18n';
import { useCurrentUser } from '../../session';
import { OUTCOME_GROUPS, outcomesAccess, useOutcomes, type OutcomeFigures, type OutcomeGroup, type Outcomes } from './api';

/** The label of a group: providers and municipalities come named by the server, coded keys from the catalogue. */
function useGroupLabel(groupBy: OutcomeGroup | null) {
  const { t } = useI18n();
  return (g: OutcomeFigures) => {
    if (g.key === 'all') return t('outcomes.overall');
    if (g.key === 'unknown') return '?';
    if (groupBy === 'targetGroup') return t(`targetGroup.${g.key}` as MessageKey);
    if (groupBy === 'housingForm') return t(`form.${g.key}` as MessageKey);
    if (groupBy === 'route') return t(`deliveryMode.${g.key}` as MessageKey);
    return g.label;
  };
}

/** "Uitkomsten": the Living Lab's outcome figures per programme, per group and overall, each with n. */
export function OutcomesPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  usePageTitle(t('outcomes.title'));
  const [groupBy, setGroupBy] = useState<OutcomeGroup | ''>('');
  const [date, setDate] = useState('');
  return (
    <>
      <Heading level={1}>{t('outcomes.title')}</Heading>
      <Paragraph>{t('outcomes.intro')}</Paragraph>
      {!outcomesAccess.figures(me) ? (
        <Alert type="info">{t('outcomes.noAccess')}</Alert>
      ) : (
        <ProgrammeGate>
          {(programme) => (
            <>
              <div className="eh-filters">
                <SelectField
                  id="outcomes-group"
                  label={t('outcomes.groupBy')}
                  value={groupBy}
                  onChange={(v) => setGroupBy(v as OutcomeGroup | '')}
                  emptyLabel={t('outcomes.groupBy.none')}
                  options={OUTCOME_GROUPS.map((g) => ({ value: g, label: t(`outcomes.groupBy.${g}`) }))}
                />
                <TextField id="outcomes-date" type="date" label={t('outcomes.date')} value={date} onChange={setDate} optional />
              </div>
              <Figures programmeId={programme.id} groupBy={groupBy} date={date} />
            </>
          )}
        </ProgrammeGate>
      )}
    </>
  );
}

function Figures({ programmeId, groupBy, date }: { programmeId: string; groupBy: OutcomeGroup | ''; date: string }) {
  const { t } = useI18n();
  const q = useOutcomes(programmeId, groupBy, date);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  const rowsOf = [o.overall, ...o.groups];
  return (
    <>
      {o.suppressed ? <Alert type="info">{t('outcomes.suppressedNote', { min: o.minCell })}</Alert> : null}
      <Retention o={o} rows={rowsOf} />
      <Returns o={o} rows={rowsOf} />
      <Recovery o={o} rows={rowsOf} />
      <Other o={o} rows={rowsOf} />
    </>
  );
}

const dash = (v: number | null | undefined, f: (x: number) => string) => (v === null || v === undefined ? '—' : f(v));

function Retention({ o, rows }: { o: Outcomes; rows: OutcomeFigures[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const label = useGroupLabel(o.groupBy);
  const curve = o.overall.retention.curve;
  const month = (days: number) => Math.round((days / 30.4375) * 10) / 10;
  const points = [{ time: 0, survival: 1, lower: 1, upper: 1 }, ...curve];
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'value', name: t('outcomes.retention.months'), nameLocation: 'middle', nameGap: 28, min: 0 },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [
      { name: t('outcomes.retention.band'), type: 'line', step: 'end', symbol: 'none', data: points.map((p) => [month(p.time), p.lower]), lineStyle: { opacity: 0 }, stack: 'ci' },
      {
        name: t('outcomes.retention.band'),
        type: 'line',
        step: 'end',
        symbol: 'none',
        data: points.map((p) => [month(p.time), p.upper - p.lower]),
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'hsl(211, 60%, 80%)' },
        stack: 'ci',
      },
      { name: t('outcomes.retention.survival'), type: 'line', step: 'end', symbol: 'none', data: points.map((p) => [month(p.time), p.survival]), color: 'hsl(211, 60%, 35%)' },
    ],
  };
  return (
    <section aria-labelledby="retention-title">
      <Heading level={2} id="retention-title">{t('outcomes.retention.title')}</Heading>
      <Paragraph>{t('outcomes.retention.method')}</Paragraph>
      {curve.length ? (
        <ChartFigure
          id="retention-chart"
          option={option}
          label={t('outcomes.retention.chart')}
          caption={t('outcomes.retention.chart')}
          table={
            <Table caption={t('outcomes.retention.chart')} hideCaption>
              <THead>
                <Tr><Th>{t('outcomes.retention.months')}</Th><Th>{t('outcomes.retention.survival')}</Th><Th>{t('outcomes.retention.band')}</Th><Th>{t('outcomes.atRisk')}</Th></Tr>
              </THead>
              <TBody>
                {curve.map((p) => (
                  <Tr key={p.time}>
                    <Td>{month(p.time)}</Td>
                    <Td>{format.percent(p.survival)}</Td>
                    <Td>{format.percent(p.lower)} – {format.percent(p.upper)}</Td>
                    <Td>{p.atRisk}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          }
        />
      ) : null}
      <Table caption={t('outcomes.retention.table')} id="retention-table">
        <THead>
          <Tr>
            <Th>{t('outcomes.group')}</Th>
            <Th>{t('outcomes.n')}</Th>
            {[6, 12, 24].map((m) => <Th key={m}>{t('outcomes.retention.at', { months: m })}</Th>)}
          </Tr>
        </THead>
        <TBody>
          {rows.map((g) => (
            <Tr key={g.key}>
              <Th scope="row">{label(g)}</Th>
              <Td>{dash(g.retention.n, String)}</Td>
              {[6, 12, 24].map((m) => {
                const at = g.retention.at.find((x) => x.months === m);
                return (
                  <Td key={m}>
                    {!at ? '—' : !at.reached ? t('outcomes.retention.notReached') : at.survival === null ? '—' : (
                      <>
                        {format.percent(at.survival)} ({format.percent(at.lower ?? 0)} – {format.percent(at.upper ?? 0)}), {t('outcomes.atRisk')} {dash(at.atRisk, String)}
                      </>
                    )}
                  </Td>
                );
              })}
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

function Returns({ o, rows }: { o: Outcomes; rows: OutcomeFigures[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const label = useGroupLabel(o.groupBy);
  const bands = ['0-180', '181-365', '366-730'] as const;
  return (
    <section aria-labelledby="returns-title">
      <Heading level={2} id="returns-title">{t('outcomes.returns.title')}</Heading>
      <Paragraph>{t('outcomes.returns.intro', { from: format.date(o.returnsWindow.from), to: format.date(o.returnsWindow.to) })}</Paragraph>
      <Table caption={t('outcomes.returns.title')} hideCaption id="returns-table">
        <THead>
          <Tr>
            <Th>{t('outcomes.group')}</Th>
            <Th>{t('outcomes.returns.exits')}</Th>
            {bands.map((b) => <Th key={b}>{t(`outcomes.returns.band.${b}`)}</Th>)}
            <Th>{t('outcomes.returns.total')}</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((g) => (
            <Tr key={g.key}>
              <Th scope="row">{label(g)}</Th>
              <Td>{dash(g.returns.n, String)}</Td>
              {bands.map((b) => <Td key={b}>{dash(g.returns.bands?.[b], String)}</Td>)}
              <Td>{dash(g.returns.total, String)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

function Recovery({ o, rows }: { o: Outcomes; rows: OutcomeFigures[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const label = useGroupLabel(o.groupBy);
  const d = o.definition;
  return (
    <section aria-labelledby="recovery-title">
      <Heading level={2} id="recovery-title">{t('outcomes.recovery.title')}</Heading>
      <Paragraph>{t('outcomes.recovery.intro', { version: d.version, months: d.minHousedMonths, goal: format.percent(d.goalPercent / 100) })}</Paragraph>
      <Table caption={t('outcomes.recovery.title')} hideCaption id="recovery-table">
        <THead>
          <Tr>
            <Th>{t('outcomes.group')}</Th>
            <Th>{t('outcomes.n')}</Th>
            <Th>{t('outcomes.recovery.rate')}</Th>
            <Th>{t('outcomes.recovery.goal')}</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((g) => (
            <Tr key={g.key}>
              <Th scope="row">{label(g)}</Th>
              <Td>{dash(g.recovery.denominator, String)}</Td>
              <Td>
                {dash(g.recovery.rate, format.percent)}
                {g.recovery.rate !== null ? ` (${t('outcomes.recovery.of', { numerator: g.recovery.numerator ?? '<5', denominator: g.recovery.denominator ?? '—' })})` : ''}
              </Td>
              <Td>{g.recovery.meetsGoal === null ? '—' : g.recovery.meetsGoal ? t('outcomes.recovery.meets') : t('outcomes.recovery.below')}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

function Other({ o, rows }: { o: Outcomes; rows: OutcomeFigures[] }) {
  const { t } = useI18n();
  const label = useGroupLabel(o.groupBy);
  const count = (c: { count: number | null; medianDays: number | null }) =>
    `${dash(c.count, String)}${c.medianDays !== null ? ` (${t('outcomes.other.median', { days: c.medianDays })})` : ''}`;
  return (
    <section aria-labelledby="other-title">
      <Heading level={2} id="other-title">{t('outcomes.other.title')}</Heading>
      <Table caption={t('outcomes.other.title')} hideCaption id="other-table">
        <THead>
          <Tr>
            <Th>{t('outcomes.group')}</Th>
            <Th>{t('outcomes.n')}</Th>
            <Th>{t('outcomes.other.flips')}</Th>
            <Th>{t('outcomes.other.scaleDowns')}</Th>
            <Th>{t('outcomes.other.keys')}</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((g) => (
            <Tr key={g.key}>
              <Th scope="row">{label(g)}</Th>
              <Td>{dash(g.n, String)}</Td>
              <Td>{count(g.leaseFlips)}</Td>
              <Td>{count(g.scaleDowns)}</Td>
              <Td>{dash(g.referralToKeys.medianDays, String)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}
