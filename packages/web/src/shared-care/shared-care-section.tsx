import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { AgreementSummary } from './agreement-summary.tsx';
import type { PersonSharedCareResponse } from './shared-care-types.ts';

/**
 * The person record's shared care: each agreement with its GP practice and who does what, and the
 * way to propose one or record an answer. Nothing is shown while it loads or if it cannot be read:
 * the rest of the record does not wait on it.
 */
export function SharedCareSection({ personId }: { personId: string }) {
  const state = useApiResource<PersonSharedCareResponse>(`/api/people/${encodeURIComponent(personId)}/shared-care`);
  return (
    <section aria-labelledby="shared-care-heading">
      <h2 className="nhsuk-heading-m" id="shared-care-heading">
        Shared care
      </h2>
      {state.status === 'loaded' ? (
        state.data.agreements.length ? (
          state.data.agreements.map((agreement) => <AgreementSummary key={agreement.id} agreement={agreement} />)
        ) : (
          <p className="nhsuk-body">No shared care agreement: the specialist team prescribes and monitors.</p>
        )
      ) : null}
      {state.status === 'failed' ? <p className="nhsuk-body">Shared care could not be shown: {state.problem.message}</p> : null}
      <p className="nhsuk-body">
        <Link to={`/people/${encodeURIComponent(personId)}/shared-care`}>Propose shared care or record an answer</Link>
      </p>
    </section>
  );
}
