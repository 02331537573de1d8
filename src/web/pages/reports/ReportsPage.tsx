import { useEffect, useMemo, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { ChartFigure, chartColors, type ChartOption } from '../../components/Chart';
import { RadioGroup, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { todayIso } from '../../dates';
import { useFormat, useI18n, useT } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import { labAccess, useDownloadReport, useProgressReport, useSnapshots, useTakeSnapshot, type Snapshot } from '../lab/api';

/**
 * /rapportage: the progress report for the ministry and the coalition on any date, as PDF or CSV
 * (downloaded with the right Accept header) and previewed here as tables; the monthly snapshots
 * with their key figures over time, and recording last month by hand.
 */
export function ReportsPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('reporting.title'));
  const { programme } = useProgrammeSelection();
  const allowed = labAccess.reports(me);
  return (
    <>
      <Heading level={1}>{t('reporting.title')}</Heading>
      {!allowed ? (
        <Alert type="info" id="reports-no-access">
          <p className="utrecht-paragraph">{t('reporting.noAccess')}</p>
        </Alert>
      ) : !programme ? (
        <Empty>{t('reporting.noProgramme')}</Empty>
      ) : (
        <>
          <Paragraph lead>{t('reporting.intro')}</Paragraph>
          <Report programmeId={programme.id} />
          <Snapshots programmeId={programme.id} />
        </>
      )}
    </>
  );
}

function Report({ programmeId }: { programmeId: string }) {
  const t = useT();
  const { lang: uiLang } = useI18n();
  const [date, setDate] = useState(todayIso());
  const [lang, setLang] = useState<'nl' | 'en'>(uiLang);
  const download = useDownloadReport(programmeId);
  const problem = useProblem(download.error);
  const [done, setDone] = useState<string | null>(null);
  const preview = useProgressReport(programmeId, date, true);

  useEffect(() => {
    if (done) document.getElementById('report-done')?.focus();
  }, [done]);

  const get = (format: 'pdf' | 'csv') => {
    setDone(null);
    download.mutate({ date, lang, format }, { onSuccess: (file) => setDone(file.filename) });
  };

  return (
    <section aria-labelledby="report-title">
      <Heading level={2} id="report-title">
        {t('reporting.report')}
      </Heading>
      <div className="eh-form">
        <TextField id="report-date" label={t('reporting.date')} type="date" value={date} onChange={(v) => v && setDate(v)} />
        <RadioGroup
          id="report-lang"
          legend={t('reporting.lang')}
          value={lang}
          onChange={(v) => setLang(v === 'en' ? 'en' : 'nl')}
          options={[
            { value: 'nl', label: t('reporting.langNl') },
            { value: 'en', label: t('reporting.langEn') },
          ]}
        />
        <ButtonGroup>
          <Button id="report-pdf" appearance="primary" busy={download.isPending} disabled={download.isPending} onClick={() => get('pdf')}>
            {t('reporting.downloadPdf')}
          </Button>
          <Button id="report-csv" appearance="secondary" busy={download.isPending} disabled={download.isPending} onClick={() => get('csv')}>
            {t('reporting.downloadCsv')}
          </Button>
        </ButtonGroup>
      </div>
      {done ? (
        <Alert type="ok" role="status" id="report-done" tabIndex={-1}>
          <p className="utrecht-paragraph">{t('reporting.downloaded', { file: done })}</p>
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} id="report-problem" />
      <Heading level={3}>{t('reporting.preview')}</Heading>
      {preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <div id="report-preview">
          {preview.data.sections.map((s) => (
            <Table key={s.key} caption={s.title[lang]} id={`report-section-${s.key}`}>
              <THead>
                <Tr>
                  <Th>{t('reporting.subject')}</Th>
                  <Th>{t('reporting.value')}</Th>
                  <Th>n</Th>
                </Tr>
              </THead>
              <TBody>
                {s.rows.length === 0 ? (
                  <Tr>
                    <Td>{t('reporting.emptySection')}</Td>
                    <Td>—</Td>
                    <Td>—</Td>
                  </Tr>
                ) : (
                  s.rows.map((r) => (
                    <Tr key={r.key}>
                      <Td>{r.label[lang]}</Td>
                      <Td>{r.suppressed ? '<5' : r.value === null ? '—' : typeof r.value === 'number' ? r.value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') : r.value}</Td>
                      <Td>{r.n ?? '—'}</Td>
                    </Tr>
                  ))
                )}
              </TBody>
            </Table>
          ))}
        </div>
      )}
    </section>
  );
}

const KEY_FIGURES = ['counter.realised', 'counter.pipeline', 'pipeline.phase.housed'] as const;
const num = (s: Snapshot, key: string) => {
  const v = s.figures[key];
  return typeof v === 'number' ? v : null;
};

function Snapshots({ programmeId }: { programmeId: string }) {
  const t = useT();
  const f = useFormat();
  const list = useSnapshots(programmeId, true);
  const take = useTakeSnapshot(programmeId);
  const problem = useProblem(take.error);
  const labels = useMemo<Record<(typeof KEY_FIGURES)[number], string>>(
    () => ({ 'counter.realised': t('reporting.realised'), 'counter.pipeline': t('reporting.pipeline'), 'pipeline.phase.housed': t('reporting.housed') }),
    [t],
  );
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: items.map((s) => s.month) },
      yAxis: { type: 'value' },
      series: KEY_FIGURES.map((k, i) => {
        const color = [chartColors.realised, chartColors.pipeline, chartColors.ambition][i];
        return { type: 'line', name: labels[k], data: items.map((s) => num(s, k)), itemStyle: { color }, lineStyle: { color } };
      }),
    }),
    [items, labels],
  );
  const table = (id: string, hidden: boolean) => (
    <Table caption={t('reporting.snapshotsCaption')} hideCaption={hidden} id={id}>
      <THead>
        <Tr>
          <Th>{t('reporting.month')}</Th>
          {KEY_FIGURES.map((k) => (
            <Th key={k}>{labels[k]}</Th>
          ))}
          <Th>{t('reporting.takenAt')}</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((s) => (
          <Tr key={s.month}>
            <Td>{f.month(`${s.month}-01`)}</Td>
            {KEY_FIGURES.map((k) => (
              <Td key={k}>{f.number(num(s, k))}</Td>
            ))}
            <Td>{f.dateTime(s.takenAt)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
  return (
    <section aria-labelledby="snapshots-title">
      <Heading level={2} id="snapshots-title">
        {t('reporting.snapshots')}
      </Heading>
      <Paragraph>{t('reporting.snapshotsIntro')}</Paragraph>
      <Button id="snapshot-take" appearance="secondary" busy={take.isPending} disabled={take.isPending} onClick={() => take.mutate()}>
        {t('reporting.takeSnapshot')}
      </Button>
      {take.data ? (
        <Alert type="ok" role="status" id="snapshot-done">
          <p className="utrecht-paragraph">
            {take.data.created ? t('reporting.snapshotCreated', { month: take.data.month }) : t('reporting.snapshotExisted', { month: take.data.month })}
          </p>
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} id="snapshot-problem" />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('reporting.noSnapshots')}</Empty>
      ) : (
        <>
          {table('snapshots-table', false)}
          <ChartFigure
            id="snapshots-chart"
            option={option}
            label={t('reporting.snapshotsChart')}
            caption={t('reporting.snapshotsChart')}
            table={table('snapshots-chart-data', true)}
            height={280}
          />
        </>
      )}
    </section>
  );
}
