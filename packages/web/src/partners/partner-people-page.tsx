import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber, fullName } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import type { Coded, PartnerOrganisation, SharedPerson } from './partner-types.ts';

/**
 * "People shared with you", for a partner organisation's account: the people their teams have
 * linked to the organisation that a live information-sharing agreement lets it see, and what of each.
 */
export function PartnerPeoplePage() {
  const state = useApiResource<{ organisation: PartnerOrganisation; people: Array<SharedPerson & { categories: Coded[] }> }>('/api/partner/people');
  const title = 'People shared with you';
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see this page' : 'People could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="people" />;
  const { organisation, people } = state.data;
  return (
    <>
      <PageHeading title={title} caption={organisation.name}>
        {title}
      </PageHeading>
      <p className="nhsuk-body">
        People whose mental health team has linked them to {organisation.name}, under an information-sharing agreement that is in force today. You see only what
        the agreement allows. Open a person to see it, or to tell their team about a concern.
      </p>
      {people.length === 0 ? (
        <p className="nhsuk-body">No one is shared with {organisation.name} today.</p>
      ) : (
        <Table responsive caption="People shared with you">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Date of birth</Table.Cell>
              <Table.Cell>Shared with you</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {people.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Link to={`/partner/people/${encodeURIComponent(p.id)}`}>{fullName(p.identity?.name.given, p.identity?.name.family)}</Link>
                  <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(p.identity?.nhsNumber)}</span>
                </Table.Cell>
                <Table.Cell>{formatDate(p.identity?.birthDate)}</Table.Cell>
                <Table.Cell>{p.categories.map((c) => c.label).join(', ')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
