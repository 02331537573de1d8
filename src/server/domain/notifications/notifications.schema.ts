import { z } from 'zod';
import { PageQuery } from '../../http/openapi.js';

export const NotificationQuery = z.object({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...PageQuery,
});

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  titleEn: z.string(),
  body: z.string(),
  bodyEn: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int(), nextCursor: z.string().nullable() });

export const MarkReadBody = z.object({
  /** Without ids every unread notification of the caller is marked. */
  ids: z.array(z.uuid()).max(200).optional(),
});
export const MarkReadResult = z.object({ marked: z.number().int() });
