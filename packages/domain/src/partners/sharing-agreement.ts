import { isoDay, londonDay } from '../engagement/london-calendar.ts';
import { agreementStatuses, legalBases, sharingCategories, sharingRules, type AgreementStatus, type LegalBasis, type SharingCategory } from './sharing-rules.ts';

/** An information-sharing agreement between the trust and one or more partner organisations. */
export interface SharingAgreement {
  id: string;
  title: string;
  purpose: string;
  legalBasis: LegalBasis;
  /** Partner Organization ids; the trust is always the other party. */
  partners: string[];
  categories: SharingCategory[];
  /** YYYY-MM-DD. */
  startDate: string;
  reviewDate: string;
  status: AgreementStatus;
}

/** Where an agreement stands on a day: `live` and `review-due` grant access, nothing else does. */
export type AgreementState = 'draft' | 'not-started' | 'live' | 'review-due' | 'review-overdue' | 'ended';

export interface AgreementProblem {
  field: 'title' | 'purpose' | 'legalBasis' | 'partners' | 'categories' | 'startDate' | 'reviewDate' | 'status';
  message: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isRealDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return DAY.test(value) && !Number.isNaN(date.getTime()) && value >= '1900-01-01' && date.toISOString().slice(0, 10) === value;
}
const listOf = (codes: Record<string, unknown>) => Object.keys(codes).join(', ');
const addDays = (day: string, count: number) => isoDay(londonDay(day)! + count);

/** An agreement as an editor sent it, checked: its problems by field, or the agreement. */
export function checkAgreement(input: {
  id: string; title: string; purpose: string; legalBasis: string; partners: string[]; categories: string[]; startDate: string; reviewDate: string; status: string;
}): { ok: true; agreement: SharingAgreement } | { ok: false; problems: AgreementProblem[] } {
  const problems: AgreementProblem[] = [];
  if (input.title.trim() === '') problems.push({ field: 'title', message: 'is needed: what the agreement is called' });
  if (input.purpose.trim() === '') problems.push({ field: 'purpose', message: 'is needed: why the parties share' });
  if (!Object.hasOwn(legalBases, input.legalBasis)) problems.push({ field: 'legalBasis', message: `must be one of: ${listOf(legalBases)}` });
  if (input.partners.length === 0) problems.push({ field: 'partners', message: 'must name at least one partner organisation' });
  const unknown = input.categories.filter((c) => !Object.hasOwn(sharingCategories, c));
  if (unknown.length > 0) problems.push({ field: 'categories', message: `must be among: ${listOf(sharingCategories)} (not ${unknown.join(', ')})` });
  else if (!input.categories.includes('identity')) problems.push({ field: 'categories', message: 'must include identity: a partner cannot act on what it cannot tell apart' });
  if (!Object.hasOwn(agreementStatuses, input.status)) problems.push({ field: 'status', message: `must be one of: ${listOf(agreementStatuses)}` });
  const startOk = isRealDay(input.startDate);
  if (!startOk) problems.push({ field: 'startDate', message: 'must be a real date as YYYY-MM-DD' });
  if (!isRealDay(input.reviewDate)) problems.push({ field: 'reviewDate', message: 'must be a real date as YYYY-MM-DD' });
  else if (startOk && input.reviewDate <= input.startDate) problems.push({ field: 'reviewDate', message: 'must be after the start date' });
  else if (startOk && input.reviewDate > addDays(input.startDate, Math.round(sharingRules.maxYearsToReview * 365.25))) {
    problems.push({ field: 'reviewDate', message: `must be within ${sharingRules.maxYearsToReview} years of the start date` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    agreement: {
      id: input.id,
      title: input.title.trim(),
      purpose: input.purpose.trim(),
      legalBasis: input.legalBasis as LegalBasis,
      partners: [...new Set(input.partners)].sort(),
      categories: sharingCategoryOrder(input.categories as SharingCategory[]),
      startDate: input.startDate,
      reviewDate: input.reviewDate,
      status: input.status as AgreementStatus,
    },
  };
}

/** Categories without repeats, in the order sharing-rules.ts lists them. */
export function sharingCategoryOrder(categories: Iterable<SharingCategory>): SharingCategory[] {
  const set = new Set(categories);
  return (Object.keys(sharingCategories) as SharingCategory[]).filter((c) => set.has(c));
}

/** Where an agreement stands on a day (YYYY-MM-DD in England). */
export function agreementState(agreement: Pick<SharingAgreement, 'status' | 'startDate' | 'reviewDate'>, today: string): AgreementState {
  if (agreement.status === 'ended') return 'ended';
  if (agreement.status === 'draft') return 'draft';
  if (today < agreement.startDate) return 'not-started';
  if (today > agreement.reviewDate) return 'review-overdue';
  if (today > addDays(agreement.reviewDate, -sharingRules.reviewDueWithinDays)) return 'review-due';
  return 'live';
}

/** Whether the agreement grants a partner access on the day. */
export function agreementGrantsAccess(agreement: Pick<SharingAgreement, 'status' | 'startDate' | 'reviewDate'>, today: string): boolean {
  const state = agreementState(agreement, today);
  return state === 'live' || state === 'review-due';
}
