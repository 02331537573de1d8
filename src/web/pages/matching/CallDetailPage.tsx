import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { useParticipants } from '../../api/hooks';
import { useCall, useCloseCall, useNominate, type CallDetail, type Nomination } from '../../api/matching';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataList } from '../../components/DataList';
import { SelectField, TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFieldErrors } from '../../formErrors';
import { useBilingual, useFormat, useT } from '../../i18n';
import { participantPath } from '../../paths';
import { useCurrentUser } from '../../session';
import { CALLS_PATH, matchingAccess, rankingPath } from './access';
import { ScoreParts } from './ScoreParts';
import './matching.css';

/**
 * /uitvragen/:id: one broad call. The office sees who was asked, the nominations side by side
 * (per home eligible or why not, and the score) and can close the call; a care worker of a
 * receiving provider nominates one of their `ready` candidates with a motivation.
 * Ids: `call-heading`, `call-status`, `call-units`, `call-recipients-table`, `nominations`,
 * `nomination-{code}`, `nominate-form` with `nominate-participant`, `nominate-motivation`,
 * `nominate-submit`, `nominated`; `call-close` and the dialog `call-close-dialog`.
 */
export function CallDetailPage() {
  const t = useT();
  const { id } = useParams();
  const call = useCall(id);
  usePageTitle(call.data?.title ?? t('calls.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={CALLS_PATH}>{t('calls.backToList')}</AppLink>
      </p>
      {call.isPending ? (
        <Loading />
      ) : call.isError ? (
        <>
          <Heading level={1}>{t('calls.title')}</Heading>
          <QueryError error={call.error} onRetry={() => void call.refetch()} />
        </>
      ) : (
        <CallView call={call.data} />
      )}
    </>
  );
}

function CallView({ call }: { call: CallDetail }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const office = matchingAccess.office(me);
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1} id="call-heading">
          {call.title}
        </Heading>
        <span id="call-status" className="utrecht-status-badge eh-status">
          {t(`callStatus.${call.status}`)}
        </span>
      </div>
      {created ? (
        <Alert type="ok" role="status" id="call-created">
          <p className="utrecht-paragraph">{t('calls.created')}</p>
        </Alert>
      ) : null}
      <div className="eh-columns">
        <section className="eh-section" aria-labelledby="call-details-heading">
          <Heading level={2} id="call-details-heading">
            {t('common.details')}
          </Heading>
          <DataList
            items={[
              { key: 'location', label: t('calls.field.location'), value: call.location?.name ?? t('common.empty') },
              { key: 'sent', label: t('calls.field.sentOn'), value: format.date(call.sentOn) },
              { key: 'deadline', label: t('calls.field.deadline'), value: format.date(call.deadline) },
              ...(call.closedOn ? [{ key: 'closed', label: t('calls.field.closedOn'), value: format.date(call.closedOn) }] : []),
              { key: 'requirements', label: t('calls.field.requirements'), value: <span className="eh-pre-wrap">{call.requirements}</span> },
            ]}
          />
        </section>
        <section className="eh-section" aria-labelledby="call-units-heading">
          <Heading level={2} id="call-units-heading">
            {t('calls.field.homes')}
          </Heading>
          {call.units.length === 0 ? (
            <Empty>{t('calls.noUnits')}</Empty>
          ) : (
            <ul id="call-units" className="utrecht-unordered-list">
              {call.units.map((u) => (
                <li key={u.id} className="utrecht-unordered-list__item">
                  {office ? <AppLink to={rankingPath(u.id)}>{t('calls.unitRanking', { label: u.label })}</AppLink> : u.label}{' '}
                  <StatusBadge status={u.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {call.recipients ? (
        <section className="eh-section" aria-labelledby="call-recipients-heading">
          <Heading level={2} id="call-recipients-heading">
            {t('calls.field.recipients')}
          </Heading>
          <Table caption={t('calls.field.recipients')} hideCaption id="call-recipients-table">
            <THead>
              <Tr>
                <Th>{t('calls.field.provider')}</Th>
                <Th numeric>{t('calls.field.nominations')}</Th>
              </Tr>
            </THead>
            <TBody>
              {call.recipients.map((r) => (
                <Tr key={r.id}>
                  <Th scope="row">{r.name}</Th>
                  <Td numeric>{r.nominations}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      ) : null}
      {call.abilities.nominate ? <NominateForm call={call} /> : null}
      <Nominations call={call} />
      {call.abilities.close && call.status === 'open' ? <CloseCall call={call} /> : null}
    </>
  );
}

function Nominations({ call }: { call: CallDetail }) {
  const t = useT();
  return (
    <section className="eh-section" aria-labelledby="nominations-heading">
      <Heading level={2} id="nominations-heading">
        {t('calls.nominations', { count: call.nominations.length })}
      </Heading>
      {call.nominations.length === 0 ? (
        <Empty>{t('calls.noNominations')}</Empty>
      ) : (
        <ul id="nominations" className="eh-side-by-side">
          {call.nominations.map((n) => (
            <NominationCard key={n.id} nomination={n} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NominationCard({ nomination: n }: { nomination: Nomination }) {
  const t = useT();
  const format = useFormat();
  const text = useBilingual();
  const who = n.participant.code ?? t('calls.hiddenPerson');
  return (
    <li className="eh-card" id={`nomination-${n.participant.code ?? n.id}`}>
      <Heading level={3} className="eh-card__title">
        {n.participant.code ? <AppLink to={participantPath(n.participant.code)}>{n.participant.name ?? who}</AppLink> : who}
        {n.participant.name ? <span className="eh-muted">{n.participant.code}</span> : null}
      </Heading>
      <DataList
        items={[
          { key: 'provider', label: t('calls.field.provider'), value: n.organisation.name },
          { key: 'on', label: t('calls.field.nominatedOn'), value: format.date(n.nominatedOn) },
          ...(n.participant.householdSize !== null
            ? [{ key: 'household', label: t('offers.field.householdSize'), value: String(n.participant.householdSize) }]
            : []),
          ...(n.participant.targetGroup ? [{ key: 'target', label: t('ranking.targetGroup'), value: t(`targetGroup.${n.participant.targetGroup}`) }] : []),
        ]}
      />
      <p className="utrecht-paragraph eh-card__text">
        <strong>{t('calls.field.motivation')}:</strong> {n.motivation}
      </p>
      {n.fit ? (
        <>
          <Heading level={4}>{t('calls.fit')}</Heading>
          <ul className="utrecht-unordered-list">
            {n.fit.map((f) => (
              <li key={f.unitId} className="utrecht-unordered-list__item">
                <strong>{f.label}</strong>:{' '}
                {f.eligible ? (
                  <>
                    {t('calls.eligible')}
                    {f.score ? (
                      <>
                        {' — '}
                        {t('ranking.points', { points: f.score.total })}
                        <ScoreParts score={f.score} />
                      </>
                    ) : null}
                  </>
                ) : (
                  <>
                    {t('calls.notEligible')}
                    <ul className="eh-reasons">
                      {f.reasons.map((r) => (
                        <li key={r.code}>{text(r)}</li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function NominateForm({ call }: { call: CallDetail }) {
  const t = useT();
  const candidates = useParticipants({ programmeId: call.programmeId, phase: 'ready' });
  const nominate = useNominate(call.id);
  const problem = useProblem(nominate.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const [participantId, setParticipantId] = useState('');
  const [motivation, setMotivation] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const already = new Set(call.nominations.map((n) => n.participant.id));
  const options = (candidates.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((p) => !already.has(p.id))
    .map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.code})` : p.code }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      {
        participantId: !participantId && t('calls.error.participant'),
        motivation: motivation.trim().length < 10 && t('calls.error.motivation'),
      },
      { participantId: 'nominate-participant', motivation: 'nominate-motivation' },
    );
    if (!ok) return;
    nominate.mutate(
      { participantId, motivation: motivation.trim() },
      {
        onSuccess: (n) => {
          setDone(n.participant.code ?? n.participant.name ?? '');
          setParticipantId('');
          setMotivation('');
        },
      },
    );
  };

  return (
    <section className="eh-section" aria-labelledby="nominate-heading">
      <Heading level={2} id="nominate-heading">
        {t('calls.nominate')}
      </Heading>
      <Paragraph>{t('calls.nominateIntro')}</Paragraph>
      {done !== null ? (
        <Alert type="ok" role="status" id="nominated">
          <p className="utrecht-paragraph">{t('calls.nominated', { code: done })}</p>
        </Alert>
      ) : null}
      {candidates.isPending ? (
        <Loading />
      ) : candidates.isError ? (
        <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : options.length === 0 ? (
        <Empty>{t('calls.noCandidates')}</Empty>
      ) : (
        <form id="nominate-form" className="eh-form" noValidate onSubmit={submit}>
          <ProblemAlert problem={problem} />
          <SelectField
            id="nominate-participant"
            label={t('calls.field.candidate')}
            value={participantId}
            onChange={(v) => { setParticipantId(v); clear('participantId'); }}
            emptyLabel={t('common.choose')}
            options={options}
            error={errorOf('participantId')}
            required
          />
          <TextareaField
            id="nominate-motivation"
            label={t('calls.field.motivation')}
            description={t('calls.field.motivationHint')}
            value={motivation}
            onChange={(v) => { setMotivation(v); clear('motivation'); }}
            error={errorOf('motivation')}
            rows={4}
          />
          <Button id="nominate-submit" type="submit" appearance="primary" busy={nominate.isPending} disabled={nominate.isPending}>
            {t('calls.nominateSubmit')}
          </Button>
        </form>
      )}
    </section>
  );
}

function CloseCall({ call }: { call: CallDetail }) {
  const t = useT();
  const close = useCloseCall(call.id);
  const problem = useProblem(close.error);
  const [open, setOpen] = useState(false);
  return (
    <section className="eh-section" aria-labelledby="call-close-heading">
      <Heading level={2} id="call-close-heading">
        {t('calls.close')}
      </Heading>
      <Paragraph>{t('calls.closeIntro')}</Paragraph>
      <ButtonGroup>
        <Button id="call-close" onClick={() => setOpen(true)}>
          {t('calls.close')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        id="call-close-dialog"
        open={open}
        title={t('calls.closeConfirmTitle')}
        confirmLabel={t('calls.close')}
        cancelLabel={t('common.cancel')}
        busy={close.isPending}
        footer={<ProblemAlert problem={problem} />}
        onConfirm={() => close.mutate(undefined, { onSuccess: () => setOpen(false) })}
        onCancel={() => setOpen(false)}
      >
        <p className="utrecht-paragraph">{t('calls.closeConfirmText', { title: call.title })}</p>
      </ConfirmDialog>
    </section>
  );
}
