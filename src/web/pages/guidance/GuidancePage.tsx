import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataList } from '../../components/DataList';
import { SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, LoadMore, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFieldErrors } from '../../formErrors';
import { useBilingual, useFormat, useT, type MessageKey } from '../../i18n';
import { participantPath } from '../../paths';
import { useCurrentUser } from '../../session';
import { guidanceAccess } from './access';
import {
  CONTACT_KINDS,
  GOAL_STATUSES,
  GUIDANCE_END_REASONS,
  GUIDANCE_LEVELS,
  LIFE_DOMAINS,
  SUPPORT_KINDS,
  SUPPORT_STATUSES,
  guidanceApi,
  useContacts,
  useGuidance,
  useGuidanceMutation,
  useTeams,
  type ContactKind,
  type Ending,
  type Episode,
  type GoalStatus,
  type GuidanceLevel,
  type GuidanceOverview,
  type LifeDomain,
  type SupportKind,
  type SupportStatus,
} from './api';

const today = () => new Date().toISOString().slice(0, 10);
const hoursOk = (v: string) => /^\d{1,2}([.,]5)?$|^\d{1,2}([.,]0)?$/.test(v.trim()) && Number(v.replace(',', '.')) <= 40;
const hoursOf = (v: string) => Number(v.replace(',', '.'));

/**
 * /deelnemers/:id/begeleiding: a participant's guidance. The current episode with its intensity
 * history, the plan per life domain, the contact log with a quick-entry form, the scale-down to
 * the neighbourhood team and the ending; earlier episodes; support items beside it.
 * Ids: `guidance-heading`, `guidance-start-form`, `episode-current`, `intensity-history`,
 * `intensity-form`, `goals-table`, `goal-form`, `contact-form`, `contacts-table`, `handover-form`
 * (`handover-team`, dialog `handover-dialog`), `end-form` (dialog `end-dialog`), `support-table`, `support-form`.
 */
