import { disengagedWorklist, openStore, rebuildEngagementState, writeRecords } from '@continuity/store';
import { argument } from './measure.ts';
import { timeWorklist } from './worklist-timing.ts';

/**
 * The disengaged worklist over the whole population and for one team (median of a few runs), then
 * the time to bring one person's place on it up to date after one new event: a contact recorded for
 * someone on the list, written with its engagement state in one transaction (then rolled back).
 */
const target = argument('target');
const asOf = argument('as-of');
const runs = Number(argument('runs'));
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

class RolledBack extends Error {}

try {
  const listed = await timeWorklist(store, (scope) => disengagedWorklist(store.db, scope), { asOf, runs });

  // One new event for each of up to 100 listed people, one at a time.
  const people = listed.filter((_, i) => i % Math.max(1, Math.floor(listed.length / 100)) === 0).slice(0, 100);
  const writeAndUpdate: number[] = [];
  const updateOnly: number[] = [];
  for (const personId of people) {
    const id = `bench-contact-${personId}`;
    const contact = {
      type: 'Encounter' as const, id, personId,
      resource: { resourceType: 'Encounter', id, status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH' }, subject: { reference: `Patient/${personId}` }, period: { start: `${asOf}T10:00:00Z`, end: `${asOf}T11:00:00Z` } },
    };
    await store.db
      .transaction()
      .execute(async (trx) => {
        let started = performance.now();
        await writeRecords(trx, [contact]);
        writeAndUpdate.push(performance.now() - started);
        started = performance.now();
        await rebuildEngagementState(trx, [personId]);
        updateOnly.push(performance.now() - started);
        const after = await disengagedWorklist(trx, { asOf, people: [personId] });
        if (after.list.items.some((i) => i.reasons.some((r) => r.code === 'no-contact-within-interval'))) throw new Error(`${personId} still has no contact after one was recorded`);
        throw new RolledBack();
      })
      .catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  }
  say({ task: 'worklist:disengaged one person updated after a new contact (write + state)', samples: people.length, medianMs: round(median(writeAndUpdate)), p95Ms: round(p95(writeAndUpdate)) });
  say({ task: 'worklist:disengaged one person state rebuilt', samples: people.length, medianMs: round(median(updateOnly)), p95Ms: round(p95(updateOnly)) });
} finally {
  await store.close();
}

function round(n: number) {
  return Number(n.toFixed(2));
}
