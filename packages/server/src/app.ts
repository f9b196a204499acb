import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Store } from '@continuity/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { auditRoutes } from './audit/audit-routes.ts';
import { dischargeRoutes } from './discharge/discharge-routes.ts';
import { escalationRoutes } from './engagement/escalation-routes.ts';
import { caseloadRoutes } from './caseload/caseload-routes.ts';
import { contactRoutes } from './contacts/contact-routes.ts';
import { resultRoutes } from './medicines/result-routes.ts';
import { medicineRoutes } from './medicines/medicine-routes.ts';
import { referralRoutes } from './referrals/referral-routes.ts';
import { agreementRoutes } from './shared-care/agreement-routes.ts';
import { practiceRoutes } from './shared-care/practice-routes.ts';
import { gpSummaryRoutes } from './gp-documents/gp-summary-routes.ts';
import { gpPracticeRoutes } from './gp-documents/gp-practice-routes.ts';
import { mhaRoutes } from './mha/mha-routes.ts';
import { careIntensityRoutes } from './intensive-care/care-intensity-routes.ts';
import { outcomeRoutes } from './outcomes/outcome-routes.ts';
import { measureLinkRoutes } from './outcomes/measure-link-routes.ts';
import { transferRoutes } from './transfer/transfer-routes.ts';
import { installSessions } from './auth/session.ts';
import { sessionRoutes } from './auth/session-routes.ts';
import { ssoRoutes } from './auth/sso/sso-routes.ts';
import { passwordSignInFrom, ssoSettingsFrom, type SsoSettings } from './auth/sso/sso-settings.ts';
import { frameworkErrors, installErrorHandler } from './http/errors.ts';
import { refuseCrossSiteWrites } from './http/same-origin.ts';
import { peopleRoutes } from './people/people-routes.ts';
import { physicalHealthReportRoutes } from './physical-health/physical-health-report-routes.ts';
import { physicalHealthRoutes } from './physical-health/physical-health-routes.ts';
import { planRoutes } from './plans/plan-routes.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { boardRoutes } from './board/board-routes.ts';
import { DEFAULT_WEB_ROOT, serveWebApp } from './web/static-site.ts';
import { worklistRoutes } from './worklists/worklist-routes.ts';
import { recordGate } from './people/record-gate.ts';
import { historyRoutes } from './history/history-routes.ts';
import { needToKnowRoutes } from './need-to-know/need-to-know-routes.ts';
import { carerRoutes } from './carers/carer-routes.ts';
import { governanceRoutes } from './governance/governance-routes.ts';
import { incidentRoutes } from './governance/incident-routes.ts';
import { partnersAndSharingRoutes } from './partners/partners-and-sharing-routes.ts';
import { carerResponseHoursSetting } from './carers/carer-settings.ts';
import { boardMaxAgeMinutesSetting } from './board/board-settings.ts';
import { communityAssetRoutes } from './community-assets/community-asset-routes.ts';
import { fhirApi } from './fhir/fhir-routes.ts';
import { withFhirFrameworkErrors } from './fhir/operation-outcome.ts';

export interface AppOptions {
  store: Store;
  /** Folder of the built web app; defaults to packages/web/dist. */
  webRoot?: string;
  /** Log requests (method, route, status, time; never URLs, bodies or names) to stdout. */
  log?: boolean;
  /** Mark cookies Secure: on whenever the app is served over HTTPS. */
  secureCookies?: boolean;
  /** Hours a response to a carer's concern is due within; CONTINUITY_CARER_RESPONSE_HOURS, else carer-concern-rules.ts. */
  carerResponseHours?: number;
  /** Minutes a board build may be served after a write; CONTINUITY_BOARD_MAX_AGE_MINUTES, else 15 (board-settings.ts). */
  boardMaxAgeMinutes?: number;
  /** Single sign-on with OpenID Connect; CONTINUITY_OIDC_* when not given, null for none (docs/single-sign-on.md). */
  sso?: SsoSettings | null;
  /** Offer local passwords; CONTINUITY_PASSWORD_SIGN_IN (on unless "off") when not given. */
  passwordSignIn?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.log
      ? {
          serializers: {
            // The URL can carry search terms (names, NHS numbers): log the route pattern instead.
            req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 1 << 20,
    trustProxy: false,
    frameworkErrors: withFhirFrameworkErrors(frameworkErrors),
  });
  installErrorHandler(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCookie);
  refuseCrossSiteWrites(app);
  installSessions(app, options.store);
  recordGate(app, options.store);

  app.get('/api/health', async () => ({ ok: true, store: options.store.kind }));
  const sso = options.sso === undefined ? ssoSettingsFrom() : options.sso;
  const passwordSignIn = options.passwordSignIn ?? passwordSignInFrom(process.env, sso);
  sessionRoutes(app, options.store, { secureCookies: options.secureCookies ?? false, passwordSignIn });
  ssoRoutes(app, options.store, { sso, passwordSignIn, secureCookies: options.secureCookies ?? false });
  peopleRoutes(app, options.store);
  auditRoutes(app, options.store);
  const carerResponseHours = options.carerResponseHours ?? carerResponseHoursSetting();
  worklistRoutes(app, options.store, { carerResponseHours });
  dischargeRoutes(app, options.store);
  reportRoutes(app, options.store);
  boardRoutes(app, options.store, { carerResponseHours, maxAgeMinutes: options.boardMaxAgeMinutes ?? boardMaxAgeMinutesSetting() });
  caseloadRoutes(app, options.store);
  contactRoutes(app, options.store);
  resultRoutes(app, options.store);
  medicineRoutes(app, options.store);
  referralRoutes(app, options.store);
  agreementRoutes(app, options.store);
  practiceRoutes(app, options.store);
  gpSummaryRoutes(app, options.store);
  gpPracticeRoutes(app, options.store);
  mhaRoutes(app, options.store);
  careIntensityRoutes(app, options.store);
  outcomeRoutes(app, options.store);
  measureLinkRoutes(app, options.store);
  transferRoutes(app, options.store);
  escalationRoutes(app, options.store);
  physicalHealthRoutes(app, options.store);
  physicalHealthReportRoutes(app, options.store);
  historyRoutes(app, options.store);
  needToKnowRoutes(app, options.store);
  carerRoutes(app, options.store, { responseHours: carerResponseHours });
  planRoutes(app, options.store);
  communityAssetRoutes(app, options.store);
  await app.register(fhirApi(options.store, { carerResponseHours }), { prefix: '/fhir' });
  governanceRoutes(app, options.store);
  incidentRoutes(app, options.store);
  partnersAndSharingRoutes(app, options.store);
  await serveWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}
