import { getPersonRecord, openStore, personTimeline, searchPeople } from '@continuity/store';
import { sql } from 'kysely';
import { argument } from './measure.ts';

/** Latency of the reads a clinician makes all day, on an imported population: median and p95 in ms. */
const target = argument('target');
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const samples = Number(argument('samples'));
try {
  const people = await sql<{ person_id: string; family_name: string; nhs_number: string }>`
    SELECT person_id, family_name, nhs_number FROM person ORDER BY md5(person_id) LIMIT ${samples}`.execute(store.db);
  const picks = people.rows;
  const time = async (name: string, run: (p: (typeof picks)[number]) => Promise<unknown>) => {
    const took: number[] = [];
    for (const person of picks) {
      const started = performance.now();
      await run(person);
      took.push(performance.now() - started);
    }
    took.sort((a, b) => a - b);
    const at = (q: number) => Number(took[Math.min(took.length - 1, Math.floor(q * took.length))]!.toFixed(2));
    process.stdout.write(`${JSON.stringify({ task: `query:${name}`, samples: took.length, medianMs: at(0.5), p95Ms: at(0.95) })}\n`);
  };
  await time('search-by-nhs-number', (p) => searchPeople(store.db, { nhsNumber: p.nhs_number }));
  await time('search-by-family-name', (p) => searchPeople(store.db, { q: p.family_name }));
  await time('person-record', (p) => getPersonRecord(store.db, p.person_id, 'content'));
  await time('timeline', (p) => personTimeline(store.db, p.person_id, 'content'));
} finally {
  await store.close();
}
