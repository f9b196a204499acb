/** What the plans API returns (type-only from the store, which builds them). */
import type { HeldPlan, PlanVersionSummary } from '@continuity/store';
import type { PlanView } from '@continuity/domain';

export type { HeldPlan, PlanVersionSummary, PlanView };

export interface PersonPlansResponse {
  plans: HeldPlan[];
  /** The key worker on the person's open episode: the one a plan names. */
  keyWorker: { id: string; name: string } | null;
  carers: Array<{ id: string; name: string }>;
}

export interface PlanResponse {
  plan: HeldPlan;
  versions: PlanVersionSummary[];
}

export type PlanVersionResponse = PlanVersionSummary & { plan: PlanView };

/** The plan of a kind in force: active, the newest first (the API lists current plans first). */
export function currentPlanOf(plans: readonly HeldPlan[], kind: string): HeldPlan | undefined {
  return plans.find((p) => p.kind === kind && (p.status === 'active' || p.status === 'on-hold'));
}
