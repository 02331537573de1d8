import { useMemo, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ChartFigure, chartColors, type ChartOption } from '../../components/Chart';
import { TextField, TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { todayIso } from '../../dates';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import {
  TARIFF_KINDS,
  livingLabAccess,
  useBusinessCase,
  useBusinessCaseSettings,
  useSaveSettings,
  type AssumptionKey,
  type AssumptionUnit,
  type BusinessCase,
  type TariffKind,
  type Verdict,
} from './api';

const tariffLabel = (kind: TariffKind) => `livingLab.tariff.${kind}` as MessageKey;
const assumptionLabel = (key: AssumptionKey) => `livingLab.assumption.${key}` as MessageKey;
const unitLabel = (unit: AssumptionUnit) => `livingLab.unit.${unit}` as MessageKey;
const verdictLabel = (v: Verdict) => `livingLab.verdict.${v}` as MessageKey;

/**
 * /businesscase: Housing First against the current route (shelter, sheltered housing) on a date:
 * totals, per participant per year, the cumulative cost chart with break-even, the sensitivity
 * view and the tariffs and assumptions with their sources (editable by the programme office).
 * The office sees a line per participant; a municipality and a researcher the aggregate.
 */
export function BusinessCasePage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('livingLab.bc.title'));
  const { programme } = useProgrammeSelection();
  const [date, setDate] = useState(todayIso());
  const allowed = livingLabAccess.businessCase(me);
  const bc = useBusinessCase(programme?.id, date, allowed);

  if (!allowed) {
    return (
      <>
        <Heading level={1}>{t('livingLab.bc.title')}</Heading>
        <Alert type="info" id="bc-no-access">
          <p className="utrecht-paragraph">{t('livingLab.bc.noAccess')}</p>
        </Alert>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t('livingLab.bc.title')}</Heading>
      <Paragraph lead>{t('livingLab.bc.intro')}</Paragraph>
      <TextField id="bc-date" label={t('livingLab.bc.date')} type="date" value={date} onChange={(v) => v && setDate(v)} />
      {bc.isPending ? <Loading /> : bc.isError ? <QueryError error={bc.error} onRetry={() => void bc.refetch()} /> : <Result bc={bc.data} />}
      {programme ? <Settings programmeId={programme.id} /> : null}
    </>
  );
}

