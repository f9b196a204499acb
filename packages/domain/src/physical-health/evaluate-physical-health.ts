import { diagnosisGroupOf } from '../discharge/severe-relapsing.ts';
import type { EpisodeFact, WorklistReason } from '../engagement/engagement-facts.ts';
import { heldEpisodes } from '../engagement/held-episodes.ts';
import { days, isoDay, londonDay, shortDate } from '../engagement/london-calendar.ts';
import type { DiagnosisGroup } from '../fhir/clinical-codes.ts';
import { toInstant } from '../fhir/catalogue.ts';
import { countedResultStatuses } from '../medicines/monitoring-rules.ts';
import { isResultOf } from '../medicines/recognise.ts';
import type { DiagnosisFact } from '../discharge/discharge-facts.ts';
import type { CheckResultFact, InvitationFact, PhysicalHealthFacts } from './physical-health-facts.ts';
import { physicalHealthRules, type PhysicalHealthComponentKey } from './physical-health-rules.ts';

/** One part of the check as of the day: the last result that meets it and whether it is in time. */
export interface CheckComponentState {
  key: PhysicalHealthComponentKey;
  name: string;
  last?: { id: string; date: string; value?: string | null };
  done: boolean;
  /** The day the next one is due ("YYYY-MM-DD"): a year after the last, or the day itself when there is none. */
  dueDate: string;
}

/** Where a person stands with the check as of a day; the team report counts these. */
export type CheckCompletion = 'complete' | 'partial' | 'none';

export interface PhysicalHealthCheck {
  personId: string;
  /** Undefined when the check is not asked of the person on the day (not on the SMI register, not held by a team, or died). */
  eligible?: {
    groups: DiagnosisGroup[];
    /** The Conditions that put the person on the register ("Condition/c1"), in id order. */
    evidence: string[];
    /** Teams holding the person on the day, by Organization id. */
    teamIds: string[];
  };
  components: CheckComponentState[];
  completion: CheckCompletion;
  /** The last day on which all six parts had been done within a year: "YYYY-MM-DD". */
  lastCompleteCheck?: string;
  /** Every invitation sent up to the day, newest first. */
  invitations: Array<{ id: string; date: string; method?: string | null }>;
  /** The latest invitation since the last complete check, if any. */
  invitation?: { id: string; date: string; daysAgo: number; notResponded: boolean };
  /** `physical-health-check-overdue` when eligible and incomplete. */
  reason?: WorklistReason;
  /** Days the longest-missing part is past its due day (0 when nothing is overdue). */
  daysOverdue: number;
}

interface Dated {
  id: string;
  day: number;
  instant: number;
  value?: string | null;
}

const WINDOW = physicalHealthRules.windowDays;

/** A counted, dated result with the parts it meets worked out, by each part's place in the rules. */
interface WorkedResult extends CheckResultFact, Dated {
  /** Meets the part by one of its own kinds. */
  direct: boolean[];
  /** Is the height, or the weight, that lets a weight stand for the part (BMI). */
  height: boolean[];
  weight: boolean[];
}

interface SentInvitation extends Dated {
  at?: string | null;
  method?: string | null;
}

/**
 * What is worked out about a person's records once, however many days they are judged on (a board
 * trend judges each of twelve): each result's day, instant and parts, each invitation's day, and the
 * register from the diagnoses. Keyed by the records themselves, so days that share a record share
 * the work, and a day that holds other records is judged on its own.
 */
class WorkedRecords {
  private readonly results = new Map<CheckResultFact, WorkedResult | undefined>();
  private readonly invitations = new Map<InvitationFact, SentInvitation | undefined>();
  private readonly registers = new Map<readonly DiagnosisFact[], ReturnType<typeof smiRegister>>();

  result(r: CheckResultFact): WorkedResult | undefined {
    if (this.results.has(r)) return this.results.get(r);
    const d = countedResultStatuses.includes(r.status) ? dated(r) : undefined;
    const worked = d && {
      ...d,
      direct: physicalHealthRules.components.map((c) => c.results.some((kind) => isResultOf(kind, r.codes))),
      height: physicalHealthRules.components.map((c) => c.weightWithHeight !== undefined && isResultOf(c.weightWithHeight.height, r.codes)),
      weight: physicalHealthRules.components.map((c) => c.weightWithHeight !== undefined && isResultOf(c.weightWithHeight.weight, r.codes)),
    };
    this.results.set(r, worked);
    return worked;
  }

