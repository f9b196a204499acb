import { carePlanCategories } from '../fhir/clinical-codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { isPlanKind, planEntry, planKinds, type PlanKindCode } from './plan-kinds.ts';

type R = Record<string, any>;

export interface PlanProblem {
  field: string;
  message: string;
}

/** What a clinician saves: the sections in words and who the plan was made with. */
export interface PlanEntry {
  kind: string;
  sections: ReadonlyArray<{ section: string; text: string; personsOwnWords?: boolean | null }>;
  /** Made with the person (they are a contributor). */
  madeWithPerson: boolean;
  /** Carers on record (RelatedPerson ids) the plan was made with. */
  carers: readonly string[];
  coProducedWith?: string | null;
  crisisContact?: string | null;
  /** Care plan only: the agreed interval between contacts, in days. */
  contactFrequencyDays?: number | string | null;
  /** Care plan only: each goal in the person's words. */
  goals?: readonly string[] | null;
}

export interface PlanContext {
  id: string;
  personId: string;
  /** Today in England: the day reviewed, and the start of a new plan. */
  today: string;
  /** Who saves it: a Practitioner when the account is one, and their name. */
  author: { practitionerId: string | null; name: string };
  /** The key worker on the person's open episode of care, if any. */
  keyWorker: { id: string; name: string } | null;
  /** The person's carers on record. */
  carers: ReadonlyArray<{ id: string; name: string }>;
  /** The current CarePlan when this is a new version of it. */
  previous?: R;
  /** The goals the plan already has, with their words, so an unchanged goal keeps its Goal. */
  previousGoals?: ReadonlyArray<{ id: string; text: string }>;
}

/** New Goals to write, and the ids of goals the plan no longer has (see goalTakenOffPlan). */
export type PlanOutcome = { ok: true; plan: AnyResource; goals: AnyResource[]; removedGoals: string[] } | { ok: false; problems: PlanProblem[] };

/** Extensions this function writes; any others on an imported plan are kept as they were. */
const WRITTEN = new Set<string>([extension.planSection, extension.coProducedWith, extension.keyWorker, extension.crisisContact, extension.contactFrequency, extension.lastReviewed]);

/**
 * A level, a band or a number on its own is not a formulation (plan-kinds.ts, planEntry.bandWords).
 * "High" is refused; "High when he stops sleeping" is words, and kept.
 */
export function onlyABand(text: string): boolean {
  const bare = text.trim().toLowerCase().replace(/[.!]+$/, '').replace(/\s+risk$/, '').replace(/^risk\s*(level|band|rating|score)?\s*[:=-]?\s*/, '');
  return bare === '' || /^[\d\s./%:-]+$/.test(bare) || (planEntry.bandWords as readonly string[]).includes(bare);
}

/**
 * A new plan, or a new version of one, as the CarePlan docs/fhir.md describes ("CarePlan and
 * Goal"), with a Goal for each new goal of a care plan. Every problem is named by its field.
 */