export function GuidancePage() {
  const t = useT();
  const { id } = useParams();
  const guidance = useGuidance(id);
  usePageTitle(guidance.data ? t('guidance.heading', { code: guidance.data.participant.code }) : t('guidance.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={participantPath(id ?? '')}>{t('guidance.backToParticipant')}</AppLink>
      </p>
      {guidance.isPending ? (
        <>
          <Heading level={1}>{t('guidance.title')}</Heading>
          <Loading />
        </>
      ) : guidance.isError ? (
        <>
          <Heading level={1}>{t('guidance.title')}</Heading>
          <QueryError error={guidance.error} onRetry={() => void guidance.refetch()} />
        </>
      ) : (
        <GuidanceView data={guidance.data} />
      )}
    </>
  );
}

function GuidanceView({ data }: { data: GuidanceOverview }) {
  const t = useT();
  const format = useFormat();
  const current = data.episodes.find((e) => e.endDate === null) ?? null;
  const earlier = data.episodes.filter((e) => e !== current);
  const participant = data.participant.code;
  return (
    <>
      <Heading level={1} id="guidance-heading">
        {t('guidance.heading', { code: participant })}
        {data.participant.name ? <span className="eh-muted"> {data.participant.name}</span> : null}
      </Heading>
      {data.home ? (
        <DataList
          items={[
            { key: 'home', label: t('guidance.home'), value: [data.home.label, data.home.location].filter(Boolean).join(' — ') },
            { key: 'district', label: t('guidance.district'), value: data.home.district ?? t('guidance.districtUnknown') },
            { key: 'municipality', label: t('guidance.municipality'), value: data.home.municipality ?? t('common.empty') },
          ]}
        />
      ) : null}
      {current ? (
        <CurrentEpisode episode={current} data={data} />
      ) : (
        <section className="eh-section" aria-labelledby="guidance-none-heading">
          <Heading level={2} id="guidance-none-heading">
            {t('guidance.current')}
          </Heading>
          <Empty>{t('guidance.noCurrent')}</Empty>
          {data.abilities.start ? <StartForm participant={participant} /> : null}
        </section>
      )}
      {earlier.length ? (
        <section className="eh-section" aria-labelledby="guidance-earlier-heading">
          <Heading level={2} id="guidance-earlier-heading">
            {t('guidance.earlier')}
          </Heading>
          {earlier.map((e) => (
            <article key={e.id} className="eh-card" id={`episode-${e.id}`}>
              <Heading level={3}>
                {e.organisation.name} ({format.date(e.startDate)} – {format.date(e.endDate)})
              </Heading>
              <DataList
                items={[
                  { key: 'reason', label: t('guidance.endReason'), value: e.endReason ? t(`guidance.endReason.${e.endReason}` as MessageKey) : t('common.empty') },
                  ...(e.endNote ? [{ key: 'note', label: t('guidance.endNote'), value: e.endNote }] : []),
                  ...(e.handover
                    ? [
                        {
                          key: 'handover',
                          label: t('guidance.handover'),
                          value: t('guidance.handedOverTo', { team: e.handover.team.name, date: format.date(e.handover.handoverDate) }) + ` — ${e.handover.handedOver}`,
                        },
                      ]
                    : []),
                  { key: 'contacts', label: t('guidance.contacts'), value: t('guidance.contactSummary', { count: e.contactCount, hours: format.number(Math.round(e.contactMinutes / 6) / 10) }) },
                  { key: 'goals', label: t('guidance.plan'), value: t('guidance.goalSummary', { count: e.goals.length, achieved: e.goals.filter((g) => g.status === 'achieved').length }) },
                ]}
              />
              <IntensityHistory episode={e} />
            </article>
          ))}
        </section>
      ) : null}
      <SupportSection data={data} />
    </>
  );
}

function CurrentEpisode({ episode: e, data }: { episode: Episode; data: GuidanceOverview }) {
  const t = useT();
  const format = useFormat();
  const previous = data.episodes.find((x) => x.id === e.previousEpisodeId);
  return (
    <section className="eh-section" aria-labelledby="episode-current-heading" id="episode-current">
      <Heading level={2} id="episode-current-heading">
        {t('guidance.current')}
      </Heading>
      <DataList
        items={[
          { key: 'org', label: t('guidance.organisation'), value: e.organisation.name },
          { key: 'since', label: t('guidance.since'), value: format.date(e.startDate) },
          { key: 'intensity', label: t('guidance.intensity'), value: t('guidance.hoursLevel', { hours: format.number(e.hoursPerWeek), level: t(`guidance.level.${e.level}` as MessageKey) }) },
          {
            key: 'review',
            label: t('guidance.reviewDue'),
            value: (
              <>
                {format.date(e.reviewDueOn)}{' '}
                {e.reviewOverdue ? (
                  <span className="eh-tag eh-tag--warning" id="review-overdue">
                    {t('guidance.overdue')}
                  </span>
                ) : null}
              </>
            ),
          },
          ...(previous?.handover ? [{ key: 'from', label: t('guidance.handover'), value: t('guidance.takenOverFrom', { org: previous.organisation.name, date: format.date(previous.handover.handoverDate) }) }] : []),
        ]}
      />
      <IntensityHistory episode={e} />
      {e.abilities.edit ? <IntensityForm episode={e} participant={data.participant.code} /> : null}
      <Plan episode={e} participant={data.participant.code} />
      <Contacts episode={e} participant={data.participant.code} />
      {e.abilities.handOver ? <HandoverForm episode={e} data={data} /> : null}
      {e.abilities.end ? <EndForm episode={e} participant={data.participant.code} /> : null}
    </section>
  );
}

function IntensityHistory({ episode: e }: { episode: Episode }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table caption={t('guidance.intensityHistory')} id={e.endDate ? undefined : 'intensity-history'}>
      <THead>
        <Tr>
          <Th>{t('guidance.from')}</Th>
          <Th numeric>{t('guidance.hoursPerWeek')}</Th>
          <Th>{t('guidance.levelLabel')}</Th>
        </Tr>
      </THead>
      <TBody>
        {e.intensities.map((i) => (
          <Tr key={i.id}>
            <Td>{format.date(i.effectiveDate)}</Td>
            <Td numeric>{format.number(i.hoursPerWeek)}</Td>
            <Td>{t(`guidance.level.${i.level}` as MessageKey)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

const levelOptions = (t: ReturnType<typeof useT>) => GUIDANCE_LEVELS.map((l) => ({ value: l, label: t(`guidance.level.${l}` as MessageKey) }));

function StartForm({ participant }: { participant: string }) {
  const t = useT();
  const me = useCurrentUser();
  const office = guidanceAccess.office(me);
  const providers = useQuery({ queryKey: ['organisations', 'care_provider'], queryFn: () => api.organisations('care_provider'), enabled: office });
  const start = useGuidanceMutation(participant, (body: Parameters<typeof guidanceApi.start>[1]) => guidanceApi.start(participant, body));
  const problem = useProblem(start.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [organisationId, setOrganisationId] = useState('');
  const [startDate, setStartDate] = useState(today());
  const [hours, setHours] = useState('8');
  const [level, setLevel] = useState<GuidanceLevel>('intensive');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      { organisationId: office && !organisationId && t('guidance.error.organisation'), hoursPerWeek: !hoursOk(hours) && t('guidance.error.hours'), startDate: !startDate && t('guidance.error.date') },
      { organisationId: 'start-organisation', hoursPerWeek: 'start-hours', startDate: 'start-date' },
    );
    if (!ok) return;
    start.mutate({ organisationId: office ? organisationId : undefined, startDate, hoursPerWeek: hoursOf(hours), level });
  };
  return (
    <form className="eh-panel" id="guidance-start-form" onSubmit={submit} noValidate>
      <Heading level={3}>{t('guidance.start')}</Heading>
      <ProblemAlert problem={problem} />
      {office ? (
        <SelectField
          id="start-organisation"
          label={t('guidance.organisation')}
          value={organisationId}
          onChange={setOrganisationId}
          emptyLabel={t('guidance.choose')}
          options={(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={errorOf('organisationId')}
          required
        />
      ) : null}
      <TextField id="start-date" type="date" label={t('guidance.startDate')} value={startDate} onChange={setStartDate} error={errorOf('startDate')} required />
      <TextField id="start-hours" label={t('guidance.hoursPerWeek')} inputMode="decimal" value={hours} onChange={setHours} error={errorOf('hoursPerWeek')} required />
      <SelectField id="start-level" label={t('guidance.levelLabel')} value={level} onChange={(v) => setLevel(v as GuidanceLevel)} options={levelOptions(t)} />
      <Button type="submit" appearance="primary" busy={start.isPending} disabled={start.isPending}>
        {t('guidance.start')}
      </Button>
    </form>
  );
}

function IntensityForm({ episode: e, participant }: { episode: Episode; participant: string }) {
  const t = useT();
  const update = useGuidanceMutation(participant, (body: Parameters<typeof guidanceApi.update>[1]) => guidanceApi.update(e.id, body));
  const problem = useProblem(update.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [hours, setHours] = useState(String(e.hoursPerWeek));
  const [level, setLevel] = useState<GuidanceLevel>(e.level);
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [reviewDueOn, setReviewDueOn] = useState(e.reviewDueOn ?? '');
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!validate({ hoursPerWeek: !hoursOk(hours) && t('guidance.error.hours') }, { hoursPerWeek: 'intensity-hours' })) return;
    update.mutate(
      { version: e.version, hoursPerWeek: hoursOf(hours), level, effectiveDate, reviewDueOn: reviewDueOn || undefined },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="eh-panel" id="intensity-form" onSubmit={submit} noValidate>
      <Heading level={3}>{t('guidance.changeIntensity')}</Heading>
      <ProblemAlert problem={problem} />
      {saved ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('guidance.saved')}</p>
        </Alert>
      ) : null}
      <TextField id="intensity-hours" label={t('guidance.hoursPerWeek')} inputMode="decimal" value={hours} onChange={setHours} error={errorOf('hoursPerWeek')} />
      <SelectField id="intensity-level" label={t('guidance.levelLabel')} value={level} onChange={(v) => setLevel(v as GuidanceLevel)} options={levelOptions(t)} />
      <TextField id="intensity-date" type="date" label={t('guidance.effectiveDate')} value={effectiveDate} onChange={setEffectiveDate} error={errorOf('effectiveDate')} />
      <TextField id="intensity-review" type="date" label={t('guidance.reviewDue')} value={reviewDueOn} onChange={setReviewDueOn} error={errorOf('reviewDueOn')} />
      <Button type="submit" appearance="primary" busy={update.isPending} disabled={update.isPending}>
        {t('guidance.save')}
      </Button>
    </form>
  );
}

function Plan({ episode: e, participant }: { episode: Episode; participant: string }) {
  const t = useT();
  const format = useFormat();
  const byDomain = LIFE_DOMAINS.filter((d) => e.goals.some((g) => g.domain === d));
  return (
    <section className="eh-section" aria-labelledby="plan-heading">
      <Heading level={3} id="plan-heading">
        {t('guidance.plan')}
      </Heading>
      {e.goals.length === 0 ? (
        <Empty>{t('guidance.noGoals')}</Empty>
      ) : (
        <Table caption={t('guidance.plan')} hideCaption id="goals-table">
          <THead>
            <Tr>
              <Th>{t('guidance.domain')}</Th>
              <Th>{t('guidance.goal')}</Th>
              <Th>{t('guidance.targetDate')}</Th>
              <Th>{t('guidance.status')}</Th>
            </Tr>
          </THead>
          <TBody>
            {byDomain.flatMap((d) =>
              e.goals
                .filter((g) => g.domain === d)
                .map((g) => (
                  <Tr key={g.id}>
                    <Th scope="row">{t(`guidance.domain.${d}` as MessageKey)}</Th>
                    <Td>{g.description}</Td>
                    <Td>{format.date(g.targetDate)}</Td>
                    <Td>
                      {e.abilities.edit ? (
                        <GoalStatusSelect goalId={g.id} version={g.version} status={g.status} participant={participant} label={`${t('guidance.status')}: ${g.description}`} />
                      ) : (
                        t(`guidance.goalStatus.${g.status}` as MessageKey)
                      )}
                      {g.statusOn ? <span className="eh-muted"> ({format.date(g.statusOn)})</span> : null}
                    </Td>
                  </Tr>
                )),
            )}
          </TBody>
        </Table>
      )}
      {e.abilities.edit ? <GoalForm episode={e} participant={participant} /> : null}
    </section>
  );
}

function GoalStatusSelect({ goalId, version, status, participant, label }: { goalId: string; version: number; status: GoalStatus; participant: string; label: string }) {
  const t = useT();
  const update = useGuidanceMutation(participant, (s: GoalStatus) => guidanceApi.updateGoal(goalId, { version, status: s }));
  const problem = useProblem(update.error);
  return (
    <>
      <select
        className="utrecht-select utrecht-select--html-select"
        aria-label={label}
        value={status}
        disabled={update.isPending}
        onChange={(event) => update.mutate(event.target.value as GoalStatus)}
      >
        {GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`guidance.goalStatus.${s}` as MessageKey)}
          </option>
        ))}
      </select>
      {problem ? <span role="alert" className="eh-field-error"> {problem.detail ?? problem.title}</span> : null}
    </>
  );
}

function GoalForm({ episode: e, participant }: { episode: Episode; participant: string }) {
  const t = useT();
  const add = useGuidanceMutation(participant, (body: Parameters<typeof guidanceApi.addGoal>[1]) => guidanceApi.addGoal(e.id, body));
  const problem = useProblem(add.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [domain, setDomain] = useState<LifeDomain | ''>('');
  const [description, setDescription] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      { domain: !domain && t('guidance.error.domain'), description: description.trim().length < 3 && t('guidance.error.description') },
      { domain: 'goal-domain', description: 'goal-description' },
    );
    if (!ok || !domain) return;
    add.mutate(
      { domain, description: description.trim(), targetDate: targetDate || undefined },
      {
        onSuccess: () => {
          setDomain('');
          setDescription('');
          setTargetDate('');
        },
      },
    );
  };
  return (
    <form className="eh-panel" id="goal-form" onSubmit={submit} noValidate>
      <Heading level={4}>{t('guidance.addGoal')}</Heading>
      <ProblemAlert problem={problem} />
      <SelectField
        id="goal-domain"
        label={t('guidance.domain')}
        value={domain}
        onChange={(v) => setDomain(v as LifeDomain)}
        emptyLabel={t('guidance.choose')}
        options={LIFE_DOMAINS.map((d) => ({ value: d, label: t(`guidance.domain.${d}` as MessageKey) }))}
        error={errorOf('domain')}
        required
      />
      <TextField id="goal-description" label={t('guidance.goal')} value={description} onChange={setDescription} error={errorOf('description')} required />
      <TextField id="goal-target" type="date" label={t('guidance.targetDate')} value={targetDate} onChange={setTargetDate} optional error={errorOf('targetDate')} />
      <Button type="submit" appearance="primary" busy={add.isPending} disabled={add.isPending}>
        {t('guidance.addGoal')}
      </Button>
    </form>
  );
}

