import { Fragment, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAssessmentQueue, useAssignAssessment } from '../../api/hooks';
import type { Assessment, QueueFilters, QueueItem, QueueStatus } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { CheckboxField, SelectField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { PhaseBadge } from '../../components/PhaseBadge';
import { Loading, ProblemAlert, QueryError, useProblem, LoadMore } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { oneOf } from '../../options';
import { participantPath } from '../../paths';
import { access } from '../../roles';
import { useCurrentUser } from '../../session';
import { DecisionForm } from './DecisionForm';

const STATUSES: readonly QueueStatus[] = ['open', 'requested', 'assigned'];
/** Requests older than this many days are marked as waiting long. */
const LONG_WAIT_DAYS = 14;

/** /beoordelingen: the access office's open care-assessment requests, oldest first. */
export function AssessmentQueuePage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('queue.title'));
  return (
    <>
      <Heading level={1}>{t('queue.title')}</Heading>
      <Paragraph>{t('queue.intro')}</Paragraph>
      {access.assessmentQueue(me) ? (
        <Queue />
      ) : (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('queue.noPermission')}</p>
        </Alert>
      )}
    </>
  );
}

function Queue() {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const status = oneOf(STATUSES, params.get('status')) ?? 'open';
  const mine = params.get('assessorId') === 'me';
  const isAssessor = me.roles.includes('assessor');
  const filters = useMemo<QueueFilters>(() => ({ status, assessorId: mine ? 'me' : undefined }), [status, mine]);
  const queue = useAssessmentQueue(filters);
  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const assign = useAssignAssessment();
  const assignProblem = useProblem(assign.error);
  // the request being decided, by id: its version follows the refreshed queue (e.g. after assigning)
  const [decidingId, setDecidingId] = useState<string | null>(null);
  const deciding = items.find((item) => item.id === decidingId) ?? null;
  const [done, setDone] = useState<{ kind: 'assigned' | 'decided'; code: string } | null>(null);

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

  const onAssign = (item: QueueItem) => {
    setDone(null);
    assign.mutate(
      { id: item.id, version: item.version },
      {
        onSuccess: () => {
          setDone({ kind: 'assigned', code: item.participant.code });
          window.setTimeout(() => document.getElementById('queue-done')?.focus(), 0);
        },
      },
    );
  };

  const onDecided = (decided: Assessment) => {
    setDecidingId(null);
    setDone({ kind: 'decided', code: decided.participant.code });
    window.setTimeout(() => document.getElementById('queue-done')?.focus(), 0);
  };

  return (
    <>
      <form className="eh-filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="queue-status"
          label={t('field.status')}
          value={status}
          onChange={(value) => setParam('status', value === 'open' ? '' : value)}
          options={STATUSES.map((value) => ({ value, label: t(`queue.status.${value}`) }))}
        />
        {isAssessor ? (
          <CheckboxField
            id="queue-mine"
            label={t('queue.onlyMine')}
            checked={mine}
            onChange={(checked) => setParam('assessorId', checked ? 'me' : '')}
          />
        ) : null}
      </form>

      {done ? (
        <Alert type="ok" role="status" id="queue-done" tabIndex={-1}>
          <p className="utrecht-paragraph">
            {done.kind === 'assigned' ? t('queue.assigned', { code: done.code }) : t('queue.decided', { code: done.code })}{' '}
            <AppLink to={participantPath(done.code)}>{t('queue.toParticipant', { code: done.code })}</AppLink>
          </p>
        </Alert>
      ) : null}
      <ProblemAlert problem={assignProblem} />

      {queue.isPending ? (
        <Loading />
      ) : queue.isError && items.length === 0 ? (
        <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <p className={items.length === 0 ? 'utrecht-paragraph eh-empty' : 'utrecht-paragraph eh-result-count'} role="status">
            {items.length === 0
              ? t('queue.empty')
              : queue.hasNextPage
                ? t('common.shownMore', { count: items.length })
                : t('common.shown', { count: items.length })}
          </p>
          {items.length === 0 ? null : (
            <Table caption={t('queue.caption')} hideCaption id="queue-table">
              <THead>
                <Tr>
                  <Th>{t('participants.participant')}</Th>
                  <Th>{t('field.phase')}</Th>
                  <Th>{t('queue.requestedOn')}</Th>
                  <Th numeric>{t('queue.age')}</Th>
                  <Th>{t('queue.requestedBy')}</Th>
                  <Th>{t('queue.assessor')}</Th>
                  <Th>
                    <span className="eh-visually-hidden">{t('queue.actions')}</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {items.map((item) => {
                  const mayAct = access.assessFor(me, item.accessOffice.id);
                  const assignedToMe = item.assessor?.id === me.id;
                  const busy = assign.isPending && assign.variables?.id === item.id;
                  const context = <span className="eh-visually-hidden"> ({item.participant.code})</span>;
                  return (
                    <Fragment key={item.id}>
                      <tr className="utrecht-table__row" data-code={item.participant.code}>
                        <Th scope="row">
                          <AppLink to={participantPath(item.participant.code)} className="eh-code">
                            {item.participant.code}
                          </AppLink>
                          <span className="eh-cell-sub">{item.participant.name}</span>
                          <span className="eh-cell-sub">{t(`targetGroup.${item.participant.targetGroup}`)}</span>
                        </Th>
                        <Td>
                          <PhaseBadge phase={item.participant.phase} />
                        </Td>
                        <Td className="eh-nowrap">{format.date(item.requestedOn)}</Td>
                        <Td numeric>
                          <span className={item.ageDays > LONG_WAIT_DAYS ? 'eh-age eh-age--long' : 'eh-age'}>
                            {t('queue.ageDays', { count: item.ageDays })}
                          </span>
                        </Td>
                        <Td>
                          {item.requestedByOrganisation.name}
                          <span className="eh-cell-sub">{item.accessOffice.name}</span>
                        </Td>
                        <Td>
                          {item.assessor ? (
                            <>
                              {item.assessor.name}
                              {item.assignedOn ? (
                                <span className="eh-cell-sub">{t('queue.since', { date: format.date(item.assignedOn) })}</span>
                              ) : null}
                            </>
                          ) : (
                            <span className="eh-muted">{t('queue.unassigned')}</span>
                          )}
                        </Td>
                        <Td>
                          {mayAct ? (
                            <ButtonGroup>
                              {assignedToMe ? null : (
                                <Button
                                  id={`queue-assign-${item.id}`}
                                  appearance="secondary"
                                  busy={busy}
                                  disabled={assign.isPending}
                                  onClick={() => onAssign(item)}
                                >
                                  {item.assessor ? t('queue.takeOver') : t('queue.assignToMe')}
                                  {context}
                                </Button>
                              )}
                              <Button
                                id={`queue-decide-${item.id}`}
                                appearance="primary"
                                aria-expanded={deciding?.id === item.id}
                                aria-controls={deciding?.id === item.id ? 'queue-decision' : undefined}
                                onClick={() => {
                                  setDone(null);
                                  setDecidingId((current) => (current === item.id ? null : item.id));
                                }}
                              >
                                {t('queue.decide')}
                                {context}
                              </Button>
                            </ButtonGroup>
                          ) : null}
                        </Td>
                      </tr>
                      {deciding?.id === item.id ? (
                        <tr className="utrecht-table__row eh-row--form">
                          <td className="utrecht-table__cell" colSpan={7} id="queue-decision">
                            <DecisionForm
                              key={deciding.id}
                              assessment={deciding}
                              headingLevel={2}
                              onDone={onDecided}
                              onCancel={() => {
                                setDecidingId(null);
                                window.setTimeout(() => document.getElementById(`queue-decide-${item.id}`)?.focus(), 0);
                              }}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </TBody>
            </Table>
          )}
          {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.fetchNextPage()} /> : null}
          <LoadMore query={queue} />
        </>
      )}
    </>
  );
}
