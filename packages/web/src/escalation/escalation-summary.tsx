import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router-dom';
import { formatDate } from '../format/dates.ts';
import type { EscalationSummaryView } from './escalation-types.ts';

export const escalationPath = (personId: string) => `/people/${encodeURIComponent(personId)}/escalation`;

/** On a worklist row: the next assertive-engagement step and who owns it, how many are overdue, and a link to the ladder. */
export function EscalationSummary({ personId, name, summary }: { personId: string; name: string; summary: EscalationSummaryView | null }) {
  const next = summary?.next;
  return (
    <>
      {next ? (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
          Next: {next.label}, {next.owner ? `owned by ${next.owner.name}` : 'nobody assigned'}, due {formatDate(next.due)}
          {next.overdue ? (
            <>
              {' '}
              <Tag modifier="red">Overdue</Tag>
            </>
          ) : null}
        </p>
      ) : summary ? (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Every step is done.</p>
      ) : null}
      {summary && summary.overdue > 0 ? (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
          {summary.overdue === 1 ? '1 step' : `${summary.overdue} steps`} overdue
        </p>
      ) : null}
      <Link to={escalationPath(personId)} className="nhsuk-body-s">
        Assertive engagement<span className="nhsuk-u-visually-hidden"> for {name}</span>
      </Link>
    </>
  );
}
