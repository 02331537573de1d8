import { NavLink } from 'react-router';
import { NOTIFICATIONS_PATH, useUnreadCount } from '../api/notifications';
import { useI18n } from '../i18n';
import '../pages/notifications/notifications.css';

/**
 * The header's link to /meldingen with the number of unread notifications (polled every minute
 * while the tab is visible). The count is read out with its meaning ("3 ongelezen").
 * Ids: `notifications-badge` (the link), `notifications-unread` (the count, absent at 0).
 */
export function NotificationsBadge() {
  const { t } = useI18n();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <NavLink
      id="notifications-badge"
      to={NOTIFICATIONS_PATH}
      className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action eh-notify-link"
    >
      {t('notifications.title')}
      {count > 0 ? (
        <>
          <span className="eh-notify-count" id="notifications-unread" data-count={count} aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
          <span className="eh-visually-hidden">{t('notifications.unreadCount', { count: String(count) })}</span>
        </>
      ) : null}
    </NavLink>
  );
}
