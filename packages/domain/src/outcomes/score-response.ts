import { questionnaires, type QuestionnaireKey } from '../fhir/clinical-codes.ts';
import { outcomeRules } from './outcome-rules.ts';
import { readItemAnswers, type ItemAnswers, type ItemProblem, type ResponseItem } from './item-answers.ts';
import type { MeasureScoring } from './score-items.ts';
import { scoreDialog } from './dialog.ts';
import { scoreReqol10 } from './reqol-10.ts';
import { scoreHonos } from './honos.ts';
import { scoreSwemwbs } from './swemwbs.ts';
import { scorePhq9 } from './phq-9.ts';
import { scoreGad7 } from './gad-7.ts';

const scorers: Record<QuestionnaireKey, (answers: ItemAnswers) => MeasureScoring> = {
  dialog: scoreDialog,
  'reqol-10': scoreReqol10,
  honos: scoreHonos,
  swemwbs: scoreSwemwbs,
  'phq-9': scorePhq9,
  'gad-7': scoreGad7,
};

/** Each item's answer by linkId, null when unanswered: what the DIALOG+ review compares. */
export type AnswersByItem = Record<string, number | null>;

export type ScoredAnswers = ({ ok: true; instrument: QuestionnaireKey; answers: AnswersByItem } & MeasureScoring) | { ok: false; instrument: QuestionnaireKey; problems: ItemProblem[] };

/** The scores one instrument's answers give, or each item's problem by linkId. */
export function scoreAnswers(instrument: QuestionnaireKey, items: readonly ResponseItem[] | undefined): ScoredAnswers {
  const read = readItemAnswers(outcomeRules[instrument], items);
  if (!read.ok) return { ok: false, instrument, problems: read.problems };
  return { ok: true, instrument, answers: Object.fromEntries(read.answers), ...scorers[instrument](read.answers) };
}

const byUrl = new Map(Object.values(questionnaires).map((q) => [q.url, q.key]));

/** The instrument a QuestionnaireResponse answers, from its canonical `questionnaire` URL (a `|version` ignored). */
export function instrumentOf(questionnaire: unknown): QuestionnaireKey | undefined {
  return typeof questionnaire === 'string' ? byUrl.get(questionnaire.split('|')[0]!) : undefined;
}

/**
 * The instrument a QuestionnaireResponse is scored as: undefined when it does not answer an outcome
 * measure the platform scores, or is not `completed` (or `amended`). Whether a response counts as a
 * measure at all depends on this alone, not on its answers.
 */
export function scoredInstrumentOf(response: { questionnaire?: unknown; status?: unknown }): QuestionnaireKey | undefined {
  const instrument = instrumentOf(response.questionnaire);
  return instrument && (response.status === 'completed' || response.status === 'amended') ? instrument : undefined;
}

/** Scores a QuestionnaireResponse as docs/fhir.md describes it: undefined when scoredInstrumentOf gives none. */
export function scoreQuestionnaireResponse(response: object): ScoredAnswers | undefined {
  const resource = response as { questionnaire?: unknown; status?: unknown; item?: unknown };
  const instrument = scoredInstrumentOf(resource);
  if (!instrument) return undefined;
  return scoreAnswers(instrument, Array.isArray(resource.item) ? (resource.item as ResponseItem[]) : []);
}
