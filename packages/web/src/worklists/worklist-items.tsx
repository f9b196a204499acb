import { Table } from 'nhsuk-react-components';
import { Link, useLocation } from 'react-router-dom';
import { formatNhsNumber } from '../format/people.ts';
import type { WorklistResponse } from './worklist-types.ts';
import { ReasonList } from './reason-list.tsx';
import { EscalationSummary } from '../escalation/escalation-summary.tsx';

/** One row per person: who they are (linking to their record), their team, and each reason with its evidence. */
export function WorklistItems({ list }: { list: WorklistResponse }) {
  // Recording a contact or a result comes back to this list, as of the same day and team.
  const { pathname, search } = useLocation();
  // The disengaged list carries each person's escalation: where losing contact is the reason, reaching out is the action.
  const engagement = list.decided !== undefined;
  // On the monitoring list, the action is recording the result that is overdue.
  const monitoring = list.worklist === 'monitoring-overdue';
  // On the waiting list, the action is checking in with the person while they wait.
  const waiting = list.worklist === 'waiting';
  // On the Mental Health Act list, the action is recording the renewal (or the end) of the CTO each reason cites.
  // On the carers' concerns list, the action is recording the response to the most overdue concern.
  const concernOf = (reasons: WorklistResponse['items'][number]['reasons']) =>
    list.worklist === 'carer-concerns' ? reasons.flatMap((r) => r.evidence).find((e) => e.startsWith('Communication/'))?.slice('Communication/'.length) : undefined;
  const ctoOf = (reasons: WorklistResponse['items'][number]['reasons']) =>
    list.worklist === 'mha-deadlines' ? reasons.flatMap((r) => r.evidence).find((e) => e.startsWith('Flag/'))?.slice('Flag/'.length) : undefined;
  // On the intensive-review list, the evidence is what the MDT reads before deciding, and stepping care up is the action.
  const intensive = list.worklist === 'intensive-review';
  return (
    <Table responsive caption={`People on the list as of ${list.asOf}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Person</Table.Cell>
          <Table.Cell>Team</Table.Cell>
          <Table.Cell>Why they are on the list</Table.Cell>
          {engagement ? <Table.Cell>Assertive engagement</Table.Cell> : null}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {list.items.map((item) => {
          const person = list.people[item.patient.id];
          return (
            <Table.Row key={item.patient.id} className="app-worklist-item">
              <Table.Cell>
                <Link to={`/people/${encodeURIComponent(item.patient.id)}`}>{person?.name ?? 'Name not recorded'}</Link>
                <span className="nhsuk-body-s app-block app-nowrap">NHS number {formatNhsNumber(item.patient.nhsNumber)}</span>
                {engagement ? (
                  <Link className="nhsuk-body-s app-block" to={`/people/${encodeURIComponent(item.patient.id)}/contacts/new?returnTo=${encodeURIComponent(pathname + search)}`}>
                    Record a contact<span className="nhsuk-u-visually-hidden"> with {person?.name ?? 'this person'}</span>
                  </Link>
                ) : null}
                {waiting && item.reasons[0]?.evidence[0]?.startsWith('ServiceRequest/') ? (
                  <Link
                    className="nhsuk-body-s app-block"
                    to={`/people/${encodeURIComponent(item.patient.id)}/referrals/${encodeURIComponent(item.reasons[0].evidence[0].slice('ServiceRequest/'.length))}/check-in?returnTo=${encodeURIComponent(pathname + search)}`}
                  >
                    Record a check-in<span className="nhsuk-u-visually-hidden"> with {person?.name ?? 'this person'}</span>
                  </Link>
                ) : null}
                {concernOf(item.reasons) ? (
                  <Link className="nhsuk-body-s app-block" to={`/people/${encodeURIComponent(item.patient.id)}/carer-concerns/${encodeURIComponent(concernOf(item.reasons)!)}/respond?returnTo=${encodeURIComponent(pathname + search)}`}>
                    Record the response<span className="nhsuk-u-visually-hidden"> to the most overdue concern about {person?.name ?? 'this person'}</span>
                  </Link>
                ) : null}
                {ctoOf(item.reasons) ? (
                  <Link className="nhsuk-body-s app-block" to={`/people/${encodeURIComponent(item.patient.id)}/mha/ctos/${encodeURIComponent(ctoOf(item.reasons)!)}?returnTo=${encodeURIComponent(pathname + search)}`}>
                    Record a renewal or change<span className="nhsuk-u-visually-hidden"> to the CTO of {person?.name ?? 'this person'}</span>
                  </Link>
                ) : null}
                {intensive ? (
                  <Link className="nhsuk-body-s app-block" to={`/people/${encodeURIComponent(item.patient.id)}/care-intensity?returnTo=${encodeURIComponent(pathname + search)}`}>
                    Step up or step down care<span className="nhsuk-u-visually-hidden"> for {person?.name ?? 'this person'}</span>
                  </Link>
                ) : null}
                {monitoring ? (
                  <Link className="nhsuk-body-s app-block" to={`/people/${encodeURIComponent(item.patient.id)}/results/new?returnTo=${encodeURIComponent(pathname + search)}`}>
                    Record a result<span className="nhsuk-u-visually-hidden"> for {person?.name ?? 'this person'}</span>
                  </Link>
                ) : null}
              </Table.Cell>
              <Table.Cell>{person?.teams.length ? person.teams.map((t) => t.name).join(', ') : 'No current team'}</Table.Cell>
              <Table.Cell>
                <ReasonList reasons={item.reasons} personId={intensive ? item.patient.id : undefined} />
              </Table.Cell>
              {engagement ? (
                <Table.Cell>
                  <EscalationSummary personId={item.patient.id} name={person?.name ?? 'this person'} summary={person?.escalation ?? null} />
                </Table.Cell>
              ) : null}
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
