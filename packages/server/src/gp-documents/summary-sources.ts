import { dischargeReasons, extension, flagForReader, type GpSummarySources } from '@continuity/domain';
import { loadNames, phonesOf, referencesIn, type Store } from '@continuity/store';
import { ApiError } from '../http/errors.ts';
import type { OpenedSource } from './summary-gate.ts';

type R = Record<string, any>;

const SHARED = (db: Store['db'], type: string, id: string) =>
  db.selectFrom('shared_record').select('resource').where('resource_type', '=', type).where('id', '=', id).executeTakeFirst().then((r) => r?.resource as R | undefined);

/**
 * Everything a summary is built from (domain build-gp-summary.ts), read for one person: their Patient,
 * the GP practice they are registered with, the team and the writer, and their conditions, medicines,
 * flags and plans. 409 when the person has no GP practice on record: there is nobody to send it to.
 */
export async function loadSummarySources(store: Store, personId: string, opened: OpenedSource, documentId: string, base: string, followUp: string): Promise<GpSummarySources> {
  const db = store.db;
  const person = await db.selectFrom('person').select('gp_practice_id').where('person_id', '=', personId).executeTakeFirst();
  if (!person) throw new ApiError(404, 'not-found', 'There is no person with that id.');
  const practice = person.gp_practice_id ? await SHARED(db, 'Organization', person.gp_practice_id) : undefined;
  if (!practice) throw new ApiError(409, 'no-gp-practice', 'This person has no GP practice on record: record their GP practice first.', [{ field: 'gpPractice', message: 'is not recorded' }]);
  const rows = await db
    .selectFrom('record')
    .select(['resource_type', 'resource'])
    .where('person_id', '=', personId)
    .where('resource_type', 'in', ['Patient', 'Condition', 'MedicationRequest', 'Flag', 'CarePlan'])
    .execute();
  const patient = rows.find((r) => r.resource_type === 'Patient')?.resource as R | undefined;
  if (!patient) throw new ApiError(404, 'not-found', 'There is no person with that id.');
  // A GP practice is a partner agency: restricted flags never reach it (access/restricted-flags.ts).
  const records = rows.filter((r) => r.resource_type !== 'Patient').map((r) => flagForReader(r.resource as R, 'none')).filter((r): r is R => r !== undefined);

  const teamId = String(opened.episode.managingOrganization?.reference ?? '').replace(/^Organization\//, '');
  const custodian = (teamId && (await SHARED(db, 'Organization', teamId))) || { resourceType: 'Organization', id: teamId || 'team', name: 'The mental health team' };
  const writer = opened.staff.practitionerId ? await SHARED(db, 'Practitioner', opened.staff.practitionerId) : undefined;
  const author = writer ?? custodian;
  const references = [...referencesIn([opened.episode, ...records]), ...(opened.transfer ? [`Organization/${opened.transfer.sendingTeamId}`, `Organization/${opened.transfer.receivingTeamId}`] : [])];
  const [names, phones] = await Promise.all([loadNames(db, references), phonesOf(db, [opened.episode.managingOrganization?.reference, opened.episode.careManager?.reference])]);
  return {
    kind: opened.kind,
    documentId,
    date: new Date().toISOString(),
    base,
    patient,
    practice,
    custodian,
    author,
    episode: opened.episode,
    reason: reasonWords(opened, (reference) => names.get(reference)),
    followUp,
    records,
    nameOf: (reference) => names.get(reference),
    phoneOf: (reference) => phones.get(reference),
  };
}

function reasonWords(opened: OpenedSource, nameOf: (reference: string) => string | undefined): string {
  if (opened.kind === 'discharge') {
    const code = ((opened.episode.extension ?? []) as R[]).find((x) => x.url === extension.dischargeReason)?.valueCodeableConcept?.coding?.[0]?.code as keyof typeof dischargeReasons | undefined;
    return `Discharged from the service: ${code && dischargeReasons[code] ? dischargeReasons[code] : 'reason not recorded'}.`;
  }
  const t = opened.transfer!;
  const from = nameOf(`Organization/${t.sendingTeamId}`) ?? 'the sending team';
  const to = t.receivingTeamId ? (nameOf(`Organization/${t.receivingTeamId}`) ?? 'the receiving team') : (t.receivingService ?? 'another service');
  return `Care moved from ${from} to ${to}${t.decidedAt ? ` on ${t.decidedAt.slice(0, 10)}` : ''}. Reason: ${t.reason}`;
}
