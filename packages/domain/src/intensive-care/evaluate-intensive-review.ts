import { ctoLegalStatus } from '../fhir/clinical-codes.ts';
import { restrictedFlagRules } from '../access/restricted-flags.ts';
import { diagnosisGroupOf } from '../discharge/severe-relapsing.ts';
import type { WorklistReason } from '../engagement/engagement-facts.ts';
import { heldEpisodes } from '../engagement/held-episodes.ts';
import { londonDay, monthsBefore, shortDate } from '../engagement/london-calendar.ts';
import { accommodationStatuses } from '../fhir/codes.ts';
import { diagnosisCodes, ICD10, redFlags, SNOMED } from '../fhir/clinical-codes.ts';
import type { ConditionFact, FlagFact, IntensiveReviewFacts, IntensiveReviewFinding } from './intensive-review-facts.ts';
import { intensiveReviewOrder, intensiveReviewRules as rules, type IntensiveReviewCode } from './intensive-review-rules.ts';

type Found = Partial<Record<IntensiveReviewCode, WorklistReason>>;
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The intensive-review indicators of one person as of the end of a day ("YYYY-MM-DD" in England),
 * by intensive-review-rules.ts, and whether the listing rule puts them on the list. A person is
 * looked at only while open to the trust's services on the day (held by a team, or waiting on a
 * referral not yet decided), alive, and not already in intensive or assertive care; otherwise no
 * reasons. Pure: facts in, a finding out.
 */
export function evaluateIntensiveReview(facts: IntensiveReviewFacts, asOfDate: string): IntensiveReviewFinding {
  const day = londonDay(asOfDate);
  if (day === undefined) throw new Error(`as-of date ${asOfDate} is not a date`);
  const none: IntensiveReviewFinding = { personId: facts.personId, reasons: [], listed: false };
  if (!inView(facts, day) || alreadyIntensive(facts, day)) return none;

  const found: Found = {
    psychosis: psychosis(facts, day),
    disengagement: disengagement(facts),
    'repeated-admissions': repeatedAdmissions(facts, day),
    'mha-history': mhaHistory(facts, day),
    'substance-use': substanceUse(facts, day),
    'multiple-social-needs': multipleSocialNeeds(facts, day),
    'justice-contact': justiceContact(facts, day),
    'carer-concern': carerConcern(facts, day),
  };
  const reasons = intensiveReviewOrder.flatMap((code) => (found[code] ? [found[code]] : []));
  return { personId: facts.personId, reasons, listed: meetsListingRule(reasons.map((r) => r.code as IntensiveReviewCode)) };
}

/** The listing rule (intensiveReviewRules.listing): every required indicator and enough of the others. */
export function meetsListingRule(codes: readonly IntensiveReviewCode[]): boolean {
  const { required, othersAtLeast } = rules.listing;
  if (!required.every((code) => codes.includes(code))) return false;
  return new Set(codes.filter((code) => !required.includes(code))).size >= othersAtLeast;
}

/** Most indicators first, then by person id: more needs seen together come first, never a score. */
export function compareIntensiveFindings(a: IntensiveReviewFinding, b: IntensiveReviewFinding): number {
  return b.reasons.length - a.reasons.length || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}

/** Open to the trust's services on the day: alive, and held by a team or waiting on an undecided referral. */
function inView(facts: IntensiveReviewFacts, day: number): boolean {
  const died = londonDay(facts.deceasedAt);
  if (died !== undefined && died <= day) return false;
  return heldEpisodes(facts.episodes, day).length > 0 || pendingReferrals(facts, day).length > 0;
}

/** The teams a person is open to on a day: those holding them, and those a referral not yet decided is with (a team's list). */
export function teamsOpenTo(facts: IntensiveReviewFacts, day: number): string[] {
  const teams = [...heldEpisodes(facts.episodes, day).map((e) => e.teamId), ...pendingReferrals(facts, day).map((r) => r.teamId)];
  return [...new Set(teams.filter((t): t is string => Boolean(t)))].sort();
}

/**
 * Alive and already in intensive or assertive care at the end of a day (intensiveReviewRules.alreadyIntensive):
 * the people the worklist leaves off for that reason, whom the board counts in the cohort.
 */
