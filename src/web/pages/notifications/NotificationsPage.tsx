import { useRef, useState } from 'react';
import { useMarkRead, useNotifications, type AppNotification } from '../../api/notifications';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { Heading, Paragraph, cx } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { useFormat, useI18n } from '../../i18n';
import './notifications.css';

/** Only links into the app itself are followed (the server writes paths like /aanbiedingen/{id}). */
const appPath = (link: string | null) => (link && link.startsWith('/') && !link.startsWith('//') ? link : null);

/**
 * /meldingen: the user's own notifications, newest first, unread ones marked; each can be marked
 * read, or all at once (GET /api/v1/notifications, POST /api/v1/notifications/reads).
 * Ids: `notifications-list` (items `data-id`, `data-unread`), `notifications-read-all`,
 * `notification-read-{id}`, `notifications-status` (the polite announcement).
 */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const format = useFormat();
  usePageTitle(t('notifications.title'));
  const list = useNotifications();
  const markRead = useMarkRead();
  const problem = useProblem(markRead.error);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items: AppNotification[] = (list.data?.pages.flatMap((p) => p.items) ?? [])
    .slice()
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const unread = list.data?.pages[0]?.unread ?? 0;
  const pendingId = markRead.isPending ? (markRead.variables?.[0] ?? 'all') : null;

  const mark = (ids?: string[]) => {
    markRead.mutate(ids, {
      onSuccess: (result) => {
        setAnnouncement(t('notifications.marked', { count: String(result.marked) }));
        // the button of a read item disappears: keep the focus on the page
        headingRef.current?.focus();
      },
    });
  };

  return (
    <>
      <div className="eh-page-head">
        <Heading level={1} ref={headingRef} tabIndex={-1}>
          {t('notifications.title')}
        </Heading>
        {unread > 0 ? (
          <Button id="notifications-read-all" busy={pendingId === 'all'} disabled={markRead.isPending} onClick={() => mark()}>
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('notifications.intro')}</Paragraph>
      <p className="eh-visually-hidden" role="status" id="notifications-status">
        {announcement}
      </p>
      <ProblemAlert problem={problem} id="notifications-error" />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <>
          <Paragraph id="notifications-summary">
            {unread > 0 ? t('notifications.unreadSummary', { count: format.number(unread) }) : t('notifications.allRead')}
          </Paragraph>
          <ul className="eh-notify-list" id="notifications-list" aria-label={t('notifications.title')}>
            {items.map((n) => {
              const isUnread = !n.readAt;
              const link = appPath(n.link);
              const title = lang === 'en' ? n.titleEn : n.title;
              return (
                <li
                  key={n.id}
                  className={cx('eh-notify-item', isUnread && 'eh-notify-item--unread')}
                  data-id={n.id}
                  data-unread={isUnread ? 'true' : 'false'}
                >
                  <Heading level={2} className="eh-notify-item__title">
                    {isUnread ? <span className="eh-visually-hidden">{t('notifications.unreadMark')}: </span> : null}
                    {link ? <AppLink to={link}>{title}</AppLink> : title}
                  </Heading>
                  <p className="utrecht-paragraph eh-notify-item__meta">
                    <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
                    {' · '}
                    {isUnread ? <strong>{t('notifications.unreadMark')}</strong> : t('notifications.readOn', { date: format.dateTime(n.readAt) })}
                  </p>
                  <p className="utrecht-paragraph">{lang === 'en' ? n.bodyEn : n.body}</p>
                  {isUnread ? (
                    <ButtonGroup>
                      <Button
                        id={`notification-read-${n.id}`}
                        appearance="subtle"
                        busy={pendingId === n.id}
                        disabled={markRead.isPending}
                        onClick={() => mark([n.id])}
                      >
                        {t('notifications.markRead')}
                        <span className="eh-visually-hidden">: {title}</span>
                      </Button>
                    </ButtonGroup>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {list.hasNextPage ? (
            <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
