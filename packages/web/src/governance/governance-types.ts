import type { GovernanceAction as DomainAction } from '../../../domain/src/governance/governance-actions.ts';
/** What /api/governance answers (packages/server/src/governance/governance-routes.ts). */
export interface Answer {
  rating: string | null;
  category: string | null;
  comments: string | null;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export type Item = { kind: 'question'; id: string; line: number; text: string; answer: Answer } | { kind: 'prompt'; line: number; text: string };

export interface DomainMaturity {
  domain: number;
  title: string;
  questions: number;
  ratings: Record<string, number> & { unrated: number };
  essential: { questions: number; met: number; share: number | null };
}

export interface SelfAssessment {
  ratings: Record<string, string>;
  categories: Record<string, string>;
  domains: Array<{ number: number; title: string; items: Item[] }>;
  summary: DomainMaturity[];
}

/** An action as GET /api/governance/actions serves it: the domain's, and whether it is overdue today. */
export interface GovernanceAction extends DomainAction {
  overdue: boolean;
}

export interface ActionPlan {
  today: string;
  statuses: Record<string, string>;
  domains: Array<{ number: number; title: string }>;
  actions: GovernanceAction[];
  overdue: GovernanceAction[];
}

export interface IncidentRow {
  id: string;
  kind: string;
  occurredOn: string;
  summary: string;
  themes: string[];
  status: string;
  teamName: string;
  person: { id: string; name: string } | null;
  learning: { actions: number; done: number; overdue: number };
}

export interface IncidentList {
  kinds: Record<string, string>;
  statuses: Record<string, string>;
  themes: Record<string, string>;
  incidents: IncidentRow[];
  themesByQuarter: Array<{ quarter: string; theme: string; count: number }>;
}
