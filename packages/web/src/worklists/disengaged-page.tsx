import { DecidedByMdt } from '../escalation/decided-by-mdt.tsx';
import { WorklistPage } from './worklist-page.tsx';

/**
 * The disengaged worklist: people a team holds who may be losing contact, each with the reasons and
 * the records that show them. The as-of date and team are in the address (they are not personal),
 * so a list can be bookmarked or shared with a colleague.
 */
export function DisengagedPage() {
  return (
    <WorklistPage
      name="disengaged"
      title="Disengaged"
      heading="People who may be losing contact"
      order="Most reasons first, then longest without contact."
      intro={(whose) => (
        <>
          People held by {whose} who have not had an attended contact within the interval their care plan sets
          (7 days in intensive or assertive care, 28 otherwise, when it sets none), who missed their last two or more appointments, whose long-acting
          injection is more than 7 days overdue, or who stopped a medicine against advice. Each reason names the records that show it. Missed
          appointments are a reason to reach out, never to discharge.
        </>
      )}
      after={(list) => <DecidedByMdt list={list} />}
    />
  );
}
