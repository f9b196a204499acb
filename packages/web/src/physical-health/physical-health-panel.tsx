import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import type { PhysicalHealthResponse } from './physical-health-types.ts';
// By path, not the domain's index: only the rules' words go into the app.
import { physicalHealthRules } from '../../../domain/src/physical-health/physical-health-rules.ts';

const METHODS: Record<string, string> = physicalHealthRules.invitation.methods;

/**
 * The person's SMI annual physical health check on their record: each of the six parts with its
 * last result and whether it is done within the year or due, the last complete check, and the
 * invitations sent. Links to record a result or an invitation.
 */
export function PhysicalHealthPanel({ personId }: { personId: string }) {
  const state = useApiResource<PhysicalHealthResponse>(`/api/people/${encodeURIComponent(personId)}/physical-health`);
  const person = encodeURIComponent(personId);
  return (
    <section aria-labelledby="physical-health-heading">
      <h2 className="nhsuk-heading-m" id="physical-health-heading">
        Physical health check
      </h2>
      {state.status === 'loading' ? <p className="nhsuk-body">Loading the physical health check…</p> : null}
      {state.status === 'failed' ? <p className="nhsuk-body">The physical health check could not be shown: {state.problem.message}</p> : null}
      {state.status === 'loaded' ? <CheckSummary data={state.data} /> : null}
      <p className="nhsuk-body">
        <Link to={`/people/${person}/results/new`}>Record a check result</Link>
        {' · '}
        <Link to={`/people/${person}/physical-health/invitations/new`}>Record an invitation to the check</Link>
      </p>
    </section>
  );
}

/** Done or due; for someone the check is not asked of, nothing is "due". */
function partStatus(part: PhysicalHealthResponse['check']['components'][number], eligible: boolean): string {
  if (part.done) return `Done, next due ${formatDate(part.dueDate)}`;
  if (!eligible) return 'Not done in the last 12 months';
  return part.last ? `Due since ${formatDate(part.dueDate)}` : 'Due';
}

function CheckSummary({ data }: { data: PhysicalHealthResponse }) {
  const { check } = data;
  const missing = check.components.filter((c) => !c.done).length;
  const status = !check.eligible
    ? 'The annual check is asked of people with psychosis or bipolar disorder held by a team; it is not due for this person.'
    : check.completion === 'complete'
      ? 'Complete: every part done in the last 12 months.'
      : `Incomplete: ${missing} of ${check.components.length} parts not done in the last 12 months.`;
  return (
    <>
      <p className="nhsuk-body">
        {status} {check.lastCompleteCheck ? `Last complete on ${formatDate(check.lastCompleteCheck)}.` : 'No complete check recorded.'}
      </p>
      {check.invitation?.notResponded ? (
        <p className="nhsuk-body">
          <strong className="nhsuk-tag nhsuk-tag--orange">Not responded</strong> Invited on {formatDate(check.invitation.date)}, {check.invitation.daysAgo} days ago, with the check still incomplete: follow up.
        </p>
      ) : null}
      <Table caption="Parts of the annual physical health check" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Part</Table.Cell>
            <Table.Cell>Last result</Table.Cell>
            <Table.Cell>Taken</Table.Cell>
            <Table.Cell>Status</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {check.components.map((c) => (
            <Table.Row key={c.key}>
              <Table.Cell>{c.name}</Table.Cell>
              <Table.Cell>{c.last ? (c.last.value ?? 'Recorded') : 'None on record'}</Table.Cell>
              <Table.Cell>{c.last ? formatDate(c.last.date) : ''}</Table.Cell>
              <Table.Cell>{partStatus(c, Boolean(check.eligible))}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <h3 className="nhsuk-heading-s">Invitations</h3>
      {check.invitations.length === 0 ? (
        <p className="nhsuk-body">No invitation recorded.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {check.invitations.map((i) => (
            <li key={i.id}>
              {formatDate(i.date)}
              {i.method && METHODS[i.method] ? `: ${METHODS[i.method]!.toLowerCase()}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