export function inIntensiveCare(facts: IntensiveReviewFacts, asOfDate: string): boolean {
  const day = londonDay(asOfDate);
  if (day === undefined) throw new Error(`as-of date ${asOfDate} is not a date`);
  const died = londonDay(facts.deceasedAt);
  return (died === undefined || died > day) && alreadyIntensive(facts, day);
}

function pendingReferrals(facts: IntensiveReviewFacts, day: number) {
  return facts.referrals.filter((r) => rules.pendingReferralStatuses.includes(r.status) && onOrBefore(r.authoredOn, day));
}

function alreadyIntensive(facts: IntensiveReviewFacts, day: number): boolean {
  const { intensities, teamTypes } = rules.alreadyIntensive;
  // heldEpisodes filters the facts' own episodes, so each keeps its team type.
  return (heldEpisodes(facts.episodes, day) as typeof facts.episodes).some(
    (e) => (e.intensity != null && intensities.includes(e.intensity)) || (e.teamType != null && teamTypes.includes(e.teamType)),
  );
}

function psychosis(facts: IntensiveReviewFacts, day: number): WorklistReason | undefined {
  const diagnoses = diagnosesIn(facts.conditions, rules.psychosis.diagnosisGroups, day);
  const medicines = facts.antipsychotics
    .filter((m) => rules.psychosis.prescriptionStatuses.includes(m.status) && onOrBefore(m.authoredOn, day))
    .sort(byId);
  if (diagnoses.length === 0 && medicines.length === 0) return undefined;
  const prescribed = medicines.map((m) => {
    const kind = m.clozapine ? 'clozapine' : m.injection ? 'a long-acting antipsychotic injection' : 'an antipsychotic';
    const since = londonDay(m.authoredOn);
    return `${m.medicine} (${kind}${since === undefined ? '' : `, prescribed ${shortDate(since, day)}`})`;
  });
  const text = diagnoses.length > 0
    ? `Psychosis diagnosed: ${diagnoses.map((d) => describeDiagnosis(d, day)).join('; ')}.${prescribed.length ? ` Prescribed ${prescribed.join('; ')}.` : ''}`
    : `Presenting with psychosis, no psychosis diagnosis recorded: prescribed ${prescribed.join('; ')}.`;
  return { code: rules.psychosis.code, text, evidence: [...diagnoses.map((d) => `Condition/${d.id}`), ...medicines.map((m) => `MedicationRequest/${m.id}`)] };
}

function disengagement(facts: IntensiveReviewFacts): WorklistReason | undefined {
  if (!facts.disengaged?.length) return undefined;
  return {
    code: rules.disengagement.code,
    text: `On the disengaged worklist: ${facts.disengaged.map((r) => r.text).join(' ')}`,
    evidence: [...new Set(facts.disengaged.flatMap((r) => r.evidence))],
  };
}

function repeatedAdmissions(facts: IntensiveReviewFacts, day: number): WorklistReason | undefined {
  const { atLeast, lookBack } = rules.repeatedAdmissions;
  const from = monthsBefore(day, lookBack.months);
  const admissions = facts.admissions
    .filter((a) => a.status !== 'entered-in-error' && a.status !== 'cancelled')
    .map((a) => ({ id: a.id, start: londonDay(a.start) }))
    .filter((a): a is { id: string; start: number } => a.start !== undefined && a.start >= from && a.start <= day)
    .sort((a, b) => a.start - b.start || byId(a, b));
  if (admissions.length < atLeast) return undefined;
  return {
    code: rules.repeatedAdmissions.code,
    text: `${admissions.length} admissions to hospital in the ${lookBack.says} to ${shortDate(day, day)}: admitted ${listWords(admissions.map((a) => shortDate(a.start, day)))}.`,
    evidence: admissions.map((a) => `Encounter/${a.id}`),
  };
}

