import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useSignedInUser } from '../auth/session-context.tsx';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { FormErrors } from '../forms/form-errors.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { useAsOfChoice } from './as-of-form.tsx';
import type { MdtBoardResponse } from './caseload-types.ts';
import { ReasonList } from '../worklists/reason-list.tsx';
import { PartnerConcernTag } from '../partners/partner-concern-tag.tsx';
import { useApiResource } from '../api/use-api-resource.ts';

/** The MDT board: who the team should discuss today, and why, each reason with its records. */
export function MdtBoardPage() {
  const user = useSignedInUser();
  const choice = useAsOfChoice(user.teams);
  const state = useApiResource<MdtBoardResponse>(choice.team ? `/api/teams/${encodeURIComponent(choice.team)}/mdt${choice.query}` : null);
  if (state.status === 'failed' && state.problem.code !== 'invalid-input') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this board' : 'The board could not be shown'} />;
  const errors = state.status === 'failed' ? [{ fieldId: 'as-of', message: `Date ${state.problem.fields[0]?.message ?? 'is not valid'}` }, ...choice.errors] : choice.errors;
  const title = 'MDT board';
  return (
    <>
      <FormErrors errors={errors} />
      <PageHeading title={errors.length ? `Error: ${title}` : title} caption="Caseload">
        MDT board
      </PageHeading>
      <p className="nhsuk-body">
        People to discuss: anyone on the disengaged worklist, people referred and still waiting to be seen, people held with no key worker, and care
        plans overdue review. For people out of contact, also assertive-engagement steps overdue and MDT reviews due.
      </p>
      {user.teams.length === 0 ? <p className="nhsuk-body">You are not a member of a team.</p> : choice.form}
      {state.status === 'loading' ? <Loading what="the MDT board" /> : null}
      {state.status === 'loaded' ? (
        <section aria-labelledby="mdt-count">
          <h2 id="mdt-count" className="nhsuk-heading-m">
            {state.data.team.name}: {state.data.items.length === 0 ? 'no one' : state.data.items.length === 1 ? '1 person' : `${state.data.items.length} people`} to discuss as of{' '}
            {formatDate(state.data.asOf)}
          </h2>
          {state.data.items.length ? (
            <Table responsive caption={`People to discuss as of ${state.data.asOf}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Person</Table.Cell>
                  <Table.Cell>Key worker</Table.Cell>
                  <Table.Cell>Why to discuss</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {state.data.items.map((item) => {
                  const person = state.data.people[item.patient.id];
                  return (
                    <Table.Row key={item.patient.id} className="app-worklist-item">
                      <Table.Cell>
                        <Link to={`/people/${encodeURIComponent(item.patient.id)}`}>{person?.name ?? 'Name not recorded'}</Link>
                        <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(item.patient.nhsNumber)}</span>
                        <PartnerConcernTag count={person?.partnerConcerns} />
                      </Table.Cell>
                      <Table.Cell>{person?.keyWorkers.length ? person.keyWorkers.map((k) => k.name).join(', ') : 'None allocated'}</Table.Cell>
                      <Table.Cell>
                        <ReasonList reasons={item.reasons} />
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          ) : (
            <p className="nhsuk-body">No one has a reason to be discussed on that day.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
