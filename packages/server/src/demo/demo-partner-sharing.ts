import { checkAgreement, londonToday, sharingWishConsent, type AnyResource, type SharingWish } from '@continuity/domain';
import { createSharingAgreement, createUser, prepareRecord, recordAudit, writeRecords, type Store } from '@continuity/store';
import { sql } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';

const POLICE = 'police';

/** What the demo people say about sharing with the police: most agree, one declines, one was not asked yet. */
const demoWishes: Array<Pick<SharingWish, 'decision' | 'objections'>> = [
  { decision: 'agreed', objections: [] },
  { decision: 'agreed', objections: ['appointments'] },
  { decision: 'declined', objections: [] },
  { decision: 'not-asked', objections: [] },
  { decision: 'agreed', objections: [] },
];

/**
 * The demo's information sharing (docs/partners-and-sharing.md): a live agreement with the
 * synthetic police force (Crime and Disorder Act s115), the police linked to five people on the
 * demo key worker's caseload with their wishes, and a sign-in `police` for the force's liaison
 * officer. Only once, only when the population has the synthetic police and the demo accounts exist;
 * returns the partner's username when it was made.
 */
export async function createDemoPartnerSharing(store: Store): Promise<string | null> {
  if (await store.db.selectFrom('sharing_agreement').select('id').limit(1).executeTakeFirst()) return null;
  if (!(await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', '=', POLICE).executeTakeFirst())) return null;
  const keyWorker = await store.db.selectFrom('app_user').select('practitioner_id').where('username', '=', 'keyworker').executeTakeFirst();
  if (!keyWorker?.practitioner_id || (await store.db.selectFrom('app_user').select('id').where('username', '=', 'police').executeTakeFirst())) return null;
  const people = (await sql<{ person_id: string }>`
    SELECT DISTINCT person_id FROM record WHERE resource_type = 'EpisodeOfCare' AND status = 'active'
      AND resource->'careManager'->>'reference' = ${`Practitioner/${keyWorker.practitioner_id}`} ORDER BY person_id LIMIT ${demoWishes.length}`.execute(store.db)).rows.map((r) => r.person_id);
  const today = londonToday();
  const checked = checkAgreement({
    id: 'demo-police-liaison', title: 'Police and mental health liaison (synthetic)',
    purpose: 'So officers meeting someone the trust holds know whom to call and what to look out for, and can tell the team what they saw.',
    legalBasis: 'crime-and-disorder', partners: [POLICE], categories: ['identity', 'key-worker-and-team', 'appointments', 'red-flags'],
    startDate: `${today.slice(0, 4)}-01-01`, reviewDate: `${Number(today.slice(0, 4)) + 1}-12-31`, status: 'active',
  });
  if (!checked.ok) throw new Error(`demo sharing agreement: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  const consents = people.map((personId, i) => {
    const wish: SharingWish = { id: `demo-sharing-police-${personId}`.slice(0, 64), personId, organisationId: POLICE, ...demoWishes[i]!, date: today, recordedBy: 'Demo key worker', linked: true };
    return prepareRecord({ type: 'Consent', id: wish.id, personId, resource: sharingWishConsent(wish) as AnyResource });
  });
  await store.db.transaction().execute(async (trx) => {
    await createSharingAgreement(trx, checked.agreement, 'demo-admin');
    await writeRecords(trx, consents);
    await recordAudit(trx, consents.map((c) => ({ actorId: 'demo-keyworker', actorRole: 'key-worker', action: 'record-sharing-wishes', personId: c.personId, resourceType: 'Consent', resourceId: c.id, basis: 'system' as const, outcome: 'allowed' as const, detail: { organisation: POLICE } })));
  });
  await createUser(store.db, { id: 'demo-police', username: 'police', displayName: 'Demo police liaison officer', role: 'partner-agency', passwordHash: await hashPassword(DEMO_PASSWORD), organisationId: POLICE });
  return 'police';
}
