import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useMe } from './api/hooks';
import { Layout } from './components/Layout';
import { Loading, QueryError } from './components/States';
import { MeProvider, ProgrammeProvider } from './session';
import { LoginPage } from './pages/login/LoginPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { UnitsPage } from './pages/units/UnitsPage';
import { UnitNewPage } from './pages/units/UnitNewPage';
import { UnitDetailPage } from './pages/units/UnitDetailPage';
import { LocationsPage } from './pages/locations/LocationsPage';
import { LocationNewPage } from './pages/locations/LocationNewPage';
import { LocationDetailPage } from './pages/locations/LocationDetailPage';
import { IncidentsPage } from './pages/locations/IncidentsPage';
import { PledgesPage } from './pages/pledges/PledgesPage';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage';
import { SecondFactorPage } from './pages/security/SecondFactorPage';
import { SessionsPage } from './pages/security/SessionsPage';
import { ParticipantsPage } from './pages/participants/ParticipantsPage';
import { ReferralPage } from './pages/participants/ReferralPage';
import { ImportPage } from './pages/participants/ImportPage';
import { ParticipantDetailPage } from './pages/participants/ParticipantDetailPage';
import { DuplicatesPage } from './pages/participants/DuplicatesPage';
import { PriorityPage } from './pages/participants/PriorityPage';
import { AssessmentQueuePage } from './pages/assessments/AssessmentQueuePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { UsersPage } from './pages/admin/UsersPage';
import { InvitePage } from './pages/admin/InvitePage';
import { OutboxPage } from './pages/admin/OutboxPage';
import { InvitationPage } from './pages/invitation/InvitationPage';
import { AccessLogPage } from './pages/privacy/AccessLogPage';
import { DataExportPage } from './pages/privacy/DataExportPage';
import { SECOND_FACTOR_PATH } from './paths';
import { CallsPage } from './pages/matching/CallsPage';
import { CallDetailPage } from './pages/matching/CallDetailPage';
import { RankingPage } from './pages/matching/RankingPage';
import { OffersPage } from './pages/matching/OffersPage';
import { OfferDetailPage } from './pages/matching/OfferDetailPage';
import { TenanciesPage } from './pages/tenancies/TenanciesPage';
import { TenancyDetailPage } from './pages/tenancies/TenancyDetailPage';
import { OfferDashboardPage } from './pages/matching/OfferDashboardPage';
import { ProposalsPage } from './pages/matching/ProposalsPage';
import { ProposalDetailPage } from './pages/matching/ProposalDetailPage';
import { EligibilityRulesPage } from './pages/matching/EligibilityRulesPage';
import { ParkingsPage } from './pages/matching/ParkingsPage';
import { AllocationStepsPage } from './pages/matching/AllocationStepsPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { BusinessCasePage } from './pages/livingLab/BusinessCasePage';
import { ObservationsPage } from './pages/livingLab/ObservationsPage';
import { BottlenecksPage } from './pages/livingLab/BottlenecksPage';
import { GuidancePage } from './pages/guidance/GuidancePage';
import { CaseloadPage } from './pages/guidance/CaseloadPage';
import { TranchesPage } from './pages/tranches/TranchesPage';
import { DueWorkPage } from './pages/tranches/DueWorkPage';
import { OutcomesPage } from './pages/outcomes/OutcomesPage';
import { SchedulePage } from './pages/outcomes/SchedulePage';
import { ZrmPage } from './pages/outcomes/ZrmPage';
import { LivingLabPage } from './pages/lab/LivingLabPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { ResearchExportPage } from './pages/research/ResearchExportPage';

