import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMunicipalities, useOrganisations, useParticipants } from '../../api/hooks';
import { PARTICIPANT_PHASES, TARGET_GROUPS, type ParticipantFilters, type ParticipantListItem, type Programme } from '../../api/types';
import { AppLink, Button, ButtonLink } from '../../components/Button';
import { SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { PhaseBadge } from '../../components/PhaseBadge';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Loading, QueryError, LoadMore } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useBilingual, useFormat, useT } from '../../i18n';
import { byName, oneOf, phaseOptions, targetGroupOptions } from '../../options';
import { DUPLICATES_PATH, IMPORT_PATH, PARTICIPANTS_PATH, participantPath, PRIORITY_PATH, REFERRAL_PATH } from '../../paths';
import { access } from '../../roles';
import { useCurrentUser } from '../../session';
import { useDebounced } from '../../useDebounced';
import { FlowSection } from './FlowSection';

const VIEW_PARAM = 'weergave';
const FLOW_VIEW = 'stroom';

/** /deelnemers: the by-name list in priority order (docs/priority.md), or inflow and outflow per month. */
export function ParticipantsPage() {
  const t = useT();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const flow = params.get(VIEW_PARAM) === FLOW_VIEW;
  usePageTitle(flow ? t('flow.title') : t('participants.title'));
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('participants.title')}</Heading>
        <div className="eh-button-group">
          {access.refer(me) ? (
            <ButtonLink id="participants-refer" to={REFERRAL_PATH} appearance="primary">
              {t('participants.refer')}
            </ButtonLink>
          ) : null}
          {access.import(me) ? (
            <ButtonLink id="participants-import" to={IMPORT_PATH} appearance="secondary">
              {t('participants.import')}
            </ButtonLink>
          ) : null}
          {access.duplicates(me) ? (
            <ButtonLink id="participants-duplicates" to={DUPLICATES_PATH} appearance="secondary">
              {t('participants.duplicates')}
            </ButtonLink>
          ) : null}
        </div>
      </div>
      <nav className="eh-subnav" aria-label={t('participants.views')}>
        <ul className="eh-subnav__list">
          <li>
            <Link
              id="participants-view-list"
              className="eh-subnav__link"
              to={PARTICIPANTS_PATH}
              aria-current={flow ? undefined : 'page'}
            >
              {t('participants.viewList')}
            </Link>
          </li>
          <li>
            <Link
              id="participants-view-flow"
              className="eh-subnav__link"
              to={`${PARTICIPANTS_PATH}?${VIEW_PARAM}=${FLOW_VIEW}`}
              aria-current={flow ? 'page' : undefined}
            >
              {t('participants.viewFlow')}
            </Link>
          </li>
        </ul>
      </nav>
      <ProgrammeGate>
        {(programme) => (flow ? <FlowSection programme={programme} /> : <ByNameList programme={programme} />)}
      </ProgrammeGate>
    </>
  );
}

