import { SummaryList } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import type { PersonRecord } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';

const OPEN = new Set(['planned', 'waitlist', 'active', 'onhold']);
const EPISODE_STATUS: Record<string, string> = {
  planned: 'Planned',
  waitlist: 'On the waiting list',
  active: 'Open',
  onhold: 'On hold',
  finished: 'Closed',
  cancelled: 'Cancelled',
};

/** Who holds the person now (team, key worker), their flags and diagnoses; carers and family have their own section (carers/carers-section.tsx). */
export function CareSummary({ person }: { person: PersonRecord }) {
  const open = person.episodes.filter((e) => OPEN.has(e.status));
  return (
    <>
      <section aria-labelledby="care-heading">
        <h2 className="nhsuk-heading-m" id="care-heading">
          Care
        </h2>
        {open.length === 0 ? <p className="nhsuk-body">No open episode of care.</p> : null}
        {open.map((episode) => (
          <SummaryList key={episode.id} aria-label={`Episode of care with ${episode.team ?? 'an unnamed team'}`}>
            <SummaryList.Row>
              <SummaryList.Key>Team</SummaryList.Key>
              <SummaryList.Value>{episode.team ?? 'Not recorded'}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Key worker</SummaryList.Key>
              <SummaryList.Value>{episode.keyWorker ?? 'No key worker named'}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>With the team since</SummaryList.Key>
              <SummaryList.Value>{formatDate(episode.start)}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Status</SummaryList.Key>
              <SummaryList.Value>
                {EPISODE_STATUS[episode.status] ?? episode.status}
                {episode.intensity ? `, ${episode.intensity} care` : ''}
              </SummaryList.Value>
              <SummaryList.Action asElement={Link} to={`/people/${encodeURIComponent(person.id)}/discharge/${encodeURIComponent(episode.id)}`} visuallyHiddenText="from this team">
                Discharge
              </SummaryList.Action>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Transfer</SummaryList.Key>
              {/* One Value and one Action, not fragments: the Row finds its Action among its direct children. */}
              <SummaryList.Value>
                {episode.transferPending ? (
                  <>
                    <strong className="nhsuk-tag nhsuk-tag--yellow">Transfer pending</strong> The person stays with this team until the receiving side accepts.
                  </>
                ) : (
                  'To another team or area, with a handover packet'
                )}
              </SummaryList.Value>
              <SummaryList.Action
                asElement={Link}
                to={`/people/${encodeURIComponent(person.id)}/${episode.transferPending ? `transfers/${encodeURIComponent(episode.transferPending.id)}` : `transfer/${encodeURIComponent(episode.id)}`}`}
                visuallyHiddenText={episode.transferPending ? 'waiting for a decision' : 'to another team or area'}
              >
                {episode.transferPending ? 'See the transfer' : 'Transfer care'}
              </SummaryList.Action>
            </SummaryList.Row>
          </SummaryList>
        ))}
      </section>
      {person.flags.length ? (
        <section aria-labelledby="flags-heading">
          <h2 className="nhsuk-heading-m" id="flags-heading">
            Flags
          </h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {person.flags.map((flag) => (
              <li key={flag.id}>
                {flag.text}
                {flag.since ? `, since ${formatDate(flag.since)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="diagnoses-heading">
        <h2 className="nhsuk-heading-m" id="diagnoses-heading">
          Diagnoses
        </h2>
        {person.conditions.length === 0 ? (
          <p className="nhsuk-body">None recorded.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {person.conditions.map((condition) => (
              <li key={condition.id}>
                {condition.text}
                {condition.code ? ` (${condition.code})` : ''}
                {condition.onset ? `, since ${formatDate(condition.onset)}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
