import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ChartFigure, type ChartOption } from '../../components/Chart';
import { SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useI18n } from '../../i18n';
import { useCurrentUser } from '../../session';
import {
  MEASUREMENT_HOUSING_STATUSES,
  outcomesAccess,
  useMeasurements,
  useRecordMeasurement,
  ZRM_DOMAINS,
  ZRM_MOMENTS,
  type MeasurementHousingStatus,
  type MeasurementList,
  type ZrmDomain,
  type ZrmMoment,
} from './api';

/** A participant's ZRM page: the trajectory of the 13 domains, the planned moments and a form for a new measurement. */
export function ZrmPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const list = useMeasurements(id);
  const code = list.data?.items[0]?.participant.code ?? id;
  usePageTitle(t('outcomes.zrm.title', { code }));
  if (!outcomesAccess.measure(me)) return <Alert type="info">{t('outcomes.zrm.noAccess')}</Alert>;
  return (
    <>
      <Heading level={1}>{t('outcomes.zrm.title', { code })}</Heading>
      <Paragraph>{t('outcomes.zrm.intro')}</Paragraph>
      <Paragraph><Link to={`/deelnemers/${encodeURIComponent(id)}`}>← {code}</Link></Paragraph>
      {list.isPending ? <Loading /> : list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : (
        <>
          <Trajectory data={list.data} />
          <Planned data={list.data} />
          <NewMeasurement participantId={id} data={list.data} />
        </>
      )}
    </>
  );
}

function Trajectory({ data }: { data: MeasurementList }) {
  const { t } = useI18n();
  const format = useFormat();
  if (!data.items.length) return <Empty>{t('outcomes.zrm.empty')}</Empty>;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: data.items.map((m) => t(`outcomes.moment.${m.moment}`)) },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1 },
    series: ZRM_DOMAINS.map((d) => ({ name: t(`outcomes.domain.${d}`), type: 'line', connectNulls: true, data: data.items.map((m) => m.scores[d]) })),
  };
  return (
    <ChartFigure
      id="zrm-chart"
      option={option}
      label={t('outcomes.zrm.chart')}
      caption={t('outcomes.zrm.chart')}
      height={360}
      table={
        <Table caption={t('outcomes.zrm.chart')} hideCaption>
          <THead>
            <Tr>
              <Th>{t('outcomes.zrm.domain')}</Th>
              {data.items.map((m) => <Th key={m.id}>{t(`outcomes.moment.${m.moment}`)} ({format.date(m.measuredOn)})</Th>)}
            </Tr>
          </THead>
          <TBody>
            {ZRM_DOMAINS.map((d) => (
              <Tr key={d}>
                <Th scope="row">{t(`outcomes.domain.${d}`)}</Th>
                {data.items.map((m) => <Td key={m.id}>{m.scores[d] ?? '—'}</Td>)}
              </Tr>
            ))}
          </TBody>
        </Table>
      }
    />
  );
}

function Planned({ data }: { data: MeasurementList }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <section aria-labelledby="zrm-schedule">
      <Heading level={2} id="zrm-schedule">{t('outcomes.zrm.schedule')}</Heading>
      {data.housingStart ? (
        <>
          <Paragraph>{t('outcomes.zrm.housingStart', { date: format.date(data.housingStart) })}</Paragraph>
          <Table caption={t('outcomes.zrm.schedule')} hideCaption>
            <THead><Tr><Th>{t('outcomes.zrm.moment')}</Th><Th>{t('outcomes.schedule.dueOn')}</Th><Th>{t('outcomes.schedule.status')}</Th></Tr></THead>
            <TBody>
              {data.schedule.map((s) => (
                <Tr key={s.moment}>
                  <Th scope="row">{t(`outcomes.moment.${s.moment}`)}</Th>
                  <Td>{format.date(s.dueOn)}</Td>
                  <Td>{t(`outcomes.status.${s.status}`)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      ) : <Paragraph>{t('outcomes.zrm.notHoused')}</Paragraph>}
    </section>
  );
}

function NewMeasurement({ participantId, data }: { participantId: string; data: MeasurementList }) {
  const { t } = useI18n();
  const record = useRecordMeasurement(participantId);
  const problem = useProblem(record.error);
  const open = ZRM_MOMENTS.filter((m) => !data.items.some((x) => x.moment === m));
  const [moment, setMoment] = useState<ZrmMoment | ''>(open[0] ?? '');
  const [measuredOn, setMeasuredOn] = useState(new Date().toISOString().slice(0, 10));
  const [housingStatus, setHousingStatus] = useState<MeasurementHousingStatus>('housed_programme');
  const [quality, setQuality] = useState('');
  const [scores, setScores] = useState<Partial<Record<ZrmDomain, string>>>({});
  const [saved, setSaved] = useState(false);
  if (!open.length) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    record.mutate(
      {
        measuredOn,
        moment: (moment || open[0]) as ZrmMoment,
        housingStatus,
        qualityOfLife: quality ? Number(quality) : null,
        scores: Object.fromEntries(ZRM_DOMAINS.filter((d) => scores[d]).map((d) => [d, Number(scores[d])])),
      },
      { onSuccess: () => { setSaved(true); setScores({}); setMoment(''); } },
    );
  };
  const scoreOptions = [1, 2, 3, 4, 5].map((s) => ({ value: String(s), label: t(`outcomes.score.${s}` as 'outcomes.score.1') }));
  return (
    <section aria-labelledby="zrm-new">
      <Heading level={2} id="zrm-new">{t('outcomes.zrm.new')}</Heading>
      {saved ? <Alert type="ok" role="status">{t('outcomes.zrm.saved')}</Alert> : null}
      <ProblemAlert problem={problem} />
      <form onSubmit={submit} noValidate>
        <SelectField id="zrm-moment" label={t('outcomes.zrm.moment')} value={moment || open[0]} onChange={(v) => setMoment(v as ZrmMoment)}
          options={open.map((m) => ({ value: m, label: t(`outcomes.moment.${m}`) }))} required />
        <TextField id="zrm-date" type="date" label={t('outcomes.zrm.measuredOn')} value={measuredOn} onChange={setMeasuredOn} required />
        <SelectField id="zrm-housing" label={t('outcomes.zrm.housingStatus')} value={housingStatus} onChange={(v) => setHousingStatus(v as MeasurementHousingStatus)}
          options={MEASUREMENT_HOUSING_STATUSES.map((s) => ({ value: s, label: t(`outcomes.housingStatus.${s}`) }))} required />
        {ZRM_DOMAINS.map((d) => (
          <SelectField key={d} id={`zrm-${d}`} label={t(`outcomes.domain.${d}`)} value={scores[d] ?? ''}
            onChange={(v) => setScores((s) => ({ ...s, [d]: v }))} emptyLabel={t('outcomes.zrm.notScored')} options={scoreOptions} optional />
        ))}
        <TextField id="zrm-qol" type="number" label={t('outcomes.zrm.qualityOfLife')} value={quality} onChange={setQuality} min={1} max={10} optional />
        <Button type="submit" disabled={record.isPending}>{t('outcomes.zrm.save')}</Button>
      </form>
    </section>
  );
}
