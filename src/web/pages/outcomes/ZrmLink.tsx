import { AppLink } from '../../components/Button';
import { useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { outcomesAccess, zrmPath } from './api';

/** The link from the participant page to the ZRM page, for those who may measure, once someone is housed. */
export function ZrmLink({ code, phase }: { code: string; phase: string }) {
  const t = useT();
  const me = useCurrentUser();
  if (!outcomesAccess.measure(me) || !['housed', 'exited'].includes(phase)) return null;
  return (
    <p className="utrecht-paragraph" id="participant-zrm-link">
      <AppLink to={zrmPath(code)}>{t('outcomes.zrm.link')}</AppLink>
    </p>
  );
}
