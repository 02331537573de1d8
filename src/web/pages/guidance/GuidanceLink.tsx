import { AppLink } from '../../components/Button';
import { useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { guidanceAccess, guidancePath } from './access';

/** The link from the participant page to the guidance page, for those who may use guidance, once someone is matched or housed. */
export function GuidanceLink({ code, phase }: { code: string; phase: string }) {
  const t = useT();
  const me = useCurrentUser();
  if (!guidanceAccess.use(me) || !['matched', 'housed', 'exited'].includes(phase)) return null;
  return (
    <p className="utrecht-paragraph" id="participant-guidance-link">
      <AppLink to={guidancePath(code)}>{t('guidance.link')}</AppLink>
    </p>
  );
}
