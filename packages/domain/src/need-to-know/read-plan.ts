import { conceptText } from '../fhir/datatypes.ts';
import { extension, system } from '../fhir/systems.ts';
import { instantOf } from '../engagement/london-calendar.ts';
import { planKinds } from '../plans/plan-kinds.ts';
import { relapseSignatureSection, type NeedToKnowPlanKind } from './need-to-know-rules.ts';

type R = Record<string, any>;

export interface NeedToKnowSection {
  /** CS/plan-section code: "early-warning-signs", "in-a-crisis"... */
  code: string;
  heading: string;
  text: string;
  /** Written in the person's own words: shown as a quotation. */
  personsOwnWords: boolean;
}

export interface NeedToKnowPlan {
  id: string;
  kind: NeedToKnowPlanKind;
  title: string | null;
  /** When written or last reviewed (FHIR date or dateTime). */
  date: string | null;
  /** In section order; empty for a plan written as one description. */
  sections: NeedToKnowSection[];
  /** The plan's description: what is shown when it has no sections. */
  description: string | null;
}

const categoriesOf = (r: R): string[] =>
  ((r.category ?? []) as R[]).flatMap((c) => (c.coding ?? []) as R[]).filter((c) => c.system === system.carePlanCategory).map((c) => c.code as string);

function sectionsOf(r: R, kind: NeedToKnowPlanKind): NeedToKnowSection[] {
  // The headings and their order are the plan kind's own (plans/plan-kinds.ts), but the relapse signature comes first: it is what the crisis line looks for.
  const headings: Record<string, string> = Object.fromEntries(planKinds[kind].sections.map((s) => [s.code, s.label]));
  const order = [relapseSignatureSection, ...Object.keys(headings).filter((code) => code !== relapseSignatureSection)];
  return ((r.extension ?? []) as R[])
    .filter((x) => x.url === extension.planSection)
    .map((x) => {
      const part = (url: string) => ((x.extension ?? []) as R[]).find((p) => p.url === url);
      const code = (part('section')?.valueCode ?? part('section')?.valueCoding?.code ?? conceptText(part('section')?.valueCodeableConcept)) as string | undefined;
      const text = part('text')?.valueString as string | undefined;
      return code && text?.trim() ? { code, heading: headings[code] ?? code.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), text, personsOwnWords: part('personsOwnWords')?.valueBoolean === true } : undefined;
    })
    .filter((s): s is NeedToKnowSection => Boolean(s))
    .sort((a, b) => (order.indexOf(a.code) + 1 || order.length + 1) - (order.indexOf(b.code) + 1 || order.length + 1));
}

function dateOf(r: R): string | null {
  const reviewed = ((r.extension ?? []) as R[]).find((x) => x.url === extension.lastReviewed)?.valueDate as string | undefined;
  return reviewed ?? r.created ?? r.period?.start ?? null;
}

/**
 * The latest active plan of one kind among a person's CarePlans: the one written or reviewed most
 * recently (then by id, so the choice is stable), read into its sections or, failing those, its description.
 */
export function latestActivePlan(carePlans: readonly R[], kind: NeedToKnowPlanKind): NeedToKnowPlan | null {
  const latest = carePlans
    .filter((r) => r.status === 'active' && categoriesOf(r).includes(kind))
    .sort((a, b) => (instantOf(dateOf(b)) ?? -Infinity) - (instantOf(dateOf(a)) ?? -Infinity) || String(a.id).localeCompare(String(b.id)))[0];
  if (!latest) return null;
  return { id: latest.id, kind, title: latest.title ?? null, date: dateOf(latest), sections: sectionsOf(latest, kind), description: latest.description ?? null };
}
