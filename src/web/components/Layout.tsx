import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/types';
import { useLogout } from '../api/hooks';
import { LANGS, useI18n, type MessageKey } from '../i18n';
import { Button } from './Button';
import { ASSESSMENT_QUEUE_PATH, PARTICIPANTS_PATH, SECOND_FACTOR_PATH, SESSIONS_PATH } from '../paths';
import { access } from '../roles';
import { adminAccess } from '../adminAccess';
import { AdminMenus } from './AdminMenus';
import { CALLS_PATH, matchingAccess, OFFERS_PATH } from '../pages/matching/access';
import { ALLOCATION_STEPS_PATH, notificationsAccess, PARKINGS_PATH } from '../api/notifications';
import { NotificationsBadge } from './NotificationsBadge';
import { TENANCIES_PATH, tenanciesAccess } from '../pages/tenancies/api';
import { BOTTLENECKS_PATH, BUSINESS_CASE_PATH, livingLabAccess, OBSERVATIONS_PATH } from '../pages/livingLab/api';
import { CASELOAD_PATH, guidanceAccess } from '../pages/guidance/access';
import { INCIDENTS_PATH, neighbourhoodAccess } from '../api/neighbourhood';
import { DUE_WORK_PATH, TRANCHES_PATH, tranchesAccess } from '../api/tranches';
import { OUTCOMES_PATH, outcomesAccess, SCHEDULE_PATH } from '../pages/outcomes/api';
import { labAccess, LIVING_LAB_PATH, REPORTS_PATH, RESEARCH_PATH } from '../pages/lab/api';

/** Menu items; `show` hides an item from roles the server would refuse anyway. */
const NAV: Array<{ to: string; label: MessageKey; end?: boolean; id?: string; show?: (me: Me) => boolean }> = [
  { to: '/', label: 'nav.dashboard', end: true },
  { to: '/units', label: 'nav.units', show: adminAccess.housingStock },
  { to: '/locations', label: 'nav.locations', show: adminAccess.housingStock },
  { to: '/pledges', label: 'nav.pledges', show: adminAccess.housingStock },
  { to: PARTICIPANTS_PATH, label: 'nav.participants', id: 'nav-participants', show: access.participants },
  { to: ASSESSMENT_QUEUE_PATH, label: 'nav.assessments', id: 'nav-assessments', show: access.assessmentQueue },
  { to: CALLS_PATH, label: 'nav.calls', id: 'nav-calls', show: matchingAccess.calls },
  { to: OFFERS_PATH, label: 'nav.offers', id: 'nav-offers', show: matchingAccess.offers },
  { to: TENANCIES_PATH, label: 'tenancies.nav', id: 'nav-tenancies', show: tenanciesAccess.use },
  { to: PARKINGS_PATH, label: 'parkings.nav', id: 'nav-parkings', show: notificationsAccess.parkings },
  { to: ALLOCATION_STEPS_PATH, label: 'allocationSteps.nav', id: 'nav-allocation-steps', show: notificationsAccess.exportSteps },
  { to: INCIDENTS_PATH, label: 'neighbourhood.nav', id: 'nav-incidents', show: neighbourhoodAccess.incidents },
  { to: TRANCHES_PATH, label: 'tranches.nav', id: 'nav-tranches', show: tranchesAccess.read },
  { to: DUE_WORK_PATH, label: 'tranches.navDue', id: 'nav-due-work', show: tranchesAccess.dueWork },
  { to: CASELOAD_PATH, label: 'guidance.nav', id: 'nav-caseload', show: guidanceAccess.use },
  { to: OUTCOMES_PATH, label: 'outcomes.nav', id: 'nav-outcomes', show: outcomesAccess.figures },
  { to: SCHEDULE_PATH, label: 'outcomes.navSchedule', id: 'nav-measurements', show: outcomesAccess.measure },
  { to: BUSINESS_CASE_PATH, label: 'livingLab.nav.businessCase', id: 'nav-business-case', show: livingLabAccess.businessCase },
  { to: OBSERVATIONS_PATH, label: 'livingLab.nav.observations', id: 'nav-observations', show: livingLabAccess.observations },
  { to: LIVING_LAB_PATH, label: 'lab.nav', id: 'nav-living-lab', show: labAccess.overview },
  { to: BOTTLENECKS_PATH, label: 'livingLab.nav.bottlenecks', id: 'nav-bottlenecks', show: livingLabAccess.bottlenecks },
  { to: REPORTS_PATH, label: 'reporting.nav', id: 'nav-reports', show: labAccess.reports },
  { to: RESEARCH_PATH, label: 'research.nav', id: 'nav-research', show: labAccess.researchList },
  { to: '/organisations', label: 'nav.organisations' },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="eh-lang" role="group" aria-label={t('lang.switch')}>
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="eh-lang__button"
          aria-pressed={lang === code}
          onClick={() => setLang(code)}
        >
          {code.toUpperCase()}
          <span className="eh-visually-hidden"> – {t(code === 'nl' ? 'lang.nl' : 'lang.en')}</span>
        </button>
      ))}
    </div>
  );
}

