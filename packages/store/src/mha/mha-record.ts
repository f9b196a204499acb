import {
  conceptText,
  ctoConditionSystem,
  ctoConditions,
  ctoEvents,
  ctoExpiry,
  ctoLegalStatus,
  extension,
  mhaLegalStatuses,
  s117Aftercare,
  system,
  type CtoEvent,
} from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { aftercareCategory, legalStatusCategory } from './legal-status-facts.ts';

type R = Record<string, any>;

/** One detention, CTO or section 117 aftercare entitlement as the person record shows it. */
export interface LegalStatusEntry {
  id: string;
  /** The stored version, which a change must name (a concurrent change is not overwritten). */
  version: number;
  kind: 'cto' | 'detention' | 's117';
  /** Legal status code: "02", "03" (NHS Data Dictionary), "cto"; "s117-aftercare" for aftercare. */
  code: string | null;
  name: string;
  status: string;
  /** Active with no end: in force now, as the record stands. */
  current: boolean;
  start: string | null;
  end: string | null;
  /** CTO only: the last day in force unless renewed. */
  expires: string | null;
  /** CTO only: the conditions, in words. */
  conditions: string[];
  /** CTO only: renewals, recalls, revocation, discharge recorded in the app. */
  events: CtoEvent[];
}

/** A person's detentions, Community Treatment Orders and section 117 aftercare, current first, then the latest begun first. */
export async function legalStatusHistory(db: Kysely<Database>, personId: string): Promise<LegalStatusEntry[]> {
  const rows = await db
    .selectFrom('record')
    .select(['resource', 'version_id'])
    .where('person_id', '=', personId)
    .where('resource_type', '=', 'Flag')
    .where(sql<boolean>`(resource @> ${legalStatusCategory}::jsonb OR resource @> ${aftercareCategory}::jsonb)`)
    .execute();
  const entries = rows
    .map((row) => ({ flag: row.resource as R, version: row.version_id }))
    .filter(({ flag }) => flag.status !== 'entered-in-error')
    .map(({ flag, version }): LegalStatusEntry => {
      const aftercare = ((flag.category ?? []) as R[]).some((c) => ((c.coding ?? []) as R[]).some((x) => x.system === system.flagCategory && x.code === 's117-aftercare'));
      const code = aftercare ? s117Aftercare.code : (((flag.code?.coding ?? []) as R[]).find((c) => c.system === system.mhaLegalStatus)?.code ?? null);
      const cto = code === ctoLegalStatus;
      return {
        id: flag.id,
        version,
        kind: aftercare ? 's117' : cto ? 'cto' : 'detention',
        code,
        name: aftercare ? s117Aftercare.display : ((code && mhaLegalStatuses[code as keyof typeof mhaLegalStatuses]) ?? conceptText(flag.code) ?? 'Mental Health Act legal status'),
        status: flag.status,
        current: flag.status === 'active' && !flag.period?.end,
        start: flag.period?.start ?? null,
        end: flag.period?.end ?? null,
        expires: cto ? (ctoExpiry(flag) ?? null) : null,
        conditions: cto ? conditionsOf(flag) : [],
        events: cto ? ctoEvents(flag) : [],
      };
    });
  return entries.sort((a, b) => Number(b.current) - Number(a.current) || (b.start ?? '').localeCompare(a.start ?? '') || a.id.localeCompare(b.id));
}

function conditionsOf(flag: R): string[] {
  return ((flag.extension ?? []) as R[])
    .filter((e) => e.url === extension.ctoConditions)
    .map((e) => {
      const coding = ((e.valueCodeableConcept?.coding ?? []) as R[]).find((c) => c.system === ctoConditionSystem);
      return (coding && ctoConditions[coding.code as keyof typeof ctoConditions]) ?? conceptText(e.valueCodeableConcept) ?? 'A condition';
    });
}
