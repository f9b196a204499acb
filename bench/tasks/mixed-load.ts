import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openStore } from '@continuity/store';
import { keyWorkerSessions, latencySummary, startServer } from './load-setup.ts';
import { argument } from './measure.ts';

/**
 * Issue 10 part 4: a working day's mix under load. `users` key workers, each with a session of their
 * own, against `continuity serve` (its own process) on loopback; each waits a random think time
 * (exponential, so `rate` requests a second in all) and then, by weight, opens their caseload (60%),
 * opens one of their people's records with its timeline (30%), or records a phone contact with one
 * of them (10%). The server's resident memory is sampled every 10 s to show whether it grows over a
 * long soak. Reports each kind's median and p95, errors, and the memory at the start and end.
 */
const target = argument('target');
const asOf = argument('as-of');
const users = Number(argument('users'));
const seconds = Number(argument('seconds'));
const rate = Number(argument('rate'));

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const store = await openStore({ databaseUrl: target });
const { server, address } = await startServer(target);

/** The server's resident set size in MiB, from /proc. */
const rssMib = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;

try {
  const cookies = await keyWorkerSessions(store, users);
  const caseloadUrl = `${address}/api/caseloads/me?asOf=${asOf}`;
  // Each user's people, from their caseload once (which also warms the server).
  const peopleOf = await Promise.all(
    cookies.map(async (cookie) => {
      const body = (await (await fetch(caseloadUrl, { headers: { cookie } })).json()) as { people: Array<{ patient: { id: string } }> };
      // Only ids the API accepts (FHIR ids): a store grown by copying records may hold others.
      return body.people.map((p) => p.patient.id).filter((id) => /^[A-Za-z0-9\-.]{1,64}$/.test(id));
    }),
  );
  const latencies: Record<'caseload' | 'record' | 'contact', number[]> = { caseload: [], record: [], contact: [] };
  const errors: Record<string, number> = {};
  const memory: number[] = [rssMib()];
  const sampler = setInterval(() => memory.push(rssMib()), 10_000);
  const until = Date.now() + seconds * 1000;
  const meanThinkMs = (cookies.length / rate) * 1000;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

  async function timed(kind: keyof typeof latencies, requests: Array<() => Promise<Response>>, expected: number[]) {
    const started = performance.now();
    for (const [i, request] of requests.entries()) {
      const response = await request();
      await response.arrayBuffer();
      if (response.status !== expected[i]) errors[`${kind} ${response.status}`] = (errors[`${kind} ${response.status}`] ?? 0) + 1;
    }
    latencies[kind].push(performance.now() - started);
  }

  await Promise.all(
    cookies.map(async (cookie, user) => {
      const people = peopleOf[user]!;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, -Math.log(1 - Math.random()) * meanThinkMs));
        if (Date.now() >= until) return;
        const roll = Math.random();
        if (roll < 0.6 || people.length === 0) {
          await timed('caseload', [() => fetch(caseloadUrl, { headers: { cookie } })], [200]);
        } else if (roll < 0.9) {
          const person = pick(people);
          // The record page asks for the record and its timeline together.
          const started = performance.now();
          const [record, timeline] = await Promise.all([
            fetch(`${address}/api/people/${person}`, { headers: { cookie } }),
            fetch(`${address}/api/people/${person}/timeline`, { headers: { cookie } }),
          ]);
          await Promise.all([record.arrayBuffer(), timeline.arrayBuffer()]);
          for (const response of [record, timeline]) if (response.status !== 200) errors[`record ${response.status}`] = (errors[`record ${response.status}`] ?? 0) + 1;
          latencies.record.push(performance.now() - started);
        } else {
          const person = pick(people);
          const body = JSON.stringify({ contactId: randomUUID(), date: today, mode: 'phone', outcome: 'attended', note: 'Phoned: doing well.' });
          await timed('contact', [() => fetch(`${address}/api/people/${person}/contacts`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: address }, body })], [201]);
        }
      }
    }),
  );
  clearInterval(sampler);
  memory.push(rssMib());
  // Growth: the last minute's memory against the first minute's, once the server has warmed.
  const minute = Math.max(1, Math.round(60 / 10));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const total = latencies.caseload.length + latencies.record.length + latencies.contact.length;
  process.stdout.write(`${JSON.stringify({
    task: `mixed load, ${cookies.length} users, ${seconds} s, ~${rate} requests a second`,
    requestsPerSecond: Number((total / seconds).toFixed(1)),
    caseload: latencySummary(latencies.caseload),
    record: latencySummary(latencies.record),
    contact: latencySummary(latencies.contact),
    errors,
    rssMib: { start: Math.round(memory[0]!), firstMinute: Math.round(mean(memory.slice(0, minute))), lastMinute: Math.round(mean(memory.slice(-minute))), peak: Math.round(Math.max(...memory)) },
  })}\n`);
} finally {
  server.kill('SIGTERM');
  await store.close();
}