export function writePlan(entry: PlanEntry, context: PlanContext): PlanOutcome {
  const problems: PlanProblem[] = [];
  if (!isPlanKind(entry.kind)) return { ok: false, problems: [{ field: 'kind', message: `must be one of: ${Object.keys(planKinds).join(', ')}` }] };
  const kind = planKinds[entry.kind as PlanKindCode] as (typeof planKinds)[PlanKindCode];
  const previousKind = context.previous ? kindOf(context.previous) : undefined;
  if (context.previous && previousKind !== entry.kind) problems.push({ field: 'kind', message: `must stay ${previousKind ?? 'the kind the plan is'}: a plan cannot change kind` });

  const codes: readonly string[] = kind.sections.map((s) => s.code);
  const seen = new Set<string>();
  const sections: Array<{ section: string; text: string; personsOwnWords: boolean }> = [];
  entry.sections.forEach((s, i) => {
    const text = s.text.trim();
    if (!codes.includes(s.section)) return problems.push({ field: `sections.${i}.section`, message: `must be one of the sections of a ${kind.label.toLowerCase()}: ${codes.join(', ')}` });
    if (seen.has(s.section)) return problems.push({ field: `sections.${i}.section`, message: 'appears more than once' });
    seen.add(s.section);
    if (text === '') return;
    if (text.length > planEntry.sectionMaxLength) return problems.push({ field: `sections.${i}.text`, message: `must be at most ${planEntry.sectionMaxLength} characters` });
    if (onlyABand(text)) return problems.push({ field: `sections.${i}.text`, message: 'must be written in words: say what happens and what helps, not a level, band or number' });
    sections.push({ section: s.section, text, personsOwnWords: s.personsOwnWords === true });
  });
  const sectionProblems = problems.some((p) => p.field.startsWith('sections.'));
  if (!sectionProblems && sections.length === 0 && !(typeof context.previous?.description === 'string' && context.previous.description.trim())) {
    problems.push({ field: 'sections', message: 'must have at least one section written' });
  }

  const carers: Array<{ id: string; name: string }> = [];
  entry.carers.forEach((id, i) => {
    const carer = context.carers.find((c) => c.id === id);
    if (!carer) problems.push({ field: `carers.${i}`, message: 'is not one of this person’s carers on record' });
    else if (!carers.includes(carer)) carers.push(carer);
  });
  const coProducedWith = entry.coProducedWith?.trim() || undefined;
  if (coProducedWith && coProducedWith.length > planEntry.coProducedWithMaxLength) problems.push({ field: 'coProducedWith', message: `must be at most ${planEntry.coProducedWithMaxLength} characters` });

  const crisisContact = entry.crisisContact?.trim() || undefined;
  if (kind.namesKeyWorkerAndCrisisContact) {
    if (!context.keyWorker) problems.push({ field: 'keyWorker', message: 'is needed: this person has no key worker on an open episode of care; allocate one before writing this plan' });
    if (!crisisContact) problems.push({ field: 'crisisContact', message: 'is needed: whom the person contacts in a crisis, and how' });
  }
  if (crisisContact && crisisContact.length > planEntry.crisisContactMaxLength) problems.push({ field: 'crisisContact', message: `must be at most ${planEntry.crisisContactMaxLength} characters` });

  let frequency: number | undefined;
  const { min, max } = planEntry.contactFrequencyDays;
  const rawFrequency = entry.contactFrequencyDays;
  const givenFrequency = rawFrequency !== undefined && rawFrequency !== null && String(rawFrequency).trim() !== '';
  if (kind.setsContactFrequency) {
    frequency = givenFrequency ? Number(String(rawFrequency).trim()) : undefined;
    if (!givenFrequency) problems.push({ field: 'contactFrequencyDays', message: 'is needed: how often, in days, the person and their key worker agreed to be in contact' });
    else if (!Number.isInteger(frequency) || frequency! < min || frequency! > max) problems.push({ field: 'contactFrequencyDays', message: `must be a whole number of days from ${min} to ${max}` });
  } else if (givenFrequency) problems.push({ field: 'contactFrequencyDays', message: 'is set only in the personalised care plan' });

  const goalTexts = (entry.goals ?? []).map((g) => g.trim()).filter((g) => g !== '');
  if (!kind.hasGoals && goalTexts.length > 0) problems.push({ field: 'goals', message: 'are set only in the personalised care plan' });
  if (goalTexts.length > planEntry.goalsMax) problems.push({ field: 'goals', message: `must be at most ${planEntry.goalsMax}` });
  goalTexts.forEach((g, i) => {
    if (g.length > planEntry.goalMaxLength) problems.push({ field: `goals.${i}`, message: `must be at most ${planEntry.goalMaxLength} characters` });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(context.id)) throw new Error('a plan id must be a FHIR id');

  const patient = `Patient/${context.personId}`;
  const { goalRefs, goals, removedGoals } = planGoals(context, goalTexts);
  const previous = context.previous ?? {};
  const author = context.author.practitionerId ? { reference: `Practitioner/${context.author.practitionerId}`, display: context.author.name } : { display: context.author.name };
  const contributor = [
    ...(entry.madeWithPerson ? [{ reference: patient }] : []),
    ...carers.map((c) => ({ reference: `RelatedPerson/${c.id}`, display: c.name })),
    author,
  ];
  const otherCategories = ((previous.category ?? []) as R[]).filter((c) => !((c.coding ?? []) as R[]).some((x) => x.system === system.carePlanCategory));
  const plan = {
    ...previous,
    resourceType: 'CarePlan',
    id: context.id,
    extension: [
      ...((previous.extension ?? []) as R[]).filter((x) => !WRITTEN.has(x.url)),
      ...sections.map((s) => ({
        url: extension.planSection,
        extension: [
          { url: 'section', valueCode: s.section },
          { url: 'text', valueString: s.text },
          { url: 'personsOwnWords', valueBoolean: s.personsOwnWords },
        ],
      })),
      ...(coProducedWith ? [{ url: extension.coProducedWith, valueString: coProducedWith }] : []),
      ...(kind.namesKeyWorkerAndCrisisContact || context.keyWorker ? keyWorkerExtension(context.keyWorker) : []),
      ...(crisisContact ? [{ url: extension.crisisContact, valueString: crisisContact }] : []),
      ...(frequency !== undefined ? [{ url: extension.contactFrequency, valueDuration: { value: frequency, unit: 'd', system: system.ucum, code: 'd' } }] : []),
      { url: extension.lastReviewed, valueDate: context.today },
    ],
    status: 'active',
    intent: 'plan',
    category: [{ coding: [{ system: system.carePlanCategory, code: entry.kind, display: carePlanCategories[entry.kind as PlanKindCode] }] }, ...otherCategories],
    title: previous.title ?? kind.title,
    subject: { reference: patient },
    period: previous.period ?? { start: context.today },
    created: previous.created ?? context.today,
    author,
    contributor,
    ...(kind.hasGoals ? { goal: goalRefs } : {}),
  } as R;
  if (kind.hasGoals && goalRefs.length === 0) delete plan.goal;
  return { ok: true, plan: plan as AnyResource, goals, removedGoals };
}

/** Goal states still being worked towards (FHIR R4 Goal.lifecycleStatus). */
const OPEN_GOAL = new Set(['proposed', 'planned', 'accepted', 'active', 'on-hold']);

/**
 * A goal taken off the plan is no longer worked towards: the new version of its Goal, cancelled, or
 * undefined when it had already ended (achieved, say), which stays as it was.
 */
export function goalTakenOffPlan(goal: R): AnyResource | undefined {
  return OPEN_GOAL.has(goal.lifecycleStatus) ? ({ ...goal, lifecycleStatus: 'cancelled' } as unknown as AnyResource) : undefined;
}

function keyWorkerExtension(keyWorker: PlanContext['keyWorker']) {
  return keyWorker ? [{ url: extension.keyWorker, valueReference: { reference: `Practitioner/${keyWorker.id}`, display: keyWorker.name } }] : [];
}

function kindOf(resource: R): string | undefined {
  for (const category of (resource.category ?? []) as R[]) for (const c of (category.coding ?? []) as R[]) if (c.system === system.carePlanCategory) return c.code;
  return undefined;
}

/** A goal whose words are unchanged keeps its Goal; a new one gets a new Goal, started today, expressed by the person. */
function planGoals(context: PlanContext, texts: string[]) {
  const previous = [...(context.previousGoals ?? [])];
  const used = new Set(previous.map((g) => g.id));
  let next = 1;
  const goals: AnyResource[] = [];
  const goalRefs = texts.map((text) => {
    const kept = previous.findIndex((g) => g.text === text);
    if (kept >= 0) return { reference: `Goal/${previous.splice(kept, 1)[0]!.id}`, display: text };
    while (used.has(`${context.id}-goal-${next}`)) next += 1;
    const id = `${context.id}-goal-${next}`;
    used.add(id);
    goals.push({
      resourceType: 'Goal',
      id,
      lifecycleStatus: 'active',
      description: { text },
      subject: { reference: `Patient/${context.personId}` },
      startDate: context.today,
      expressedBy: { reference: `Patient/${context.personId}` },
    } as AnyResource);
    return { reference: `Goal/${id}`, display: text };
  });
  return { goalRefs, goals, removedGoals: previous.map((g) => g.id) };
}
