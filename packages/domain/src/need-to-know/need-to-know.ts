import { conceptText, type CodeableConcept } from '../fhir/datatypes.ts';
import { extension, system } from '../fhir/systems.ts';
import { instantOf } from '../engagement/london-calendar.ts';
import type { HistoryEvent } from '../history/history-events.ts';
import { legalStatusFlagCategories, relapseSignatureSection } from './need-to-know-rules.ts';
import { latestActivePlan, type NeedToKnowPlan } from './read-plan.ts';

type R = Record<string, any>;

/** The person's signs of relapse, and where they were written. */
export interface RelapseSignature {
  text: string;
  personsOwnWords: boolean;
  /** risk-formulation: its early warning signs; discharge: the relapse indicators recorded when an episode ended. */
  source: 'risk-formulation' | 'discharge';
  /** The CarePlan or EpisodeOfCare it came from ("EpisodeOfCare/e1"). */
  reference: string;
  date: string | null;
}

/** Something the crisis worker must not miss: an active red flag or social need, another alert, a carer's unanswered concern. */
export interface MustNotMiss {
  kind: 'red-flag' | 'alert' | 'concern';
  title: string;
  words?: string;
  since: string | null;
  reference: string;
}

export interface NeedToKnowPlans {
  crisisPlan: NeedToKnowPlan | null;
  riskFormulation: NeedToKnowPlan | null;
  relapseSignature: RelapseSignature | null;
  mustNotMiss: MustNotMiss[];
}

const codesIn = (concepts: CodeableConcept[] | undefined, codeSystem: string): string[] =>
  (concepts ?? []).flatMap((c) => c.coding ?? []).filter((c) => c.system === codeSystem && c.code).map((c) => c.code!);

/** From the latest discharge that recorded them: the relapse indicators of the episode that ended last. */
function dischargeSignature(episodes: readonly R[]): RelapseSignature | null {
  const recorded = episodes
    .map((e) => ({ e, text: ((e.extension ?? []) as R[]).find((x) => x.url === extension.relapseIndicators)?.valueString as string | undefined }))
    .filter((x): x is { e: R; text: string } => Boolean(x.text?.trim()))
    .sort((a, b) => (instantOf(b.e.period?.end) ?? -Infinity) - (instantOf(a.e.period?.end) ?? -Infinity) || String(a.e.id).localeCompare(String(b.e.id)))[0];
  return recorded ? { text: recorded.text, personsOwnWords: false, source: 'discharge', reference: `EpisodeOfCare/${recorded.e.id}`, date: recorded.e.period?.end ?? null } : null;
}

/** Active flags in no category the page shows elsewhere (not legal status, not a red flag or social need): alerts as sent. */
function alerts(flags: readonly R[]): MustNotMiss[] {
  return flags
    .filter((f) => f.status === 'active' && !f.period?.end)
    .filter((f) => {
      const categories = codesIn(f.category, system.flagCategory);
      return !categories.some((c) => legalStatusFlagCategories.includes(c) || c === 'red-flag' || c === 'social-need');
    })
    .map((f) => ({ kind: 'alert' as const, title: conceptText(f.code) ?? 'Alert', since: f.period?.start ?? null, reference: `Flag/${f.id}` }));
}

/**
 * The parts of the crisis "need to know" page read from the person's plans and history (issue 5
 * part 5): the latest active crisis plan and risk formulation; the relapse signature (the risk
 * formulation's early warning signs, else the relapse indicators of the latest discharge); and what
 * must not be missed: active red flags and social needs and carers' unanswered concerns (from the
 * history, so the two pages agree), and other active alerts.
 */
export function needToKnowPlans(carePlans: readonly R[], episodes: readonly R[], flags: readonly R[], history: readonly HistoryEvent[]): NeedToKnowPlans {
  const riskFormulation = latestActivePlan(carePlans, 'risk-formulation');
  const warningSigns = riskFormulation?.sections.find((s) => s.code === relapseSignatureSection);
  const relapseSignature: RelapseSignature | null = warningSigns
    ? { text: warningSigns.text, personsOwnWords: warningSigns.personsOwnWords, source: 'risk-formulation', reference: `CarePlan/${riskFormulation!.id}`, date: riskFormulation!.date }
    : dischargeSignature(episodes);
  const fromHistory = history
    .filter((e) => (e.kind === 'red-flag' && e.ongoing) || (e.kind === 'concern' && e.detail === 'not answered'))
    .map((e): MustNotMiss => ({ kind: e.kind === 'red-flag' ? 'red-flag' : 'concern', title: e.title, ...(e.words ? { words: e.words } : {}), since: e.date, reference: e.reference }));
  return { crisisPlan: latestActivePlan(carePlans, 'crisis-plan'), riskFormulation, relapseSignature, mustNotMiss: [...fromHistory, ...alerts(flags)] };
}
