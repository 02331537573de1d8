import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useOrganisations } from '../../api/hooks';
import type { Programme } from '../../api/types';
import {
  tranchesAccess,
  useConfirmRollover,
  useContingents,
  useDueWorkSettings,
  useRolloverPreview,
  useRollovers,
  useSaveContingent,
  useSaveDueWorkSettings,
  useTrancheUsage,
  type Contingent,
  type RolloverPreview,
  type TrancheUsage,
} from '../../api/tranches';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { chartColors, ChartFigure, type ChartOption } from '../../components/Chart';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataList } from '../../components/DataList';
import { SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFieldErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';

/** The tranche page: capacity vs use over time, the year-end rollover, contingents, due-work thresholds. */
export function TranchesPage() {
  const t = useT();
  usePageTitle(t('tranches.page.title'));
  return (
    <>
      <Heading level={1}>{t('tranches.page.title')}</Heading>
      <Paragraph>{t('tranches.page.intro')}</Paragraph>
      <ProgrammeGate>{(programme) => <ProgrammeTranches programme={programme} />}</ProgrammeGate>
    </>
  );
}

function ProgrammeTranches({ programme }: { programme: Programme }) {
  const t = useT();
  const me = useCurrentUser();
  const usage = useTrancheUsage(programme.id);
  if (!tranchesAccess.read(me)) return <Alert type="info">{t('tranches.page.noAccess')}</Alert>;
  return (
    <>
      <section className="eh-section" aria-labelledby="tranche-usage-heading">
        <Heading level={2} id="tranche-usage-heading">
          {t('tranches.usage.title')}
        </Heading>
        {usage.isPending ? (
          <Loading />
        ) : usage.isError ? (
          <QueryError error={usage.error} onRetry={() => void usage.refetch()} />
        ) : usage.data.items.length === 0 ? (
          <Empty>{t('tranches.usage.empty')}</Empty>
        ) : (
          <>
            <CurrentTable items={usage.data.items} />
            <UsageChart items={usage.data.items} />
          </>
        )}
      </section>
      {usage.data && usage.data.items.length > 1 ? <RolloverSection programme={programme} items={usage.data.items} /> : null}
      <HistorySection programme={programme} />
      <ContingentsSection programme={programme} />
      {tranchesAccess.dueWorkSettings(me) ? <SettingsSection programme={programme} /> : null}
    </>
  );
}

function CurrentTable({ items }: { items: TrancheUsage[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table caption={t('tranches.current.caption')} id="tranche-current">
      <THead>
        <Tr>
          <Th>{t('tranches.field.tranche')}</Th>
          <Th>{t('tranches.field.provider')}</Th>
          <Th numeric>{t('tranches.field.capacity')}</Th>
          <Th numeric>{t('tranches.field.used')}</Th>
          <Th numeric>{t('tranches.field.free')}</Th>
          <Th numeric>{t('tranches.field.homes')}</Th>
          <Th>{t('tranches.field.deadline')}</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((x) => (
          <Tr key={x.trancheId}>
            <Th scope="row">{x.name}</Th>
            <Td>{x.provider ?? t('tranches.field.otherProviders')}</Td>
            <Td numeric>
              {format.number(x.current.capacity)}
              {x.current.capacity !== x.originalCapacity ? (
                <span className="eh-muted"> {t('tranches.current.original', { n: format.number(x.originalCapacity) })}</span>
              ) : null}
            </Td>
            <Td numeric>{format.number(x.current.used)}</Td>
            <Td numeric>{format.number(x.current.free)}</Td>
            <Td numeric>{format.number(x.current.units)}</Td>
            <Td className="eh-nowrap">{format.date(x.deadline)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

const TRANCHE_COLORS = [chartColors.realised, chartColors.pipeline, chartColors.ambition, chartColors.target];

function UsageChart({ items }: { items: TrancheUsage[] }) {
  const t = useT();
  const format = useFormat();
  const dates = items[0]?.series.map((p) => p.date) ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: false },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 0, textStyle: { color: '#1a1a1a' } },
      grid: { top: 56, left: 8, right: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: dates.map((d) => format.month(d)), axisLabel: { color: '#333' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
      series: items.flatMap((x, i) => [
        {
          name: t('tranches.chart.capacity', { name: x.name }),
          type: 'line',
          step: 'end',
          data: x.series.map((p) => p.capacity),
          lineStyle: { type: 'dashed', color: TRANCHE_COLORS[i % TRANCHE_COLORS.length] },
          itemStyle: { color: TRANCHE_COLORS[i % TRANCHE_COLORS.length] },
          symbol: 'none',
        },
        {
          name: t('tranches.chart.used', { name: x.name }),
          type: 'line',
          data: x.series.map((p) => p.used),
          lineStyle: { color: TRANCHE_COLORS[i % TRANCHE_COLORS.length], width: 3 },
          itemStyle: { color: TRANCHE_COLORS[i % TRANCHE_COLORS.length] },
        },
      ]),
    }),
    [items, dates, t, format],
  );
  return (
    <ChartFigure
      id="chart-tranches"
      caption={t('tranches.chart.caption')}
      label={t('tranches.chart.label')}
      option={option}
      height={340}
      table={
        <Table caption={t('tranches.chart.caption')}>
          <THead>
            <Tr>
              <Th>{t('tranches.field.month')}</Th>
              {items.flatMap((x) => [
                <Th key={`${x.trancheId}-c`} numeric>
                  {t('tranches.chart.capacity', { name: x.name })}
                </Th>,
                <Th key={`${x.trancheId}-u`} numeric>
                  {t('tranches.chart.used', { name: x.name })}
                </Th>,
              ])}
            </Tr>
          </THead>
          <TBody>
            {dates.map((d, row) => (
              <Tr key={d}>
                <Th scope="row">{format.month(d)}</Th>
                {items.flatMap((x) => [
                  <Td key={`${x.trancheId}-c`} numeric>
                    {format.number(x.series[row]?.capacity)}
                  </Td>,
                  <Td key={`${x.trancheId}-u`} numeric>
                    {format.number(x.series[row]?.used)}
                  </Td>,
                ])}
              </Tr>
            ))}
          </TBody>
        </Table>
      }
    />
  );
}

function RolloverSection({ programme, items }: { programme: Programme; items: TrancheUsage[] }) {
  const t = useT();
  const me = useCurrentUser();
  // Only a tranche with a next one can roll over.
  const sources = items.filter((x) => items.some((y) => y.number === x.number + 1));
  const [trancheId, setTrancheId] = useState(sources[0]?.trancheId ?? '');
  const source = sources.find((x) => x.trancheId === trancheId);
  const [cutoff, setCutoff] = useState(source?.deadline ?? '');
  const preview = useRolloverPreview(trancheId || null, cutoff);
  const confirm = useConfirmRollover(programme.id);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const problem = useProblem(confirm.error);
  const confirmButton = useRef<HTMLButtonElement>(null);
  return (
    <section className="eh-section" aria-labelledby="rollover-heading">
      <Heading level={2} id="rollover-heading">
        {t('tranches.rollover.title')}
      </Heading>
      <Paragraph>{t('tranches.rollover.intro')}</Paragraph>
      <div className="eh-form-row">
        <SelectField
          id="rollover-tranche"
          label={t('tranches.field.tranche')}
          value={trancheId}
          onChange={(v) => {
            setTrancheId(v);
            setCutoff(sources.find((x) => x.trancheId === v)?.deadline ?? cutoff);
            setDone(null);
          }}
          options={sources.map((x) => ({ value: x.trancheId, label: x.name }))}
        />
        <TextField id="rollover-cutoff" type="date" label={t('tranches.rollover.cutoff')} value={cutoff} onChange={(v) => { setCutoff(v); setDone(null); }} />
      </div>
      {done ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
      {!trancheId || !cutoff ? null : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <>
          <PreviewView p={preview.data} />
          {preview.data.appliedRolloverId ? (
            <Alert type="info">
              <p className="utrecht-paragraph">{t('tranches.rollover.applied')}</p>
            </Alert>
          ) : tranchesAccess.rollOver(me) && (preview.data.places > 0 || preview.data.unitCount > 0) ? (
            <ButtonGroup>
              <Button ref={confirmButton} appearance="primary" id="rollover-confirm-open" onClick={() => { confirm.reset(); setOpen(true); }}>
                {t('tranches.rollover.confirmOpen')}
              </Button>
            </ButtonGroup>
          ) : null}
          <ConfirmDialog
            id="rollover-dialog"
            open={open}
            danger
            busy={confirm.isPending}
            title={t('tranches.rollover.dialogTitle')}
            confirmLabel={t('tranches.rollover.confirm')}
            cancelLabel={t('tranches.rollover.cancel')}
            footer={problem ? <ProblemAlert problem={problem} /> : null}
            onCancel={() => {
              setOpen(false);
              window.setTimeout(() => confirmButton.current?.focus(), 0);
            }}
            onConfirm={() =>
              confirm.mutate(
                { trancheId, cutoffDate: cutoff, previewHash: preview.data.previewHash },
                {
                  onSuccess: (r) => {
                    setOpen(false);
                    setDone(t('tranches.rollover.done', { places: r.places, from: r.fromTranche.name, to: r.toTranche.name }));
                  },
                },
              )
            }
          >
            <p className="utrecht-paragraph">
              {t('tranches.rollover.dialogText', {
                places: preview.data.places,
                units: preview.data.unitCount,
                from: preview.data.fromTranche.name,
                to: preview.data.toTranche.name,
                date: preview.data.effectiveDate,
              })}
            </p>
            <ul className="utrecht-unordered-list">
              <li>
                {t('tranches.rollover.dialogFrom', { name: preview.data.fromTranche.name, before: preview.data.fromCapacity.before, after: preview.data.fromCapacity.after })}
              </li>
              <li>{t('tranches.rollover.dialogTo', { name: preview.data.toTranche.name, before: preview.data.toCapacity.before, after: preview.data.toCapacity.after })}</li>
              <li>
                {preview.data.losingProvider
                  ? t('tranches.rollover.dialogLoser', { provider: preview.data.losingProvider.name })
                  : t('tranches.rollover.dialogNoLoser')}
              </li>
            </ul>
            <p className="utrecht-paragraph">{t('tranches.rollover.dialogAudit')}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}

function PreviewView({ p }: { p: RolloverPreview }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <DataList
        items={[
          { key: 'from', label: t('tranches.rollover.from'), value: p.fromTranche.name },
          { key: 'to', label: t('tranches.rollover.to'), value: p.toTranche.name },
          { key: 'loser', label: t('tranches.rollover.loser'), value: p.losingProvider?.name ?? t('common.empty') },
          { key: 'effective', label: t('tranches.rollover.effective'), value: format.date(p.effectiveDate) },
          { key: 'cap', label: t('tranches.rollover.capacityAtCutoff'), value: format.number(p.capacityAtCutoff) },
          { key: 'used', label: t('tranches.rollover.used'), value: format.number(p.usedCount) },
          { key: 'places', label: t('tranches.rollover.places'), value: format.number(p.places) },
          { key: 'units', label: t('tranches.rollover.units'), value: format.number(p.unitCount) },
          { key: 'unassigned', label: t('tranches.rollover.unassigned'), value: format.number(p.unassignedPlaces) },
        ]}
      />
      {p.units.length === 0 ? (
        <Empty>{t('tranches.rollover.noUnits')}</Empty>
      ) : (
        <Table caption={t('tranches.rollover.unitsCaption', { n: p.units.length })} id="rollover-units">
          <THead>
            <Tr>
              <Th>{t('tranches.field.home')}</Th>
              <Th>{t('tranches.field.location')}</Th>
              <Th>{t('tranches.field.statusAtCutoff')}</Th>
              <Th>{t('tranches.field.statusNow')}</Th>
            </Tr>
          </THead>
          <TBody>
            {p.units.map((u) => (
              <Tr key={u.id}>
                <Th scope="row">{u.label}</Th>
                <Td>{u.location ?? t('common.empty')}</Td>
                <Td>{u.statusAtCutoff ? t(`status.${u.statusAtCutoff}`) : t('common.empty')}</Td>
                <Td>{t(`status.${u.status}`)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

function HistorySection({ programme }: { programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const list = useRollovers(programme.id);
  return (
    <section className="eh-section" aria-labelledby="rollover-history-heading">
      <Heading level={2} id="rollover-history-heading">
        {t('tranches.history.title')}
      </Heading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('tranches.history.empty')}</Empty>
      ) : (
        <Table caption={t('tranches.history.title')} hideCaption>
          <THead>
            <Tr>
              <Th>{t('tranches.rollover.cutoff')}</Th>
              <Th>{t('tranches.rollover.from')}</Th>
              <Th>{t('tranches.rollover.to')}</Th>
              <Th numeric>{t('tranches.rollover.places')}</Th>
              <Th numeric>{t('tranches.rollover.units')}</Th>
              <Th>{t('tranches.rollover.loser')}</Th>
              <Th>{t('tranches.history.confirmedBy')}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((r) => (
              <Tr key={r.id}>
                <Th scope="row">{format.date(r.cutoffDate)}</Th>
                <Td>{r.fromTranche.name}</Td>
                <Td>{r.toTranche.name}</Td>
                <Td numeric>{format.number(r.places)}</Td>
                <Td numeric>{format.number(r.unitIds.length)}</Td>
                <Td>{r.losingProvider ?? t('common.empty')}</Td>
                <Td>
                  {r.confirmedBy ?? t('common.empty')}, {format.dateTime(r.confirmedAt)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

function ContingentsSection({ programme }: { programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const list = useContingents(programme.id);
  const [editing, setEditing] = useState<Contingent | 'new' | null>(null);
  return (
    <section className="eh-section" aria-labelledby="contingents-heading">
      <Heading level={2} id="contingents-heading">
        {t('tranches.contingents.title')}
      </Heading>
      <Paragraph>{t('tranches.contingents.intro')}</Paragraph>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('tranches.contingents.empty')}</Empty>
      ) : (
        <Table caption={t('tranches.contingents.title')} hideCaption id="contingents">
          <THead>
            <Tr>
              <Th>{t('tranches.field.provider')}</Th>
              <Th numeric>{t('tranches.field.year')}</Th>
              <Th numeric>{t('tranches.field.contingentHomes')}</Th>
              <Th numeric>{t('tranches.field.target')}</Th>
              <Th numeric>{t('tranches.field.intakeHomes')}</Th>
              <Th numeric>{t('tranches.field.share')}</Th>
              <Th numeric>{t('tranches.field.gap')}</Th>
              <Th>{t('tranches.field.onTrack')}</Th>
              {tranchesAccess.manageContingents(me) ? <Th>{t('tranches.field.actions')}</Th> : null}
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((c) => (
              <Tr key={c.id}>
                <Th scope="row">{c.provider}</Th>
                <Td numeric>{c.year}</Td>
                <Td numeric>{format.number(c.homes)}</Td>
                <Td numeric>
                  {t('tranches.contingents.targetValue', { percent: format.number(c.intakeTargetPercent), homes: format.number(c.targetHomes) })}
                </Td>
                <Td numeric>
                  {t('tranches.contingents.intakeValue', { intake: format.number(c.intakeHomes), started: format.number(c.tenanciesStarted) })}
                </Td>
                <Td numeric>{c.sharePercent === null ? t('common.empty') : `${format.number(c.sharePercent)} %`}</Td>
                <Td numeric>{format.number(c.gapHomes)}</Td>
                <Td>{c.onTrack ? t('tranches.contingents.onTrack') : t('tranches.contingents.behind')}</Td>
                {tranchesAccess.manageContingents(me) ? (
                  <Td>
                    {c.abilities.edit ? (
                      <Button appearance="subtle" onClick={() => setEditing(c)} aria-label={t('tranches.contingents.editLabel', { provider: c.provider, year: c.year })}>
                        {t('tranches.contingents.edit')}
                      </Button>
                    ) : null}
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {tranchesAccess.manageContingents(me) && editing === null ? (
        <ButtonGroup>
          <Button appearance="secondary" id="contingent-add" onClick={() => setEditing('new')}>
            {t('tranches.contingents.add')}
          </Button>
        </ButtonGroup>
      ) : null}
      {editing ? <ContingentForm programme={programme} contingent={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
    </section>
  );
}

function ContingentForm({ programme, contingent, onDone }: { programme: Programme; contingent: Contingent | null; onDone: () => void }) {
  const t = useT();
  const providers = useOrganisations('care_provider');
  const save = useSaveContingent(programme.id);
  const problem = useProblem(save.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const [providerId, setProviderId] = useState(contingent?.providerId ?? '');
  const [year, setYear] = useState(String(contingent?.year ?? new Date().getUTCFullYear()));
  const [homes, setHomes] = useState(contingent ? String(contingent.homes) : '');
  const [target, setTarget] = useState(String(contingent?.intakeTargetPercent ?? 30));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      {
        providerId: !providerId && t('tranches.form.required'),
        year: !/^\d{4}$/.test(year) && t('tranches.form.year'),
        homes: !/^\d+$/.test(homes) && t('tranches.form.wholeNumber'),
        intakeTargetPercent: !(Number(target) >= 0 && Number(target) <= 100 && target.trim() !== '') && t('tranches.form.percent'),
      },
      { providerId: 'contingent-provider', year: 'contingent-year', homes: 'contingent-homes', intakeTargetPercent: 'contingent-target' },
    );
    if (!ok) return;
    save.mutate(
      { id: contingent?.id ?? null, version: contingent?.version, body: { providerId, year: Number(year), homes: Number(homes), intakeTargetPercent: Number(target) } },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="eh-form" onSubmit={submit} noValidate aria-labelledby="contingent-form-heading">
      <Heading level={3} id="contingent-form-heading">
        {contingent ? t('tranches.contingents.editTitle', { provider: contingent.provider, year: contingent.year }) : t('tranches.contingents.add')}
      </Heading>
      <ProblemAlert problem={problem} />
      <SelectField
        id="contingent-provider"
        label={t('tranches.field.provider')}
        value={providerId}
        onChange={(v) => { setProviderId(v); clear('providerId'); }}
        options={(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        emptyLabel={t('tranches.form.choose')}
        disabled={Boolean(contingent)}
        error={errorOf('providerId')}
        required
      />
      <TextField id="contingent-year" type="number" label={t('tranches.field.year')} value={year} onChange={(v) => { setYear(v); clear('year'); }} disabled={Boolean(contingent)} error={errorOf('year')} required />
      <TextField id="contingent-homes" type="number" label={t('tranches.field.contingentHomes')} value={homes} onChange={(v) => { setHomes(v); clear('homes'); }} error={errorOf('homes')} required min={0} />
      <TextField
        id="contingent-target"
        type="number"
        label={t('tranches.field.targetPercent')}
        description={t('tranches.form.targetHelp')}
        value={target}
        onChange={(v) => { setTarget(v); clear('intakeTargetPercent'); }}
        error={errorOf('intakeTargetPercent')}
        required
        min={0}
        max={100}
        step={0.01}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending}>
          {t('tranches.form.save')}
        </Button>
        <Button type="button" appearance="secondary" onClick={onDone}>
          {t('tranches.form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function SettingsSection({ programme }: { programme: Programme }) {
  const t = useT();
  const settings = useDueWorkSettings(programme.id, true);
  return (
    <section className="eh-section" aria-labelledby="due-settings-heading">
      <Heading level={2} id="due-settings-heading">
        {t('tranches.settings.title')}
      </Heading>
      <Paragraph>{t('tranches.settings.intro')}</Paragraph>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm programme={programme} initial={settings.data} key={JSON.stringify(settings.data)} />
      )}
    </section>
  );
}

function SettingsForm({ programme, initial }: { programme: Programme; initial: { incidentAlertDays: number; guidanceReviewMonths: number; trancheWarningDays: number } }) {
  const t = useT();
  const save = useSaveDueWorkSettings(programme.id);
  const problem = useProblem(save.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [incident, setIncident] = useState(String(initial.incidentAlertDays));
  const [review, setReview] = useState(String(initial.guidanceReviewMonths));
  const [warning, setWarning] = useState(String(initial.trancheWarningDays));
  const [saved, setSaved] = useState(false);
  const whole = (v: string) => !/^\d+$/.test(v) && t('tranches.form.wholeNumber');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = validate(
      { incidentAlertDays: whole(incident), guidanceReviewMonths: whole(review), trancheWarningDays: whole(warning) },
      { incidentAlertDays: 'settings-incident', guidanceReviewMonths: 'settings-review', trancheWarningDays: 'settings-warning' },
    );
    if (!ok) return;
    save.mutate(
      { incidentAlertDays: Number(incident), guidanceReviewMonths: Number(review), trancheWarningDays: Number(warning) },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="eh-form" onSubmit={submit} noValidate aria-label={t('tranches.settings.title')}>
      <ProblemAlert problem={problem} />
      {saved ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('tranches.settings.saved')}</p>
        </Alert>
      ) : null}
      <TextField id="settings-incident" type="number" label={t('tranches.settings.incidentDays')} value={incident} onChange={setIncident} error={errorOf('incidentAlertDays')} min={1} max={365} required />
      <TextField id="settings-review" type="number" label={t('tranches.settings.reviewMonths')} value={review} onChange={setReview} error={errorOf('guidanceReviewMonths')} min={1} max={24} required />
      <TextField id="settings-warning" type="number" label={t('tranches.settings.warningDays')} value={warning} onChange={setWarning} error={errorOf('trancheWarningDays')} min={1} max={365} required />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending}>
          {t('tranches.form.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
