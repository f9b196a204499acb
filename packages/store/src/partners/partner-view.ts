import { conceptText, isRestrictedFlag, system, type SharedPerson, type SharingCategory } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { personMedicines } from '../medicines/person-medicines.ts';
import { getPersonRecord } from '../people/person-record.ts';
import { personPlans } from '../plans/person-plans.ts';

type R = Record<string, any>;

/** What a partner is shown of one person: the domain's shape, read here. */
export type PartnerPersonView = SharedPerson;

const OPEN_EPISODE = ['planned', 'waitlist', 'active', 'onhold'];

/**
 * One person as a partner may see them: each category read only when shared, so what is not
 * shared is neither read nor sent. `today` is the day in England.
 */
export async function partnerPersonView(db: Kysely<Database>, personId: string, categories: readonly SharingCategory[], today: string): Promise<PartnerPersonView | undefined> {
  // Restricted multi-agency flags are never a partner's, not even that one exists (restricted-flags.ts).
  const record = await getPersonRecord(db, personId, 'none');
  if (!record) return undefined;
  const view: PartnerPersonView = { id: personId };
  const shares = (c: SharingCategory) => categories.includes(c);
  if (shares('identity')) view.identity = { name: record.name, nhsNumber: record.nhsNumber, birthDate: record.birthDate };
  if (shares('contact')) view.contact = { phone: record.phone, postcode: record.postcode };
  if (shares('key-worker-and-team')) view['key-worker-and-team'] = record.episodes.filter((e) => OPEN_EPISODE.includes(e.status)).map((e) => ({ team: e.team, keyWorker: e.keyWorker }));
  if (shares('care-plan-summary') || shares('crisis-plan')) {
    const plans = (await personPlans(db, personId)).filter((p) => p.status === 'active');
    if (shares('care-plan-summary')) {
      const plan = plans.find((p) => p.kind === 'care-plan');
      view['care-plan-summary'] = plan ? { since: plan.created, lastReviewed: plan.lastReviewed, goals: plan.goals.map((g) => g.text) } : null;
    }
    if (shares('crisis-plan')) {
      const plan = plans.find((p) => p.kind === 'crisis-plan');
      view['crisis-plan'] = plan ? { lastReviewed: plan.lastReviewed, crisisContact: plan.crisisContact, sections: plan.sections.map((s) => ({ label: s.label, text: s.text })) } : null;
    }
  }
  if (shares('current-medicines')) view['current-medicines'] = (await personMedicines(db, personId, today)).filter((m) => m.current).map((m) => ({ name: m.name, dose: m.dose }));
  if (shares('appointments')) {
    const rows = await db.selectFrom('record').select('resource').where('person_id', '=', personId).where('resource_type', '=', 'Appointment').where('status', '=', 'booked')
      .where(sql<boolean>`(resource->>'start') >= ${today}`).execute();
    view.appointments = rows.map((r) => r.resource as R).map((a) => ({ start: a.start as string, end: (a.end as string | undefined) ?? null })).sort((a, b) => a.start.localeCompare(b.start));
  }
  if (shares('red-flags')) {
    const rows = await db.selectFrom('record').select('resource').where('person_id', '=', personId).where('resource_type', '=', 'Flag').where('status', '=', 'active')
      .where(sql<boolean>`resource @> ${JSON.stringify({ category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }] })}::jsonb`).execute();
    view['red-flags'] = rows
      .map((r) => r.resource as R)
      .filter((f) => !isRestrictedFlag(f))
      .map((f) => ({ text: conceptText(f.code) ?? 'Red flag', since: (f.period?.start as string | undefined) ?? null }))
      .sort((a, b) => (b.since ?? '').localeCompare(a.since ?? ''));
  }
  return view;
}
