import { InsetText } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import type { ApiProblem } from '../api/client.ts';
import { useSignedInUser } from '../auth/session-context.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { BreakGlassForm } from './break-glass-form.tsx';

/**
 * The server said no. With "break-glass-required" a clinician may still open the record by giving a
 * reason, which is recorded and reviewed; any other refusal is final for this role.
 */
export function AccessRefused({ personId, problem, onGranted, offerNeedToKnow = true }: { personId: string; problem: ApiProblem; onGranted: () => void; offerNeedToKnow?: boolean }) {
  const user = useSignedInUser();
  if (problem.code !== 'break-glass-required') {
    return (
      <>
        <PageHeading title="You cannot open this record">You cannot open this record</PageHeading>
        <p className="nhsuk-body">{problem.message}</p>
        <p className="nhsuk-body">If you think you should have access, speak to your team manager or the system administrator.</p>
      </>
    );
  }
  return (
    <>
      <PageHeading title="This person is not on your caseload">This person is not on your caseload</PageHeading>
      <p className="nhsuk-body">{problem.message}</p>
      {offerNeedToKnow && user.role === 'crisis-line' ? (
        // The crisis line reads the need-to-know page of anyone in intensive or assertive care without a reason (docs/crisis-need-to-know.md).
        <p className="nhsuk-body">
          <Link to={`/people/${encodeURIComponent(personId)}/need-to-know`}>Read the need-to-know page</Link> if this person is in intensive or assertive
          community care: no reason is needed for it.
        </p>
      ) : null}
      <InsetText>
        <p>
          Only open this record if you need it to care for this person now, for example during a crisis call or when covering
          for a colleague. Your name, your reason and everything you look at are recorded, and reviewed by the Caldicott
          guardian.
        </p>
      </InsetText>
      <BreakGlassForm personId={personId} onGranted={onGranted} />
    </>
  );
}
