import { WorklistPage } from './worklist-page.tsx';

/**
 * The mha-deadlines worklist: people whose Community Treatment Order expires within 28 days, or
 * has expired with no renewal recorded (docs/mental-health-act.md), each reason citing the CTO.
 */
export function MhaDeadlinesPage() {
  return (
    <WorklistPage
      name="mha-deadlines"
      title="Mental Health Act deadlines"
      heading="Community Treatment Orders expiring or expired"
      order="Longest expired first, then soonest to expire."
      intro={(whose) => (
        <>
          People held by {whose} whose Community Treatment Order expires within the next 28 days, or whose
          order passed its expiry date with no renewal recorded and is still recorded as current. A CTO lasts 6 months, is renewable for 6 months, then for
          a year at a time; the responsible clinician examines the person in the 2 months before it expires. Open the person’s record to record a
          renewal, a recall, a revocation or a discharge.
        </>
      )}
    />
  );
}