  invitation(i: InvitationFact): SentInvitation | undefined {
    if (this.invitations.has(i)) return this.invitations.get(i);
    const worked = physicalHealthRules.invitation.countedStatuses.includes(i.status) ? dated({ id: i.id, at: i.sent, method: i.method }) : undefined;
    this.invitations.set(i, worked);
    return worked;
  }

  register(diagnoses: readonly DiagnosisFact[]) {
    if (!this.registers.has(diagnoses)) this.registers.set(diagnoses, smiRegister(diagnoses));
    return this.registers.get(diagnoses);
  }
}

/**
 * The SMI annual physical health check of one person as of the end of a day ("YYYY-MM-DD" in
 * England), by physical-health-rules.ts: each part's last result and whether it is within the year,
 * the last complete check, the latest invitation and, when the person is eligible and a part is
 * missing, the reason for the monitoring-overdue worklist. Records after the day are ignored.
 */
export function evaluatePhysicalHealth(facts: PhysicalHealthFacts, asOfDate: string): PhysicalHealthCheck {
  const worked = new WorkedRecords();
  const asOf = dayOf(asOfDate);
  return inWords(facts, stand(facts, asOf, worked, askedOn(facts, asOf, worked)), worked);
}

/**
 * The check of one person on each of some days, given their facts as they stood on each day
 * (`factsOnDays[i]` for `asOfDates[i]`): on each day it is asked of the person, the check exactly as
 * evaluatePhysicalHealth gives it for that day alone; undefined on the days it is not, which are not
 * judged further. Records the days share are worked out once.
 */
export function eligibleChecksOnDays(factsOnDays: readonly PhysicalHealthFacts[], asOfDates: readonly string[]): Array<PhysicalHealthCheck | undefined> {
  const worked = new WorkedRecords();
  return asOfDates.map((asOfDate, i) => {
    const asOf = dayOf(asOfDate);
    const asked = askedOn(factsOnDays[i]!, asOf, worked);
    return asked.register && inWords(factsOnDays[i]!, stand(factsOnDays[i]!, asOf, worked, asked), worked);
  });
}

/** Where a person stands with the check on a day, as the board counts it: the teams holding them, how complete it is, and whether it is overdue (the reason). */
export interface CheckStanding {
  teamIds: string[];
  completion: CheckCompletion;
  overdue: boolean;
}

/**
 * Where one person stands with the check on each of some days (a board trend), given their facts as
 * they stood on each day: on each day the check is asked of them, its teams and completion exactly as
 * evaluatePhysicalHealth gives them for that day alone, and overdue exactly when it gives the reason;
 * undefined on the days it is not asked. Nothing is put in words, and shared records are worked out once.
 */
export function checkStandingsOnDays(factsOnDays: readonly PhysicalHealthFacts[], asOfDates: readonly string[]): Array<CheckStanding | undefined> {
  const worked = new WorkedRecords();
  // A board keeps every day's teams: days held by the same teams share one list rather than a copy each.
  let teamIds: string[] = [];
  return asOfDates.map((asOfDate, i) => {
    const asOf = dayOf(asOfDate);
    const asked = askedOn(factsOnDays[i]!, asOf, worked);
    if (!asked.register) return undefined;
    const { completion } = stand(factsOnDays[i]!, asOf, worked, asked);
    teamIds = sameList(teamIds, teamsHolding(asked.held));
    return { teamIds, completion, overdue: completion !== 'complete' };
  });
}

/** The earlier list when it holds the same items in the same order, else the new one. */
export function sameList<T>(earlier: T[], list: T[]): T[] {
  return earlier.length === list.length && earlier.every((item, i) => item === list[i]) ? earlier : list;
}

/** What the check is judged from on a day, before it is put in words. */
interface Standing {
  asOf: number;
  /** Episodes holding the person on the day (none once they have died). */
  held: EpisodeFact[];
  /** Set when the check is asked of the person on the day: held, and on the register. */
  register?: { groups: DiagnosisGroup[]; evidence: string[] };
  /** The results up to the day. */
  results: WorkedResult[];
  /** Each part's latest result up to the day, by the parts' order in the rules. */
  lasts: Array<WorkedResult | undefined>;
  completion: CheckCompletion;
}

