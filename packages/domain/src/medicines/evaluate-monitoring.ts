import type { WorklistReason } from '../engagement/engagement-facts.ts';
import { toInstant } from '../fhir/catalogue.ts';
import { days, isoDay, londonDay, shortDate } from '../engagement/london-calendar.ts';
import type { MonitoringFacts, PrescriptionFact, ResultFact, ReviewFact } from './monitoring-facts.ts';
import {
  countedResultStatuses,
  countedReviewStatuses,
  currentPrescriptionStatuses,
  monitoringReasonOrder,
  monitoringRules,
  type MonitoredMedicine,
  type MonitoringSchedule,
  type ResultKind,
} from './monitoring-rules.ts';
import { isResultOf, medicineGroups } from './recognise.ts';

export interface MonitoringFinding {
  personId: string;
  /** Empty when nothing is overdue. */
  reasons: WorklistReason[];
  /** Days the most overdue item is past its due day (0 when nothing is overdue). */
  mostDaysOverdue: number;
}

interface Dated {
  id: string;
  day: number;
  instant: number;
}

interface Rule {
  code: string;
  medicines: readonly MonitoredMedicine[] | 'any';
  schedules: readonly MonitoringSchedule[];
  eligibility?: { gender: string; fromAge: number; underAge: number };
}

const rules: readonly Rule[] = [
  monitoringRules.clozapineBloodCount,
  monitoringRules.lithiumLevel,
  monitoringRules.lithiumRenalThyroid,
  monitoringRules.antipsychoticMonitoring,
  monitoringRules.valproateReview,
  monitoringRules.medicationReview,
];

/** A current prescription's start and the monitored groups its medicine belongs to. */
interface WorkedPrescription {
  status: string;
  start: number | undefined;
  groups: Set<MonitoredMedicine>;
}

/** A counted, dated result with the kinds it is of (among the kinds the rules read). */
interface WorkedResult extends Dated {
  kinds: Set<ResultKind>;
}

const resultKinds = [...new Set(rules.flatMap((rule) => rule.schedules.flatMap((s) => s.results)))];

/**
 * What is worked out about a person's records once, however many days they are judged on (a board
 * trend judges each of twelve): each prescription's start and groups, each result's day and kinds,
 * each review's day. Keyed by the records themselves, so days that share a record share the work,
 * and a day that holds other records is judged on its own.
 */
class WorkedRecords {
  private readonly prescriptions = new Map<PrescriptionFact, WorkedPrescription>();
  private readonly results = new Map<ResultFact, WorkedResult | undefined>();
  private readonly reviews = new Map<ReviewFact, Dated | undefined>();

  prescription(p: PrescriptionFact): WorkedPrescription {
    let worked = this.prescriptions.get(p);
    if (!worked) {
      worked = { status: p.status, start: londonDay(p.authoredOn), groups: medicineGroups(p.codes, p.medicine) };
      this.prescriptions.set(p, worked);
    }
    return worked;
  }

  result(r: ResultFact): WorkedResult | undefined {
    if (this.results.has(r)) return this.results.get(r);
    const d = countedResultStatuses.includes(r.status) ? dated(r) : undefined;
    const worked = d && { ...d, kinds: new Set(resultKinds.filter((kind) => isResultOf(kind, r.codes))) };
    this.results.set(r, worked);
    return worked;
  }

  review(r: ReviewFact): Dated | undefined {
    if (this.reviews.has(r)) return this.reviews.get(r);
    const worked = countedReviewStatuses.includes(r.status) ? dated(r) : undefined;
    this.reviews.set(r, worked);
    return worked;
  }
}

/**
 * What monitoring of a person's current medicines is overdue, as of the end of a day ("YYYY-MM-DD"
 * in England): one reason per rule with every overdue item in words, citing the prescriptions and
 * the last result (or review) of each overdue item. Records after the day are ignored; people who
 * had died by then have no reasons.
 */
export function evaluateMonitoring(facts: MonitoringFacts, asOfDate: string): MonitoringFinding {
  return judge(facts, asOfDate, new WorkedRecords());
}

/**
 * What is overdue for one person on each of some days, given their facts as they stood on each day
 * (`factsOnDays[i]` for `asOfDates[i]`): each day judged exactly as evaluateMonitoring judges it,
 * with the records the days share worked out once.
 */
