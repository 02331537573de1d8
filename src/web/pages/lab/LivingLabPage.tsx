import { useMemo, useState, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { AppLink } from '../../components/Button';
import { ChartFigure, chartColors, type ChartOption } from '../../components/Chart';
import { DataList } from '../../components/DataList';
import { TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { todayIso } from '../../dates';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import { PARTICIPANTS_PATH } from '../../paths';
import { BOTTLENECKS_PATH, BUSINESS_CASE_PATH, OBSERVATIONS_PATH } from '../livingLab/api';
import { OUTCOMES_PATH } from '../outcomes/api';
import { labAccess, useLivingLab, type LivingLab, type Verdict } from './api';
import './lab.css';

const verdictKey = (v: Verdict) => `lab.verdict.${v}` as MessageKey;
const VERDICT_MARK: Record<Verdict, string> = { met: '✓', not_met: '✗', unknown: '?' };
const themeKey = (theme: string) => `lab.theme.${theme}` as MessageKey;
const factorKey = (factor: string) => `lab.factor.${factor}` as MessageKey;
const statusKey = (status: string) => `lab.status.${status}` as MessageKey;

/**
 * /livinglab: the main question of the Living Lab with its three conditions side by side
 * (participants, sustainable recovery, business case), each with value against goal, a verdict in
 * words, n, its trend and a link to the figures behind it; then the sub-questions: success and
 * failure factors per theme and the bottleneck register. For a municipality or a researcher the
 * server leaves out figures about fewer than 5 people.
 */
export function LivingLabPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('lab.title'));
  const { programme } = useProgrammeSelection();
  const [date, setDate] = useState(todayIso());
  const allowed = labAccess.overview(me);
  const lab = useLivingLab(programme?.id, date, allowed);

  return (
    <>
      <Paragraph className="eh-lab__kicker">{t('lab.title')}</Paragraph>
      <Heading level={1} id="lab-question">
        {t('lab.question')}
      </Heading>
      {!allowed ? (
        <Alert type="info" id="lab-no-access">
          <p className="utrecht-paragraph">{t('lab.noAccess')}</p>
        </Alert>
      ) : (
        <>
          <Paragraph lead>{t('lab.intro')}</Paragraph>
          <TextField id="lab-date" label={t('lab.date')} description={t('lab.dateHelp')} type="date" value={date} onChange={(v) => v && setDate(v)} />
          {!programme ? (
            <Empty>{t('lab.noProgramme')}</Empty>
          ) : lab.isPending ? (
            <Loading />
          ) : lab.isError ? (
            <QueryError error={lab.error} onRetry={() => void lab.refetch()} />
          ) : (
            <Overview lab={lab.data} />
          )}
        </>
      )}
    </>
  );
}

