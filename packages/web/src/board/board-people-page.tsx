import { Table } from 'nhsuk-react-components';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';

interface BoardPeople {
  tile: string;
  asOf: string;
  says: string;
  dataAt: string;
  people: Array<{ personId: string; nhsNumber: string | null; name: string | null; units: number; teams: Array<{ id: string; name: string }> }>;
}

/** The people behind a board figure, for a team manager: their own teams' people, each a link to the record. */
export function BoardPeoplePage() {
  const { tile = '' } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  const state = useApiResource<BoardPeople>(`/api/reports/board/${encodeURIComponent(tile)}/people${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  if (state.status === 'failed') return <ProblemPage problem={state.problem} title={state.problem.status === 403 ? 'You cannot see these people' : 'The list could not be shown'} />;
  if (state.status !== 'loaded') return <Loading what="the people" />;
  const list = state.data;
  const title = `People behind the figure: ${list.says}`;
  return (
    <>
      <PageHeading title={title} caption="Board dashboard">
        {title}
      </PageHeading>
      <p className="nhsuk-body">
        As of {formatDate(list.asOf)}, your teams’ people only, from the records as they stood at {formatDateTime(list.dataAt)}. <Link to={`/board?asOf=${list.asOf}`}>Back to the dashboard</Link>
      </p>
      {list.people.length === 0 ? (
        <p className="nhsuk-body">Nobody in your teams.</p>
      ) : (
        <Table responsive caption={`${list.people.length} ${list.people.length === 1 ? 'person' : 'people'}`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Teams</Table.Cell>
              <Table.Cell>Counted</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.people.map((p) => (
              <Table.Row key={p.personId}>
                <Table.Cell>
                  <Link to={`/people/${encodeURIComponent(p.personId)}`}>{p.name ?? `Person ${p.personId}`}</Link>
                  <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(p.nhsNumber)}</span>
                </Table.Cell>
                <Table.Cell>{p.teams.map((t) => t.name).join(', ') || 'No team'}</Table.Cell>
                <Table.Cell>{p.units}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
