import type { StatusChange } from '@continuity/domain';
import { formatDate } from '../format/dates.ts';
// By path, not the domain's index: only the rules' words go into the app.
import { sharedCareStatuses } from '../../../domain/src/shared-care/shared-care-rules.ts';

/** An agreement's status now and the day of every change: "Accepted (proposed 1 June 2026, accepted 20 June 2026)". */
export function AgreementHistory({ history }: { history: readonly StatusChange[] }) {
  const now = history.at(-1);
  if (!now) return null;
  return (
    <>
      <strong>{sharedCareStatuses[now.status].label}</strong>
      {' ('}
      {history.map((change) => `${change.status} ${formatDate(change.date)}`).join(', ')}
      {')'}
    </>
  );
}
