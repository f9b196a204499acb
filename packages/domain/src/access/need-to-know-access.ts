import { decideRecordAccess, type AccessContext, type AccessDecision } from './record-access.ts';

/**
 * The care intensities whose people the crisis line may read the "need to know" page of without
 * break-glass (SPEC C18: "a 'need to know' page and crisis plan for people on intensive care,
 * visible to the crisis line"; CS/care-intensity in docs/fhir.md). Out of hours the crisis line is
 * these people's legitimate relationship with the service (Caldicott principle 1: a justified purpose).
 */
export const needToKnowCareIntensities: readonly string[] = ['intensive', 'assertive'];

export type NeedToKnowDecision = AccessDecision | { allowed: true; basis: 'crisis-line' };

/**
 * Whether a user may read a person's "need to know" page, and on what basis. The crisis line reads
 * it for anyone held in intensive or assertive care, on its own audited basis; for anyone else, and
 * for every other role, the rule is the record's (decideRecordAccess), break-glass included. The
 * crisis line gains this page only: the full record still follows decideRecordAccess.
 */
export function decideNeedToKnowAccess(context: AccessContext, personCareIntensities: readonly string[]): NeedToKnowDecision {
  const record = decideRecordAccess(context);
  if (record.allowed && record.basis !== 'break-glass') return record;
  if (context.role === 'crisis-line' && personCareIntensities.some((i) => needToKnowCareIntensities.includes(i))) return { allowed: true, basis: 'crisis-line' };
  return record;
}