function Contacts({ episode: e, participant }: { episode: Episode; participant: string }) {
  const t = useT();
  const format = useFormat();
  const contacts = useContacts(e.id, true);
  const items = contacts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="eh-section" aria-labelledby="contacts-heading">
      <Heading level={3} id="contacts-heading">
        {t('guidance.contacts')}
      </Heading>
      <p className="utrecht-paragraph">{t('guidance.contactSummary', { count: e.contactCount, hours: format.number(Math.round(e.contactMinutes / 6) / 10) })}</p>
      {e.abilities.edit ? <ContactForm episode={e} participant={participant} /> : null}
      {contacts.isPending ? (
        <Loading />
      ) : contacts.isError ? (
        <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('guidance.noContacts')}</Empty>
      ) : (
        <>
          <Table caption={t('guidance.contacts')} hideCaption id="contacts-table">
            <THead>
              <Tr>
                <Th>{t('guidance.date')}</Th>
                <Th>{t('guidance.kind')}</Th>
                <Th numeric>{t('guidance.minutes')}</Th>
                <Th>{t('guidance.note')}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((c) => (
                <Tr key={c.id}>
                  <Td>{format.date(c.contactDate)}</Td>
                  <Td>{t(`guidance.kind.${c.kind}` as MessageKey)}</Td>
                  <Td numeric>{c.minutes}</Td>
                  <Td>{c.noteHidden ? <span className="eh-muted">{t('guidance.noteHidden')}</span> : (c.note ?? '')}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <LoadMore query={contacts} id="contacts-more" />
        </>
      )}
    </section>
  );
}

