import { useSignedInUser } from '../auth/session-context.tsx';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { ProblemPage } from '../layout/status-pages.tsx';
import { useWorklist, WorklistOptions, WorklistResult } from './worklist-view.tsx';

/**
 * The mha-deadlines worklist: people whose Community Treatment Order expires within 28 days, or
 * has expired with no renewal recorded (docs/mental-health-act.md), each reason citing the CTO.
 */
export function MhaDeadlinesPage() {
  const user = useSignedInUser();
  const { state, errors, options } = useWorklist('mha-deadlines');
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  const title = 'Mental Health Act deadlines';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Worklist">
        Community Treatment Orders expiring or expired
      </PageHeading>
      <p className="nhsuk-body">
        People held by {user.role === 'team-manager' ? 'a team' : 'your teams'} whose Community Treatment Order expires within the next 28 days, or whose
        order passed its expiry date with no renewal recorded and is still recorded as current. A CTO lasts 6 months, is renewable for 6 months, then for
        a year at a time; the responsible clinician examines the person in the 2 months before it expires. Open the person’s record to record a
        renewal, a recall, a revocation or a discharge.
      </p>
      <WorklistOptions {...options} />
      <WorklistResult state={state} order="Longest expired first, then soonest to expire." />
    </>
  );
}
