import { Link } from 'react-router-dom';
import { useApiResource } from '../api/use-api-resource.ts';
import { formatDate } from '../format/dates.ts';
import type { TeamTransfersResponse, TransferSummary } from './transfer-types.ts';

const link = (t: TransferSummary) => `/people/${encodeURIComponent(t.personId)}/transfers/${encodeURIComponent(t.id)}`;
const missingWords = (t: TransferSummary) => (t.missing.length === 0 ? null : <span className="nhsuk-body-s app-block">{t.missing.length === 1 ? '1 required section missing' : `${t.missing.length} required sections missing`}</span>);

/**
 * On the team caseload: people offered to the team, waiting for its decision, and people the team
 * is transferring out, who stay on its caseload (transfer pending) until the other side accepts.
 */
export function TeamTransfers({ teamId, refresh }: { teamId: string; refresh: number }) {
  const state = useApiResource<TeamTransfersResponse>(`/api/teams/${encodeURIComponent(teamId)}/transfers`, refresh);
  if (state.status !== 'loaded') return state.status === 'failed' ? <p className="nhsuk-body">Transfers could not be shown: {state.problem.message}</p> : null;
  const { incoming, outgoing } = state.data;
  return (
    <>
      <section aria-labelledby="transfers-in">
        <h2 id="transfers-in" className="nhsuk-heading-m">
          Transfers waiting for your team
        </h2>
        {incoming.length === 0 ? (
          <p className="nhsuk-body">No transfers are waiting for your team.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet app-transfers-in">
            {incoming.map((t) => (
              <li key={`${t.personId}/${t.id}`}>
                <Link to={link(t)}>{t.person.name ?? 'Name not recorded'}</Link> from {t.sendingTeam.name}, proposed {formatDate(t.requestedAt)}
                {missingWords(t)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {outgoing.length ? (
        <section aria-labelledby="transfers-out">
          <h2 id="transfers-out" className="nhsuk-heading-m">
            Transfer pending: still on this caseload
          </h2>
          <ul className="nhsuk-list nhsuk-list--bullet app-transfers-out">
            {outgoing.map((t) => (
              <li key={`${t.personId}/${t.id}`}>
                <Link to={link(t)}>{t.person.name ?? 'Name not recorded'}</Link> <strong className="nhsuk-tag nhsuk-tag--yellow">Transfer pending</strong> to{' '}
                {t.receivingTeam?.name ?? t.receivingService}, proposed {formatDate(t.requestedAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
