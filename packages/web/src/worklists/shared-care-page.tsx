import { WorklistPage } from './worklist-page.tsx';

/**
 * The shared-care worklist: people whose GP practice declined a shared care proposal while the
 * medicine is still prescribed, or has not answered one within 14 days (docs/shared-care.md). Each
 * reason names the agreement and the prescription.
 */
export function SharedCarePage() {
  return (
    <WorklistPage
      name="shared-care"
      title="Shared care declined or unanswered"
      heading="Shared care proposals that need the team to act"
      order="Longest waiting first."
      intro={(whose) => (
        <>
          People held by {whose} whose GP practice declined shared care of a medicine that is still
          prescribed, with no later agreement accepted, or has not answered a proposal within 14 days. Until a practice accepts, prescribing and every
          monitoring task stay with the specialist team. Each reason names the agreement and the prescription.
        </>
      )}
    />
  );
}
