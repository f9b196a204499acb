import { WorklistPage } from './worklist-page.tsx';

/**
 * The intensive-review worklist: people who may need intensive and assertive community care, by the
 * cohort criteria of NHS England's guidance (docs/intensive-care.md), each reason citing the
 * records that show it. Never a score: the MDT reads the reasons and decides.
 */
export function IntensiveReviewPage() {
  return (
    <WorklistPage
      name="intensive-review"
      title="Intensive and assertive care review"
      order="Most reasons first, then by id."
      intro={(whose) => (
        <>
          People open to {whose}, not already in intensive or assertive care, who present with psychosis
          (diagnosed or treated) and have at least two more of: disengagement, repeated admissions, a Mental Health Act history, substance use, several
          social needs, contact with the justice system, or a concern from family or carers. This is not a risk score: read the reasons and the records
          behind them, discuss the person at the MDT, and step their care up if that is what they need.
        </>
      )}
    />
  );
}