function ContactForm({ episode: e, participant }: { episode: Episode; participant: string }) {
  const t = useT();
  const add = useGuidanceMutation(participant, (body: Parameters<typeof guidanceApi.addContact>[1]) => guidanceApi.addContact(e.id, body));
  const problem = useProblem(add.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [contactDate, setContactDate] = useState(today());
  const [kind, setKind] = useState<ContactKind>('home_visit');
  const [minutes, setMinutes] = useState('45');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const m = Number(minutes);
    const ok = validate(
      { contactDate: !contactDate && t('guidance.error.date'), minutes: (!Number.isInteger(m) || m < 1 || m > 1440) && t('guidance.error.minutes') },
      { contactDate: 'contact-date', minutes: 'contact-minutes' },
    );
    if (!ok) return;
    add.mutate(
      { contactDate, kind, minutes: m, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setNote('');
          setSaved(true);
        },
      },
    );
  };
  return (
    <form className="eh-panel" id="contact-form" onSubmit={submit} noValidate>
      <Heading level={4}>{t('guidance.addContact')}</Heading>
      <ProblemAlert problem={problem} />
      {saved ? (
        <Alert type="ok" role="status" id="contact-saved">
          <p className="utrecht-paragraph">{t('guidance.contactSaved')}</p>
        </Alert>
      ) : null}
      <TextField id="contact-date" type="date" label={t('guidance.date')} value={contactDate} onChange={setContactDate} error={errorOf('contactDate')} required />
      <SelectField
        id="contact-kind"
        label={t('guidance.kind')}
        value={kind}
        onChange={(v) => setKind(v as ContactKind)}
        options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`guidance.kind.${k}` as MessageKey) }))}
      />
      <TextField id="contact-minutes" type="number" min={1} max={1440} label={t('guidance.minutes')} value={minutes} onChange={setMinutes} error={errorOf('minutes')} required />
      <TextareaField id="contact-note" label={t('guidance.note')} description={t('guidance.noteHelp')} value={note} onChange={setNote} optional error={errorOf('note')} />
      <Button type="submit" appearance="primary" id="contact-submit" busy={add.isPending} disabled={add.isPending}>
        {t('guidance.addContact')}
      </Button>
    </form>
  );
}

