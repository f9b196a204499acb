import { WorklistPage } from '../worklists/worklist-page.tsx';

/**
 * The waiting worklist: people referred more than four weeks ago whose clock has not stopped (no
 * second contact and no care plan agreed), longest first, each with the referral, when they were
 * first seen and the last check-in. Contacting people while they wait is the action.
 */
export function WaitingPage() {
  return (
    <WorklistPage
      name="waiting"
      title="Waiting more than four weeks"
      order="Longest wait first."
      intro={() => (
        <>
          People referred to your teams more than 28 days ago who have not yet had a second contact or agreed a care plan. The clock starts on the day
          of the referral. A check-in while they wait is recorded, but it does not stop the clock. Referrals not yet triaged at the single point of
          access are on the whole trust's list.
        </>
      )}
    />
  );
}
