import { WorklistPage } from './worklist-page.tsx';

/**
 * The carer-concerns worklist: every concern from a carer or family member with no response
 * recorded, each with how long since it was received and when the response is or was due
 * (docs/carers.md). A concern stays on the list until it is answered.
 */
export function CarerConcernsPage() {
  return (
    <WorklistPage
      name="carer-concerns"
      title="Carers’ concerns awaiting a response"
      order="The most overdue first."
      intro={(whose) => (
        <>
          People held by {whose} about whom a carer or family
          member raised a concern that has no response recorded. A family asking for help is a red flag: a response is due within 72 hours of when the
          concern was received, unless your trust has set another time; each reason says when its response is due. A concern stays on the list until the response is recorded, however long ago it
          was raised. Open the person’s record to read the concern and record the response.
        </>
      )}
    />
  );
}
