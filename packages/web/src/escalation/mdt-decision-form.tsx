import { Button, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { FormErrors, errorFor, type FormError } from '../forms/form-errors.tsx';
import { useEscalationPost } from './use-escalation-post.ts';

const IDS = { decidedOn: 'decision-date', decision: 'decision-text', reviewOn: 'decision-review' };
const NAMES = { decidedOn: 'Date of the decision', decision: 'Decision', reviewOn: 'Review date' };

/**
 * Records what the MDT decided about a person out of contact. It takes them off the disengaged list
 * until the review date; the day after, with still no contact, they are back on it.
 */
export function MdtDecisionForm({ personId, onSaved }: { personId: string; onSaved: (what: string) => void }) {
  const [decidedOn, setDecidedOn] = useState('');
  const [decision, setDecision] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const post = useEscalationPost(IDS, NAMES, () => {
    onSaved(`MDT decision recorded; review on ${reviewOn}.`);
    setDecidedOn('');
    setDecision('');
    setReviewOn('');
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!decidedOn) missing.push({ fieldId: IDS.decidedOn, message: 'Enter the date the MDT decided' });
    if (!decision.trim()) missing.push({ fieldId: IDS.decision, message: 'Enter what the MDT decided' });
    if (!reviewOn) missing.push({ fieldId: IDS.reviewOn, message: 'Enter the date to review the decision' });
    if (missing.length) return post.setErrors(missing);
    void post.send(`/api/people/${encodeURIComponent(personId)}/escalation/decisions`, { decidedOn, decision: decision.trim(), reviewOn });
  }

  return (
    <section aria-labelledby="record-decision">
      <h2 id="record-decision" className="nhsuk-heading-m">
        Record an MDT decision
      </h2>
      <p className="nhsuk-body-s">The person leaves the disengaged list until the review date. If there is still no contact the day after it, they are back on the list.</p>
      <FormErrors errors={post.errors} />
      <form onSubmit={submit} noValidate aria-label="Record an MDT decision">
        <TextInput id={IDS.decidedOn} type="date" label="Date of the decision" labelProps={{ size: 's' }} width={10} value={decidedOn} error={errorFor(post.errors, IDS.decidedOn)} onChange={(e) => setDecidedOn(e.currentTarget.value)} />
        <Textarea id={IDS.decision} label="What the MDT decided" labelProps={{ size: 's' }} hint="The plan while they are out of contact, and why." rows={3} maxLength={4000} value={decision} error={errorFor(post.errors, IDS.decision)} onChange={(e) => setDecision(e.currentTarget.value)} />
        <TextInput id={IDS.reviewOn} type="date" label="Review the decision on" labelProps={{ size: 's' }} width={10} value={reviewOn} error={errorFor(post.errors, IDS.reviewOn)} onChange={(e) => setReviewOn(e.currentTarget.value)} />
        <Button type="submit" disabled={post.busy}>
          Record the decision
        </Button>
      </form>
    </section>
  );
}
