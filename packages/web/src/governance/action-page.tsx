import { BackLink } from 'nhsuk-react-components';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDateTime } from '../format/dates.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, NotFoundPage, ProblemPage } from '../layout/status-pages.tsx';
import { ActionForm } from './action-form.tsx';
import type { ActionPlan } from './governance-types.ts';

/** One action, to change: its status, evidence or anything else, at the version shown. */
export function ActionPage() {
  const { actionId = '' } = useParams();
  const navigate = useNavigate();
  const state = useApiResource<ActionPlan>('/api/governance/actions');
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see the action plan' : 'The action plan could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="the action" />;
  const action = state.data.actions.find((a) => a.id === actionId);
  if (!action) return <NotFoundPage />;
  return (
    <>
      <BackLink asElement={Link} to="/governance/actions">
        Back to the action plan
      </BackLink>
      <PageHeading title="Change an action" caption="Action plan">
        Change an action
      </PageHeading>
      <p className="nhsuk-body">
        Last changed by {action.updatedBy}, {formatDateTime(action.updatedAt)}.
      </p>
      <ActionForm
        idPrefix="action"
        domains={state.data.domains}
        statuses={state.data.statuses}
        editing={action}
        onSaved={(changed) => navigate('/governance/actions', { state: { saved: `Change saved: ${changed.action}` } })}
      />
    </>
  );
}