function Result({ bc }: { bc: BusinessCase }) {
  const t = useT();
  const f = useFormat();
  if (bc.missing.length > 0) {
    return (
      <Alert type="warning" id="bc-missing" title={t('livingLab.bc.missingTitle')}>
        <p className="utrecht-paragraph">{t('livingLab.bc.missing')}</p>
        <ul className="utrecht-unordered-list">
          {bc.missing.map((m) => (
            <li key={m}>{t((TARIFF_KINDS as readonly string[]).includes(m) ? tariffLabel(m as TariffKind) : assumptionLabel(m as AssumptionKey))}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  if (bc.suppressed) {
    return (
      <Alert type="info" id="bc-suppressed">
        <p className="utrecht-paragraph">{t('livingLab.bc.suppressed', { n: bc.participants })}</p>
      </Alert>
    );
  }
  if (!bc.totals || bc.participants === 0) return <Empty>{t('livingLab.bc.empty')}</Empty>;
  const hf = bc.totals.housingFirst;
  const cf = bc.totals.counterfactual;
  return (
    <>
      <section aria-labelledby="bc-totals-heading">
        <Heading level={2} id="bc-totals-heading">{t('livingLab.bc.totals')}</Heading>
        <Alert type={bc.totals.verdict === 'positive' ? 'ok' : 'warning'} id="bc-verdict">
          <p className="utrecht-paragraph">
            <strong>{t(verdictLabel(bc.totals.verdict))}</strong>{' '}
            {t('livingLab.bc.savingsSentence', { savings: f.money(bc.totals.savingsCents), n: bc.participants, years: f.number(Math.round(bc.totals.participantYears * 10) / 10) })}{' '}
            {bc.breakEvenMonth ? t('livingLab.bc.breakEven', { month: f.month(`${bc.breakEvenMonth}-01`) }) : t('livingLab.bc.breakEvenNever')}
          </p>
        </Alert>
        <Table caption={t('livingLab.bc.totalsCaption', { date: f.date(bc.date) })} id="bc-totals">
          <THead>
            <Tr>
              <Th scope="col">{t('livingLab.bc.component')}</Th>
              <Th scope="col" numeric>{t('livingLab.bc.amount')}</Th>
            </Tr>
          </THead>
          <TBody>
            <Tr><Th scope="row">{t('livingLab.bc.guidance', { hours: f.number(Math.round(hf.guidanceHours)) })}</Th><Td numeric>{f.money(hf.guidanceCents)}</Td></Tr>
            <Tr><Th scope="row">{t('livingLab.bc.neighbourhood', { hours: f.number(Math.round(hf.neighbourhoodTeamHours)) })}</Th><Td numeric>{f.money(hf.neighbourhoodTeamCents)}</Td></Tr>
            <Tr><Th scope="row">{t('livingLab.bc.oneOff')}</Th><Td numeric>{f.money(hf.oneOffCents)}</Td></Tr>
            <Tr><Th scope="row">{t('livingLab.bc.rentArrears')}</Th><Td numeric>{f.money(hf.rentArrearsCents)}</Td></Tr>
            <Tr><Th scope="row"><strong>{t('livingLab.bc.hfTotal')}</strong></Th><Td numeric><strong>{f.money(hf.totalCents)}</strong></Td></Tr>
            <Tr><Th scope="row">{t('livingLab.bc.shelter', { nights: f.number(Math.round(cf.shelterNights)) })}</Th><Td numeric>{f.money(cf.shelterCents)}</Td></Tr>
            <Tr><Th scope="row">{t('livingLab.bc.shelteredHousing', { days: f.number(Math.round(cf.shelteredHousingDays)) })}</Th><Td numeric>{f.money(cf.shelteredHousingCents)}</Td></Tr>
            <Tr><Th scope="row"><strong>{t('livingLab.bc.cfTotal')}</strong></Th><Td numeric><strong>{f.money(cf.totalCents)}</strong></Td></Tr>
            <Tr><Th scope="row"><strong>{t('livingLab.bc.savings')}</strong></Th><Td numeric><strong>{f.money(bc.totals.savingsCents)}</strong></Td></Tr>
          </TBody>
        </Table>
        {bc.perParticipantPerYear ? (
          <Table caption={t('livingLab.bc.perYear')} id="bc-per-year">
            <THead>
              <Tr>
                <Th scope="col">{t('livingLab.bc.hfTotal')}</Th>
                <Th scope="col">{t('livingLab.bc.cfTotal')}</Th>
                <Th scope="col">{t('livingLab.bc.savings')}</Th>
              </Tr>
            </THead>
            <TBody>
              <Tr>
                <Td numeric>{f.money(bc.perParticipantPerYear.housingFirstCents)}</Td>
                <Td numeric>{f.money(bc.perParticipantPerYear.counterfactualCents)}</Td>
                <Td numeric>{f.money(bc.perParticipantPerYear.savingsCents)}</Td>
              </Tr>
            </TBody>
          </Table>
        ) : null}
      </section>
      <CumulativeChart bc={bc} />
      <Sensitivity bc={bc} />
      {bc.view === 'full' ? <Lines bc={bc} /> : <Paragraph>{t('livingLab.bc.aggregateOnly')}</Paragraph>}
    </>
  );
}

function CumulativeChart({ bc }: { bc: BusinessCase }) {
  const t = useT();
  const f = useFormat();
  const option = useMemo<ChartOption>(() => {
    const months = bc.monthly.map((m) => f.month(`${m.month}-01`));
    const euros = (cents: number) => Math.round(cents) / 100;
    const breakEvenIndex = bc.breakEvenMonth ? bc.monthly.findIndex((m) => m.month === bc.breakEvenMonth) : -1;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 80, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: '€' },
      series: [
        { name: t('livingLab.bc.hfTotal'), type: 'line', data: bc.monthly.map((m) => euros(m.housingFirstCents)), color: chartColors.realised },
        { name: t('livingLab.bc.cfTotal'), type: 'line', data: bc.monthly.map((m) => euros(m.counterfactualCents)), color: chartColors.pipeline },
        {
          name: t('livingLab.bc.savings'),
          type: 'line',
          data: bc.monthly.map((m) => euros(m.savingsCents)),
          color: chartColors.ambition,
          // The break-even month as a marked point on the savings line (the text above names it too).
          symbolSize: (_value: unknown, params: { dataIndex: number }) => (params.dataIndex === breakEvenIndex ? 12 : 4),
        },
      ],
    };
  }, [bc, f, t]);
  return (
    <section aria-labelledby="bc-chart-heading">
      <Heading level={2} id="bc-chart-heading">{t('livingLab.bc.chart')}</Heading>
      <ChartFigure
        id="bc-chart"
        option={option}
        label={t('livingLab.bc.chartLabel')}
        caption={t('livingLab.bc.chartLabel')}
        table={
          <Table caption={t('livingLab.bc.chart')} id="bc-monthly">
            <THead>
              <Tr>
                <Th scope="col">{t('livingLab.bc.month')}</Th>
                <Th scope="col" numeric>{t('livingLab.bc.hfTotal')}</Th>
                <Th scope="col" numeric>{t('livingLab.bc.cfTotal')}</Th>
                <Th scope="col" numeric>{t('livingLab.bc.savings')}</Th>
              </Tr>
            </THead>
            <TBody>
              {bc.monthly.map((m) => (
                <Tr key={m.month}>
                  <Th scope="row">{f.month(`${m.month}-01`)}</Th>
                  <Td numeric>{f.money(m.housingFirstCents)}</Td>
                  <Td numeric>{f.money(m.counterfactualCents)}</Td>
                  <Td numeric>{f.money(m.savingsCents)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        }
      />
    </section>
  );
}

function Sensitivity({ bc }: { bc: BusinessCase }) {
  const t = useT();
  const f = useFormat();
  const value = (kind: 'tariff' | 'assumption', v: number) => (kind === 'tariff' ? f.money(v) : f.number(v));
  const label = (kind: 'tariff' | 'assumption', key: string) => t(kind === 'tariff' ? tariffLabel(key as TariffKind) : assumptionLabel(key as AssumptionKey));
  return (
    <section aria-labelledby="bc-sensitivity-heading">
      <Heading level={2} id="bc-sensitivity-heading">{t('livingLab.bc.sensitivity')}</Heading>
      <Paragraph>{t('livingLab.bc.sensitivityIntro')}</Paragraph>
      <Table caption={t('livingLab.bc.sensitivity')} hideCaption id="bc-sensitivity">
        <THead>
          <Tr>
            <Th scope="col">{t('livingLab.bc.parameter')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.range')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.savingsLow')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.savingsHigh')}</Th>
            <Th scope="col">{t('livingLab.bc.flips')}</Th>
          </Tr>
        </THead>
        <TBody>
          {bc.sensitivity.map((s) => (
            <Tr key={s.key}>
              <Th scope="row">{label(s.kind, s.key)}</Th>
              <Td numeric>{`${value(s.kind, s.low)} – ${value(s.kind, s.high)}`}</Td>
              <Td numeric>{f.money(s.savingsAtLowCents)}</Td>
              <Td numeric>{f.money(s.savingsAtHighCents)}</Td>
              <Td>{s.changesVerdict && s.threshold !== null ? t('livingLab.bc.flipsAt', { value: value(s.kind, s.threshold) }) : t('livingLab.bc.noFlip')}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

function Lines({ bc }: { bc: BusinessCase }) {
  const t = useT();
  const f = useFormat();
  return (
    <section aria-labelledby="bc-lines-heading">
      <Heading level={2} id="bc-lines-heading">{t('livingLab.bc.lines')}</Heading>
      <Table caption={t('livingLab.bc.lines')} hideCaption id="bc-lines">
        <THead>
          <Tr>
            <Th scope="col">{t('livingLab.bc.code')}</Th>
            <Th scope="col">{t('livingLab.bc.housedOn')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.days')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.hfTotal')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.cfTotal')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.savings')}</Th>
          </Tr>
        </THead>
        <TBody>
          {bc.lines.map((l) => (
            <Tr key={l.participantId}>
              <Th scope="row">{l.code}</Th>
              <Td>{f.date(l.housedOn)}</Td>
              <Td numeric>{f.number(l.days)}</Td>
              <Td numeric>{f.money(l.housingFirst.totalCents)}</Td>
              <Td numeric>{f.money(l.counterfactual.totalCents)}</Td>
              <Td numeric>{f.money(l.savingsCents)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

/** The tariffs and assumptions in force with their sources; the office records a new version of one at a time. */
function Settings({ programmeId }: { programmeId: string }) {
  const t = useT();
  const f = useFormat();
  const settings = useBusinessCaseSettings(programmeId);
  const save = useSaveSettings(programmeId);
  const problem = useProblem(save.error);
  const [editing, setEditing] = useState<{ kind: 'tariff' | 'assumption'; key: string } | null>(null);
  const [amount, setAmount] = useState('');
  const [source, setSource] = useState('');
  const [validFrom, setValidFrom] = useState(todayIso());
  const [saved, setSaved] = useState<string | null>(null);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  const start = (kind: 'tariff' | 'assumption', key: string, current: number | null, currentSource: string | null) => {
    setEditing({ kind, key });
    setAmount(current === null ? '' : String(current));
    setSource(currentSource ?? '');
    setValidFrom(todayIso());
    setSaved(null);
    save.reset();
  };
  const submit = () => {
    if (!editing) return;
    const value = Number(amount.replace(',', '.'));
    const body =
      editing.kind === 'tariff'
        ? { tariffs: [{ kind: editing.key as TariffKind, amountCents: Math.round(value * 100), source, validFrom }] }
        : { assumptions: [{ key: editing.key as AssumptionKey, value, source, validFrom }] };
    save.mutate(body, {
      onSuccess: () => {
        setSaved(editing.key);
        setEditing(null);
      },
    });
  };
  const form = (label: string) => (
    <form
      id="bc-settings-form"
      className="eh-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Heading level={3}>{t('livingLab.bc.newVersion', { what: label })}</Heading>
      <ProblemAlert problem={problem} />
      <TextField id="bc-setting-value" label={editing?.kind === 'tariff' ? t('livingLab.bc.amountEuro') : t('livingLab.bc.value')} value={amount} onChange={setAmount} required inputMode="decimal" error={problem?.fields['tariffs.0.amountCents'] ?? problem?.fields['assumptions.0.value']} />
      <TextareaField id="bc-setting-source" label={t('livingLab.bc.source')} value={source} onChange={setSource} error={problem?.fields['tariffs.0.source'] ?? problem?.fields['assumptions.0.source']} description={t('livingLab.bc.sourceHelp')} />
      <TextField id="bc-setting-valid-from" label={t('livingLab.bc.validFrom')} type="date" value={validFrom} onChange={setValidFrom} required />
      <div className="eh-actions">
        <Button type="submit" busy={save.isPending} disabled={save.isPending} id="bc-setting-save">{t('common.save')}</Button>
        <Button appearance="secondary" onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
  return (
    <section aria-labelledby="bc-settings-heading">
      <Heading level={2} id="bc-settings-heading">{t('livingLab.bc.settings')}</Heading>
      <Paragraph>{t('livingLab.bc.settingsIntro')}</Paragraph>
      {saved ? <Alert type="ok" role="status" id="bc-setting-saved"><p className="utrecht-paragraph">{t('livingLab.bc.saved')}</p></Alert> : null}
      <Table caption={t('livingLab.bc.settings')} hideCaption id="bc-settings">
        <THead>
          <Tr>
            <Th scope="col">{t('livingLab.bc.parameter')}</Th>
            <Th scope="col" numeric>{t('livingLab.bc.value')}</Th>
            <Th scope="col">{t('livingLab.bc.source')}</Th>
            <Th scope="col">{t('livingLab.bc.validFrom')}</Th>
            {s.abilities.edit ? <Th scope="col">{t('livingLab.bc.actions')}</Th> : null}
          </Tr>
        </THead>
        <TBody>
          {s.tariffs.map((x) => (
            <Tr key={x.kind}>
              <Th scope="row">{t(tariffLabel(x.kind))}</Th>
              <Td numeric>{x.current ? f.money(x.current.amountCents) : t('common.empty')}</Td>
              <Td>{x.current?.source ?? t('livingLab.bc.notSet')}</Td>
              <Td>{x.current ? f.date(x.current.validFrom) : t('common.empty')}</Td>
              {s.abilities.edit ? (
                <Td>
                  <Button appearance="subtle" id={`bc-edit-${x.kind}`} onClick={() => start('tariff', x.kind, x.current ? x.current.amountCents / 100 : null, x.current?.source ?? null)}>
                    {t('livingLab.bc.edit')}<span className="eh-visually-hidden"> {t(tariffLabel(x.kind))}</span>
                  </Button>
                </Td>
              ) : null}
            </Tr>
          ))}
          {s.assumptions.map((x) => (
            <Tr key={x.key}>
              <Th scope="row">{t(assumptionLabel(x.key))}</Th>
              <Td numeric>{x.current ? `${f.number(x.current.value)} ${t(unitLabel(x.unit))}` : t('common.empty')}</Td>
              <Td>{x.current?.source ?? t('livingLab.bc.notSet')}</Td>
              <Td>{x.current ? f.date(x.current.validFrom) : t('common.empty')}</Td>
              {s.abilities.edit ? (
                <Td>
                  <Button appearance="subtle" id={`bc-edit-${x.key}`} onClick={() => start('assumption', x.key, x.current?.value ?? null, x.current?.source ?? null)}>
                    {t('livingLab.bc.edit')}<span className="eh-visually-hidden"> {t(assumptionLabel(x.key))}</span>
                  </Button>
                </Td>
              ) : null}
            </Tr>
          ))}
        </TBody>
      </Table>
      {editing ? form(t(editing.kind === 'tariff' ? tariffLabel(editing.key as TariffKind) : assumptionLabel(editing.key as AssumptionKey))) : null}
    </section>
  );
}
