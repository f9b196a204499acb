import { outcomeRules } from './outcome-rules.ts';
import type { AnswersByItem } from './score-response.ts';

/** One DIALOG item in the review: the rating now, the one before, and the change. */
export interface DialogReviewItem {
  linkId: string;
  label: string;
  now: number | null;
  before: number | null;
  /** now − before, when both were rated. */
  change: number | null;
}

/**
 * The DIALOG+ review of one session (Priebe S, Kelley L, Omer S, et al. Psychother Psychosom
 * 2015;84:304-13, and the DIALOG+ manual): each of the eleven ratings beside the one given last
 * time, so the person and clinician see what changed before choosing what to talk about. Every item
 * in the instrument's order: the review is a conversation, so nothing is sorted or ranked.
 */
export function dialogReview(latest: AnswersByItem, previous?: AnswersByItem): DialogReviewItem[] {
  return outcomeRules.dialog.items.map((item) => {
    const now = latest[item.linkId] ?? null;
    const before = previous?.[item.linkId] ?? null;
    return { linkId: item.linkId, label: item.label, now, before, change: now !== null && before !== null ? now - before : null };
  });
}