function UserName({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <p className="eh-user__name">
      <span className="eh-visually-hidden">{t('header.user')}: </span>
      <strong>{me.name}</strong>
      <span className="eh-user__org">{me.organisation.name}</span>
    </p>
  );
}

function LogoutButton() {
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Button
      appearance="secondary"
      className="eh-user__logout"
      busy={logout.isPending}
      disabled={logout.isPending}
      onClick={() =>
        logout.mutate(undefined, {
          onSettled: () => navigate('/login', { replace: true, state: { loggedOut: true } }),
        })
      }
    >
      {logout.isPending ? t('header.loggingOut') : t('header.logout')}
    </Button>
  );
}

/**
 * "Beveiliging": a disclosure button with links to the second factor and the session list.
 * Escape closes it and returns the focus to the button; so does leaving it with Tab.
 */
function SecurityMenu() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const items: Array<{ to: string; label: MessageKey; id: string }> = [
    { to: SECOND_FACTOR_PATH, label: 'mfa.title', id: 'security-menu-second-factor' },
    { to: SESSIONS_PATH, label: 'sessions.title', id: 'security-menu-sessions' },
  ];
  return (
    <div
      className="eh-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Button
        id="security-menu-button"
        ref={buttonRef}
        appearance="secondary"
        className="eh-menu__button"
        aria-expanded={open}
        aria-controls="security-menu"
        onClick={() => setOpen((current) => !current)}
      >
        {t('header.security')}
        <span className="eh-menu__caret" aria-hidden="true" />
      </Button>
      <ul id="security-menu" className="eh-menu__list" hidden={!open} aria-label={t('header.securityMenu')}>
        {items.map((item) => (
          <li key={item.to} className="eh-menu__item">
            <NavLink id={item.id} to={item.to} className="eh-menu__link" onClick={() => setOpen(false)}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Move focus to the page heading after client-side navigation, so screen readers announce the new page. */
function useFocusOnNavigate(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector('h1');
    const target: HTMLElement = heading ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }, [pathname, mainRef]);
}

/** The page frame: skip link, header (brand, user, language, navigation), one <main>, footer. */
export function Layout({ me, children }: { me?: Me; children: ReactNode }) {
  const { t } = useI18n();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);
  return (
    <div className="utrecht-document utrecht-page-layout eh-app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="utrecht-page-header eh-header">
        <div className="utrecht-page-header__content eh-header__content">
          <div className="eh-brand">
            <Link to="/" className="eh-brand__link">
              <span className="eh-brand__mark" aria-hidden="true" />
              <span className="eh-brand__name">{t('app.name')}</span>
            </Link>
            <span className="eh-brand__tagline">{t('app.tagline')}</span>
          </div>
          <div className="eh-header__tools">
            {me ? <UserName me={me} /> : null}
            <div className="eh-header__actions">
              {me && !me.mfa.pending ? <NotificationsBadge /> : null}
              {me && !me.mfa.pending ? <AdminMenus me={me} /> : null}
              {me && !me.mfa.pending ? <SecurityMenu /> : null}
              {me ? <LogoutButton /> : null}
              <LanguageSwitch />
            </div>
          </div>
        </div>
        {/* until the second factor is set up, every other page is refused: no menu */}
        {me && !me.mfa.pending ? (
          <nav className="utrecht-nav-bar eh-nav" aria-label={t('nav.label')}>
            <div className="utrecht-nav-bar__content eh-nav__content">
              <ul className="utrecht-nav-list eh-nav__list">
                {NAV.filter((item) => !item.show || item.show(me)).map((item) => (
                  <li className="utrecht-nav-list__item" key={item.to}>
                    <NavLink id={item.id} to={item.to} end={item.end} className="utrecht-nav-list__link eh-nav__link">
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="utrecht-page-body eh-main">
        <div className="utrecht-page-body__content eh-main__content">{children}</div>
      </main>
      <footer className="eh-footer">
        <div className="eh-footer__content">
          <p className="utrecht-paragraph">{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