function dayOf(asOfDate: string): number {
  const asOf = londonDay(asOfDate);
  if (asOf === undefined) throw new Error(`as-of date ${asOfDate} is not a date`);
  return asOf;
}

/** Whether the check is asked of the person on the day: alive, held by a team and on the register. */
function askedOn(facts: PhysicalHealthFacts, asOf: number, worked: WorkedRecords): Pick<Standing, 'held' | 'register'> {
  const died = londonDay(facts.deceasedAt);
  const held = died === undefined || died > asOf ? heldEpisodes(facts.episodes, asOf) : [];
  const register = held.length > 0 ? worked.register(facts.diagnoses) : undefined;
  return register ? { held, register } : { held };
}

function stand(facts: PhysicalHealthFacts, asOf: number, worked: WorkedRecords, { held, register }: Pick<Standing, 'held' | 'register'>): Standing {
  const results: WorkedResult[] = [];
  for (const r of facts.results) {
    const w = worked.result(r);
    if (w !== undefined && w.day <= asOf) results.push(w);
  }
  const lasts = physicalHealthRules.components.map((_, i) => {
    let last: WorkedResult | undefined;
    eachMeeting(i, results, (r) => (last = later(last, r)));
    return last;
  });
  const doneCount = lasts.filter((last) => last !== undefined && asOf - last.day <= WINDOW).length;
  const completion: CheckCompletion = doneCount === lasts.length ? 'complete' : doneCount > 0 ? 'partial' : 'none';
  return { asOf, held, ...(register ? { register } : {}), results, lasts, completion };
}

