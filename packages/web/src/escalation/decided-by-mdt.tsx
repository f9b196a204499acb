import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { formatDate } from '../format/dates.ts';
import { formatNhsNumber } from '../format/people.ts';
import type { WorklistResponse } from '../worklists/worklist-types.ts';
import { escalationPath } from './escalation-summary.tsx';

/**
 * People still out of contact whom an MDT decision keeps off the list until its review date: shown
 * apart, so nobody disappears from view. The day after the review date they are back on the list.
 */
export function DecidedByMdt({ list }: { list: WorklistResponse }) {
  if (!list.decided?.length) return null;
  return (
    <section aria-labelledby="decided-count">
      <h2 id="decided-count" className="nhsuk-heading-m">
        Decided by the MDT: {list.decided.length === 1 ? '1 person' : `${list.decided.length} people`}
      </h2>
      <p className="nhsuk-body-s">Still out of contact. Each returns to the list the day after their review date if there is still no contact.</p>
      <Table responsive caption={`People decided by the MDT as of ${list.asOf}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Person</Table.Cell>
            <Table.Cell>MDT decision</Table.Cell>
            <Table.Cell>Review on</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {list.decided.map((item) => {
            const name = list.people[item.patient.id]?.name ?? 'Name not recorded';
            return (
              <Table.Row key={item.patient.id} className="app-decided-item">
                <Table.Cell>
                  <Link to={escalationPath(item.patient.id)}>{name}</Link>
                  <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(item.patient.nhsNumber)}</span>
                </Table.Cell>
                <Table.Cell>
                  {item.decision.decision}
                  <span className="nhsuk-body-s app-block">
                    Decided {formatDate(item.decision.decidedOn)}, recorded by {item.decision.recordedByName}
                  </span>
                </Table.Cell>
                <Table.Cell>{formatDate(item.decision.reviewOn)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </section>
  );
}