function Overview({ lab }: { lab: LivingLab }) {
  const t = useT();
  return (
    <>
      {lab.view === 'aggregate' ? (
        <Alert type="info" id="lab-aggregate">
          <p className="utrecht-paragraph">{t('lab.aggregate', { min: lab.minCell })}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="lab-conditions-title">
        <Heading level={2} id="lab-conditions-title">
          {t('lab.conditions')}
        </Heading>
        <ul className="eh-lab__cards">
          <ParticipantsCard lab={lab} />
          <RecoveryCard lab={lab} />
          <BusinessCaseCard lab={lab} />
        </ul>
      </section>
      <section aria-labelledby="lab-sub-title">
        <Heading level={2} id="lab-sub-title">
          {t('lab.subQuestions')}
        </Heading>
        <Factors lab={lab} />
        <Bottlenecks lab={lab} />
      </section>
    </>
  );
}

function VerdictBadge({ verdict, id }: { verdict: Verdict; id: string }) {
  const t = useT();
  return (
    <p className={`eh-lab__verdict eh-lab__verdict--${verdict}`} id={id}>
      <span aria-hidden="true" className="eh-lab__mark">
        {VERDICT_MARK[verdict]}
      </span>{' '}
      <span className="eh-visually-hidden">{t('lab.verdictLabel')}: </span>
      {t(verdictKey(verdict))}
    </p>
  );
}

interface CardProps {
  id: string;
  title: string;
  value: string;
  goal: string;
  verdict: Verdict;
  details: { key: string; label: string; value: ReactNode }[];
  chart: ReactNode;
  link: ReactNode;
}

function Card({ id, title, value, goal, verdict, details, chart, link }: CardProps) {
  const t = useT();
  return (
    <li className="eh-card eh-lab__card" id={id} aria-labelledby={`${id}-title`}>
      <Heading level={3} id={`${id}-title`} className="eh-card__title">
        {title}
      </Heading>
      <p className="eh-lab__value" id={`${id}-value`}>
        <span className="eh-visually-hidden">{t('lab.value')}: </span>
        {value}
      </p>
      <p className="utrecht-paragraph eh-lab__goal">
        {t('lab.goal')}: {goal}
      </p>
      <VerdictBadge verdict={verdict} id={`${id}-verdict`} />
      <DataList items={details} />
      {chart}
      <p className="utrecht-paragraph">{link}</p>
    </li>
  );
}

/** A small line chart of a trend, with its data as a table. */
function Trend({ id, label, points, format, color, percent }: { id: string; label: string; points: { date: string; value: number | null }[]; format: (v: number | null) => string; color: string; percent?: boolean }) {
  const t = useT();
  const f = useFormat();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 56, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => p.date.slice(0, 7)) },
      yAxis: { type: 'value', ...(percent ? { min: 0, max: 100 } : {}) },
      series: [{ type: 'line', name: label, data: points.map((p) => p.value), connectNulls: false, showSymbol: points.length < 30, lineStyle: { color }, itemStyle: { color } }],
    }),
    [points, label, color, percent],
  );
  if (points.length === 0) return <Empty>{t('lab.noTrend')}</Empty>;
  return (
    <ChartFigure
      id={id}
      option={option}
      label={label}
      height={180}
      caption={label}
      table={
        <Table caption={label} hideCaption>
          <THead>
            <Tr>
              <Th>{t('lab.trendDate')}</Th>
              <Th>{t('lab.value')}</Th>
            </Tr>
          </THead>
          <TBody>
            {points.map((p) => (
              <Tr key={p.date}>
                <Td>{f.date(p.date)}</Td>
                <Td>{format(p.value)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      }
    />
  );
}

function ParticipantsCard({ lab }: { lab: LivingLab }) {
  const t = useT();
  const f = useFormat();
  const me = useCurrentUser();
  const p = lab.participants;
  return (
    <Card
      id="lab-participants"
      title={t('lab.participants.title')}
      value={p.suppressed ? t('lab.suppressed') : f.number(p.value)}
      goal={`≥ ${f.number(p.goal)}`}
      verdict={p.verdict}
      details={[
        { key: 'what', label: t('lab.participants.what'), value: t('lab.participants.whatValue') },
        { key: 'goalSource', label: t('lab.participants.goalSource'), value: t('lab.participants.goalSourceValue') },
      ]}
      chart={
        <Trend
          id="lab-participants-trend"
          label={t('lab.participants.trend')}
          points={p.trend.points}
          format={(v) => (v === null ? t('lab.suppressed') : f.number(v))}
          color={chartColors.realised}
        />
      }
      link={
        labAccess.participants(me) ? (
          <AppLink to={`${PARTICIPANTS_PATH}?phase=housed`} id="lab-participants-link">
            {t('lab.participants.link')}
          </AppLink>
        ) : (
          t('lab.participants.noList')
        )
      }
    />
  );
}

function RecoveryCard({ lab }: { lab: LivingLab }) {
  const t = useT();
  const f = useFormat();
  const me = useCurrentUser();
  const r = lab.recovery;
  const pct = (v: number | null) => (v === null ? t('lab.suppressed') : `${(Math.round(v * 1000) / 10).toLocaleString()} %`);
  const hasSnapshots = r.trend.points.some((p) => p.source === 'snapshot');
  return (
    <Card
      id="lab-recovery"
      title={t('lab.recovery.title')}
      value={r.suppressed ? t('lab.suppressed') : r.rate === null ? t('lab.none') : pct(r.rate)}
      goal={`> ${f.number(r.definition.goalPercent)} %`}
      verdict={r.verdict}
      details={[
        { key: 'fraction', label: t('lab.recovery.fraction'), value: r.suppressed ? t('lab.suppressed') : `${f.number(r.numerator)} / ${f.number(r.denominator)}` },
        { key: 'n', label: 'n', value: r.n === null ? t('lab.suppressed') : f.number(r.n) },
        {
          key: 'definition',
          label: t('lab.recovery.definition'),
          value: t('lab.recovery.definitionValue', { version: r.definition.version, months: r.definition.minHousedMonths }),
        },
        ...(r.verdict === 'unknown' ? [{ key: 'why', label: t('lab.recovery.why'), value: t('lab.recovery.tooFew', { min: r.verdictMinN }) }] : []),
      ]}
      chart={
        <>
          <Trend
            id="lab-recovery-trend"
            label={t('lab.recovery.trend')}
            points={r.trend.points.map((p) => ({ date: p.date, value: p.rate === null ? null : Math.round(p.rate * 1000) / 10 }))}
            format={(v) => (v === null ? t('lab.none') : `${v.toLocaleString()} %`)}
            color={chartColors.ambition}
            percent
          />
          <p className="utrecht-paragraph eh-lab__small">{hasSnapshots ? t('lab.recovery.trendSnapshots') : t('lab.recovery.trendComputed', { max: r.trend.maxComputed })}</p>
        </>
      }
      link={
        labAccess.outcomes(me) ? (
          <AppLink to={OUTCOMES_PATH} id="lab-recovery-link">
            {t('lab.recovery.link')}
          </AppLink>
        ) : (
          t('lab.recovery.noLink')
        )
      }
    />
  );
}

function BusinessCaseCard({ lab }: { lab: LivingLab }) {
  const t = useT();
  const f = useFormat();
  const b = lab.businessCase;
  const value = b.suppressed ? t('lab.suppressed') : b.missing.length > 0 ? t('lab.bc.missing') : f.money(b.savingsCents);
  return (
    <Card
      id="lab-business-case"
      title={t('lab.bc.title')}
      value={value}
      goal={t('lab.bc.goal')}
      verdict={b.verdict}
      details={[
        { key: 'outcome', label: t('lab.bc.outcome'), value: t(`lab.bc.outcome.${b.outcome}` as MessageKey) },
        { key: 'perYear', label: t('lab.bc.perYear'), value: b.perParticipantPerYear ? f.money(b.perParticipantPerYear.savingsCents) : t('lab.none') },
        { key: 'breakEven', label: t('lab.bc.breakEven'), value: b.breakEvenMonth ? f.month(`${b.breakEvenMonth}-01`) : t('lab.bc.noBreakEven') },
        { key: 'n', label: 'n', value: b.n === null ? t('lab.suppressed') : f.number(b.n) },
      ]}
      chart={
        <Trend
          id="lab-bc-trend"
          label={t('lab.bc.trend')}
          points={b.trend.points.map((p) => ({ date: p.date, value: p.savingsCents === null ? null : Math.round(p.savingsCents / 100) }))}
          format={(v) => (v === null ? t('lab.suppressed') : f.money(v * 100))}
          color={chartColors.pipeline}
        />
      }
      link={
        <AppLink to={BUSINESS_CASE_PATH} id="lab-bc-link">
          {t('lab.bc.link')}
        </AppLink>
      }
    />
  );
}

function Factors({ lab }: { lab: LivingLab }) {
  const t = useT();
  const f = useFormat();
  const me = useCurrentUser();
  return (
    <section aria-labelledby="lab-factors-title" className="eh-lab__sub">
      <Heading level={3} id="lab-factors-title">
        {t('lab.factors.title')}
      </Heading>
      {!lab.factors.available ? (
        <Paragraph>{t('lab.factors.unavailable')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('lab.factors.intro')}</Paragraph>
          <div className="eh-lab__themes">
            {lab.factors.themes.map((theme) => (
              <section key={theme.theme} aria-labelledby={`lab-theme-${theme.theme}`} id={`lab-factors-${theme.theme}`}>
                <Heading level={4} id={`lab-theme-${theme.theme}`}>
                  {t(themeKey(theme.theme))}
                </Heading>
                <DataList
                  items={[
                    { key: 'success', label: t('lab.factor.success'), value: f.number(theme.success) },
                    { key: 'failure', label: t('lab.factor.failure'), value: f.number(theme.failure) },
                  ]}
                />
                {theme.tags.length === 0 ? (
                  <Empty>{t('lab.factors.noTags')}</Empty>
                ) : (
                  <ul className="utrecht-unordered-list" aria-label={t('lab.factors.tagsOf', { theme: t(themeKey(theme.theme)) })}>
                    {theme.tags.map((tag) => (
                      <li key={`${tag.factor}-${tag.tag}`}>
                        {tag.tag} <span className="eh-lab__small">({t(factorKey(tag.factor))}, {f.number(tag.n)}×)</span>
                      </li>
                    ))}
                  </ul>
                )}
                {theme.latest.length > 0 ? (
                  <>
                    <p className="utrecht-paragraph eh-lab__small">{t('lab.factors.latest')}</p>
                    <ul className="utrecht-unordered-list eh-lab__small">
                      {theme.latest.map((l, i) => (
                        <li key={i}>
                          {f.month(`${l.month}-01`)} — {t(factorKey(l.factor))}, {t(l.about === 'participant' ? 'lab.factors.aboutParticipant' : 'lab.factors.aboutLocation')}
                          {l.tags.length ? `: ${l.tags.join(', ')}` : ''}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </section>
            ))}
          </div>
        </>
      )}
      {labAccess.observations(me) ? (
        <Paragraph>
          <AppLink to={OBSERVATIONS_PATH} id="lab-observations-link">
            {t('lab.factors.link')}
          </AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}

function Bottlenecks({ lab }: { lab: LivingLab }) {
  const t = useT();
  const f = useFormat();
  const b = lab.bottlenecks;
  return (
    <section aria-labelledby="lab-bottlenecks-title" className="eh-lab__sub" id="lab-bottlenecks">
      <Heading level={3} id="lab-bottlenecks-title">
        {t('lab.bottlenecks.title')}
      </Heading>
      <Paragraph>{t('lab.bottlenecks.intro')}</Paragraph>
      <DataList
        items={(['open', 'in_progress', 'solved', 'wont_fix'] as const).map((s) => ({ key: s, label: t(statusKey(s)), value: f.number(b.counts[s]) }))}
      />
      {b.open.length === 0 ? (
        <Empty>{t('lab.bottlenecks.none')}</Empty>
      ) : (
        <Table caption={t('lab.bottlenecks.openCaption', { n: b.openTotal })} id="lab-bottlenecks-open">
          <THead>
            <Tr>
              <Th>{t('lab.bottlenecks.what')}</Th>
              <Th>{t('lab.bottlenecks.status')}</Th>
              <Th>{t('lab.bottlenecks.owner')}</Th>
              <Th>{t('lab.bottlenecks.since')}</Th>
            </Tr>
          </THead>
          <TBody>
            {b.open.map((x) => (
              <Tr key={x.id}>
                <Td>
                  <AppLink to={`${BOTTLENECKS_PATH}/${x.id}`}>{x.title}</AppLink>
                </Td>
                <Td>{t(statusKey(x.status))}</Td>
                <Td>{[x.ownerOrganisation, x.ownerName].filter(Boolean).join(', ') || t('lab.bottlenecks.noOwner')}</Td>
                <Td>{f.date(x.since)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Paragraph>
        <AppLink to={BOTTLENECKS_PATH} id="lab-bottlenecks-link">
          {t('lab.bottlenecks.link')}
        </AppLink>
      </Paragraph>
    </section>
  );
}