function HandoverForm({ episode: e, data }: { episode: Episode; data: GuidanceOverview }) {
  const t = useT();
  const text = useBilingual();
  const district = data.home?.district ?? undefined;
  const byDistrict = useTeams({ district }, Boolean(district));
  const byMunicipality = useTeams({ municipalityId: data.home?.municipalityId ?? undefined }, Boolean(data.home?.municipalityId));
  const districtTeams = byDistrict.data?.items ?? [];
  const teams = districtTeams.length ? districtTeams : (byMunicipality.data?.items ?? []);
  const fallback = districtTeams.length === 0;
  const hand = useGuidanceMutation(data.participant.code, (body: Parameters<typeof guidanceApi.handOver>[1]) => guidanceApi.handOver(e.id, body));
  const problem = useProblem(hand.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [teamId, setTeamId] = useState('');
  const [handoverDate, setHandoverDate] = useState(today());
  const [handedOver, setHandedOver] = useState('');
  const [hours, setHours] = useState('2');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const team = teams.find((x) => x.id === teamId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      {
        teamId: !teamId && t('guidance.error.team'),
        handedOver: handedOver.trim().length < 3 && t('guidance.error.handedOver'),
        hoursPerWeek: !hoursOk(hours) && t('guidance.error.hours'),
      },
      { teamId: 'handover-team', handedOver: 'handover-what', hoursPerWeek: 'handover-hours' },
    );
    if (ok) setConfirming(true);
  };
  const confirm = () =>
    hand.mutate(
      { version: e.version, teamId, handoverDate, handedOver: handedOver.trim(), hoursPerWeek: hoursOf(hours) },
      {
        onSuccess: (res) => {
          setConfirming(false);
          setDone(text(res.message));
        },
        onError: () => setConfirming(false),
      },
    );
  return (
    <form className="eh-panel" id="handover-form" onSubmit={submit} noValidate>
      <Heading level={3}>{t('guidance.handoverTitle')}</Heading>
      <p className="utrecht-paragraph">{t('guidance.handoverIntro')}</p>
      {done ? (
        <Alert type="ok" role="status" id="handover-done">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} id="handover-problem" />
      {fallback ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{district ? t('guidance.noTeamInDistrict', { district }) : t('guidance.districtUnknownHelp')}</p>
        </Alert>
      ) : null}
      <SelectField
        id="handover-team"
        label={t('guidance.team')}
        value={teamId}
        onChange={setTeamId}
        emptyLabel={t('guidance.choose')}
        options={teams.map((x) => ({ value: x.id, label: x.district ? `${x.name} (${x.district})` : x.name }))}
        error={errorOf('teamId')}
        required
      />
      <TextField id="handover-date" type="date" label={t('guidance.handoverDate')} value={handoverDate} onChange={setHandoverDate} error={errorOf('handoverDate')} required />
      <TextareaField id="handover-what" label={t('guidance.handedOver')} description={t('guidance.handedOverHelp')} value={handedOver} onChange={setHandedOver} error={errorOf('handedOver')} />
      <TextField id="handover-hours" label={t('guidance.teamHours')} inputMode="decimal" value={hours} onChange={setHours} error={errorOf('hoursPerWeek')} />
      <Button type="submit" appearance="primary" id="handover-submit">
        {t('guidance.handoverSubmit')}
      </Button>
      <ConfirmDialog
        id="handover-dialog"
        open={confirming}
        title={t('guidance.handoverConfirmTitle')}
        confirmLabel={t('guidance.handoverSubmit')}
        cancelLabel={t('guidance.cancel')}
        busy={hand.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p className="utrecht-paragraph">{t('guidance.handoverConfirm', { team: team?.name ?? '', org: e.organisation.name })}</p>
      </ConfirmDialog>
    </form>
  );
}

function EndForm({ episode: e, participant }: { episode: Episode; participant: string }) {
  const t = useT();
  const end = useGuidanceMutation(participant, (body: Ending) => guidanceApi.end(e.id, body));
  const problem = useProblem(end.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const reasons = GUIDANCE_END_REASONS.filter((r): r is Ending['reason'] => r !== 'handed_over');
  const [endDate, setEndDate] = useState(today());
  const [reason, setReason] = useState<Ending['reason'] | ''>('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (validate({ reason: !reason && t('guidance.error.reason'), endDate: !endDate && t('guidance.error.date') }, { reason: 'end-reason', endDate: 'end-date' })) setConfirming(true);
  };
  return (
    <form className="eh-panel" id="end-form" onSubmit={submit} noValidate>
      <Heading level={3}>{t('guidance.endTitle')}</Heading>
      <ProblemAlert problem={problem} />
      <TextField id="end-date" type="date" label={t('guidance.endDate')} value={endDate} onChange={setEndDate} error={errorOf('endDate')} required />
      <SelectField
        id="end-reason"
        label={t('guidance.endReason')}
        value={reason}
        onChange={(v) => setReason(v as Ending['reason'])}
        emptyLabel={t('guidance.choose')}
        options={reasons.map((r) => ({ value: r, label: t(`guidance.endReason.${r}` as MessageKey) }))}
        error={errorOf('reason')}
        required
      />
      <TextareaField id="end-note" label={t('guidance.endNote')} value={note} onChange={setNote} optional />
      <ButtonGroup>
        <Button type="submit" danger id="end-submit">
          {t('guidance.endSubmit')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        id="end-dialog"
        open={confirming}
        danger
        title={t('guidance.endConfirmTitle')}
        confirmLabel={t('guidance.endSubmit')}
        cancelLabel={t('guidance.cancel')}
        busy={end.isPending}
        onConfirm={() =>
          reason &&
          end.mutate({ version: e.version, endDate, reason, note: note.trim() || undefined }, { onSettled: () => setConfirming(false) })
        }
        onCancel={() => setConfirming(false)}
      >
        <p className="utrecht-paragraph">{t('guidance.endConfirm', { org: e.organisation.name })}</p>
      </ConfirmDialog>
    </form>
  );
}

function SupportSection({ data }: { data: GuidanceOverview }) {
  const t = useT();
  const format = useFormat();
  const participant = data.participant.code;
  return (
    <section className="eh-section" aria-labelledby="support-heading">
      <Heading level={2} id="support-heading">
        {t('guidance.support')}
      </Heading>
      {data.supportItems.length === 0 ? (
        <Empty>{t('guidance.noSupport')}</Empty>
      ) : (
        <Table caption={t('guidance.support')} hideCaption id="support-table">
          <THead>
            <Tr>
              <Th>{t('guidance.supportKind')}</Th>
              <Th>{t('guidance.supportOrganisation')}</Th>
              <Th>{t('guidance.period')}</Th>
              <Th>{t('guidance.status')}</Th>
            </Tr>
          </THead>
          <TBody>
            {data.supportItems.map((s) => (
              <Tr key={s.id}>
                <Th scope="row">{t(`guidance.supportKind.${s.kind}` as MessageKey)}</Th>
                <Td>{s.organisationName ?? t('common.empty')}</Td>
                <Td>
                  {format.date(s.startDate)} – {s.endDate ? format.date(s.endDate) : ''}
                </Td>
                <Td>
                  {data.abilities.support ? (
                    <SupportStatusSelect id={s.id} version={s.version} status={s.status} participant={participant} label={`${t('guidance.status')}: ${t(`guidance.supportKind.${s.kind}` as MessageKey)}`} />
                  ) : (
                    t(`guidance.supportStatus.${s.status}` as MessageKey)
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {data.abilities.support ? <SupportForm participant={participant} /> : null}
    </section>
  );
}

function SupportStatusSelect({ id, version, status, participant, label }: { id: string; version: number; status: SupportStatus; participant: string; label: string }) {
  const t = useT();
  const update = useGuidanceMutation(participant, (s: SupportStatus) =>
    guidanceApi.updateSupport(id, { version, status: s, ...(s === 'completed' || s === 'stopped' ? { endDate: today() } : { endDate: null }) }),
  );
  const problem = useProblem(update.error);
  return (
    <>
      <select
        className="utrecht-select utrecht-select--html-select"
        aria-label={label}
        value={status}
        disabled={update.isPending}
        onChange={(event) => update.mutate(event.target.value as SupportStatus)}
      >
        {SUPPORT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`guidance.supportStatus.${s}` as MessageKey)}
          </option>
        ))}
      </select>
      {problem ? <span role="alert" className="eh-field-error"> {problem.detail ?? problem.title}</span> : null}
    </>
  );
}

function SupportForm({ participant }: { participant: string }) {
  const t = useT();
  const add = useGuidanceMutation(participant, (body: Parameters<typeof guidanceApi.addSupport>[1]) => guidanceApi.addSupport(participant, body));
  const problem = useProblem(add.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [kind, setKind] = useState<SupportKind | ''>('');
  const [organisationName, setOrganisationName] = useState('');
  const [startDate, setStartDate] = useState(today());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!validate({ kind: !kind && t('guidance.error.supportKind') }, { kind: 'support-kind' }) || !kind) return;
    add.mutate(
      { kind, organisationName: organisationName.trim() || undefined, startDate },
      {
        onSuccess: () => {
          setKind('');
          setOrganisationName('');
        },
      },
    );
  };
  return (
    <form className="eh-panel" id="support-form" onSubmit={submit} noValidate>
      <Heading level={3}>{t('guidance.addSupport')}</Heading>
      <ProblemAlert problem={problem} />
      <SelectField
        id="support-kind"
        label={t('guidance.supportKind')}
        value={kind}
        onChange={(v) => setKind(v as SupportKind)}
        emptyLabel={t('guidance.choose')}
        options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`guidance.supportKind.${k}` as MessageKey) }))}
        error={errorOf('kind')}
        required
      />
      <TextField id="support-organisation" label={t('guidance.supportOrganisation')} value={organisationName} onChange={setOrganisationName} optional error={errorOf('organisationName')} />
      <TextField id="support-start" type="date" label={t('guidance.startDate')} value={startDate} onChange={setStartDate} error={errorOf('startDate')} required />
      <Button type="submit" appearance="primary" busy={add.isPending} disabled={add.isPending}>
        {t('guidance.addSupport')}
      </Button>
    </form>
  );
}
