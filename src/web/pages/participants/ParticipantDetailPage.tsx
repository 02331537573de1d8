import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useParticipant, useUpdateParticipant } from '../../api/hooks';
import type { ParticipantDetail, ParticipantPatch } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button } from '../../components/Button';
import { DataList, type DataItem } from '../../components/DataList';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { PhaseBadge } from '../../components/PhaseBadge';
import { Empty, Loading, QueryError, useProblem } from '../../components/States';
import { useBilingual, useFormat, useT } from '../../i18n';
import { PARTICIPANTS_PATH, participantPath } from '../../paths';
import { AssessmentSection } from './AssessmentSection';
import { MoreActions } from './MoreActions';
import { ParticipantEditForm } from './ParticipantEditForm';
import { ParticipantTimeline } from './ParticipantTimeline';
import { PhaseChangeForm } from './PhaseChangeForm';
import { RiskScreeningSection } from './RiskScreeningSection';
import { SuitabilitySection } from './SuitabilitySection';
import { GuidanceLink } from '../guidance/GuidanceLink';
import { ZrmLink } from '../outcomes/ZrmLink';
import { TenancyLink } from '../tenancies/TenancyLink';

/** /deelnemers/:id (uuid or EH-code): what the reader may see of one participant, and what they may do. */
export function ParticipantDetailPage() {
  const t = useT();
  const { id } = useParams();
  const participant = useParticipant(id);
  usePageTitle(participant.data ? t('participant.heading', { code: participant.data.code }) : t('participants.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={PARTICIPANTS_PATH}>{t('participant.backToList')}</AppLink>
      </p>
      {participant.isPending ? (
        <>
          <Heading level={1}>{t('participants.title')}</Heading>
          <Loading />
        </>
      ) : participant.isError ? (
        <>
          <Heading level={1}>{t('participants.title')}</Heading>
          <QueryError error={participant.error} onRetry={() => void participant.refetch()} />
        </>
      ) : (
        <ParticipantView detail={participant.data} onReload={() => void participant.refetch()} />
      )}
    </>
  );
}

const hasEdit = (d: ParticipantDetail) =>
  d.abilities.editRecord || d.abilities.editSituation || d.abilities.editWaitingList || d.abilities.editProvider;

function ParticipantView({ detail, onReload }: { detail: ParticipantDetail; onReload: () => void }) {
  const t = useT();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const name = [detail.givenName, detail.familyName].filter(Boolean).join(' ');
  const update = useUpdateParticipant(detail.id);
  const problem = useProblem(update.error);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const editHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) editHeadingRef.current?.focus();
  }, [editing]);

  const stopEditing = () => {
    setEditing(false);
    setConflict(false);
    update.reset();
    window.setTimeout(() => editButtonRef.current?.focus(), 0);
  };

  const save = (patch: ParticipantPatch) => {
    setConflict(false);
    update.mutate(patch, {
      onSuccess: () => {
        setSaved(true);
        stopEditing();
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'version_conflict') {
          // someone else changed the record: load the latest version into the form
          setConflict(true);
          update.reset();
          onReload();
        }
      },
    });
  };

  return (
    <>
      <div className="eh-page-head">
        <div className="eh-participant-head">
          <Heading level={1} id="participant-heading">
            <span className="eh-code" id="participant-code">
              {detail.code}
            </span>
            {name ? <span className="eh-participant-head__name" id="participant-name">{name}</span> : null}
          </Heading>
          <p className="utrecht-paragraph eh-participant-head__badges">
            <span className="eh-visually-hidden">{t('field.phase')}: </span>
            <PhaseBadge phase={detail.phase} id="participant-phase" />
            {detail.protectedAddress ? (
              <span className="eh-tag eh-tag--warning" id="participant-protected">
                {t('participant.protectedAddress')}
              </span>
            ) : null}
          </p>
        </div>
        {hasEdit(detail) && !editing ? (
          <Button
            id="participant-edit"
            ref={editButtonRef}
            appearance="secondary"
            onClick={() => {
              setSaved(false);
              setConflict(false);
              update.reset();
              setEditing(true);
            }}
          >
            {t('participant.edit')}
          </Button>
        ) : null}
      </div>

      {created ? (
        <Alert type="ok" role="status" id="participant-created">
          <p className="utrecht-paragraph">{t('participant.created', { code: detail.code })}</p>
        </Alert>
      ) : null}
      {saved ? (
        <Alert type="ok" role="status" id="participant-saved">
          <p className="utrecht-paragraph">{t('participant.saved')}</p>
        </Alert>
      ) : null}
      <GuidanceLink code={detail.code} phase={detail.phase} />
      <ZrmLink code={detail.code} phase={detail.phase} />
      <TenancyLink participantId={detail.id} />
      {detail.mergedInto ? (
        <Alert type="warning" id="participant-merged">
          <p className="utrecht-paragraph">
            {t('participant.mergedInto', { code: detail.mergedInto.code })}{' '}
            <AppLink to={participantPath(detail.mergedInto.code)}>{t('participant.toRecord', { code: detail.mergedInto.code })}</AppLink>
          </p>
        </Alert>
      ) : null}

      {editing ? (
        <section className="eh-section eh-panel" aria-labelledby="participant-edit-heading">
          <Heading level={2} id="participant-edit-heading" ref={editHeadingRef} tabIndex={-1}>
            {t('participant.editHeading', { code: detail.code })}
          </Heading>
          <ParticipantEditForm
            key={detail.version}
            detail={detail}
            problem={problem}
            busy={update.isPending}
            onSubmit={save}
            onCancel={stopEditing}
            notice={
              conflict ? (
                <Alert type="warning" role="alert" title={t('participant.conflictTitle')} id="participant-conflict">
                  <p className="utrecht-paragraph">{t('participant.conflict')}</p>
                </Alert>
              ) : null
            }
          />
        </section>
      ) : null}

      <div className="eh-columns eh-columns--wide-left">
        <div>
          <RecordSections detail={detail} />
        </div>
        <div>
          {detail.mergedInto ? null : <PhaseChangeForm detail={detail} onReload={onReload} />}
          <MoreActions detail={detail} />
        </div>
      </div>

      <AssessmentSection detail={detail} />
      <RiskScreeningSection detail={detail} />
      <SuitabilitySection detail={detail} />
      <Referrals detail={detail} />
      <ParticipantTimeline detail={detail} />
    </>
  );
}