function teamsHolding(held: readonly EpisodeFact[]): string[] {
  return [...new Set(held.map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
}

function inWords(facts: PhysicalHealthFacts, standing: Standing, worked: WorkedRecords): PhysicalHealthCheck {
  const { asOf, held, register, results, lasts, completion } = standing;
  const components = physicalHealthRules.components.map((component, i): CheckComponentState => {
    const last = lasts[i];
    return {
      key: component.key,
      name: component.name,
      ...(last ? { last: { id: last.id, date: isoDay(last.day), value: last.value } } : {}),
      done: last !== undefined && asOf - last.day <= WINDOW,
      dueDate: isoDay(last ? last.day + WINDOW : asOf),
    };
  });
  const lastComplete = lastCompleteCheck(
    physicalHealthRules.components.map((_, i) => {
      const days: number[] = [];
      eachMeeting(i, results, (r) => days.push(r.day));
      return days;
    }),
  );
  const sent = sentInvitations(facts, asOf, worked);
  const invitation = latestInvitation(sent, asOf, lastComplete, completion);

  const check: PhysicalHealthCheck = {
    personId: facts.personId,
    components,
    completion,
    invitations: sent.map((i) => ({ id: i.id, date: isoDay(i.day), method: i.method })),
    ...(lastComplete !== undefined ? { lastCompleteCheck: isoDay(lastComplete) } : {}),
    ...(invitation ? { invitation: { id: invitation.id, date: isoDay(invitation.day), daysAgo: asOf - invitation.day, notResponded: invitation.notResponded } } : {}),
    daysOverdue: 0,
  };

  if (!register) return check;
  check.eligible = { groups: [...register.groups], evidence: [...register.evidence], teamIds: teamsHolding(held) };
  if (completion === 'complete') return check;

  const heldSince = Math.min(...held.map((e) => londonDay(e.start) ?? asOf));
  const missing = components.filter((c) => !c.done);
  check.daysOverdue = Math.max(0, ...missing.map((c) => asOf - (c.last ? londonDay(c.last.date)! + WINDOW : heldSince)));
  const parts = missing.map((c) => {
    const name = physicalHealthRules.components.find((r) => r.key === c.key)!.inText;
    return `${name} (${c.last ? `last on ${shortDate(londonDay(c.last.date)!, asOf)}` : 'none on record'})`;
  });
  const invited = invitation
    ? invitation.notResponded
      ? ` Invited on ${shortDate(invitation.day, asOf)} (${days(asOf - invitation.day)} ago) and not responded: follow up.`
      : ` Invited on ${shortDate(invitation.day, asOf)} (${days(asOf - invitation.day)} ago).`
    : '';
  const lastResults = [...new Set(components.filter((c) => c.last).map((c) => `Observation/${c.last!.id}`))];
  check.reason = {
    code: physicalHealthRules.code,
    text:
      `${sentenceCase(register.groups.map((g) => physicalHealthRules.groupNames[g] ?? g).join(' and '))} on record. Annual physical health check incomplete: ${list(parts)} not done in the last 12 months. ` +
      (lastComplete !== undefined ? `Check last complete on ${shortDate(lastComplete, asOf)} (every part done in the year to then).` : 'No complete check recorded.') +
      invited,
    evidence: [...register.evidence, ...lastResults, ...(invitation ? [`Communication/${invitation.id}`] : [])],
  };
  return check;
}

/** The psychosis or bipolar diagnoses that put a person on the SMI register, unless refuted or entered in error. */
function smiRegister(diagnoses: readonly DiagnosisFact[]): { groups: DiagnosisGroup[]; evidence: string[] } | undefined {
  const groups = new Set<DiagnosisGroup>();
  const evidence: string[] = [];
  for (const d of [...diagnoses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (d.verification && physicalHealthRules.discountedVerification.includes(d.verification)) continue;
    const found = d.codings.map(diagnosisGroupOf).filter((g): g is DiagnosisGroup => g !== undefined && physicalHealthRules.eligibleGroups.includes(g));
    if (found.length === 0) continue;
    for (const g of found) groups.add(g);
    evidence.push(`Condition/${d.id}`);
  }
  if (evidence.length === 0) return undefined;
  return { groups: physicalHealthRules.eligibleGroups.filter((g) => groups.has(g)), evidence };
}

/**
 * Each result that meets a part, in order: those of any of its kinds, then (for BMI) each weight
 * with a height taken on or before it. Told one at a time, so a day's latest is found without lists.
 */
function eachMeeting(part: number, results: readonly WorkedResult[], visit: (r: WorkedResult) => void): void {
  for (const r of results) if (r.direct[part]) visit(r);
  if (!physicalHealthRules.components[part]!.weightWithHeight) return;
  let firstHeight: number | undefined;
  for (const r of results) if (r.height[part] && (firstHeight === undefined || r.day < firstHeight)) firstHeight = r.day;
  if (firstHeight === undefined) return;
  for (const r of results) if (r.day >= firstHeight && r.weight[part] && !r.direct[part]) visit(r);
}

/**
 * The last day D on which every part had a result in the year up to D (D - day <= the window): the
 * latest of the days results were taken that passes, since a check completes on the day of its last part.
 */
function lastCompleteCheck(daysByPart: number[][]): number | undefined {
  const candidates = [...new Set(daysByPart.flat())].sort((a, b) => b - a);
  return candidates.find((d) => daysByPart.every((partDays) => partDays.some((day) => day <= d && d - day <= WINDOW)));
}

/** The latest counted invitation on or before the day (of those `sent`) and after the last complete check; not responded once the follow-up days have passed with the check still incomplete. */
function latestInvitation<T extends Dated>(sent: readonly T[], asOf: number, lastComplete: number | undefined, completion: CheckCompletion) {
  const rules = physicalHealthRules.invitation;
  const last = latest(sent.filter((i) => lastComplete === undefined || i.day > lastComplete));
  if (!last) return undefined;
  return { ...last, notResponded: completion !== 'complete' && asOf - last.day > rules.followUpAfterDays };
}

/** Counted invitations sent on or before the day, newest first. */
function sentInvitations(facts: PhysicalHealthFacts, asOf: number, worked: WorkedRecords) {
  const sent: SentInvitation[] = [];
  for (const i of facts.invitations) {
    const w = worked.invitation(i);
    if (w !== undefined && w.day <= asOf) sent.push(w);
  }
  return sent.sort((a, b) => b.instant - a.instant || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function dated<T extends { id: string; at?: string | null; value?: string | null }>(r: T): (T & Dated) | undefined {
  const day = londonDay(r.at);
  if (day === undefined) return undefined;
  return { ...r, day, instant: Date.parse(toInstant(r.at ?? undefined)!) };
}

/** The latest record; of two at the same instant, the smaller id (as the monitoring rules break ties). */
function latest<T extends Dated>(records: readonly T[]): T | undefined {
  let found: T | undefined;
  for (const r of records) found = later(found, r);
  return found;
}

/** The later of the latest found so far and another record, as `latest` chooses. */
function later<T extends Dated>(found: T | undefined, r: T): T {
  return !found || r.instant > found.instant || (r.instant === found.instant && r.id < found.id) ? r : found;
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
