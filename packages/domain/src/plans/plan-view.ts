import { carePlanCategories } from '../fhir/clinical-codes.ts';
import { extension, system } from '../fhir/systems.ts';
import { isPlanKind, planKinds, type PlanKindCode } from './plan-kinds.ts';

type R = Record<string, any>;

export interface PlanSection {
  section: string;
  label: string;
  text: string;
  /** The person's own words, kept exactly as said and shown as a quotation. */
  personsOwnWords: boolean;
}

/** A plan or formulation as the app shows it, read from its CarePlan (docs/fhir.md "CarePlan and Goal"). */
export interface PlanView {
  id: string;
  kind: PlanKindCode;
  label: string;
  title: string | null;
  status: string | null;
  /** A plan sent without sections (imports) is shown by its description. */
  description: string | null;
  created: string | null;
  lastReviewed: string | null;
  sections: PlanSection[];
  madeWithPerson: boolean;
  carers: Array<{ id: string; name: string }>;
  coProducedWith: string | null;
  keyWorker: { id: string; name: string } | null;
  crisisContact: string | null;
  contactFrequencyDays: number | null;
  goals: Array<{ id: string; text: string }>;
  author: string | null;
}

/** The plan kind of a CarePlan, or undefined for a CarePlan that is none of them (a shared care agreement). */
export function planKindOf(resource: R): PlanKindCode | undefined {
  for (const category of (resource.category ?? []) as R[]) {
    for (const coding of (category.coding ?? []) as R[]) if (coding.system === system.carePlanCategory && isPlanKind(coding.code)) return coding.code;
  }
  return undefined;
}

const ext = (resource: R, url: string): R | undefined => ((resource.extension ?? []) as R[]).find((x) => x.url === url);
const part = (x: R, url: string): R | undefined => ((x.extension ?? []) as R[]).find((p) => p.url === url);
const idOf = (reference: unknown, type: string): string | null => (typeof reference === 'string' && reference.startsWith(`${type}/`) ? reference.slice(type.length + 1) : null);

/**
 * Reads a plan from its CarePlan. `goalTexts` gives the words of Goals the plan points at without a
 * display (imported plans); the app writes each goal's words as the reference's display too.
 */
export function readPlan(resource: R, goalTexts: ReadonlyMap<string, string> = new Map()): PlanView | undefined {
  const kind = planKindOf(resource);
  if (!kind) return undefined;
  const labels = new Map<string, string>(planKinds[kind].sections.map((s) => [s.code, s.label]));
  const sections = ((resource.extension ?? []) as R[])
    .filter((x) => x.url === extension.planSection)
    .map((x) => ({ section: String(part(x, 'section')?.valueCode ?? ''), text: String(part(x, 'text')?.valueString ?? ''), personsOwnWords: part(x, 'personsOwnWords')?.valueBoolean === true }))
    .filter((s) => s.section !== '' && s.text !== '')
    .map((s) => ({ ...s, label: labels.get(s.section) ?? s.section }));
  const contributors = (resource.contributor ?? []) as R[];
  const keyWorker = ext(resource, extension.keyWorker)?.valueReference as R | undefined;
  const keyWorkerId = idOf(keyWorker?.reference, 'Practitioner');
  const frequency = ext(resource, extension.contactFrequency)?.valueDuration as R | undefined;
  return {
    id: String(resource.id),
    kind,
    label: carePlanCategories[kind],
    title: resource.title ?? null,
    status: resource.status ?? null,
    description: typeof resource.description === 'string' ? resource.description : null,
    created: resource.created ?? resource.period?.start ?? null,
    lastReviewed: ext(resource, extension.lastReviewed)?.valueDate ?? null,
    sections,
    madeWithPerson: contributors.some((c) => typeof c.reference === 'string' && c.reference.startsWith('Patient/')),
    carers: contributors.flatMap((c) => {
      const id = idOf(c.reference, 'RelatedPerson');
      return id ? [{ id, name: c.display ?? 'A carer' }] : [];
    }),
    coProducedWith: ext(resource, extension.coProducedWith)?.valueString ?? null,
    keyWorker: keyWorkerId ? { id: keyWorkerId, name: keyWorker?.display ?? 'Named key worker' } : null,
    crisisContact: ext(resource, extension.crisisContact)?.valueString ?? null,
    contactFrequencyDays: frequency && (frequency.code ?? frequency.unit) === 'd' && Number.isFinite(frequency.value) ? Number(frequency.value) : null,
    goals: ((resource.goal ?? []) as R[]).flatMap((g) => {
      const id = idOf(g.reference, 'Goal');
      return id ? [{ id, text: g.display ?? goalTexts.get(id) ?? '' }] : [];
    }),
    author: resource.author?.display ?? null,
  };
}

/** What changed from one version of a plan to the next, in words; the first version says so. */
export function planChanges(older: PlanView | undefined, newer: PlanView): string[] {
  if (!older) return ['First version'];
  const changes: string[] = [];
  const labels = new Map([...older.sections, ...newer.sections].map((s) => [s.section, s.label]));
  for (const [code, label] of labels) {
    const was = older.sections.find((s) => s.section === code);
    const now = newer.sections.find((s) => s.section === code);
    if (!was && now) changes.push(`${label} added`);
    else if (was && !now) changes.push(`${label} removed`);
    else if (was && now && (was.text !== now.text || was.personsOwnWords !== now.personsOwnWords)) changes.push(`${label} changed`);
  }
  const carers = (p: PlanView) => p.carers.map((c) => c.id).sort().join(',');
  if (older.madeWithPerson !== newer.madeWithPerson || carers(older) !== carers(newer) || older.coProducedWith !== newer.coProducedWith) changes.push('Who it was made with changed');
  if (older.keyWorker?.id !== newer.keyWorker?.id) changes.push(`Key worker now ${newer.keyWorker?.name ?? 'not named'}`);
  if (older.crisisContact !== newer.crisisContact) changes.push('Crisis contact changed');
  if (older.contactFrequencyDays !== newer.contactFrequencyDays) {
    changes.push(newer.contactFrequencyDays === null ? 'Contact frequency removed' : `Contact frequency now every ${newer.contactFrequencyDays} days`);
  }
  const goals = (p: PlanView) => p.goals.map((g) => g.text).join('\n');
  if (goals(older) !== goals(newer)) changes.push('Goals changed');
  return changes.length ? changes : ['Reviewed with no change'];
}

const londonTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });
const londonDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/**
 * Why a save was refused because someone saved first: who, and when in UK time, so the clinician
 * knows whose words to read before writing theirs again.
 */
export function savedSinceMessage(label: string, savedBy: string | null, savedAt: string): string {
  const when = new Date(savedAt);
  const at = `${londonTime.format(when)} on ${londonDate.format(when)}`;
  const who = savedBy ? `${savedBy} saved a new version` : 'A new version was imported from another system';
  return `${who} of this ${label.toLowerCase()} at ${at}, after the version you opened. Your changes were not saved: reload the plan, read their version, and make your changes again.`;
}

/**
 * A plan as one piece of text, for places that show a plan in a line or two (the handover packet at
 * a transfer of care): its sections, labelled, with the person's own words in quotation marks; or
 * its description when it has no sections.
 */
export function planText(plan: PlanView): string | undefined {
  if (plan.sections.length === 0) return plan.description ?? undefined;
  return plan.sections.map((s) => `${s.label}: ${s.personsOwnWords ? `“${s.text}”` : s.text}`).join('\n');
}