function mhaHistory(facts: IntensiveReviewFacts, day: number): WorklistReason | undefined {
  const statuses = facts.legalStatuses
    .filter((s) => s.status !== 'entered-in-error' && s.code != null && rules.mhaHistory.legalStatuses.includes(s.code))
    .map((s) => ({ ...s, from: londonDay(s.start) }))
    .filter((s) => s.from === undefined || s.from <= day)
    .sort((a, b) => (a.from ?? 0) - (b.from ?? 0) || byId(a, b));
  if (statuses.length === 0) return undefined;
  const described = statuses.map((s) => {
    const what = s.code === ctoLegalStatus ? 'Community Treatment Order' : `detained under section ${Number(s.code)}`;
    return s.from === undefined ? what : `${what} from ${shortDate(s.from, day)}`;
  });
  return {
    code: rules.mhaHistory.code,
    text: `Mental Health Act history: ${described.join('; ')}.`,
    evidence: statuses.map((s) => `Flag/${s.id}`),
  };
}

function substanceUse(facts: IntensiveReviewFacts, day: number): WorklistReason | undefined {
  const { auditCAtLeast, lookBack } = rules.substanceUse;
  const diagnoses = diagnosesIn(facts.conditions, rules.substanceUse.diagnosisGroups, day);
  const from = monthsBefore(day, lookBack.months);
  const latest = facts.auditC
    .map((a) => ({ ...a, on: londonDay(a.at) }))
    .filter((a): a is typeof a & { on: number } => a.on !== undefined && a.on >= from && a.on <= day)
    .sort((a, b) => b.on - a.on || byId(b, a))[0];
  const drinking = latest && latest.score >= auditCAtLeast ? latest : undefined;
  if (diagnoses.length === 0 && !drinking) return undefined;
  const parts = [
    ...(diagnoses.length ? [`Substance use diagnosed: ${diagnoses.map((d) => describeDiagnosis(d, day)).join('; ')}`] : []),
    ...(drinking ? [`AUDIT-C score ${drinking.score} on ${shortDate(drinking.on, day)} (${auditCAtLeast} or more is higher risk drinking)`] : []),
  ];
  return {
    code: rules.substanceUse.code,
    text: `${parts.join('. ')}.`,
    evidence: [...diagnoses.map((d) => `Condition/${d.id}`), ...(drinking ? [`Observation/${drinking.id}`] : [])],
  };
}

function multipleSocialNeeds(facts: IntensiveReviewFacts, day: number): WorklistReason | undefined {
  const current = facts.flags.filter((f) => isCurrent(f, day)).sort(byId);
  const unstable = facts.accommodation ? accommodationStatuses[facts.accommodation]?.unstable === true : false;
  const needs: Array<{ says: string; shown: string[]; evidence: string[] }> = [];
  for (const need of Object.values(rules.multipleSocialNeeds.needs)) {
    const flags = current.filter((f) => (need.flags as readonly string[]).includes(f.code));
    // "self-neglect (since 31 Jan)", not "self-neglect (self-neglect since 31 Jan)".
    const shown = flags.map((f) => {
      const label = lower(redFlags[f.code as keyof typeof redFlags] ?? f.code);
      return label === need.says ? sinceWords(f, day).trim() || 'flagged' : `${label}${sinceWords(f, day)}`;
    });
    const evidence = flags.map((f) => `Flag/${f.id}`);
    if (need.unstableAccommodation && unstable) {
      shown.unshift(`accommodation recorded as ${lower(accommodationStatuses[facts.accommodation!]!.label)}`);
      evidence.unshift(`Patient/${facts.personId}`);
    }
    if (evidence.length) needs.push({ says: need.says, shown, evidence });
  }
  if (needs.length < rules.multipleSocialNeeds.atLeast) return undefined;
  return {
    code: rules.multipleSocialNeeds.code,
    text: `${needs.length} social needs: ${needs.map((n) => `${n.says} (${n.shown.join('; ')})`).join(', ')}.`,
    evidence: needs.flatMap((n) => n.evidence),
  };
}

function justiceContact(facts: IntensiveReviewFacts, day: number): WorklistReason | undefined {
  const flags = facts.flags
    .filter((f) => f.status !== 'entered-in-error' && (rules.justiceContact.flags.includes(f.code) || f.code === restrictedFlagRules.withheldCode) && onOrBefore(f.start, day))
    .sort(byId);
  const from = monthsBefore(day, rules.justiceContact.policeConcernLookBack.months);
  const concerns = concernsSince(facts, 'police', from, day);
  if (flags.length === 0 && concerns.length === 0) return undefined;
  const parts = [
    ...(flags.length ? [`Red flags from history: ${flags.map((f) => `${flagWords(f.code)}${onWords(f, day)}`).join('; ')}`] : []),
    ...(concerns.length ? [`the police raised a concern on ${listWords(concerns.map((c) => shortDate(c.on, day)))}`] : []),
  ];
  return {
    code: rules.justiceContact.code,
    text: `Contact with the criminal justice system. ${capitalise(parts.join('; '))}.`,
    evidence: [...flags.map((f) => `Flag/${f.id}`), ...concerns.map((c) => `Communication/${c.id}`)],
  };
}

