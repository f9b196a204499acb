import { BackLink, InsetText, SummaryList } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { AccessRefused } from '../people/access-refused.tsx';
import { ReasonList } from '../worklists/reason-list.tsx';
import { AddStepForm } from './add-step-form.tsx';
import type { EscalationResponse } from './escalation-types.ts';
import { LadderSteps, OpenTasks } from './ladder-steps.tsx';
import { MdtDecisionForm } from './mdt-decision-form.tsx';

/**
 * A person's assertive-engagement ladder (issue 4, part 4): why they are on the disengaged list,
 * each step done, assigned or due, and forms to assign a step, record what happened, and record
 * the MDT's decision with its review date.
 */
export function EscalationPage() {
  const { id = '' } = useParams();
  const [refresh, setRefresh] = useState(0);
  const [saved, setSaved] = useState('');
  const state = useApiResource<EscalationResponse>(`/api/people/${encodeURIComponent(id)}/escalation`, refresh);
  const onSaved = (what: string) => {
    setSaved(what);
    setRefresh((n) => n + 1);
  };

  if (state.status === 'failed' && state.problem.status === 403) return <AccessRefused personId={id} problem={state.problem} onGranted={() => setRefresh((n) => n + 1)} />;
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title="The escalation ladder could not be shown" />;
  if (state.status !== 'loaded') return <Loading what="the escalation ladder" />;
  const data = state.data;
  const name = data.person.name ?? 'this person';
  const title = `Assertive engagement: ${name}`;
  return (
    <>
      <BackLink asElement={Link} to={`/people/${encodeURIComponent(id)}`}>
        Back to the record
      </BackLink>
      <PageHeading title={title} caption={data.disengagedSince ? `Out of contact since ${formatDate(data.disengagedSince)}` : 'Not on the disengaged worklist today'}>
        {title}
      </PageHeading>
      <div role="status" className="nhsuk-body">
        {saved}
      </div>
      {data.decision && data.decisionStands ? (
        <InsetText>
          <p>
            Decided by the MDT on {formatDate(data.decision.decidedOn)}: {data.decision.decision} Review on {formatDate(data.decision.reviewOn)}.
          </p>
        </InsetText>
      ) : null}
      {data.disengaged ? (
        <>
          <h2 className="nhsuk-heading-m">Why they are on the list</h2>
          <ReasonList reasons={data.reasons} />
          <h2 className="nhsuk-heading-m">Steps</h2>
          <p className="nhsuk-body-s">
            {data.overdue === 0 ? 'No step is overdue.' : data.overdue === 1 ? '1 step is overdue.' : `${data.overdue} steps are overdue.`} Each step is due a set number of days after
            contact was lost, unless a task gives another date. A cancelled step is due again.
          </p>
          <LadderSteps personId={id} steps={data.steps} onSaved={onSaved} />
        </>
      ) : (
        <>
          <p className="nhsuk-body">No engagement rule finds a reason to list {name} today: contact has been re-established, or was never lost.</p>
          <OpenTasks personId={id} tasks={data.tasks} onSaved={onSaved} />
        </>
      )}
      <AddStepForm key={`add-${refresh}`} personId={id} staff={data.staff} suggested={data.next} onSaved={onSaved} />
      <MdtDecisionForm personId={id} onSaved={onSaved} />
      {data.decisions.length ? (
        <section aria-labelledby="decisions">
          <h2 id="decisions" className="nhsuk-heading-m">
            MDT decisions
          </h2>
          <SummaryList>
            {data.decisions.map((d) => (
              <SummaryList.Row key={d.id}>
                <SummaryList.Key>{formatDate(d.decidedOn)}</SummaryList.Key>
                <SummaryList.Value>
                  {d.decision}
                  <span className="nhsuk-body-s app-block">
                    Review on {formatDate(d.reviewOn)}; recorded by {d.recordedByName}
                  </span>
                </SummaryList.Value>
              </SummaryList.Row>
            ))}
          </SummaryList>
        </section>
      ) : null}
    </>
  );
}
