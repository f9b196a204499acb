import { createHash } from 'node:crypto';
import { checkAsset, type AssetEntry } from '@continuity/domain';
import { countUsers, createCommunityAsset, createUser, savePostcodeCentroids, type Store } from '@continuity/store';
import { sql } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';

/**
 * Approximate centres of the postcode districts the synthetic population lives in
 * (packages/synth/src/places/geography.ts), in WGS84 degrees. Real postcode centroids cannot be
 * shipped; these are enough for a demo to rank services by distance.
 */
const districtCentres: Record<string, [number, number]> = {
  BS1: [51.4545, -2.593], BS2: [51.464, -2.575], BS3: [51.438, -2.6], BS4: [51.435, -2.555], BS5: [51.462, -2.54], BS6: [51.473, -2.6], BS7: [51.485, -2.585],
  BS8: [51.456, -2.618], BS9: [51.49, -2.63], BS10: [51.51, -2.605], BS11: [51.495, -2.685], BS13: [51.415, -2.615], BS14: [51.413, -2.565], BS15: [51.46, -2.5],
  BS16: [51.49, -2.515], BS20: [51.48, -2.765], BS21: [51.435, -2.855], BS22: [51.365, -2.935], BS23: [51.34, -2.975], BS24: [51.325, -2.94], BS30: [51.44, -2.465],
  BS32: [51.54, -2.56], BS34: [51.51, -2.575], BS35: [51.605, -2.52], BS37: [51.54, -2.42], BS48: [51.43, -2.755], BS49: [51.385, -2.82],
};

/** Made-up services of the synthetic area, kept by the synthetic partner organisations (or a team). */
const demoAssets: Array<Omit<AssetEntry, 'maintainerId'> & { id: string; keptBy: 'vcse-mind' | 'housing' | 'team' }> = [
  { id: 'demo-mind-peer', name: 'Severnside Mind peer support group (synthetic)', kind: 'peer-support', needs: ['peer-support', 'loneliness'], postcode: 'BS2 0DA', openingTimes: 'Tuesdays 6pm to 8pm', phone: '0117 496 0001', accessibility: ['step-free', 'quiet-space'], languages: ['English'], keptBy: 'vcse-mind', eligibility: 'Adults with experience of mental ill health' },
  { id: 'demo-recovery-college', name: 'Severnside Recovery College (synthetic)', kind: 'recovery-college', needs: ['education', 'peer-support'], postcode: 'BS1 5TR', openingTimes: 'Courses each term, Monday to Friday', email: 'college@example.org', accessibility: ['step-free', 'hearing-loop', 'easy-read'], languages: ['English', 'Polish'], keptBy: 'vcse-mind' },
  { id: 'demo-homes-advice', name: 'Severnside Homes tenancy support (synthetic)', kind: 'housing', needs: ['housing', 'money-debt'], postcode: 'BS5 6XX', openingTimes: 'Monday to Friday, 9am to 5pm', phone: '0117 496 0002', accessibility: ['step-free', 'online-or-phone'], languages: ['English', 'Somali', 'Urdu'], keptBy: 'housing' },
  { id: 'demo-weston-housing', name: 'Weston housing drop-in (synthetic)', kind: 'housing', needs: ['housing'], postcode: 'BS23 1UJ', openingTimes: 'Thursdays 10am to 1pm', accessibility: ['step-free'], languages: ['English'], keptBy: 'housing' },
  { id: 'demo-ips', name: 'Individual Placement and Support employment service (synthetic)', kind: 'employment', needs: ['employment'], postcode: 'BS1 6AA', openingTimes: 'By appointment', phone: '0117 496 0003', accessibility: ['online-or-phone'], languages: ['English'], keptBy: 'team', eligibility: 'People on a community mental health team caseload who want paid work' },
  { id: 'demo-walking', name: 'Green walks group (synthetic)', kind: 'vcse', needs: ['physical-activity', 'loneliness'], postcode: 'BS16 1QY', openingTimes: 'Saturdays 10am', accessibility: [], languages: ['English'], keptBy: 'vcse-mind' },
  { id: 'demo-faith-kitchen', name: 'Community kitchen and faith centre (synthetic)', kind: 'faith-community', needs: ['faith-culture', 'food-essentials', 'loneliness'], postcode: 'BS5 0HE', openingTimes: 'Fridays 12pm to 3pm', accessibility: ['step-free', 'accessible-toilet'], languages: ['English', 'Somali', 'Arabic'], keptBy: 'vcse-mind' },
  { id: 'demo-drug-alcohol', name: 'Drug and alcohol recovery service (synthetic)', kind: 'vcse', needs: ['substance-use', 'peer-support'], postcode: 'BS2 9LB', openingTimes: 'Monday to Saturday, 9am to 6pm', phone: '0117 496 0004', accessibility: ['step-free', 'online-or-phone'], languages: ['English', 'Polish'], keptBy: 'vcse-mind' },
];

/** A point near the district's centre, the same for the same postcode every time. */
function centroidOf(postcode: string): { postcode: string; latitude: number; longitude: number } | null {
  const centre = districtCentres[postcode.split(' ')[0] ?? ''];
  if (!centre) return null;
  const hash = createHash('sha256').update(postcode).digest();
  const jitter = (byte: number) => ((byte / 255) * 2 - 1) * 0.008;
  return { postcode, latitude: centre[0] + jitter(hash[0]!), longitude: centre[1] + jitter(hash[1]!) };
}

/**
 * The demo's community assets (docs/community-assets.md): centroids for every synthetic person's
 * postcode and the services', the services, and a sign-in for the synthetic VCSE partner to answer
 * referrals to its services. Only into an empty directory of a population that has the synthetic
 * partner organisations; returns the partner's username when it was made.
 */
export async function createDemoCommunityAssets(store: Store): Promise<string | null> {
  if (await store.db.selectFrom('community_asset').select('id').limit(1).executeTakeFirst()) return null;
  const partners = await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', 'in', ['vcse-mind', 'housing']).execute();
  if (partners.length < 2) return null;
  const team = (await sql<{ team: string | null }>`
    SELECT resource->'managingOrganization'->>'reference' AS team FROM record
    WHERE resource_type = 'EpisodeOfCare' AND status = 'active' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`.execute(store.db)).rows[0]?.team?.replace(/^Organization\//, '');
  const postcodes = (await store.db.selectFrom('person').select('postcode').distinct().where('postcode', 'is not', null).execute()).map((r) => r.postcode!);
  const centroids = [...new Set([...postcodes, ...demoAssets.map((a) => a.postcode)])].map(centroidOf).filter((c) => c !== null);
  await store.db.transaction().execute(async (trx) => {
    await savePostcodeCentroids(trx, centroids);
    for (const { id, keptBy, ...entry } of demoAssets) {
      const maintainerId = keptBy === 'team' ? team : keptBy;
      if (!maintainerId) continue;
      const checked = checkAsset({ ...entry, maintainerId });
      if (!checked.ok) throw new Error(`demo community asset ${id}: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
      await createCommunityAsset(trx, id, checked.asset, 'demo');
    }
  });
  if ((await countUsers(store.db)) === 0) return null;
  if (await store.db.selectFrom('app_user').select('id').where('username', '=', 'vcse').executeTakeFirst()) return null;
  await createUser(store.db, { id: 'demo-vcse', username: 'vcse', displayName: 'Demo VCSE partner, Severnside Mind', role: 'partner-agency', passwordHash: await hashPassword(DEMO_PASSWORD), organisationId: 'vcse-mind' });
  return 'vcse';
}
