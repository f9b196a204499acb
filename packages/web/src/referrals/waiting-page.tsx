import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { ProblemPage } from '../layout/status-pages.tsx';
import { useWorklist, WorklistOptions, WorklistResult } from '../worklists/worklist-view.tsx';

/**
 * The waiting worklist: people referred more than four weeks ago whose clock has not stopped (no
 * second contact and no care plan agreed), longest first, each with the referral, when they were
 * first seen and the last check-in. Contacting people while they wait is the action.
 */
export function WaitingPage() {
  const { state, errors, options } = useWorklist('waiting');
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  const title = 'Waiting more than four weeks';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Worklist">
        Waiting more than four weeks
      </PageHeading>
      <p className="nhsuk-body">
        People referred to your teams more than 28 days ago who have not yet had a second contact or agreed a care plan. The clock starts on the day
        of the referral. A check-in while they wait is recorded, but it does not stop the clock. Referrals not yet triaged at the single point of
        access are on the whole trust's list.
      </p>
      <WorklistOptions {...options} />
      <WorklistResult state={state} order="Longest wait first." />
    </>
  );
}
