import type { Me } from '../api/types';
import {
  ACCESS_LOG_PATH,
  adminAccess,
  DATA_EXPORT_PATH,
  ORGANISATIONS_PATH,
  OUTBOX_PATH,
  USERS_PATH,
} from '../adminAccess';
import { useT } from '../i18n';
import { DisclosureMenu, type DisclosureMenuItem } from './DisclosureMenu';

/**
 * The header's "Beheer" menu (administrators; the programme office for organisations and the
 * mail viewer) and "Privacy" menu (the data-protection officer). Each shows only what the role
 * may open.
 */
export function AdminMenus({ me }: { me: Me }) {
  const t = useT();
  const admin: DisclosureMenuItem[] = [];
  if (adminAccess.users(me)) admin.push({ to: USERS_PATH, label: t('users.title'), id: 'admin-menu-users' });
  if (adminAccess.organisations(me)) {
    admin.push({ to: ORGANISATIONS_PATH, label: t('adminMenu.organisations'), id: 'admin-menu-organisations' });
  }
  if (adminAccess.outbox(me)) admin.push({ to: OUTBOX_PATH, label: t('outbox.title'), id: 'admin-menu-outbox' });
  const privacy: DisclosureMenuItem[] = adminAccess.privacy(me)
    ? [
        { to: ACCESS_LOG_PATH, label: t('auditLog.title'), id: 'privacy-menu-log' },
        { to: DATA_EXPORT_PATH, label: t('dataExport.title'), id: 'privacy-menu-data-export' },
      ]
    : [];
  return (
    <>
      <DisclosureMenu id="admin-menu" label={t('adminMenu.label')} listLabel={t('adminMenu.listLabel')} items={admin} />
      <DisclosureMenu id="privacy-menu" label={t('privacyMenu.label')} listLabel={t('privacyMenu.listLabel')} items={privacy} />
    </>
  );
}