export function evaluateMonitoringOnDays(factsOnDays: readonly MonitoringFacts[], asOfDates: readonly string[]): MonitoringFinding[] {
  const worked = new WorkedRecords();
  return asOfDates.map((asOf, i) => judge(factsOnDays[i]!, asOf, worked));
}

/**
 * Whether anything of a person's monitoring is overdue on each of some days (a board trend), given
 * their facts as they stood on each day (`factsOnDays[i]` for `asOfDates[i]`): true exactly when
 * evaluateMonitoring gives that day alone a reason, found without putting the reasons in words, and
 * with the records the days share worked out once.
 */
export function monitoringOverdueOnDays(factsOnDays: readonly MonitoringFacts[], asOfDates: readonly string[]): boolean[] {
  const worked = new WorkedRecords();
  return asOfDates.map((asOf, i) => overdueByRule(factsOnDays[i]!, dayOf(asOf), worked, true).length > 0);
}

/** A rule with something overdue: the current prescriptions it applies to, the start counted from, and what is overdue. */
interface RuleOverdue {
  rule: Rule;
  applying: Array<{ prescription: PrescriptionFact; start: number }>;
  start: number;
  overdue: Array<{ schedule: MonitoringSchedule; due: number; says: string; last?: Dated }>;
}

function judge(facts: MonitoringFacts, asOfDate: string, worked: WorkedRecords): MonitoringFinding {
  const asOf = dayOf(asOfDate);
  const reasons: WorklistReason[] = [];
  let mostDaysOverdue = 0;
  for (const { rule, applying, start, overdue } of overdueByRule(facts, asOf, worked, false)) {
    const prescriptions = applying.map((p) => p.prescription).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const lastType = (s: MonitoringSchedule) => (s.review ? 'Encounter' : 'Observation');
    reasons.push({
      code: rule.code,
      text: [
        onMedicines(prescriptions, start, asOf, rule.eligibility ? eligibleBecause(facts, asOf) : ''),
        ...overdue.map((o) => `${o.schedule.name} ${days(asOf - o.due)} overdue (due ${shortDate(o.due, asOf)}, ${o.says}; ${o.last ? `last on ${shortDate(o.last.day, asOf)}` : 'none on record'}).`),
      ].join(' '),
      evidence: [...new Set([...prescriptions.map((p) => `MedicationRequest/${p.id}`), ...overdue.filter((o) => o.last).map((o) => `${lastType(o.schedule)}/${o.last!.id}`)])],
    });
    mostDaysOverdue = Math.max(mostDaysOverdue, ...overdue.map((o) => asOf - o.due));
  }
  reasons.sort((a, b) => monitoringReasonOrder.indexOf(a.code as never) - monitoringReasonOrder.indexOf(b.code as never));
  return { personId: facts.personId, reasons, mostDaysOverdue };
}

function dayOf(asOfDate: string): number {
  const asOf = londonDay(asOfDate);
  if (asOf === undefined) throw new Error(`as-of date ${asOfDate} is not a date`);
  return asOf;
}

/** The rules with something overdue on the day, in the rules' order; only the first when `firstOnly`. */
function overdueByRule(facts: MonitoringFacts, asOf: number, worked: WorkedRecords, firstOnly: boolean): RuleOverdue[] {
  const died = londonDay(facts.deceasedAt);
  if (died !== undefined && died <= asOf) return [];

  // A prescription without a readable authoredOn has no start to count from, so it is not judged.
  const current: Array<{ prescription: PrescriptionFact; start: number; groups: Set<MonitoredMedicine> }> = [];
  for (const prescription of facts.prescriptions) {
    const { status, start, groups } = worked.prescription(prescription);
    if (currentPrescriptionStatuses.includes(status) && start !== undefined && start <= asOf) current.push({ prescription, start, groups });
  }
  if (current.length === 0) return [];

  const results: WorkedResult[] = [];
  for (const r of facts.results) {
    const w = worked.result(r);
    if (w !== undefined) results.push(w);
  }
  const reviews: Dated[] = [];
  for (const r of facts.reviews) {
    const w = worked.review(r);
    if (w !== undefined) reviews.push(w);
  }
  const lastReview = latest(reviews, asOf);

  const found: RuleOverdue[] = [];
  for (const rule of rules) {
    const applying = current.filter((p) => rule.medicines === 'any' || rule.medicines.some((m) => p.groups.has(m)));
    if (applying.length === 0) continue;
    if (rule.eligibility && !couldBecomePregnant(facts, rule.eligibility, asOf)) continue;
    const start = Math.min(...applying.map((p) => p.start));
    const overdue: RuleOverdue['overdue'] = [];
    for (const schedule of rule.schedules) {
      const last = schedule.review ? lastReview : latest(results, asOf, (r) => schedule.results.some((kind) => r.kinds.has(kind)));
      const due = dueDay(schedule, start, last?.day);
      if (asOf > due.day) overdue.push({ schedule, due: due.day, says: due.says, last });
    }
    if (overdue.length === 0) continue;
    found.push({ rule, applying, start, overdue });
    if (firstOnly) break;
  }
  return found;
}

