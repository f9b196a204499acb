import { Table, Tag } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { PersonSearchResult } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber, listName } from '../format/people.ts';

/** The people found, one row each, with a link to each record. Takes focus when it appears. */
export function SearchResults({ query, results }: { query: string; results: PersonSearchResult[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [query, results]);
  const count = results.length === 1 ? '1 person found' : `${results.length} people found`;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" ref={heading} tabIndex={-1} className="nhsuk-heading-m app-focus-target">
        {results.length ? count : 'No one found'}
        <span className="nhsuk-u-visually-hidden"> for {query}</span>
      </h2>
      {results.length === 0 ? (
        <p className="nhsuk-body">Check the spelling or the NHS number, or search with fewer words.</p>
      ) : (
        <Table responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>NHS number</Table.Cell>
              <Table.Cell>Date of birth</Table.Cell>
              <Table.Cell>Team</Table.Cell>
              <Table.Cell>Access</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {results.map((person) => (
              <Table.Row key={person.id}>
                <Table.Cell>
                  <Link to={`/people/${encodeURIComponent(person.id)}`}>{listName(person.givenNames, person.familyName)}</Link>
                </Table.Cell>
                <Table.Cell className="app-nowrap">
                  {formatNhsNumber(person.nhsNumber)}
                </Table.Cell>
                <Table.Cell>{formatDate(person.birthDate)}</Table.Cell>
                <Table.Cell>{person.teams?.length ? person.teams.map((t) => t.name).join(', ') : 'No current team'}</Table.Cell>
                <Table.Cell>
                  {person.access === 'allowed' ? 'Your caseload' : <Tag modifier="grey">Reason needed</Tag>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
