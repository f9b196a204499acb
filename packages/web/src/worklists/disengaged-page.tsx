import { useSignedInUser } from '../auth/session-context.tsx';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { ProblemPage } from '../layout/status-pages.tsx';
import { useWorklist, WorklistOptions, WorklistResult } from './worklist-view.tsx';
import { DecidedByMdt } from '../escalation/decided-by-mdt.tsx';

/**
 * The disengaged worklist: people a team holds who may be losing contact, each with the reasons and
 * the records that show them. The as-of date and team are in the address (they are not personal),
 * so a list can be bookmarked or shared with a colleague.
 */
export function DisengagedPage() {
  const user = useSignedInUser();
  const { state, errors, options } = useWorklist('disengaged');
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  const title = 'Disengaged';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Worklist">
        People who may be losing contact
      </PageHeading>
      <p className="nhsuk-body">
        People held by {user.role === 'team-manager' ? 'a team' : 'your teams'} who have not had an attended contact within the interval their care plan sets
        (7 days in intensive or assertive care, 28 otherwise, when it sets none), who missed their last two or more appointments, whose long-acting
        injection is more than 7 days overdue, or who stopped a medicine against advice. Each reason names the records that show it. Missed
        appointments are a reason to reach out, never to discharge.
      </p>
      <WorklistOptions {...options} />
      <WorklistResult state={state} order="Most reasons first, then longest without contact." />
      {state.status === 'loaded' ? <DecidedByMdt list={state.data} /> : null}
    </>
  );
}
