import type { NotificationRow } from './notifications.service.js';

/** A notification as its reader sees it (only ever their own). */
export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title_nl,
    titleEn: n.title_en,
    body: n.body_nl,
    bodyEn: n.body_en,
    link: n.link,
    createdAt: new Date(n.created_at).toISOString(),
    readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
  };
}
