import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { planKinds, planKindCodes } from '../../../domain/src/plans/plan-kinds.ts';
import { currentPlanOf, type PersonPlansResponse } from './plan-types.ts';

/**
 * The person record's plans and formulations: one line per kind, linking to its page, saying when
 * the current one was last reviewed or that there is none. Nothing is shown while it loads: the rest
 * of the record does not wait on it.
 */
export function PlansSection({ personId }: { personId: string }) {
  const state = useApiResource<PersonPlansResponse>(`/api/people/${encodeURIComponent(personId)}/plans`);
  return (
    <section aria-labelledby="plans-heading">
      <h2 className="nhsuk-heading-m" id="plans-heading">
        Plans and formulation
      </h2>
      {state.status === 'loaded' ? (
        <ul className="nhsuk-list">
          {planKindCodes.map((kind) => {
            const current = currentPlanOf(state.data.plans, kind);
            return (
              <li key={kind}>
                <Link to={`/people/${encodeURIComponent(personId)}/plans/${kind}`}>{planKinds[kind].label}</Link>
                {': '}
                {current ? (current.lastReviewed ? `last reviewed ${formatDate(current.lastReviewed)}` : 'no review date recorded') : 'none written yet'}
              </li>
            );
          })}
        </ul>
      ) : null}
      {state.status === 'failed' ? <p className="nhsuk-body">Plans could not be shown: {state.problem.message}</p> : null}
    </section>
  );
}
