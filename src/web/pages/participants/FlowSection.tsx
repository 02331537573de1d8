import { lazy, Suspense, useMemo } from 'react';
import { useParticipantFlow } from '../../api/hooks';
import type { FlowMonth, Programme } from '../../api/types';
import { chartColors, type ChartOption } from '../../components/Chart';
import { Heading, Paragraph } from '../../components/Heading';
import { Empty, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useBilingual, useFormat, useT, type Formatters, type Translate } from '../../i18n';

const EChart = lazy(() => import('../../components/EChart'));

const baseText = { fontFamily: 'Noto Sans Variable, Arial, sans-serif', color: '#1a1a1a', fontSize: 13 };

/** Inflow and outflow per month over the programme's period (GET /api/v1/participants/flow). */
export function FlowSection({ programme }: { programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const pick = useBilingual();
  // from the programme's start until today (the server's default end): people keep flowing after the period
  const range = useMemo(() => ({ programmeId: programme.id, from: programme.periodStart }), [programme.id, programme.periodStart]);
  const flow = useParticipantFlow(range);
  const months = flow.data?.months ?? [];
  const option = useMemo<ChartOption>(() => flowOption(months, t, format), [months, t, format]);

  return (
    <section className="eh-section" aria-labelledby="flow-heading">
      <Heading level={2} id="flow-heading">
        {t('flow.title')}
      </Heading>
      {flow.isPending ? (
        <Loading />
      ) : flow.isError ? (
        <QueryError error={flow.error} onRetry={() => void flow.refetch()} />
      ) : months.length === 0 ? (
        <Empty>{t('flow.empty')}</Empty>
      ) : (
        <>
          <Paragraph>
            {t('flow.period', { from: format.date(flow.data.from), to: format.date(flow.data.to) })}
          </Paragraph>
          <figure className="eh-figure" aria-labelledby="chart-flow-caption">
            <figcaption id="chart-flow-caption" className="eh-visually-hidden">
              {t('flow.chartCaption')}
            </figcaption>
            <Suspense fallback={<Loading />}>
              <EChart option={option} label={t('flow.chart')} height={340} />
            </Suspense>
          </figure>
          <FlowTable months={months} />
          <p className="utrecht-paragraph eh-muted" id="flow-definitions">
            {pick(flow.data.definitions)}
          </p>
        </>
      )}
    </section>
  );
}

function FlowTable({ months }: { months: FlowMonth[] }) {
  const t = useT();
  const format = useFormat();
  const columns: Array<{ key: keyof Omit<FlowMonth, 'month'>; label: string }> = [
    { key: 'inflow', label: t('flow.inflow') },
    { key: 'outflow', label: t('flow.outflow') },
    { key: 'eligible', label: t('phase.eligible') },
    { key: 'ready', label: t('phase.ready') },
    { key: 'housed', label: t('phase.housed') },
    { key: 'exited', label: t('phase.exited') },
    { key: 'withdrawn', label: t('phase.withdrawn') },
    { key: 'notEligible', label: t('phase.not_eligible') },
    { key: 'activeAtEnd', label: t('flow.activeAtEnd') },
    { key: 'waitingAtEnd', label: t('flow.waitingAtEnd') },
  ];
  // newest month first: the recent figures are what people look for
  const rows = [...months].reverse();
  return (
    <Table caption={t('flow.tableCaption')} id="flow-table">
      <THead>
        <Tr>
          <Th>{t('flow.month')}</Th>
          {columns.map((column) => (
            <Th key={column.key} numeric>
              {column.label}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((month) => (
          <Tr key={month.month}>
            <Th scope="row" className="eh-nowrap">
              {format.month(`${month.month}-01`)}
            </Th>
            {columns.map((column) => (
              <Td key={column.key} numeric>
                {format.number(month[column.key])}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function flowOption(months: FlowMonth[], t: Translate, format: Formatters): ChartOption {
  return {
    textStyle: baseText,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    legend: { top: 0, left: 0, textStyle: baseText },
    grid: { top: 40, left: 8, right: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => format.month(`${m.month}-01`)), axisLabel: { color: '#333' } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
    series: [
      { name: t('flow.inflow'), type: 'bar', data: months.map((m) => m.inflow), itemStyle: { color: chartColors.realised }, barMaxWidth: 18 },
      { name: t('flow.outflow'), type: 'bar', data: months.map((m) => m.outflow), itemStyle: { color: chartColors.pipeline }, barMaxWidth: 18 },
    ],
  };
}
