import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useEndAllSessions, useEndSession, useSessions } from '../../api/hooks';
import type { SessionInfo } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { TBody, THead, Table, Td, Th, Tr } from '../../components/Table';
import { useFormat, useT, type Translate } from '../../i18n';
import { parseUserAgent, truncate } from '../../userAgent';
import { SECOND_FACTOR_PATH } from '../../paths';

/** "Chrome 126 op Windows" from a user-agent string. */
function browserLabel(userAgent: string | null, t: Translate): string {
  if (!userAgent) return t('sessions.unknownBrowser');
  const { browser, os } = parseUserAgent(userAgent);
  if (browser && os) return t('sessions.browserOn', { browser, os });
  return browser ?? os ?? truncate(userAgent, 40);
}

/** /beveiliging/sessies: the user's open sessions; end one, or all of them ("log out everywhere"). */
export function SessionsPage() {
  const t = useT();
  usePageTitle(t('sessions.title'));
  const sessions = useSessions();
  const end = useEndSession();
  const endProblem = useProblem(end.error);
  const [ended, setEnded] = useState(false);

  // The button that was pressed left with its row: put the focus on the confirmation.
  useEffect(() => {
    if (ended) document.getElementById('sessions-ended')?.focus();
  }, [ended]);
  useEffect(() => {
    if (end.isError) document.getElementById('sessions-end-problem')?.focus();
  }, [end.isError]);

  const endOne = (id: string) => {
    setEnded(false);
    end.mutate(id, { onSuccess: () => setEnded(true) });
  };

  // The current session first, then the others newest first (as the server lists them).
  const items = [...(sessions.data?.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const endingId = end.isPending ? end.variables : undefined;

  return (
    <>
      <Heading level={1}>{t('sessions.title')}</Heading>
      <Paragraph>{t('sessions.intro')}</Paragraph>
      {ended && !end.isPending ? (
        <Alert type="ok" role="status" id="sessions-ended" tabIndex={-1}>
          <p className="utrecht-paragraph">{t('sessions.ended')}</p>
        </Alert>
      ) : null}
      {endProblem ? (
        <div id="sessions-end-problem" tabIndex={-1}>
          <ProblemAlert problem={endProblem} />
        </div>
      ) : null}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('sessions.empty')}</Empty>
      ) : (
        <>
          <SessionTable items={items} endingId={endingId} busy={end.isPending} onEnd={endOne} />
          {items.length === 1 && items[0].current ? <Paragraph>{t('sessions.onlyThis')}</Paragraph> : null}
        </>
      )}
      <LogOutEverywhere />
      <Paragraph>
        <AppLink to={SECOND_FACTOR_PATH}>{t('sessions.toSecondFactor')}</AppLink>
      </Paragraph>
    </>
  );
}

function SessionTable({
  items,
  endingId,
  busy,
  onEnd,
}: {
  items: SessionInfo[];
  endingId: string | undefined;
  busy: boolean;
  onEnd: (id: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Table caption={t('sessions.caption')} id="sessions-table">
      <THead>
        <Tr>
          <Th>{t('sessions.browser')}</Th>
          <Th>{t('sessions.address')}</Th>
          <Th>{t('sessions.created')}</Th>
          <Th>{t('sessions.lastSeen')}</Th>
          <Th>
            <span className="eh-visually-hidden">{t('sessions.action')}</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((session) => {
          const browser = browserLabel(session.userAgent, t);
          const ending = endingId === session.id;
          return (
            <Tr key={session.id} className={session.current ? 'eh-row--current' : undefined}>
              <Th scope="row">
                <span title={session.userAgent ?? undefined}>{browser}</span>
                {session.current ? (
                  <>
                    {' '}
                    <span className="eh-tag" id="sessions-current">
                      {t('sessions.current')}
                    </span>
                  </>
                ) : null}
              </Th>
              <Td className="eh-nowrap">
                <span translate="no">{session.address ?? t('common.empty')}</span>
              </Td>
              <Td className="eh-nowrap">
                <time dateTime={session.createdAt}>{format.dateTime(session.createdAt)}</time>
              </Td>
              <Td className="eh-nowrap">
                <time dateTime={session.lastSeenAt}>{format.dateTime(session.lastSeenAt)}</time>
              </Td>
              <Td>
                {session.current ? null : (
                  <Button
                    appearance="secondary"
                    className="eh-session-end"
                    data-session-id={session.id}
                    busy={ending}
                    disabled={busy}
                    onClick={() => onEnd(session.id)}
                  >
                    {ending ? t('sessions.ending') : t('sessions.end')}
                    <span className="eh-visually-hidden">
                      {' '}
                      ({t('sessions.endContext', { browser, date: format.dateTime(session.createdAt) })})
                    </span>
                  </Button>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function LogOutEverywhere() {
  const t = useT();
  const navigate = useNavigate();
  const endAll = useEndAllSessions();
  const problem = useProblem(endAll.error);
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    endAll.reset();
    triggerRef.current?.focus();
  };

  const confirm = () => {
    endAll.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true, state: { loggedOut: true, everywhere: true } }),
    });
  };

  return (
    <section className="eh-section eh-panel eh-prose" aria-labelledby="sessions-everywhere-heading">
      <Heading level={2} id="sessions-everywhere-heading">
        {t('sessions.everywhereHeading')}
      </Heading>
      <Paragraph>{t('sessions.everywhereText')}</Paragraph>
      <Button id="sessions-end-all" ref={triggerRef} appearance="primary" danger onClick={() => setOpen(true)}>
        {t('sessions.everywhere')}
      </Button>
      <ConfirmDialog
        id="sessions-end-all-dialog"
        open={open}
        title={t('sessions.confirmTitle')}
        confirmLabel={endAll.isPending ? t('sessions.loggingOut') : t('sessions.confirm')}
        cancelLabel={t('common.cancel')}
        danger
        busy={endAll.isPending}
        footer={<ProblemAlert problem={problem} />}
        onConfirm={confirm}
        onCancel={close}
      >
        <p className="utrecht-paragraph">{t('sessions.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
