import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonToday } from '../engagement/london-calendar.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { carerInvolvementEndings, type CarerInvolvementEnding } from './carer-codes.ts';
import type { CarerOutcome } from './carer-record.ts';

type Extension = { url: string; valueBoolean?: boolean };

const withMainCarer = (carer: AnyResource, mainCarer: boolean): AnyResource => ({
  ...carer,
  extension: [...((carer.extension as Extension[] | undefined) ?? []).filter((e) => e.url !== extension.isMainCarer), { url: extension.isMainCarer, valueBoolean: mainCarer }],
});

/** Whether a RelatedPerson is marked as the person's main carer and still involved. */
export function isActiveMainCarer(carer: AnyResource): boolean {
  return carer.active !== false && ((carer.extension as Extension[] | undefined) ?? []).some((e) => e.url === extension.isMainCarer && e.valueBoolean === true);
}

/**
 * A person has one main carer: the one staff ring first. Making a carer the main carer therefore
 * takes the mark from whoever held it, in the same change; nobody is left with two, and nobody is
 * silently left with none. Returns the carer as main carer and each other carer that loses the mark.
 */
export function moveMainCarer(to: AnyResource, others: readonly AnyResource[]): { carer: AnyResource; noLongerMain: AnyResource[] } | { problem: string } {
  if (to.active === false) return { problem: 'is no longer involved: a carer whose involvement has ended cannot be the main carer' };
  return {
    carer: withMainCarer(to, true),
    noLongerMain: others.filter((o) => o.id !== to.id && isActiveMainCarer(o)).map((o) => withMainCarer(o, false)),
  };
}

export interface InvolvementEnding {
  date: string;
  reason: string;
}

/**
 * Ends a carer's involvement: the RelatedPerson becomes inactive with `period.end` the day it ended
 * and the reason coded (CS/carer-involvement-ended), and stops being the main carer. The record
 * stays, so their past concerns and what was shared with them can still be read.
 */
export function endCarerInvolvement(carer: AnyResource, ending: InvolvementEnding, now: Date = new Date()): CarerOutcome {
  const problems: Array<{ field: 'date' | 'reason' | 'carer'; message: string }> = [];
  if (carer.active === false) problems.push({ field: 'carer', message: 'is already no longer involved' });
  const dateProblem = enteredDayProblem(ending.date, londonToday(now), 'the day their involvement ended');
  const start = (carer.period as { start?: string } | undefined)?.start;
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  else if (start && ending.date < start.slice(0, 10)) problems.push({ field: 'date', message: `must not be before they were recorded as a carer (${start.slice(0, 10)})` });
  if (!Object.hasOwn(carerInvolvementEndings, ending.reason)) problems.push({ field: 'reason', message: `must be one of: ${Object.keys(carerInvolvementEndings).join(', ')}` });
  if (problems.length > 0) return { ok: false, problems };
  const reason = ending.reason as CarerInvolvementEnding;
  const main = withMainCarer(carer, false);
  return {
    ok: true,
    resource: {
      ...main,
      active: false,
      period: { ...((carer.period as object | undefined) ?? {}), end: ending.date },
      extension: [
        ...((main.extension as Extension[]) ?? []).filter((e) => e.url !== extension.carerInvolvementEnded),
        { url: extension.carerInvolvementEnded, valueCodeableConcept: { coding: [{ system: system.carerInvolvementEnded, code: reason, display: carerInvolvementEndings[reason] }] } },
      ],
    },
  };
}
