import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario } from '../../store/test/support/scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const ada = { reference: 'Patient/ada' };
const north = { reference: 'Organization/team-north' };

/** The foundation scenario with, for each way of sending (inject and HTTP), its own episodes, prescription and referral to fight over. */
function concurrencyScenario() {
  const resources = scenario();
  for (const way of ['inject', 'http']) {
    resources.EpisodeOfCare!.push(
      { resourceType: 'EpisodeOfCare', id: `ada-discharge-${way}`, status: 'active', patient: ada, managingOrganization: north, period: { start: '2025-02-01' } },
      { resourceType: 'EpisodeOfCare', id: `ada-transfer-${way}`, status: 'active', patient: ada, managingOrganization: north, period: { start: '2025-02-01' } },
    );
    resources.MedicationRequest!.push({ resourceType: 'MedicationRequest', id: `ada-lithium-${way}`, status: 'active', intent: 'order', subject: ada, authoredOn: '2025-02-10', medicationCodeableConcept: { text: 'Lithium carbonate 400mg tablets' } });
    resources.ServiceRequest!.push({ resourceType: 'ServiceRequest', id: `ada-referral-${way}`, status: 'active', intent: 'order', subject: ada, authoredOn: '2025-06-05' });
  }
  return resources;
}

interface Sent {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
}

/** Two changes to one record, each made on the version both users read, and how to tell whose was stored. */
interface Race {
  route: string;
  url: string;
  a: { user: string; payload: object };
  b: { user: string; payload: object };
  /** Which change the store now holds. */
  stored(): Promise<'a' | 'b' | 'neither'>;
}

describe.each(storeKinds)('two users changing the same record at once on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  let base = '';
  const cookies: Record<string, string> = {};
  const ways = {
    inject: async (user: string, url: string, payload: object): Promise<Sent> => {
      const response = await app.inject({ method: 'POST', url, headers: { cookie: cookies[user]! }, payload });
      return { status: response.statusCode, body: response.json() };
    },
    http: async (user: string, url: string, payload: object): Promise<Sent> => {
      const response = await fetch(base + url, { method: 'POST', headers: { cookie: cookies[user]!, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      return { status: response.status, body: (await response.json()) as Sent['body'] };
    },
  };

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, concurrencyScenario());
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    // The manager and the prescriber are signed in twice: the same person in two tabs is two users too.
    for (const user of ['keyworker', 'manager', 'prescriber']) cookies[user] = await signIn(app, user);
    for (const user of ['manager', 'prescriber']) cookies[`${user}-2`] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const resource = async (type: 'EpisodeOfCare' | 'MedicationRequest' | 'ServiceRequest', id: string) => JSON.stringify((await readPersonRecord(store.db, 'ada', type, id))?.resource);
  const whose = (text: string): 'a' | 'b' | 'neither' => (text.includes('(A)') ? 'a' : text.includes('(B)') ? 'b' : 'neither');

  async function races(way: 'inject' | 'http'): Promise<Race[]> {
    const task = await ways[way]('keyworker', '/api/people/ada/escalation/tasks', { step: 'home-visit', ownerId: 'demo-keyworker', due: '2026-12-01' });
    const transfer = await ways[way]('keyworker', '/api/people/ada/transfers', { episode: `ada-transfer-${way}`, receivingTeam: 'team-south', reason: 'Moving south.' });
    expect([task.status, transfer.status]).toEqual([201, 201]);
    const discharge = (routeBack: string) => ({ episode: `ada-discharge-${way}`, version: 1, reason: 'recovered', end: '2026-01-10', mdtDecisionDate: '2026-01-08', relapseIndicators: 'Sleeping less.', harmsIfMissed: 'Self-neglect.', routeBack });
    return [
      {
        route: 'discharge an episode',
        url: '/api/people/ada/discharge',
        a: { user: 'keyworker', payload: discharge('Call the team (A).') },
        b: { user: 'manager', payload: discharge('Ask the GP to refer (B).') },
        stored: async () => whose(await resource('EpisodeOfCare', `ada-discharge-${way}`)),
      },
      {
        route: 'stop a prescription',
        url: `/api/people/ada/medicines/ada-lithium-${way}/stop`,
        a: { user: 'prescriber', payload: { version: 1, date: '2026-01-10', reason: 'Kidney function falling (A).' } },
        b: { user: 'prescriber-2', payload: { version: 1, date: '2026-01-10', reason: 'She asked to stop (B).' } },
        stored: async () => whose(await resource('MedicationRequest', `ada-lithium-${way}`)),
      },
      {
        route: 'triage a referral',
        url: `/api/people/ada/referrals/ada-referral-${way}/triage`,
        a: { user: 'manager', payload: { version: 1, outcome: 'signposted', date: '2026-01-10', onwardService: 'Talking therapies (A)' } },
        b: { user: 'manager-2', payload: { version: 1, outcome: 'signposted', date: '2026-01-10', onwardService: 'Recovery college (B)' } },
        stored: async () => whose(await resource('ServiceRequest', `ada-referral-${way}`)),
      },
      {
        route: 'close an escalation task',
        url: `/api/people/ada/escalation/tasks/${task.body.id}/complete`,
        a: { user: 'keyworker', payload: { version: 1, outcome: 'Visited; she is well (A).' } },
        b: { user: 'manager', payload: { version: 1, outcome: 'Spoke to her sister (B).' } },
        stored: async () => whose((await store.db.selectFrom('engagement_task').select('outcome').where('id', '=', String(task.body.id)).executeTakeFirstOrThrow()).outcome ?? ''),
      },
      {
        route: 'withdraw a transfer of care',
        url: `/api/people/ada/transfers/${transfer.body.id}/withdraw`,
        a: { user: 'keyworker', payload: { version: 1 } },
        b: { user: 'manager', payload: { version: 1 } },
        stored: async () => {
          const by = (await store.db.selectFrom('transfer_of_care').select('decided_by').where('id', '=', String(transfer.body.id)).executeTakeFirstOrThrow()).decided_by;
          return by === 'demo-keyworker' ? 'a' : by === 'demo-manager' ? 'b' : 'neither';
        },
      },
    ];
  }

  it.each(['inject', 'http'] as const)('lets exactly one of two simultaneous changes through, refuses the other as a conflict, and keeps the one that won, sent by %s', async (way) => {
    for (const race of await races(way)) {
      const [a, b] = await Promise.all([ways[way](race.a.user, race.url, race.a.payload), ways[way](race.b.user, race.url, race.b.payload)]);
      const statuses = [a.status, b.status];
      expect(statuses.sort(), `${race.route}: ${JSON.stringify([a.body, b.body])}`).toEqual([200, 409]);
      const [winner, loser] = a.status === 200 ? (['a', b] as const) : (['b', a] as const);
      // Stale (changed since read) or already decided (when the loser read after the winner saved): a conflict either way, said in words.
      expect(loser.body.error?.code, race.route).toMatch(/^(stale-version|already-[a-z-]+)$/);
      expect(loser.body.error?.message.length, race.route).toBeGreaterThan(30);
      expect(await race.stored(), race.route).toBe(winner);
    }
  });
});