/** Everything behind the login: GET /me answering 401 sends the user to /login. */
function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Layout>
        <Loading />
      </Layout>
    );
  }
  if (me.isError) {
    return (
      <Layout>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Layout>
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  // Until the second factor is set up the server refuses everything else (403 mfa_required).
  if (me.data.mfa.pending && location.pathname !== SECOND_FACTOR_PATH) {
    return <Navigate to={SECOND_FACTOR_PATH} replace />;
  }
  return (
    <MeProvider me={me.data}>
      <ProgrammeProvider>
        <Layout me={me.data}>
          <Outlet />
        </Layout>
      </ProgrammeProvider>
    </MeProvider>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* public: the invited person has no account yet */}
      <Route path="/uitnodiging/:token" element={<InvitationPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<DashboardPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="units/new" element={<UnitNewPage />} />
        <Route path="units/:id" element={<UnitDetailPage />} />
        <Route path="locations" element={<LocationsPage />} />
        <Route path="locations/new" element={<LocationNewPage />} />
        <Route path="locations/:id" element={<LocationDetailPage />} />
        <Route path="overlast" element={<IncidentsPage />} />
        <Route path="pledges" element={<PledgesPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="deelnemers" element={<ParticipantsPage />} />
        <Route path="deelnemers/aanmelden" element={<ReferralPage />} />
        <Route path="deelnemers/importeren" element={<ImportPage />} />
        <Route path="deelnemers/dubbelen" element={<DuplicatesPage />} />
        <Route path="deelnemers/prioritering" element={<PriorityPage />} />
        <Route path="deelnemers/:id" element={<ParticipantDetailPage />} />
        <Route path="beoordelingen" element={<AssessmentQueuePage />} />
        <Route path="uitvragen" element={<CallsPage />} />
        <Route path="uitvragen/:id" element={<CallDetailPage />} />
        <Route path="woningen/:id/rangorde" element={<RankingPage />} />
        <Route path="aanbiedingen" element={<OffersPage />} />
        <Route path="aanbiedingen/overzicht" element={<OfferDashboardPage />} />
        <Route path="aanbiedingen/geparkeerd" element={<ParkingsPage />} />
        <Route path="toewijzing/stappen" element={<AllocationStepsPage />} />
        <Route path="meldingen" element={<NotificationsPage />} />
        <Route path="businesscase" element={<BusinessCasePage />} />
        <Route path="observaties" element={<ObservationsPage />} />
        <Route path="knelpunten" element={<BottlenecksPage />} />
        <Route path="knelpunten/:id" element={<BottlenecksPage />} />
        <Route path="livinglab" element={<LivingLabPage />} />
        <Route path="rapportage" element={<ReportsPage />} />
        <Route path="onderzoek" element={<ResearchExportPage />} />
        <Route path="deelnemers/:id/begeleiding" element={<GuidancePage />} />
        <Route path="begeleiding" element={<CaseloadPage />} />
        <Route path="tranches" element={<TranchesPage />} />
        <Route path="te-doen" element={<DueWorkPage />} />
        <Route path="uitkomsten" element={<OutcomesPage />} />
        <Route path="metingen" element={<SchedulePage />} />
        <Route path="deelnemers/:id/zrm" element={<ZrmPage />} />
        <Route path="aanbiedingen/:id" element={<OfferDetailPage />} />
        <Route path="huurcontracten" element={<TenanciesPage />} />
        <Route path="huurcontracten/:id" element={<TenancyDetailPage />} />
        <Route path="matching/voorstellen/nieuw" element={<ProposalsPage />} />
        <Route path="matching/voorstellen/:id" element={<ProposalDetailPage />} />
        <Route path="matching/regels" element={<EligibilityRulesPage />} />
        <Route path="beveiliging/tweede-factor" element={<SecondFactorPage />} />
        <Route path="beveiliging/sessies" element={<SessionsPage />} />
        <Route path="beheer/gebruikers" element={<UsersPage />} />
        <Route path="beheer/gebruikers/uitnodigen" element={<InvitePage />} />
        <Route path="beheer/post" element={<OutboxPage />} />
        <Route path="privacy/logboek" element={<AccessLogPage />} />
        <Route path="privacy/inzageverzoek" element={<DataExportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
