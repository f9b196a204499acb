import type { ReactNode } from 'react';
import { useSignedInUser } from '../auth/session-context.tsx';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { ProblemPage } from '../layout/status-pages.tsx';
import type { WorklistResponse } from './worklist-types.ts';
import { useWorklist, WorklistOptions, WorklistResult } from './worklist-view.tsx';

interface WorklistPageProps {
  /** The worklist's name in the API and the CLI: GET /api/worklists/<name>. */
  name: string;
  /** The page's title (and the browser tab's). */
  title: string;
  /** The visible heading, when it says more than the title. */
  heading?: string;
  /** How the people are ordered, in words. */
  order: string;
  /** What the list is and what to do about it; `whose` is "your teams" or, for a team manager, "a team". */
  intro: (whose: string) => ReactNode;
  /** Anything the list shows after its people (the disengaged list's MDT decisions). */
  after?: (list: WorklistResponse) => ReactNode;
}

/** The frame every worklist page shares: heading, what the list is, the day and team, and the people on it. */
export function WorklistPage({ name, title, heading, order, intro, after }: WorklistPageProps) {
  const user = useSignedInUser();
  const { state, errors, options } = useWorklist(name);
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Worklist">
        {heading ?? title}
      </PageHeading>
      <p className="nhsuk-body">{intro(user.role === 'team-manager' ? 'a team' : 'your teams')}</p>
      <WorklistOptions {...options} />
      <WorklistResult state={state} order={order} />
      {after && state.status === 'loaded' ? after(state.data) : null}
    </>
  );
}
