import type { WorklistItem } from './worklist-types.ts';
import { evidenceLabel } from './evidence.ts';

/** Each reason in words, with the records that show it. */
export function ReasonList({ reasons, none = 'None' }: { reasons: WorklistItem['reasons']; none?: string }) {
  if (reasons.length === 0) return <>{none}</>;
  return (
    <ul className="nhsuk-list app-worklist-reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>
          {reason.text}
          <span className="nhsuk-body-s app-block app-evidence">Evidence: {reason.evidence.map(evidenceLabel).join('; ')}</span>
        </li>
      ))}
    </ul>
  );
}