function Section({ id, title, items }: { id: string; title: string; items: DataItem[] }) {
  return (
    <section className="eh-section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading level={2} id={`${id}-heading`}>
        {title}
      </Heading>
      <DataList items={items} />
    </section>
  );
}

/** The record in sections; a field the answer leaves out (least data per role) is not shown at all. */
function RecordSections({ detail: d }: { detail: ParticipantDetail }) {
  const t = useT();
  const format = useFormat();
  const pick = useBilingual();
  const list = (names: string[]) => (names.length ? names.join(', ') : t('common.none'));

  const person: DataItem[] = [{ key: 'code', label: t('participant.code'), value: <span className="eh-code">{d.code}</span> }];
  if (d.givenName !== undefined || d.familyName !== undefined) {
    person.push({ key: 'name', label: t('field.name'), value: [d.givenName, d.familyName].filter(Boolean).join(' ') });
  }
  if (d.dateOfBirth !== undefined) person.push({ key: 'dob', label: t('field.dateOfBirth'), value: format.date(d.dateOfBirth) });
  person.push({
    key: 'bsn',
    label: t('field.bsn'),
    value: d.bsn !== undefined ? d.bsn ?? t('participant.notRecorded') : d.hasBsn ? t('participant.bsnHidden') : t('participant.notRecorded'),
  });
  if (d.phone !== undefined) person.push({ key: 'phone', label: t('field.phone'), value: d.phone ?? t('common.empty') });
  if (d.email !== undefined) person.push({ key: 'email', label: t('field.email'), value: d.email ?? t('common.empty') });

  const situation: DataItem[] = [
    {
      key: 'household',
      label: t('participant.household'),
      value:
        t('participant.householdValue', { adults: d.householdAdults, children: d.householdChildren }) +
        (d.childrenAges.length ? ` (${t('participant.ages', { ages: d.childrenAges.join(', ') })})` : ''),
    },
    { key: 'targetGroup', label: t('field.targetGroup'), value: t(`targetGroup.${d.targetGroup}`) },
    {
      key: 'currentPlace',
      label: t('field.currentPlace'),
      value: `${t(`currentPlace.${d.currentPlace}`)}${d.currentPlaceNote ? ` — ${d.currentPlaceNote}` : ''}`,
    },
    { key: 'preferred', label: t('field.preferredMunicipalities'), value: list(d.preferredMunicipalities.map((m) => m.name)) },
    {
      key: 'excluded',
      label: t('field.excludedMunicipalities'),
      value: list(d.excludedMunicipalities.map((m) => (m.byRiskScreening ? `${m.name} (${t('participant.byRiskScreening')})` : m.name))),
    },
  ];
  if (d.excludedAreas.length) situation.push({ key: 'areas', label: t('risk.excludedAreas'), value: d.excludedAreas.join(', ') });
  situation.push(
    { key: 'needs', label: t('field.needs'), value: list(d.needs.map((n) => t(`need.${n}`))) },
    {
      key: 'protected',
      label: t('field.protectedAddress'),
      value: d.protectedAddress
        ? d.protectedAddressForced
          ? t('participant.protectedForced')
          : t('common.yes')
        : t('common.no'),
    },
  );

  const programme: DataItem[] = [
    { key: 'phase', label: t('field.phase'), value: `${t(`phase.${d.phase}`)} (${t('participants.since', { date: format.date(d.phaseSince) })})` },
    { key: 'referred', label: t('field.referredOn'), value: format.date(d.referredOn) },
    { key: 'waiting', label: t('participants.waitingDays'), value: format.number(d.waitingDays) },
    {
      key: 'waitingList',
      label: t('field.waitingListRegisteredOn'),
      value: d.waitingListRegisteredOn ? format.date(d.waitingListRegisteredOn) : t('participant.notOnWaitingList'),
    },
    { key: 'provider', label: t('field.guidingProvider'), value: d.provider?.name ?? t('common.empty') },
    {
      key: 'consent',
      label: t('participant.consent'),
      value: d.consent
        ? t('participant.consentValue', {
            date: format.date(d.consent.givenOn),
            scope: d.consent.scope.map((s) => t(`consentScope.${s}`)).join(', ') || t('common.none'),
          })
        : t('participant.noConsent'),
    },
  ];
  if (d.placement) {
    programme.push({
      key: 'placement',
      label: t('participant.placement'),
      value: `${d.placement.unit}${d.placement.location ? `, ${d.placement.location}` : ''} (${t('participants.since', { date: format.date(d.placement.startDate) })})`,
    });
  }
  programme.push({
    key: 'rank',
    label: t('participant.rank'),
    value: (
      <>
        <span id="participant-rank">{d.priority.rank ?? t('participant.noRank')}</span>
        {d.priority.reasons.length ? (
          <details className="eh-why">
            <summary className="eh-why__summary">{t('participants.why')}</summary>
            <ol className="eh-why__list">
              {d.priority.reasons.map((reason) => (
                <li key={reason.code}>{pick(reason)}</li>
              ))}
            </ol>
          </details>
        ) : null}
      </>
    ),
  });

  return (
    <>
      <Section id="participant-person" title={t('referral.sectionPerson')} items={person} />
      <Section id="participant-situation" title={t('referral.sectionSituation')} items={situation} />
      <Section id="participant-programme" title={t('participant.sectionProgramme')} items={programme} />
      <section className="eh-section" aria-labelledby="participant-organisations-heading">
        <Heading level={2} id="participant-organisations-heading">
          {t('participant.organisations')}
        </Heading>
        {d.organisations.length === 0 ? (
          <Empty>{t('participant.noOrganisations')}</Empty>
        ) : (
          <ul className="eh-plain-list" id="participant-organisations">
            {d.organisations.map((o) => (
              <li key={`${o.id}-${o.relation}`}>
                {o.name} — {t(`relation.${o.relation}`)} ({t('participants.since', { date: format.date(o.since) })})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The referrals of this record (a person who comes back gets a new one on the same record). */
function Referrals({ detail }: { detail: ParticipantDetail }) {
  const t = useT();
  const format = useFormat();
  if (detail.referrals.length === 0) return null;
  return (
    <section className="eh-section" aria-labelledby="referrals-heading" id="referrals">
      <Heading level={2} id="referrals-heading">
        {t('participant.referrals')}
      </Heading>
      {[...detail.referrals].reverse().map((r) => {
        const items: DataItem[] = [
          { key: 'org', label: t('participant.referredBy'), value: r.organisation.name },
          { key: 'homelessness', label: t('field.homelessness'), value: t(`homelessness.${r.homelessness}`) },
          { key: 'independent', label: t('field.expectedIndependent'), value: r.expectedIndependent ? t('common.yes') : t('common.no') },
        ];
        if (r.fromParticipant) items.push({ key: 'from', label: t('assessments.fromRecord'), value: r.fromParticipant });
        return (
          <article key={r.id} className="eh-card" aria-labelledby={`referral-${r.id}-title`}>
            <Heading level={3} id={`referral-${r.id}-title`} className="eh-card__title">
              {t('participant.referralOn', { date: format.date(r.referredOn) })}
            </Heading>
            <DataList items={items} />
            {r.motivation ? (
              <div className="eh-card__text">
                <p className="utrecht-paragraph eh-card__label">{t('field.motivation')}</p>
                <p className="utrecht-paragraph eh-prewrap">{r.motivation}</p>
              </div>
            ) : null}
            {r.notes ? (
              <div className="eh-card__text">
                <p className="utrecht-paragraph eh-card__label">{t('field.referralNotes')}</p>
                <p className="utrecht-paragraph eh-prewrap">{r.notes}</p>
              </div>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
