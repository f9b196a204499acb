import { ATC, agreementResource, suggestedTasks, type MedicineCode, type Responsibility, type SharedCareStatus, type SharedCareTask, type StatusChange } from '@continuity/domain';
import type { PersonContext } from '../person-context.ts';
import type { Random } from '../random/random.ts';
import type { Resource } from '../writer/ndjson-writer.ts';

/** A prescription written for the person, as shared care needs it. */
export interface WrittenPrescription {
  id: string;
  medicine: MedicineCode;
  authoredDay: number;
}

/**
 * Shared care is asked for once a person is stable on the medicine (NHS England, 2018); local
 * protocols commonly take that as about 3 months with the specialist first.
 */
const STABLE_AFTER_DAYS = 90;

/**
 * Of prescriptions that could be shared, how many are proposed, and where the proposals stand:
 * mostly accepted, some awaiting an answer (within 14 days, or long past it), some declined
 * (seeds 002_* lines ~290, ~343: GPs increasingly decline), a few ended.
 */
const PROPOSED_SHARE = 0.6;
const OUTCOMES = { accepted: 66, awaiting: 6, unanswered: 11, declined: 14, ended: 3 } as const;

/** The practice does the routine physical checks and blood tests more often than the team does. */
const PRACTICE_DOES: Partial<Record<SharedCareTask, number>> = {
  prescribing: 1, 'lithium-level': 0.7, 'renal-function': 0.8, 'thyroid-function': 0.8, weight: 0.85, 'blood-pressure': 0.85, glucose: 0.8, lipids: 0.8, prolactin: 0.1, 'medication-review': 0,
};

/**
 * Shared care agreements (CarePlans, docs/fhir.md) between the person's team and their GP practice
 * for lithium and oral antipsychotics. Clozapine and long-acting injections are not shared here:
 * the trust supplies clozapine with its blood monitoring, and the team gives the injections. Its
 * own random stream, so adding agreements changed no other record of the person.
 */
export function writeSharedCare(ctx: PersonContext, rnd: Random, prescriptions: readonly WrittenPrescription[]): void {
  const { p, cal } = ctx;
  for (const prescription of prescriptions) {
    if (prescription.medicine.class !== 'lithium' && prescription.medicine.class !== 'oral-antipsychotic') continue;
    const earliest = prescription.authoredDay + STABLE_AFTER_DAYS;
    if (earliest > cal.asOf || !rnd.chance(PROPOSED_SHARE)) continue;
    const outcome = rnd.weighted(OUTCOMES);
    const proposed =
      outcome === 'awaiting' ? Math.max(earliest, cal.ago(rnd.int(0, 14)))
      : outcome === 'unanswered' ? Math.max(earliest, cal.ago(rnd.int(15, 120)))
      : rnd.int(earliest, Math.max(earliest, cal.asOf - 30));
    const history: StatusChange[] = [{ status: 'proposed', date: cal.date(proposed) }];
    const answered = Math.min(cal.asOf, proposed + rnd.int(3, 28));
    if (outcome === 'accepted' || outcome === 'ended') history.push({ status: 'accepted', date: cal.date(answered) });
    if (outcome === 'declined') history.push({ status: 'declined', date: cal.date(answered) });
    if (outcome === 'ended') history.push({ status: 'ended', date: cal.date(Math.min(cal.asOf, answered + rnd.int(30, 300))) });

    const responsibilities: Responsibility[] = suggestedTasks([{ system: ATC, code: prescription.medicine.atc }]).map((task) => ({ task, performerId: rnd.chance(PRACTICE_DOES[task] ?? 0) ? p.gpPracticeId : p.team.id }));
    ctx.emit(
      agreementResource({
        id: ctx.nextId('sca'),
        personId: p.id,
        medicationRequestId: prescription.id,
        medicine: prescription.medicine.display,
        specialistTeamId: p.team.id,
        practiceId: p.gpPracticeId,
        responsibilities,
        history,
        status: history.at(-1)!.status as SharedCareStatus,
      }) as Resource,
    );
  }
}
