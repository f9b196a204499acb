import type { CoverArrangement } from '@continuity/domain';
import { Table } from 'nhsuk-react-components';
import { formatDate } from '../format/dates.ts';
import { useApiResource } from '../api/use-api-resource.ts';

type CoverListResponse = { asOf: string; covers: Array<CoverArrangement & { absentName: string; coveringName: string }> };

/** Cover current on the day or planned after it, so a manager can see what is arranged before the day comes. */
export function CoverList({ teamId, query, refresh }: { teamId: string; query: string; refresh: number }) {
  const state = useApiResource<CoverListResponse>(`/api/teams/${encodeURIComponent(teamId)}/cover${query}`, refresh);
  if (state.status !== 'loaded') return null;
  return (
    <section aria-labelledby="cover-arranged">
      <h2 id="cover-arranged" className="nhsuk-heading-m">
        Cover arranged
      </h2>
      {state.data.covers.length === 0 ? (
        <p className="nhsuk-body">No cover is recorded from {formatDate(state.data.asOf)} on.</p>
      ) : (
        <Table responsive caption="Cover current or planned" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Away</Table.Cell>
              <Table.Cell>Covered by</Table.Cell>
              <Table.Cell>From</Table.Cell>
              <Table.Cell>To (included)</Table.Cell>
              <Table.Cell>Reason</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {state.data.covers.map((c) => (
              <Table.Row key={c.id} className="app-cover">
                <Table.Cell>{c.absentName}</Table.Cell>
                <Table.Cell>{c.coveringName}</Table.Cell>
                <Table.Cell>{formatDate(c.from)}</Table.Cell>
                <Table.Cell>{formatDate(c.to)}</Table.Cell>
                <Table.Cell>{c.reason ?? 'Not given'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
