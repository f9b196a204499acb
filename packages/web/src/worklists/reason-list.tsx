import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { WorklistItem } from './worklist-types.ts';
import { evidenceLabel, evidencePath } from './evidence.ts';

/** Each reason in words, with the records that show it: links to them on the person's record when `personId` is given. */
export function ReasonList({ reasons, none = 'None', personId }: { reasons: WorklistItem['reasons']; none?: string; personId?: string }) {
  if (reasons.length === 0) return <>{none}</>;
  return (
    <ul className="nhsuk-list app-worklist-reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>
          {reason.text}
          <span className="nhsuk-body-s app-block app-evidence">
            Evidence:{' '}
            {personId
              ? reason.evidence.map((e, i) => (
                  <Fragment key={e}>
                    {i > 0 ? '; ' : null}
                    <Link to={evidencePath(personId, e)}>{evidenceLabel(e)}</Link>
                  </Fragment>
                ))
              : reason.evidence.map(evidenceLabel).join('; ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
