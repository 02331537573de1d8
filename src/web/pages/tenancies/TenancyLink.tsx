import { AppLink } from '../../components/Button';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { tenanciesAccess, tenancyPath, useTenancies } from './api';

/**
 * A link to the tenancy of a participant or a home (the current one, else the latest), for the
 * participant and unit pages. Renders nothing for roles without tenancies or when there is none.
 * Id: `{id}` (default `tenancy-link`).
 */
export function TenancyLink({ participantId, unitId, id = 'tenancy-link' }: { participantId?: string; unitId?: string; id?: string }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const allowed = tenanciesAccess.use(me) && Boolean(participantId || unitId);
  const list = useTenancies({ participantId, unitId }, allowed);
  const latest = list.data?.pages[0]?.items[0];
  if (!allowed || !latest) return null;
  return (
    <p className="utrecht-paragraph" id={id}>
      <AppLink to={tenancyPath(latest.id)}>{t('tenancies.linkCurrent')}</AppLink>{' '}
      <span className="eh-muted">
        ({t(`tenancies.holder.${latest.leaseHolder}`)}, {t('tenancies.field.start').toLowerCase()} {format.date(latest.startDate)}
        {latest.endDate ? `, ${t('tenancies.status.ended').toLowerCase()} ${format.date(latest.endDate)}` : ''})
      </span>
    </p>
  );
}
