// Small pieces shared by the administration and privacy pages.

import { ROLES, type OrganisationKind, type Role } from '../../api/types';
import { Alert } from '../../components/Alert';
import type { Option } from '../../components/FormField';
import { nl, type MessageKey } from '../../i18n/nl';
import { useT, type Translate } from '../../i18n';
import { MAX_ROLES, ROLES_BY_KIND } from '../../adminAccess';
import '../../styles/admin.css';

/** A catalogue label for a code (`prefix.code`), or the code itself when the catalogue has none. */
export function labelOr(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return key in nl ? t(key as MessageKey) : code;
}

/** "programme_office" or "care_worker,referrer" (the log joins several) as readable labels. */
export function roleLabels(t: Translate, roles: string | readonly string[] | null): string[] {
  if (!roles) return [];
  const list = typeof roles === 'string' ? roles.split(',') : roles;
  return list.map((role) => role.trim()).filter(Boolean).map((role) => labelOr(t, 'role', role));
}

/** Roles as small labels (a list, so screen readers hear how many). */
export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  if (roles.length === 0) return <>{t('common.empty')}</>;
  return (
    <ul className="eh-tag-list">
      {roles.map((role) => (
        <li key={role}>
          <span className="eh-tag">{labelOr(t, 'role', role)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Checkbox options for the roles of an organisation of this kind (all roles when the kind is not
 * known yet), plus roles the user already holds that do not fit, so they can be taken away.
 */
export function roleOptions(t: Translate, kind: OrganisationKind | undefined, current: readonly Role[] = []): Option[] {
  const fitting = kind ? ROLES_BY_KIND[kind] : ROLES;
  return ROLES.filter((role) => fitting.includes(role) || current.includes(role)).map((role) => ({
    value: role,
    label: fitting.includes(role) ? labelOr(t, 'role', role) : t('users.roleNotFitting', { role: labelOr(t, 'role', role) }),
  }));
}

/** Client-side check of a role choice (the server checks again). */
export function rolesError(t: Translate, roles: readonly Role[]): string | undefined {
  if (roles.length === 0) return t('users.rolesRequired');
  if (roles.length > MAX_ROLES) return t('users.rolesMax', { max: MAX_ROLES });
  return undefined;
}

/** Keeps the roles in the order of ROLES (stable bodies, stable comparison). */
export function sortRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/** A page this role may not use: say so (the server would refuse anyway). */
export function NoAccess({ text }: { text: string }) {
  return (
    <Alert type="warning" id="no-access">
      <p className="utrecht-paragraph">{text}</p>
    </Alert>
  );
}
