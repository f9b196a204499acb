import { useSignedInUser } from '../auth/session-context.tsx';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { ProblemPage } from '../layout/status-pages.tsx';
import { useWorklist, WorklistOptions, WorklistResult } from './worklist-view.tsx';

/**
 * The shared-care worklist: people whose GP practice declined a shared care proposal while the
 * medicine is still prescribed, or has not answered one within 14 days (docs/shared-care.md). Each
 * reason names the agreement and the prescription.
 */
export function SharedCarePage() {
  const user = useSignedInUser();
  const { state, errors, options } = useWorklist('shared-care');
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') {
    return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this list' : 'The list could not be shown'} />;
  }
  const title = 'Shared care declined or unanswered';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Worklist">
        Shared care proposals that need the team to act
      </PageHeading>
      <p className="nhsuk-body">
        People held by {user.role === 'team-manager' ? 'a team' : 'your teams'} whose GP practice declined shared care of a medicine that is still
        prescribed, with no later agreement accepted, or has not answered a proposal within 14 days. Until a practice accepts, prescribing and every
        monitoring task stay with the specialist team. Each reason names the agreement and the prescription.
      </p>
      <WorklistOptions {...options} />
      <WorklistResult state={state} order="Longest waiting first." />
    </>
  );
}
