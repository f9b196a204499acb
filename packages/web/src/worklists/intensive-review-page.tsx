import { useSignedInUser } from '../auth/session-context.tsx';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { ProblemPage } from '../layout/status-pages.tsx';
import { useWorklist, WorklistOptions, WorklistResult } from './worklist-view.tsx';

/**
 * The intensive-review worklist: people who may need intensive and assertive community care, by the
 * cohort criteria of NHS England's guidance (docs/intensive-care.md), each reason citing the
 * records that show it. Never a score: the MDT reads the reasons and decides.
 */
export function IntensiveReviewPage() {
  const user = useSignedInUser();
  const { state, errors, options } = useWorklist('intensive-review');
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  const title = 'Intensive and assertive care review';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Worklist">
        {title}
      </PageHeading>
      <p className="nhsuk-body">
        People open to {user.role === 'team-manager' ? 'a team' : 'your teams'}, not already in intensive or assertive care, who present with psychosis
        (diagnosed or treated) and have at least two more of: disengagement, repeated admissions, a Mental Health Act history, substance use, several
        social needs, contact with the justice system, or a concern from family or carers. This is not a risk score: read the reasons and the records
        behind them, discuss the person at the MDT, and step their care up if that is what they need.
      </p>
      <WorklistOptions {...options} />
      <WorklistResult state={state} order="Most reasons first, then by id." />
    </>
  );
}