function carerConcern(facts: IntensiveReviewFacts, day: number): WorklistReason | undefined {
  const { lookBack } = rules.carerConcern;
  const concerns = concernsSince(facts, 'carer', monthsBefore(day, lookBack.months), day);
  if (concerns.length === 0) return undefined;
  const count = concerns.length === 1 ? 'A concern' : `${concerns.length} concerns`;
  return {
    code: rules.carerConcern.code,
    text: `${count} raised by a carer or family member in the last ${lookBack.says}: on ${listWords(concerns.map((c) => shortDate(c.on, day)))}.`,
    evidence: concerns.map((c) => `Communication/${c.id}`),
  };
}

function concernsSince(facts: IntensiveReviewFacts, kind: 'carer' | 'police', from: number, day: number) {
  return facts.concerns
    .filter((c) => c.kind === kind)
    .map((c) => ({ id: c.id, on: londonDay(c.sent) }))
    .filter((c): c is { id: string; on: number } => c.on !== undefined && c.on >= from && c.on <= day)
    .sort((a, b) => a.on - b.on || byId(a, b));
}

function diagnosesIn(conditions: readonly ConditionFact[], groups: readonly string[], day: number): ConditionFact[] {
  return conditions
    .filter((c) => !(c.verification && rules.psychosis.discountedVerification.includes(c.verification)))
    .filter((c) => onOrBefore(c.recorded, day))
    .filter((c) => c.codings.some((coding) => groups.includes(diagnosisGroupOf(coding) ?? '')))
    .sort(byId);
}

/** "Schizophrenia (F20.9), recorded 3 Mar 2024": the display sent, else the platform's, with the ICD-10 code. */
function describeDiagnosis(condition: ConditionFact, day: number): string {
  const snomed = condition.codings.find((c) => c.system === SNOMED && c.code);
  const icd = condition.codings.find((c) => c.system === ICD10 && c.code)?.code ?? diagnosisCodes.find((d) => d.snomed === snomed?.code)?.icd10;
  const name = condition.codings.find((c) => c.display)?.display ?? diagnosisCodes.find((d) => d.snomed === snomed?.code)?.display ?? 'a diagnosis';
  const recorded = londonDay(condition.recorded);
  return `${name}${icd ? ` (${icd})` : ''}${recorded === undefined ? '' : `, recorded ${shortDate(recorded, day)}`}`;
}

/** A Flag in force on the day: begun by then, not ended by then, and not made inactive with no end date. */
function isCurrent(flag: FlagFact, day: number): boolean {
  if (flag.status === 'entered-in-error' || !onOrBefore(flag.start, day)) return false;
  const end = londonDay(flag.end);
  if (end !== undefined) return end > day;
  return flag.status === 'active';
}

function sinceWords(flag: FlagFact, day: number): string {
  const start = londonDay(flag.start);
  return start === undefined ? '' : ` since ${shortDate(start, day)}`;
}

/** A red flag mid-sentence; a restricted one withheld from this reader (access/restricted-flags.ts) in the rules' own words. */
function flagWords(code: string): string {
  if (code === restrictedFlagRules.withheldCode) return restrictedFlagRules.withheldWords;
  return lower(redFlags[code as keyof typeof redFlags] ?? code);
}

function onWords(flag: FlagFact, day: number): string {
  const start = londonDay(flag.start);
  return start === undefined ? '' : ` (${shortDate(start, day)})`;
}

/** Undated records count (they are history); dated ones only when on or before the day. */
function onOrBefore(date: string | null | undefined, day: number): boolean {
  const d = londonDay(date);
  return d === undefined || d <= day;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Police contact" reads "police contact" mid-sentence; "MARAC case" keeps its capitals. */
const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
