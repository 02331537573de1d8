import { useMemo } from 'react';
import { isApiError } from '../../api/client';
import { useOutbox, type OutboxMessage } from '../../api/admin';
import { adminAccess } from '../../adminAccess';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataList } from '../../components/DataList';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError, LoadMore } from '../../components/States';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { labelOr, NoAccess } from './adminShared';

/** /beheer/post: the demo mail viewer — what the platform would have sent by e-mail. */
export function OutboxPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('outbox.title'));
  return (
    <>
      <Heading level={1}>{t('outbox.title')}</Heading>
      {adminAccess.outbox(me) ? <OutboxList /> : <NoAccess text={t('outbox.noAccess')} />}
    </>
  );
}

function OutboxList() {
  const t = useT();
  const outbox = useOutbox();
  const items = useMemo(() => outbox.data?.pages.flatMap((page) => page.items) ?? [], [outbox.data]);
  const demoOnly = isApiError(outbox.error) && outbox.error.status === 404;

  if (outbox.isPending) return <Loading />;
  if (demoOnly) {
    return (
      <Alert type="info" id="outbox-demo-only" title={t('outbox.demoOnlyTitle')}>
        <p className="utrecht-paragraph">{t('outbox.demoOnly')}</p>
      </Alert>
    );
  }
  if (outbox.isError && items.length === 0) return <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />;
  return (
    <>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      <p className="utrecht-paragraph">
        <Button id="outbox-refresh" appearance="secondary" busy={outbox.isRefetching} onClick={() => void outbox.refetch()}>
          {t('outbox.refresh')}
        </Button>
      </p>
      {items.length === 0 ? (
        <Empty>{t('outbox.empty')}</Empty>
      ) : (
        <>
          <p className="utrecht-paragraph eh-result-count" role="status">
            {outbox.hasNextPage ? t('common.shownMore', { count: items.length }) : t('common.shown', { count: items.length })}
          </p>
          <ol className="eh-mail-list" aria-label={t('outbox.listLabel')}>
            {items.map((message) => (
              <li key={message.id}>
                <MailMessage message={message} />
              </li>
            ))}
          </ol>
        </>
      )}
      {outbox.isError ? <QueryError error={outbox.error} onRetry={() => void outbox.fetchNextPage()} /> : null}
      <LoadMore query={outbox} />
    </>
  );
}

/** One message; the body is plain text (links stay text: this is a viewer, not a mail client). */
function MailMessage({ message }: { message: OutboxMessage }) {
  const t = useT();
  const format = useFormat();
  const headingId = `mail-${message.id}-subject`;
  return (
    <article className="eh-mail" aria-labelledby={headingId} data-mail-to={message.to}>
      <Heading level={2} id={headingId} className="eh-mail__subject">
        {message.subject}
      </Heading>
      <DataList
        items={[
          { key: 'to', label: t('outbox.to'), value: <span translate="no">{message.to}</span> },
          { key: 'date', label: t('outbox.date'), value: <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time> },
          { key: 'kind', label: t('outbox.kind'), value: labelOr(t, 'outbox.kindLabel', message.kind) },
        ]}
      />
      <pre className="eh-mail__body">
        {message.body}
      </pre>
    </article>
  );
}