/**
 * The day the next result is due and why (monitoring-rules.ts explains the rule): after the last
 * result, its phase's interval or the next checkpoint not yet met, whichever is sooner, but never
 * before the first due day of this course of treatment.
 */
export function dueDay(schedule: MonitoringSchedule, start: number, last: number | undefined): { day: number; says: string } {
  const first = { day: start + schedule.firstDueDays, says: schedule.firstSays };
  if (last === undefined) return first;
  const sinceStart = Math.max(0, last - start);
  const phase = schedule.phases.filter((p) => p.fromDay <= sinceStart).at(-1)!;
  let next = { day: last + phase.everyDays, says: phase.says };
  // The checkpoint not yet met: each is met by a result after the one before it, up to its day.
  const checkpoint = schedule.checkpoints?.find((_, i, all) => last - start <= (i === 0 ? 0 : all[i - 1]!.day));
  if (checkpoint && start + checkpoint.day < next.day) next = { day: start + checkpoint.day, says: checkpoint.says };
  return next.day < first.day ? first : next;
}

/**
 * The latest record on or before the as-of day (of those `of` picks); of two at the same instant, the smaller id. Instants
 * are the ones the store keeps (a date alone is midnight UTC), so the store's SQL picks the same one.
 */
function latest<T extends Dated>(records: readonly T[], asOf: number, of: (r: T) => boolean = () => true): Dated | undefined {
  let found: Dated | undefined;
  for (const r of records) {
    if (r.day > asOf || !of(r)) continue;
    if (!found || r.instant > found.instant || (r.instant === found.instant && r.id < found.id)) found = r;
  }
  return found;
}

/** A record's day and instant; undefined when it has no readable date. */
function dated(r: { id: string; at?: string | null }): Dated | undefined {
  const day = londonDay(r.at);
  if (day === undefined) return undefined;
  return { id: r.id, day, instant: Date.parse(toInstant(r.at ?? undefined)!) };
}

/** Whole years of age on a day, from a FHIR birthDate; undefined when the record has none. */
export function ageOn(birthDate: string | null | undefined, day: number): number | undefined {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return undefined;
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ty, tm, td] = isoDay(day).split('-').map(Number);
  return ty! - y! - (tm! < m! || (tm === m && td! < d!) ? 1 : 0);
}

/**
 * Eligibility for the valproate Pregnancy Prevention Programme review (monitoring-rules.ts): female
 * and of an age to become pregnant on the day. Without a full birth date the age cannot be told,
 * and the review is asked for rather than missed.
 */
export function couldBecomePregnant(facts: Pick<MonitoringFacts, 'gender' | 'birthDate'>, eligibility: { gender: string; fromAge: number; underAge: number }, asOf: number): boolean {
  if (facts.gender !== eligibility.gender) return false;
  const age = ageOn(facts.birthDate, asOf);
  return age === undefined || (age >= eligibility.fromAge && age < eligibility.underAge);
}

function eligibleBecause(facts: MonitoringFacts, asOf: number): string {
  const age = ageOn(facts.birthDate, asOf);
  return `; female, ${age === undefined ? 'age not recorded' : `aged ${age}`}`;
}

function onMedicines(prescriptions: readonly PrescriptionFact[], start: number, asOf: number, who: string): string {
  const names = [...new Set(prescriptions.map((p) => p.medicine))];
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `On ${list} since ${shortDate(start, asOf)}${who}.`;
}

/**
 * The order of the monitoring-overdue worklist: most reasons first, then the longest overdue, then
 * person id so the same data always gives the same list.
 */
export function compareMonitoringFindings(a: MonitoringFinding, b: MonitoringFinding): number {
  return b.reasons.length - a.reasons.length || b.mostDaysOverdue - a.mostDaysOverdue || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}