function ByNameList({ programme }: { programme: Programme }) {
  const t = useT();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const phase = oneOf(PARTICIPANT_PHASES, params.get('phase'));
  const targetGroup = oneOf(TARGET_GROUPS, params.get('targetGroup'));
  const municipalityId = params.get('municipalityId') ?? '';
  const providerId = params.get('providerId') ?? '';
  const [daysInput, setDaysInput] = useState(params.get('minWaitingDays') ?? '');
  const days = useDebounced(daysInput.trim(), 400);
  const minWaitingDays = /^\d{1,5}$/.test(days) ? Number(days) : undefined;
  const daysError = days !== '' && minWaitingDays === undefined ? t('participants.minWaitingDaysInvalid') : null;

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    // only when the settled number changes
    const wanted = minWaitingDays === undefined ? '' : String(minWaitingDays);
    if ((params.get('minWaitingDays') ?? '') !== wanted) setParam('minWaitingDays', wanted);
  }, [minWaitingDays]);

  // back / forward: follow the URL
  const urlDays = params.get('minWaitingDays') ?? '';
  useEffect(() => {
    setDaysInput((current) => (/^\d{0,5}$/.test(current.trim()) && current.trim() !== urlDays ? urlDays : current));
  }, [urlDays]);

  const municipalities = useMunicipalities();
  const providers = useOrganisations('care_provider');

  const filters = useMemo<ParticipantFilters>(
    () => ({
      programmeId: programme.id,
      phase,
      targetGroup,
      municipalityId: municipalityId || undefined,
      providerId: providerId || undefined,
      minWaitingDays,
    }),
    [programme.id, phase, targetGroup, municipalityId, providerId, minWaitingDays],
  );
  const list = useParticipants(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const filtered = Boolean(phase || targetGroup || municipalityId || providerId || minWaitingDays !== undefined);
  const municipalityName = useMemo(
    () => new Map((municipalities.data ?? []).map((m) => [m.id, m.name])),
    [municipalities.data],
  );

  const reset = () => {
    setDaysInput('');
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <>
      <Paragraph>{t('participants.intro')}</Paragraph>
      <Paragraph>
        {t('participants.priorityNote')}{' '}
        <AppLink id="participants-priority" to={PRIORITY_PATH}>
          {access.editPriority(me) ? t('participants.priorityLinkOffice') : t('participants.priorityLink')}
        </AppLink>
      </Paragraph>
      <form className="eh-filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="participants-phase"
          label={t('field.phase')}
          value={phase ?? ''}
          onChange={(value) => setParam('phase', value)}
          options={phaseOptions(t)}
          emptyLabel={t('participants.activePhases')}
        />
        <SelectField
          id="participants-target-group"
          label={t('field.targetGroup')}
          value={targetGroup ?? ''}
          onChange={(value) => setParam('targetGroup', value)}
          options={targetGroupOptions(t)}
          emptyLabel={t('common.all')}
        />
        <SelectField
          id="participants-municipality"
          label={t('participants.preferredMunicipality')}
          value={municipalityId}
          onChange={(value) => setParam('municipalityId', value)}
          options={byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          emptyLabel={t('common.all')}
        />
        <SelectField
          id="participants-provider"
          label={t('field.provider')}
          value={providerId}
          onChange={(value) => setParam('providerId', value)}
          options={byName(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          emptyLabel={t('common.all')}
        />
        <TextField
          id="participants-min-waiting-days"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          label={t('participants.minWaitingDays')}
          value={daysInput}
          onChange={setDaysInput}
          error={daysError}
          autoComplete="off"
        />
        {filtered ? (
          <div className="eh-filters__actions">
            <Button appearance="subtle" onClick={reset}>
              {t('common.resetFilters')}
            </Button>
          </div>
        ) : null}
      </form>

      {list.isPending ? (
        <Loading />
      ) : list.isError && items.length === 0 ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p
            id="participants-count"
            className={items.length === 0 ? 'utrecht-paragraph eh-empty' : 'utrecht-paragraph eh-result-count'}
            role="status"
          >
            {items.length === 0
              ? filtered
                ? t('participants.emptyFiltered')
                : t('participants.empty')
              : list.hasNextPage
                ? t('common.shownMore', { count: items.length })
                : t('common.shown', { count: items.length })}
          </p>
          {items.length === 0 ? null : (
            <Table caption={t('participants.caption')} hideCaption id="participants-table">
              <THead>
                <Tr>
                  <Th numeric>{t('participants.rank')}</Th>
                  <Th>{t('participants.participant')}</Th>
                  <Th>{t('field.phase')}</Th>
                  <Th>{t('field.targetGroup')}</Th>
                  <Th numeric>{t('participants.waitingDays')}</Th>
                  <Th>{t('field.provider')}</Th>
                  <Th>{t('participants.preferences')}</Th>
                </Tr>
              </THead>
              <TBody>
                {items.map((item) => (
                  <ParticipantRow key={item.id} item={item} municipalityName={municipalityName} />
                ))}
              </TBody>
            </Table>
          )}
          {list.isError ? <QueryError error={list.error} onRetry={() => void list.fetchNextPage()} /> : null}
          <LoadMore query={list} id="participants-more" />
        </>
      )}
    </>
  );
}

function ParticipantRow({ item, municipalityName }: { item: ParticipantListItem; municipalityName: Map<string, string> }) {
  const t = useT();
  const format = useFormat();
  const pick = useBilingual();
  const preferred = item.preferredMunicipalityIds.map((id) => municipalityName.get(id)).filter(Boolean);
  return (
    <tr className="utrecht-table__row" data-code={item.code}>
      <Td numeric className="eh-rank">
        <span className="eh-rank__number">{item.priority.rank ?? t('common.empty')}</span>
      </Td>
      <Th scope="row">
        <AppLink to={participantPath(item.code)} className="eh-code">
          {item.code}
        </AppLink>
        {item.name ? <span className="eh-cell-sub">{item.name}</span> : null}
        {item.protectedAddress ? (
          <span className="eh-tag eh-tag--warning eh-cell-tag">{t('participant.protectedAddress')}</span>
        ) : null}
        <details className="eh-why">
          <summary className="eh-why__summary">
            {t('participants.why')}
            <span className="eh-visually-hidden"> ({item.code})</span>
          </summary>
          <ol className="eh-why__list">
            {item.priority.reasons.map((reason) => (
              <li key={reason.code}>{pick(reason)}</li>
            ))}
          </ol>
        </details>
      </Th>
      <Td>
        <PhaseBadge phase={item.phase} />
        <span className="eh-cell-sub">{t('participants.since', { date: format.date(item.phaseSince) })}</span>
      </Td>
      <Td>
        {t(`targetGroup.${item.targetGroup}`)}
        <span className="eh-cell-sub">{t('participants.householdSize', { count: item.householdSize })}</span>
      </Td>
      <Td numeric>
        {format.number(item.waitingDays)}
        {item.waitingListRegisteredOn ? (
          <span className="eh-cell-sub">
            {t('participants.onWaitingListSince', { date: format.date(item.waitingListRegisteredOn) })}
          </span>
        ) : null}
      </Td>
      <Td>{item.provider?.name ?? t('common.empty')}</Td>
      <Td>{preferred.length ? preferred.join(', ') : t('common.empty')}</Td>
    </tr>
  );
}
