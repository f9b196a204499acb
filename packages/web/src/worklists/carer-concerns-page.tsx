import { useSignedInUser } from '../auth/session-context.tsx';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { ProblemPage } from '../layout/status-pages.tsx';
import { useWorklist, WorklistOptions, WorklistResult } from './worklist-view.tsx';

/**
 * The carer-concerns worklist: every concern from a carer or family member with no response
 * recorded, each with how long since it was received and when the response is or was due
 * (docs/carers.md). A concern stays on the list until it is answered.
 */
export function CarerConcernsPage() {
  const user = useSignedInUser();
  const { state, errors, options } = useWorklist('carer-concerns');
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  const title = 'Carers’ concerns awaiting a response';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Worklist">
        {title}
      </PageHeading>
      <p className="nhsuk-body">
        People held by {user.role === 'team-manager' ? 'a team' : 'your teams'} about whom a carer or family
        member raised a concern that has no response recorded. A family asking for help is a red flag: a response is due within 72 hours of when the
        concern was received, unless your trust has set another time; each reason says when its response is due. A concern stays on the list until the response is recorded, however long ago it
        was raised. Open the person’s record to read the concern and record the response.
      </p>
      <WorklistOptions {...options} />
      <WorklistResult state={state} order="The most overdue first." />
    </>
  );
}
