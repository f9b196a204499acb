import type { AdministrationFact, EngagementFacts, MedicationRequestFact } from '../engagement/engagement-facts.ts';
import { injectionDueDay, injectionInterval } from '../engagement/injection-rule.ts';
import { isoDay, londonDay } from '../engagement/london-calendar.ts';
import { ATC } from '../fhir/clinical-codes.ts';
import { conceptText } from '../fhir/datatypes.ts';
import { extension, system } from '../fhir/systems.ts';
import { isInjection } from './record-injection.ts';

type R = Record<string, any>;

/** A dose of an injection as the record shows it: given, or not given and why. */
export interface InjectionDose {
  id: string;
  date: string | null;
  given: boolean;
  reason: string | null;
  /** Days since the dose before, when sooner than the prescribed interval (SPEC: flag doses given too often). */
  soonerThanIntervalBy: number | null;
}

/** One prescription with everything a clinician needs to act on it, as of a day. */
export interface MedicineHistoryEntry {
  id: string;
  name: string;
  dose: string | null;
  injection: boolean;
  status: string;
  current: boolean;
  prescribed: string | null;
  stopped: { on: string | null; reason: string | null } | null;
  /** The person's latest account of taking it: stopped against advice, or taking it again. */
  personSays: { statementId: string; stoppedAgainstAdvice: boolean; on: string | null; words: string | null } | null;
  injectionSchedule: { intervalDays: number | null; lastGiven: string | null; nextDue: string | null; overdueDays: number; doses: InjectionDose[] } | null;
}

/**
 * A person's medicines, current first then past, from their MedicationRequest, MedicationStatement
 * and MedicationAdministration records: what the record page and the medicine page show. The due
 * date of an injection is the lai-missed rule's own (injection-rule.ts), so the page and the
 * disengaged worklist never disagree.
 */
export function medicineHistory(requests: readonly R[], statements: readonly R[], administrations: readonly R[], asOf: string): MedicineHistoryEntry[] {
  const asOfDay = londonDay(asOf)!;
  const requestFacts = requests.map(requestFact);
  const notGivenReasons = new Map(administrations.map((a) => [a.id as string, ((a.statusReason as R[] | undefined)?.map((r) => conceptText(r)).find(Boolean) ?? null) as string | null]));
  const doseFacts: AdministrationFact[] = administrations.map((a) => ({ id: a.id, status: a.status, at: a.effectiveDateTime ?? a.effectivePeriod?.start ?? null, requestId: idOf(a.request?.reference) }));
  const facts = { personId: '', episodes: [], carePlans: [], appointments: [], encounters: [], medicationRequests: requestFacts, medicationStatements: [], administrations: doseFacts } as unknown as EngagementFacts;

  const entries = requests.map((request, index): MedicineHistoryEntry => {
    const fact = requestFacts[index]!;
    const current = request.status === 'active' || request.status === 'on-hold';
    const said = statements
      .filter((s) => (s.basedOn as R[] | undefined)?.some((b) => idOf(b.reference) === request.id))
      .sort((a, b) => String(a.dateAsserted ?? '').localeCompare(String(b.dateAsserted ?? '')) || (a.id < b.id ? -1 : 1))
      .at(-1);
    const stoppedAgainstAdvice = said?.status === 'stopped' && (said.statusReason as R[] | undefined)?.some((r) => (r.coding as R[] | undefined)?.some((c) => c.system === system.medicationStatusReason && c.code === 'stopped-against-advice'));
    return {
      id: request.id,
      name: fact.medicine,
      dose: request.dosageInstruction?.[0]?.text ?? null,
      injection: fact.injection,
      status: request.status,
      current,
      prescribed: request.authoredOn ?? null,
      stopped: current ? null : { on: (request.extension as R[] | undefined)?.find((x) => x.url === extension.stoppedOn)?.valueDate ?? null, reason: conceptText(request.statusReason) ?? null },
      personSays: said
        ? {
            statementId: said.id,
            stoppedAgainstAdvice: Boolean(stoppedAgainstAdvice),
            on: (stoppedAgainstAdvice ? said.effectivePeriod?.end : said.effectivePeriod?.start) ?? said.effectiveDateTime ?? null,
            words: (said.statusReason as R[] | undefined)?.[0]?.text ?? (said.note as R[] | undefined)?.[0]?.text ?? null,
          }
        : null,
      injectionSchedule: fact.injection ? schedule(facts, fact, doseFacts, notGivenReasons, current, asOfDay) : null,
    };
  });
  return entries.sort((a, b) => Number(b.current) - Number(a.current) || String(b.prescribed ?? '').localeCompare(String(a.prescribed ?? '')) || (a.id < b.id ? -1 : 1));
}

function schedule(facts: EngagementFacts, request: MedicationRequestFact, doses: readonly AdministrationFact[], reasons: ReadonlyMap<string, string | null>, current: boolean, asOf: number): MedicineHistoryEntry['injectionSchedule'] {
  const interval = injectionInterval(request) ?? null;
  const own = doses
    .filter((d) => d.requestId === request.id)
    .map((d) => ({ ...d, day: londonDay(d.at) }))
    .sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || String(a.at).localeCompare(String(b.at)));
  let previousGiven: number | undefined;
  const shown: InjectionDose[] = own.map((d) => {
    const given = d.status === 'completed';
    const gap = given && previousGiven !== undefined && d.day !== undefined ? d.day - previousGiven : undefined;
    if (given && d.day !== undefined) previousGiven = d.day;
    return { id: d.id, date: d.day === undefined ? null : isoDay(d.day), given, reason: given ? null : (reasons.get(d.id) ?? null), soonerThanIntervalBy: gap !== undefined && interval !== null && gap < interval ? gap : null };
  });
  const lastGiven = [...own].reverse().find((d) => d.status === 'completed' && d.day !== undefined);
  const due = current ? injectionDueDay(facts, request, asOf) : undefined;
  return {
    intervalDays: interval,
    lastGiven: lastGiven ? isoDay(lastGiven.day!) : null,
    nextDue: due === undefined ? null : isoDay(due),
    overdueDays: due === undefined ? 0 : Math.max(0, asOf - due),
    doses: shown.reverse(),
  };
}

function requestFact(r: R): MedicationRequestFact {
  const coding = (r.medicationCodeableConcept?.coding as R[] | undefined) ?? [];
  const timing = r.dosageInstruction?.[0]?.timing?.repeat;
  return {
    id: r.id,
    status: r.status,
    authoredOn: r.authoredOn ?? null,
    medicine: conceptText(r.medicationCodeableConcept) ?? 'a medicine',
    atc: coding.find((c) => c.system === ATC)?.code ?? null,
    injection: isInjection(r),
    interval: timing?.period !== undefined && timing?.periodUnit ? { value: Number(timing.period), unit: timing.periodUnit } : null,
  };
}

function idOf(reference: unknown): string | null {
  return typeof reference === 'string' && reference.startsWith('MedicationRequest/') ? reference.slice('MedicationRequest/'.length) : null;
}
