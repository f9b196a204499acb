import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/audit-page.tsx';
import { MdtBoardPage } from './caseload/mdt-board-page.tsx';
import { MyCaseloadPage } from './caseload/my-caseload-page.tsx';
import { RecordContactPage } from './contacts/record-contact-page.tsx';
import { RecordResultPage } from './medicines/record-result-page.tsx';
import { PrescribePage } from './medicines/prescribe-page.tsx';
import { RecordInjectionPage } from './medicines/record-injection-page.tsx';
import { PersonSaysPage } from './medicines/person-says-page.tsx';
import { StopMedicinePage } from './medicines/stop-medicine-page.tsx';
import { WaitingPage } from './referrals/waiting-page.tsx';
import { WaitingTimesPage } from './referrals/waiting-times-page.tsx';
import { TriageQueuePage } from './referrals/triage-queue-page.tsx';
import { TriageReferralPage } from './referrals/triage-referral-page.tsx';
import { CheckInPage } from './referrals/check-in-page.tsx';
import { TeamWaitingListPage } from './referrals/team-waiting-list-page.tsx';
import { RecordReferralPage } from './referrals/record-referral-page.tsx';
import { TeamOutcomesPage } from './outcomes/team-outcomes-page.tsx';
import { RecordInvitationPage } from './physical-health/record-invitation-page.tsx';
import { PhysicalHealthReportPage } from './physical-health/physical-health-report-page.tsx';
import { RecordMeasurePage } from './outcomes/record-measure-page.tsx';
import { MeasurePage } from './outcomes/measure-page.tsx';
import { TeamCaseloadPage } from './caseload/team-caseload-page.tsx';
import { RequireSignIn } from './auth/require-sign-in.tsx';
import { SessionProvider } from './auth/session-context.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { HomePage } from './layout/home-page.tsx';
import { ReportsPage, WorklistsPage } from './layout/section-index-page.tsx';
import { Layout } from './layout/layout.tsx';
import { NotFoundPage } from './layout/status-pages.tsx';
import { DischargePage } from './people/discharge-page.tsx';
import { PersonPage } from './people/person-page.tsx';
import { SearchPage } from './people/search-page.tsx';
import { DischargeAuditPage } from './reports/discharge-audit-page.tsx';
import { DisengagedPage } from './worklists/disengaged-page.tsx';
import { TransferCarePage } from './transfer/transfer-care-page.tsx';
import { TransferPage } from './transfer/transfer-page.tsx';
import { EscalationPage } from './escalation/escalation-page.tsx';
import { MonitoringOverduePage } from './worklists/monitoring-overdue-page.tsx';
import { SharedCarePage } from './worklists/shared-care-page.tsx';
import { PersonSharedCarePage } from './shared-care/person-shared-care-page.tsx';
import { PracticePage } from './shared-care/practice-page.tsx';
import { SendSummaryPage } from './gp-documents/send-summary-page.tsx';
import { PracticeDocumentsPage } from './gp-documents/practice-documents-page.tsx';
import { GpPracticesPage } from './gp-documents/gp-practices-page.tsx';
import { DocumentEndpointPage } from './gp-documents/document-endpoint-page.tsx';
import { MhaDeadlinesPage } from './worklists/mha-deadlines-page.tsx';
import { IntensiveReviewPage } from './worklists/intensive-review-page.tsx';
import { CareIntensityPage } from './intensive-care/care-intensity-page.tsx';
import { CtoEventPage } from './mha/cto-event-page.tsx';
import { MhaUsePage } from './reports/mha-use-page.tsx';
import { BoardPage } from './board/board-page.tsx';
import { BoardPeoplePage } from './board/board-people-page.tsx';
import { SelfAssessmentPage } from './governance/self-assessment-page.tsx';
import { SelfAssessmentDomainPage } from './governance/self-assessment-domain-page.tsx';
import { ActionsPage } from './governance/actions-page.tsx';
import { ActionPage } from './governance/action-page.tsx';
import { IncidentsPage } from './governance/incidents-page.tsx';
import { HistoryPage } from './history/history-page.tsx';
import { NeedToKnowPage } from './need-to-know/need-to-know-page.tsx';
import { CarerConcernsPage } from './worklists/carer-concerns-page.tsx';
import { AddCarerPage } from './carers/add-carer-page.tsx';
import { SharingPage } from './carers/sharing-page.tsx';
import { MainCarerPage } from './carers/main-carer-page.tsx';
import { EndInvolvementPage } from './carers/end-involvement-page.tsx';
import { LogConcernPage } from './carers/log-concern-page.tsx';
import { RespondPage } from './carers/respond-page.tsx';
import { PlanPage } from './plans/plan-page.tsx';
import { PlanFormPage } from './plans/plan-form-page.tsx';
import { DirectoryPage } from './community-assets/directory-page.tsx';
import { AssetFormPage } from './community-assets/asset-form-page.tsx';
import { PartnerReferralsPage } from './community-assets/partner-referrals-page.tsx';
import { ReferToAssetPage } from './community-assets/refer-page.tsx';
import { PartnerPeoplePage } from './partners/partner-people-page.tsx';
import { PartnerPersonPage } from './partners/partner-person-page.tsx';
import { AgreementsPage } from './partners/agreements-page.tsx';
import { AgreementFormPage } from './partners/agreement-form-page.tsx';

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/measure/:token" element={<MeasurePage />} />
            <Route path="/" element={signedIn(<HomePage />)} />
            <Route path="/people" element={signedIn(<SearchPage />)} />
            <Route path="/people/:id" element={signedIn(<PersonPage />)} />
            <Route path="/people/:id/contacts/new" element={signedIn(<RecordContactPage />)} />
            <Route path="/people/:id/results/new" element={signedIn(<RecordResultPage />)} />
            <Route path="/people/:id/medicines/new" element={signedIn(<PrescribePage />)} />
            <Route path="/people/:id/medicines/:medicineId/injection" element={signedIn(<RecordInjectionPage />)} />
            <Route path="/people/:id/medicines/:medicineId/person-says" element={signedIn(<PersonSaysPage />)} />
            <Route path="/people/:id/medicines/:medicineId/stop" element={signedIn(<StopMedicinePage />)} />
            <Route path="/people/:id/physical-health/invitations/new" element={signedIn(<RecordInvitationPage />)} />
            <Route path="/people/:id/outcomes/new" element={signedIn(<RecordMeasurePage />)} />
            <Route path="/people/:id/discharge/:episodeId" element={signedIn(<DischargePage />)} />
            <Route path="/people/:id/transfer/:episodeId" element={signedIn(<TransferCarePage />)} />
            <Route path="/people/:id/transfers/:transferId" element={signedIn(<TransferPage />)} />
            <Route path="/worklists" element={signedIn(<WorklistsPage />)} />
            <Route path="/reports" element={signedIn(<ReportsPage />)} />
            <Route path="/worklists/disengaged" element={signedIn(<DisengagedPage />)} />
            <Route path="/people/:id/escalation" element={signedIn(<EscalationPage />)} />
            <Route path="/worklists/monitoring-overdue" element={signedIn(<MonitoringOverduePage />)} />
            <Route path="/worklists/waiting" element={signedIn(<WaitingPage />)} />
            <Route path="/reports/waiting-times" element={signedIn(<WaitingTimesPage />)} />
            <Route path="/referrals/triage" element={signedIn(<TriageQueuePage />)} />
            <Route path="/referrals/new" element={signedIn(<RecordReferralPage />)} />
            <Route path="/people/:id/referrals/:referralId/triage" element={signedIn(<TriageReferralPage />)} />
            <Route path="/people/:id/referrals/:referralId/check-in" element={signedIn(<CheckInPage />)} />
            <Route path="/worklists/shared-care" element={signedIn(<SharedCarePage />)} />
            <Route path="/people/:id/shared-care" element={signedIn(<PersonSharedCarePage />)} />
            <Route path="/shared-care" element={signedIn(<PracticePage />)} />
            <Route path="/gp-practice/documents" element={signedIn(<PracticeDocumentsPage />)} />
            <Route path="/people/:id/gp-summary" element={signedIn(<SendSummaryPage />)} />
            <Route path="/gp-practices" element={signedIn(<GpPracticesPage />)} />
            <Route path="/gp-practices/:practiceId/document-endpoint" element={signedIn(<DocumentEndpointPage />)} />
            <Route path="/worklists/mha-deadlines" element={signedIn(<MhaDeadlinesPage />)} />
            <Route path="/people/:id/mha/ctos/:flag" element={signedIn(<CtoEventPage />)} />
            <Route path="/people/:id/history" element={signedIn(<HistoryPage />)} />
            <Route path="/people/:id/need-to-know" element={signedIn(<NeedToKnowPage />)} />
            <Route path="/worklists/carer-concerns" element={signedIn(<CarerConcernsPage />)} />
            <Route path="/people/:id/carers/new" element={signedIn(<AddCarerPage />)} />
            <Route path="/people/:id/carers/:carerId/sharing" element={signedIn(<SharingPage />)} />
            <Route path="/people/:id/carers/:carerId/main-carer" element={signedIn(<MainCarerPage />)} />
            <Route path="/people/:id/carers/:carerId/end" element={signedIn(<EndInvolvementPage />)} />
            <Route path="/people/:id/carer-concerns/new" element={signedIn(<LogConcernPage />)} />
            <Route path="/people/:id/carer-concerns/:concernId/respond" element={signedIn(<RespondPage />)} />
            <Route path="/people/:id/plans/:kind" element={signedIn(<PlanPage />)} />
            <Route path="/people/:id/plans/:kind/edit" element={signedIn(<PlanFormPage />)} />
            <Route path="/community-assets" element={signedIn(<DirectoryPage />)} />
            <Route path="/community-assets/new" element={signedIn(<AssetFormPage />)} />
            <Route path="/community-assets/:assetId/edit" element={signedIn(<AssetFormPage />)} />
            <Route path="/community-assets/referrals" element={signedIn(<PartnerReferralsPage />)} />
            <Route path="/people/:id/community-referrals/new" element={signedIn(<ReferToAssetPage />)} />
            <Route path="/worklists/intensive-review" element={signedIn(<IntensiveReviewPage />)} />
            <Route path="/people/:id/care-intensity" element={signedIn(<CareIntensityPage />)} />
            <Route path="/caseload" element={signedIn(<MyCaseloadPage />)} />
            <Route path="/team/caseload" element={signedIn(<TeamCaseloadPage />)} />
            <Route path="/team/mdt" element={signedIn(<MdtBoardPage />)} />
            <Route path="/team/waiting-list" element={signedIn(<TeamWaitingListPage />)} />
            <Route path="/audit" element={signedIn(<AuditPage />)} />
            <Route path="/partner" element={signedIn(<PartnerPeoplePage />)} />
            <Route path="/partner/people/:id" element={signedIn(<PartnerPersonPage />)} />
            <Route path="/sharing-agreements" element={signedIn(<AgreementsPage />)} />
            <Route path="/sharing-agreements/new" element={signedIn(<AgreementFormPage />)} />
            <Route path="/sharing-agreements/:agreementId/edit" element={signedIn(<AgreementFormPage />)} />
            <Route path="/reports/discharge-audit" element={signedIn(<DischargeAuditPage />)} />
            <Route path="/reports/physical-health" element={signedIn(<PhysicalHealthReportPage />)} />
            <Route path="/reports/mha-use" element={signedIn(<MhaUsePage />)} />
            <Route path="/board" element={signedIn(<BoardPage />)} />
            <Route path="/board/:tile/people" element={signedIn(<BoardPeoplePage />)} />
            <Route path="/reports/outcomes" element={signedIn(<TeamOutcomesPage />)} />
            <Route path="/governance/self-assessment" element={signedIn(<SelfAssessmentPage />)} />
            <Route path="/governance/self-assessment/:domain" element={signedIn(<SelfAssessmentDomainPage />)} />
            <Route path="/governance/actions" element={signedIn(<ActionsPage />)} />
            <Route path="/governance/actions/:actionId" element={signedIn(<ActionPage />)} />
            <Route path="/governance/incidents" element={signedIn(<IncidentsPage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
