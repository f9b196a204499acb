import { Table } from 'nhsuk-react-components';
import { useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { ActionForm } from './action-form.tsx';
import type { ActionPlan, GovernanceAction } from './governance-types.ts';

/** An action's evidence: a link when it is one, words otherwise. */
function Evidence({ text }: { text: string | null }) {
  if (!text) return <>None yet</>;
  return /^https?:\/\/\S+$/.test(text) ? <a href={text}>{text}</a> : <>{text}</>;
}

function ActionTable({ caption, actions, plan }: { caption: string; actions: GovernanceAction[]; plan: ActionPlan }) {
  return (
    <Table responsive caption={caption}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Action</Table.Cell>
          <Table.Cell>Domain or incident</Table.Cell>
          <Table.Cell>Who is responsible</Table.Cell>
          <Table.Cell>Due</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          <Table.Cell>Evidence</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {actions.map((a) => (
          <Table.Row key={a.id}>
            <Table.Cell>
              <Link to={`/governance/actions/${a.id}`}>{a.action}</Link>
              {a.finding ? <span className="nhsuk-body-s app-block">Finding: {a.finding}</span> : null}
            </Table.Cell>
            <Table.Cell>{a.domain ? `${a.domain}. ${plan.domains.find((d) => d.number === a.domain)?.title ?? ''}` : `Learning from incident ${a.incidentId}`}</Table.Cell>
            <Table.Cell>{a.owner}</Table.Cell>
            <Table.Cell>
              {formatDate(a.due)}
              {a.overdue ? <strong className="nhsuk-tag nhsuk-tag--red app-block">Overdue</strong> : null}
            </Table.Cell>
            <Table.Cell>{plan.statuses[a.status] ?? a.status}</Table.Cell>
            <Table.Cell>
              <Evidence text={a.evidence} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** The action plan: overdue actions first (not done and past their due day), then every action, and a form to add one. */
export function ActionsPage() {
  const location = useLocation();
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState((location.state as { saved?: string } | null)?.saved ?? '');
  const state = useApiResource<ActionPlan>('/api/governance/actions', refresh);
  // While a saved change reloads the plan, the page stays as it was rather than blanking (and losing focus).
  const last = useRef<ActionPlan | undefined>(undefined);
  if (state.status === 'loaded') last.current = state.data;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see the action plan' : 'The action plan could not be shown'} />;
  const plan = last.current;
  if (!plan) return <Loading what="the action plan" />;
  return (
    <>
      <PageHeading title="Action plan" caption="Governance">
        Action plan
      </PageHeading>
      <p className="nhsuk-body">
        Actions from the ICB self-assessment and learning from incidents: what will be done, who is responsible, when, and the evidence that it was.
      </p>
      <p className="nhsuk-body">
        <Link to="/governance/self-assessment">The ICB self-assessment</Link>
      </p>
      <div role="status" className="nhsuk-body">
        {saved}
      </div>
      <h2 className="nhsuk-heading-m">Overdue</h2>
      {plan.overdue.length ? <ActionTable caption="Actions not completed by their due date" actions={plan.overdue} plan={plan} /> : <p className="nhsuk-body">No action is overdue.</p>}
      <h2 className="nhsuk-heading-m">All actions</h2>
      {plan.actions.length ? <ActionTable caption="Every action, by domain and due date" actions={plan.actions} plan={plan} /> : <p className="nhsuk-body">No actions yet.</p>}
      <h2 className="nhsuk-heading-m">Add an action</h2>
      <ActionForm
        idPrefix="new-action"
        domains={plan.domains}
        statuses={plan.statuses}
        onSaved={(action) => {
          setSaved(`Action added: ${action.action}`);
          setRefresh((n) => n + 1);
        }}
      />
    </>
  );
}
